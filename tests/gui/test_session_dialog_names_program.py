"""The "Sesi baru" dialog says which program the batch belongs to (issue 13): an instruktur may have
several batches called "Angkatan II 2026"."""

from __future__ import annotations

import datetime as dt

from balai_app.db.models import Batch, Program
from balai_app.gui.sessions.attendance_session_dialog import SessionDialog
from support.sessions import DAY, build_training


def test_new_session_dialog_names_program_and_batch(gui_app, qtbot, db, make_resident):
    training = build_training(make_resident, participants=2, units=1, start=dt.date.today() - 10 * DAY)
    Program.update(name="Menjahit Busana", code="MJH").where(Program.id == training.program.id).execute()
    Batch.update(name="Angkatan II 2026").where(Batch.id == training.batch.id).execute()
    dialog = SessionDialog(training.trainer_actor, training.batch.id)
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.ui.batchLabel.text()
    assert "Menjahit Busana" in text and "(MJH)" in text and "Angkatan II 2026" in text
    assert "Angkatan: Angkatan" not in text
    assert dialog.windowTitle() == "Sesi baru — Menjahit Busana, Angkatan II 2026"
    dialog.grab().save("/tmp/ux_shots/session_dialog.png")
