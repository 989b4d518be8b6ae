"""The demo's training record: some participants eligible, some not, and everything consistent."""

from __future__ import annotations

from balai_app.db.models import Batch, UnitAssessment
from balai_app.services import demo, progress, sessions


def test_demo_has_eligible_and_not_eligible_participants(db, system):
    demo.create_demo(system, residents=80, seed=7)
    finished = list(Batch.select().where(Batch.status == "selesai"))
    running = list(Batch.select().where(Batch.status == "berjalan"))
    assert finished and running
    rows = [p for b in finished for p in progress.batch_progress(system, b.id)]
    assert any(p.eligible for p in rows) and any(not p.eligible for p in rows)
    assert all(p.sessions_counted > 0 for p in rows)
    assert not any(p.eligible for b in running for p in progress.batch_progress(system, b.id))
    # re-assessments exist (history kept), and sessions list their marks
    assert UnitAssessment.select().count() > sum(len(sessions.program_units(b.program_id)) for b in finished)
    listed = sessions.list_sessions(system, running[0].id)
    assert listed and all(s.marked > 0 for s in listed)
