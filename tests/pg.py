"""The PostgreSQL test database (PAL_TEST_PG_URL), shared by the service and the window tests."""

from __future__ import annotations

import os

PG_URL = os.environ.get("PAL_TEST_PG_URL", "")


def reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from pal_desktop.storage.db import normalise_url

    engine = create_engine(normalise_url(url))
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()
