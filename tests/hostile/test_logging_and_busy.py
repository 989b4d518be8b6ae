"""Logging, the unexpected-error dialog, and a database busy for longer than the wait (issue 12)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path


NIK = "3201014101900001"
NAME = "Siti Rahasia Aminah"
SHOTS = Path(os.environ.get("BALAI_SHOTS", tempfile.gettempdir()))


def run(*args, env_extra=None):
    env = {**os.environ, **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "balai_app", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_the_log_records_what_support_needs_and_no_personal_data(tmp_path, isolated_paths):
    db = tmp_path / "kantor.sqlite"
    assert run("--db", str(db), "demo", "--residents", "5").returncode == 0
    csv = tmp_path / "pm.csv"
    csv.write_text(f"nik;nama;jenis_kelamin;klaster;tanggal_lahir;tanggal_masuk\n{NIK};{NAME};P;anak;01/01/1990;"
                   "05/01/2026\n", encoding="utf-8")
    result = run("--db", str(db), "--user", "admin", "residents", "import", str(csv),
                 env_extra={"BALAI_PASSWORD": "demo"})
    assert result.returncode == 0, result.stderr
    assert run("--db", str(db), "--user", "admin", "residents", "list",
               env_extra={"BALAI_PASSWORD": "salah-sandi-rahasia"}).returncode == 1
    assert run("--db", str(db), "--user", "admin", "backup", env_extra={"BALAI_PASSWORD": "demo"}).returncode == 0
    text = (isolated_paths / "logs" / "balai.log").read_text(encoding="utf-8")
    assert "basis data dibuka" in text and "cadangan dibuat" in text and "perintah: residents (cmd_import)" in text
    assert NIK not in text and NAME not in text and "salah-sandi-rahasia" not in text and "demo\n" not in text


def test_the_log_masks_a_nik_in_an_error_message():
    from balai_app import log

    assert log.scrub(f"UNIQUE constraint failed: resident.nik {NIK}; password=abc") == (
        "UNIQUE constraint failed: resident.nik ****************; password=***")


def test_an_unexpected_error_is_logged_explained_and_the_program_goes_on(gui_app, qtbot, isolated_paths,
                                                                         monkeypatch):
    from balai_app import log
    from balai_app.gui.common import error_dialog

    log.setup()
    shown = []
    monkeypatch.setattr(error_dialog.QMessageBox, "exec", lambda box: shown.append(box) or 0)
    try:
        raise ZeroDivisionError(f"pembagian untuk {NIK}")
    except ZeroDivisionError:
        error_dialog.handle(*sys.exc_info())
    box = shown[0]
    assert "tidak terduga" in box.text() and "Program tetap berjalan" in box.text()
    assert str(isolated_paths / "logs" / "balai.log") in box.text()
    assert NIK not in box.detailedText() and "ZeroDivisionError" in box.detailedText()
    logged = (isolated_paths / "logs" / "balai.log").read_text(encoding="utf-8")
    assert "ZeroDivisionError" in logged and "Traceback" in logged and NIK not in logged
    box.show()
    box.grab().save(str(SHOTS / "unexpected-error-dialog.png"))
    box.close()
    busy = error_dialog.explain(sqlite3.OperationalError("database is locked"))
    assert "sedang dipakai" in busy and "coba lagi" in busy


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_a_busy_database_gives_an_indonesian_message_and_exit_1(tmp_path):
    db = tmp_path / "kantor.sqlite"
    assert run("--db", str(db), "demo", "--residents", "5").returncode == 0
    holder = _hold_write_lock(db)
    try:
        result = run("--db", str(db), "--user", "staf", "batches", "create", "--program", "DG", "--name", "X",
                     "--start", "2030-01-01", "--end", "2030-03-01",
                     env_extra={"BALAI_PASSWORD": "demo", "BALAI_BUSY_TIMEOUT": "0.3"})
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 1, result.stdout
    assert "sedang dipakai" in result.stderr and "Traceback" not in result.stderr


def test_sign_in_on_a_busy_database_says_so_and_can_be_retried(db, gui_app, qtbot, monkeypatch):
    from support.accounts import PASSWORD, make_account

    from balai_app.db.connection import close_database, open_database
    from balai_app.gui.start.login_dialog import LoginDialog

    make_account("staf", "rina")
    path = Path(db.database)
    close_database()
    open_database(path, busy_ms=200)
    holder = _hold_write_lock(path)
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.form.ui.usernameEdit.setText("rina")
    dialog.form.ui.passwordEdit.setText(PASSWORD)
    dialog.form.try_sign_in()
    assert "sibuk" in dialog.form.ui.messageLabel.text() and dialog.signed is None
    assert dialog.form.ui.passwordEdit.text() == PASSWORD  # "Masuk" again is the retry
    dialog.layout().activate()
    gui_app.processEvents()
    dialog.grab().save(str(SHOTS / "sign-in-busy.png"))
    holder.rollback()
    holder.close()
    dialog.form.try_sign_in()
    assert dialog.signed is not None and dialog.signed.actor.username == "rina"
