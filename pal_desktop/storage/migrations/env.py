"""Alembic environment: runs inside the application (see storage.migrate), on the connection it is given."""

from alembic import context

from pal_desktop.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # Alembic run on its own (tests, a developer): the same safe transaction
        from pal_desktop.storage.db import create_db_engine, describe
        from pal_desktop.storage.migrate import migration_transaction

        url = config.get_main_option("sqlalchemy.url")
        engine = create_db_engine(url)
        try:
            with migration_transaction(engine, describe(url)) as connection:
                _run(connection)
        finally:
            engine.dispose()
        return
    _run(connection)


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("PAL Desktop runs its migrations online only.")
run_migrations_online()
