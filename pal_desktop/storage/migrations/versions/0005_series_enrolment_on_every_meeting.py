"""A series keeps its enrolment on every meeting: copy the enrolment of series created before onto their later
meetings.

Before this revision, enrolling on a series wrote only the meeting the window was opened on (usually the
first), so the later meetings showed nobody enrolled, printed blank lists and could not be marked. Every
meeting of a series that has no enrolment at all now receives that of the nearest earlier meeting that has
one (within its own capacity: the rest go to its waiting list). Meetings that were enrolled one by one keep
what they have. No schema change: the enrolment rows of each meeting stay the one source of truth.

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-03 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None

ENROLLED, WAITING = "zapisany", "lista_rezerwowa"


def upgrade() -> None:
    bind = op.get_bind()
    meetings = bind.execute(sa.text(
        "SELECT id, series_id, capacity FROM event WHERE series_id IS NOT NULL "
        "ORDER BY series_id, event_date, id")).all()
    previous: dict[int, list[tuple[int, str]]] = {}
    for event_id, series_id, capacity in meetings:
        rows = bind.execute(sa.text(
            "SELECT participant_id, status FROM enrolment WHERE event_id = :event AND status IN (:enrolled, :waiting) "
            "ORDER BY CASE WHEN status = :enrolled THEN 0 ELSE 1 END, created_at, id"),
            {"event": event_id, "enrolled": ENROLLED, "waiting": WAITING}).all()
        if rows:
            previous[series_id] = [(pid, status) for pid, status in rows]
            continue
        source = previous.get(series_id)
        if not source:
            continue
        enrolled = 0
        for participant_id, _status in source:
            status = ENROLLED if capacity is None or enrolled < capacity else WAITING
            enrolled += status == ENROLLED
            bind.execute(sa.text(
                "INSERT INTO enrolment (event_id, participant_id, status, created_by, updated_by, version) "
                "VALUES (:event, :participant, :status, 'migracja 0005', 'migracja 0005', 1)"),
                {"event": event_id, "participant": participant_id, "status": status})


def downgrade() -> None:
    op.get_bind().execute(sa.text("DELETE FROM enrolment WHERE created_by = 'migracja 0005'"))
