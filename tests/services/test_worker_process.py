"""Heavy work in the worker process: results, Polish errors and Cancel come back as from a thread."""

from __future__ import annotations

import pytest

from pal_desktop import worker_process
from pal_desktop.errors import ValidationError
from pal_desktop.progress import OperationCancelled
from pal_desktop.services import participants
from pal_desktop.worker_process import ProcessCall

EXPORT = "pal_desktop.services.participant_export:export_participants"


def test_an_export_runs_in_the_worker_process_with_progress(demo_db, tmp_path):
    path = tmp_path / "eksport.xlsx"
    seen = []
    count = worker_process.run(ProcessCall(EXPORT, demo_db, (participants.ParticipantQuery(), path), progress=True),
                               lambda done, total: seen.append((done, total)) or True)
    assert count == participants.count_participants(demo_db, participants.ParticipantQuery())
    assert path.stat().st_size > 0
    assert seen and seen[-1] == (count, count)


def test_a_polish_error_keeps_its_field_and_parameters(db, tmp_path):
    call = ProcessCall(EXPORT, db, (participants.ParticipantQuery(), tmp_path / "lista.pdf"))
    with pytest.raises(ValidationError) as caught:
        worker_process.run(call, None)
    assert caught.value.field == "path"
    assert "xlsx" in str(caught.value).lower()


def test_cancel_stops_long_work_midway(db):
    seen = []

    def stop_after_a_few(done, total):
        seen.append(done)
        return done < 5

    with pytest.raises(OperationCancelled):
        worker_process.run(ProcessCall("tests.worker_targets:slow_steps", db, (1000,), progress=True),
                           stop_after_a_few)
    assert 5 <= max(seen) < 1000
