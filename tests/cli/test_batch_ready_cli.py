"""The CLI refuses sessions for a batch still "Direncanakan" (issue 13): exit 1, the reason, nothing written."""

from __future__ import annotations

import datetime as dt

from balai_app.cli import main
from balai_app.db.models import Batch, TrainingSession
from support.sessions import DAY, build_training

PASSWORD = "Rahasia-Instruktur-1"


def test_sessions_add_refused_for_planned_batch(db, db_path, make_resident, monkeypatch, capsys):
    training = build_training(make_resident, participants=1, units=1, start=dt.date.today() - 10 * DAY,
                              password=PASSWORD)
    monkeypatch.setenv("BALAI_PASSWORD", PASSWORD)
    Batch.update(status="direncanakan").where(Batch.id == training.batch.id).execute()
    assert main(["--db", str(db_path), "--user", training.trainer.username, "sessions", "add", "--batch",
                 str(training.batch.id), "--date", dt.date.today().strftime("%d/%m/%Y"), "--topic", "Jahit"]) == 1
    err = capsys.readouterr().err
    assert "masih berstatus Direncanakan" in err
    assert TrainingSession.select().count() == 0
