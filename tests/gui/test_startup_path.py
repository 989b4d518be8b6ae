"""Start-up: only what the first window needs is loaded before it paints; the
database check runs beside the sign-in and still stops a damaged database;
the Beranda counts come after the window's first paint."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QMessageBox
from support.accounts import make_account, make_profile

ROOT = Path(__file__).resolve().parents[2]

# The real entry point and the real sign-in flow; at the sign-in dialog's first paint the
# child lists the modules loaded so far and cancels the sign-in.
CHILD = """
import json, sys
sys.argv = ["balai-app", "--db", sys.argv[1]]
import balai_app.gui.start.login_dialog as login_dialog
from balai_app.__main__ import main

real_init = login_dialog.LoginDialog.__init__
def init(dialog, *args, **kwargs):
    real_init(dialog, *args, **kwargs)
    from PySide6.QtCore import QEvent, QObject, QTimer
    class Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                loaded = sorted(m for m, module in sys.modules.items() if module is not None)
                print("MODULES " + json.dumps(loaded), flush=True)
                print("NAME " + dialog.form.ui.balaiName.text(), flush=True)
                import PySide6.QtCore
                print("QT_NAMESPACE " + json.dumps("Qt" in vars(PySide6.QtCore)), flush=True)
                QTimer.singleShot(0, dialog.reject)
            return False
    dialog._watcher = Painted()
    dialog.installEventFilter(dialog._watcher)
login_dialog.LoginDialog.__init__ = init
sys.exit(main())
"""

# Only a guard against a hang: the sign-in is meant to close on the event the test waits for
# (the check's verdict), which on a loaded PC can take far longer than on a quiet one.
HANG_GUARD_MS = 300_000


def _record_sign_ins(monkeypatch, *, cancel_second: bool) -> list:
    """The sign-in dialogs shown, in order. Each really runs (closed by what the test waits
    for, or by the hang guard); ``cancel_second``: a second one (after a restore) is cancelled."""
    from balai_app.gui.start.login_dialog import LoginDialog

    shown: list = []
    real_exec = LoginDialog.exec

    def exec_(dialog):
        shown.append(dialog)
        if cancel_second and len(shown) > 1:
            return QDialog.DialogCode.Rejected
        QTimer.singleShot(HANG_GUARD_MS, dialog.reject)
        return real_exec(dialog)

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    return shown


def _at_the_sign_in_paint(path, tmp_path) -> dict[str, str]:
    """What the child printed at the sign-in's first paint: {"MODULES": json, "NAME": text, "QT_NAMESPACE": json}."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BALAI_DATA_DIR=str(tmp_path / "data"))
    out = subprocess.run([sys.executable, "-c", CHILD, path], check=False, capture_output=True, text=True, cwd=ROOT, env=env,
                         timeout=120)
    seen = dict(line.split(" ", 1) for line in out.stdout.splitlines()
                if line.split(" ", 1)[0] in ("MODULES", "NAME", "QT_NAMESPACE"))
    assert out.returncode == 0 and "MODULES" in seen, out.stderr
    return seen


def _modules_at_the_sign_in_paint(path, tmp_path) -> tuple[set[str], str]:
    seen = _at_the_sign_in_paint(path, tmp_path)
    return set(json.loads(seen["MODULES"])), seen["NAME"]


def test_nothing_but_the_sign_in_is_loaded_before_it_paints(db, tmp_path, fast_hashing):
    make_profile()
    make_account("admin")
    loaded, name = _modules_at_the_sign_in_paint(db.database, tmp_path)
    assert "balai_app.gui.start.login_dialog" in loaded
    assert name == "Balai Uji", "the balai's name is on the sign-in from its first paint"
    never = {
        "balai_app.cli.residents", "balai_app.cli.certificates", "balai_app.cli.demo", "balai_app.cli.sessions",
        "balai_app.gui.start.setup_wizard", "balai_app.gui.main_window", "balai_app.gui.home.home",
        "balai_app.services.certificates", "balai_app.services.demo", "balai_app.services.resident_io",
        "balai_app.documents.certificate", "qtawesome", "qtpy",
        # the database check starts once the sign-in is painted; a password change only when needed
        "balai_app.services.backup", "balai_app.gui.start.startup_check",
        "balai_app.gui.start.change_password_dialog",
        # argon2id loads on the first password check, not with services.accounts
        "argon2",
        # the PostgreSQL driver only for a server database (peewee would import it with itself)
        "psycopg",
        # the database layer and the services on it open just after the sign-in's paint (issue 18)
        "peewee", "playhouse", "balai_app.db", "balai_app.db.connection", "balai_app.db.models",
        "balai_app.services.accounts", "balai_app.services.profile", "balai_app.services.database",
        "balai_app.gui.common.integrity_watch", "balai_app.gui.common.service_call",
        # the log file, the file-dialog guard and the error dialog come right after the paint too
        "logging.handlers", "balai_app.log", "balai_app.gui.common.file_dialogs",
        "balai_app.gui.common.error_dialog",
        # the signed-in person (a frozen dataclass) comes with the sign-in, not before its paint
        "dataclasses", "balai_app.services.context",
    }
    assert not (never & loaded), sorted(never & loaded)


def test_the_sign_in_paints_without_qts_namespace_or_unused_qt_classes(db, tmp_path, fast_hashing):
    """PySide6 builds a class, with its enums, the first time it is handed out: Qt's namespace
    alone is a hundred-odd enums. The sign-in (without a logo) needs none of it, and the
    compiled forms import only the Qt classes they use."""
    make_profile()
    make_account("admin")
    seen = _at_the_sign_in_paint(db.database, tmp_path)
    assert json.loads(seen["QT_NAMESPACE"]) is False
    form = (ROOT / "balai_app" / "gui" / "forms" / "ui_login_form.py").read_text(encoding="utf-8")
    for unused in ("QBrush", "QConicalGradient", "QPalette", "QPainter", "QTransform"):
        assert unused not in form


def test_a_first_start_opens_the_database_before_anything_is_shown(tmp_path):
    """No balai yet: there is no sign-in to paint early; the set-up wizard comes after the open."""
    from balai_app.services.sign_in_facts import peek

    assert peek(tmp_path / "none.sqlite") is None
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    assert peek(empty) is None
    foreign = tmp_path / "foreign.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE notes (text TEXT)")
    conn.close()
    assert peek(foreign) is None, "another program's file is opened (and refused) before anything is shown"
    garbage = tmp_path / "garbage.sqlite"
    garbage.write_bytes(b"not a database at all" * 100)
    assert peek(garbage) is None


def test_the_look_before_the_open_needs_a_balai_with_an_account(db):
    from balai_app.services.sign_in_facts import peek

    assert peek(db.database) is None, "no profile, no account: set-up first"
    make_profile()
    assert peek(db.database) is None, "a profile without an account: the wizard makes the admin"
    make_account("admin")
    facts = peek(db.database)
    assert facts is not None and facts.name == "Balai Uji" and facts.is_demo is False and facts.logo is None


# The real entry point through the sign-in to the main window; at the main window's first
# paint the child lists the modules loaded so far and which thread imported qtawesome.
MAIN_CHILD = """
import json, sys, threading
sys.argv = ["balai-app", "--db", sys.argv[1]]
seen = {}
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name in ("qtawesome", "balai_app.gui.main_window", "balai_app.gui.aftercare.home_followups"):
            seen.setdefault(name, threading.current_thread().name)
        return None
sys.meta_path.insert(0, Spy())
import balai_app.gui.app as gui_app
import balai_app.gui.start.login_dialog as login_dialog
from balai_app.__main__ import main

def painted(widget, then):
    from PySide6.QtCore import QEvent, QObject
    class Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                then()
            return False
    widget._watcher = Painted()
    widget.installEventFilter(widget._watcher)

real_init = login_dialog.LoginDialog.__init__
def init(dialog, *args, **kwargs):
    real_init(dialog, *args, **kwargs)
    def click():
        from PySide6.QtCore import QTimer
        def go():
            dialog.form.ui.usernameEdit.setText("admin")
            dialog.form.ui.passwordEdit.setText("rahasia123")
            dialog.form.ui.signInButton.click()
        QTimer.singleShot(0, go)
    painted(dialog, click)
login_dialog.LoginDialog.__init__ = init

real_show = gui_app.GuiSession.show_window
def show_window(self, actor):
    real_show(self, actor)
    def report():
        from PySide6.QtCore import QTimer
        loaded = sorted(m for m, module in sys.modules.items() if module is not None)
        print("MODULES " + json.dumps(loaded), flush=True)
        print("QTAWESOME " + json.dumps(seen.get("qtawesome")), flush=True)
        print("WINDOW " + json.dumps(seen.get("balai_app.gui.main_window")), flush=True)
        print("FOLLOWUPS " + json.dumps(seen.get("balai_app.gui.aftercare.home_followups")), flush=True)
        QTimer.singleShot(0, self.window.close)
    painted(self.window, report)
gui_app.GuiSession.show_window = show_window
sys.exit(main())
"""


def test_the_main_window_paints_with_its_first_page_only_and_icons_off_the_gui_thread(db, tmp_path):
    make_profile()
    make_account("admin")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BALAI_DATA_DIR=str(tmp_path / "data"),
               BALAI_BACKUP_DIR=str(tmp_path / "backups"))
    out = subprocess.run([sys.executable, "-c", MAIN_CHILD, db.database], check=False, capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=180)
    lines = {line.split(" ", 1)[0]: json.loads(line.split(" ", 1)[1]) for line in out.stdout.splitlines()
             if line.startswith(("MODULES ", "QTAWESOME ", "WINDOW ", "FOLLOWUPS "))}
    assert out.returncode == 0 and "MODULES" in lines, out.stdout + out.stderr
    loaded = set(lines["MODULES"])
    assert "balai_app.gui.home.home" in loaded, "Beranda, the admin's first page, is built"
    other_pages = {"balai_app.gui.residents.residents_page", "balai_app.gui.training.training_page",
                   "balai_app.gui.sessions.sessions_page", "balai_app.gui.certificates.certificates_page",
                   "balai_app.gui.reports.reports_page", "balai_app.gui.audit.audit_page",
                   "balai_app.gui.settings.settings_page"}
    assert not (other_pages & loaded), sorted(other_pages & loaded)
    assert lines["QTAWESOME"] in (None, "balai-icons-import"), "qtawesome is never imported on the GUI thread " \
        "before the main window paints"
    assert lines["WINDOW"] == "balai-preload", "the main window's code loads while the person types"
    assert lines["FOLLOWUPS"] == "balai-preload", "so does the Beranda's follow-up panel"


@pytest.fixture
def answers(monkeypatch):
    shown = []

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return QMessageBox.StandardButton.Yes if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    return shown


def _damage_residents(path: Path) -> None:
    """Break the resident table's root page: the file still opens, the quick check fails."""
    from balai_app.db.connection import close_database

    close_database()
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'resident'").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)


def test_damage_found_while_the_sign_in_is_open_closes_it_and_offers_the_backup(
        gui_app, db, make_resident, system, answers, monkeypatch, qtbot, fast_hashing):
    from balai_app.gui.app import BackgroundCheck, GuiSession, open_checked_database
    from balai_app.services import backup

    make_profile()
    make_account("admin")
    for _ in range(12):
        make_resident()
    path = Path(db.database)
    backup.create_backup(system)
    _damage_residents(path)

    check = BackgroundCheck(path).start()
    assert open_checked_database(check)
    assert check.settled is False, "a database that opens is not held up by the check"
    session = GuiSession(gui_app, check)
    shown = _record_sign_ins(monkeypatch, cancel_second=True)
    assert session.sign_in() is None
    assert len(shown) == 2, "the sign-in closed for the damage, then came back on the restored database"
    assert [kind for kind, _text in answers] == ["question", "information"]
    assert "rusak" in answers[0][1]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 12
    finally:
        conn.close()


def test_a_sound_database_lets_the_sign_in_go_on(gui_app, db, answers, monkeypatch, fast_hashing):
    from balai_app.gui.app import BackgroundCheck, GuiSession, open_checked_database
    from balai_app.gui.start.login_dialog import LoginDialog
    from balai_app.services import accounts

    make_profile()
    make_account("admin")
    check = BackgroundCheck(Path(db.database)).start()
    assert open_checked_database(check)
    session = GuiSession(gui_app, check)

    def exec_(dialog):
        QTimer.singleShot(0, lambda: (dialog.form.ui.usernameEdit.setText("admin"),
                                      dialog.form.ui.passwordEdit.setText("rahasia123"),
                                      dialog.form.ui.signInButton.click()))
        return QDialog.exec(dialog)

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    signed = session.sign_in()
    assert signed is not None and signed.actor.username == "admin" and answers == []
    assert check.settled
    accounts.sign_out(signed.actor)


def test_beranda_counts_come_after_the_first_paint(gui_app, db, system, make_resident, qtbot):
    from balai_app.gui.main_window import MainWindow

    for _ in range(3):
        make_resident()
    window = MainWindow(system)
    qtbot.addWidget(window)
    home = window.current_page()
    assert home.model.rowCount() == 0 and "menghitung" in home.heading.text()
    window.show()
    qtbot.waitUntil(lambda: home.model.rowCount() > 0)
    assert "menghitung" not in home.heading.text()
    totals = home.model.item(home.model.rowCount() - 1, home.model.columnCount() - 1).text()
    assert totals == "3"


ICON_CHILD = """
import sys, threading
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton
seen = {}
class Spy:
    def find_spec(self, name, path=None, target=None):
        if name == "qtawesome":
            seen[name] = threading.current_thread().name
        return None
sys.meta_path.insert(0, Spy())
from balai_app.gui.common import icons
app = QApplication([])
button = QPushButton("Beranda")
icons.later(button.setIcon, "fa5s.home")
icons.flush_after_first_paint(button)
button.show()
def check():
    if button.icon().isNull():
        QTimer.singleShot(20, check)
        return
    print("IMPORTED_ON", seen.get("qtawesome"), flush=True)
    app.quit()
QTimer.singleShot(0, check)
QTimer.singleShot(60_000, app.quit)
app.exec()
"""


def test_icons_arrive_after_the_first_paint_imported_off_the_gui_thread(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", ICON_CHILD], check=False, capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=120)
    assert "IMPORTED_ON balai-icons-import" in out.stdout, out.stdout + out.stderr


def test_a_window_closed_before_its_first_paint_runs_no_deferred_work(gui_app, db, system, qtbot, monkeypatch):
    from balai_app.gui import main_window
    from balai_app.gui.main_window import MainWindow

    monkeypatch.setattr(main_window, "AFTER_PAINT_SAFETY_MS", 10)
    window = MainWindow(system)
    ran = []
    window.after_first_paint(lambda: ran.append(True))
    qtbot.wait(100)  # the safety timer fired: the window was never shown, nothing runs
    assert ran == []
    window.deleteLater()


PAINT_CHILD = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QWidget
from balai_app.gui.app import make_application
app = make_application()
class Painted(QWidget):
    def paintEvent(self, event):
        pass
widget = Painted()
widget.show()
app.processEvents()
for _ in range(12_000):  # a day's repaints; PySide6 6.12.0 on Python 3.11 aborted after ~3,700
    widget.repaint()
print("SURVIVED", flush=True)
"""


def test_the_window_survives_thousands_of_repaints(tmp_path):
    """shiboken6 6.12.0 drops a reference to None at every Python paintEvent: without the guard
    of gui/common/pyside_guard.py the interpreter aborts ('deallocating None') on Python 3.11."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PAINT_CHILD], check=False, capture_output=True, text=True,
                         cwd=ROOT, env=env, timeout=300)
    assert out.returncode == 0 and "SURVIVED" in out.stdout, out.stderr[-2000:]


def _deferred_session(gui_app, path: Path):
    """A session as ``run_gui`` makes it for a balai with accounts: the sign-in paints first."""
    from balai_app.db.connection import close_database
    from balai_app.gui.app import BackgroundCheck, GuiSession
    from balai_app.services.sign_in_facts import peek

    close_database()  # as at a real start: nothing is open before the sign-in's paint
    facts = peek(path)
    assert facts is not None
    session = GuiSession(gui_app, BackgroundCheck(path))
    session.open_after_paint(facts)
    return session


def test_a_newer_database_is_refused_right_after_the_sign_in_paints(gui_app, db, answers, monkeypatch, qtbot):
    from balai_app.db import migrations
    from balai_app.db.connection import close_database

    make_profile()
    make_account("admin")
    path = Path(db.database)
    close_database()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()
    before = path.read_bytes()
    session = _deferred_session(gui_app, path)
    shown = _record_sign_ins(monkeypatch, cancel_second=False)
    assert session.start() is False
    assert session.check_failed, "the program ends with exit code 1"
    assert len(shown) == 1 and [kind for kind, _text in answers] == ["critical"]
    assert "lebih baru" in answers[0][1]
    assert path.read_bytes() == before, "the newer file is left exactly as it was"
    session.finish()


def test_damage_found_after_a_deferred_open_closes_the_sign_in_and_offers_the_backup(
        gui_app, db, make_resident, system, answers, monkeypatch, qtbot):
    from balai_app.services import backup

    make_profile()
    make_account("admin")
    for _ in range(5):
        make_resident()
    path = Path(db.database)
    backup.create_backup(system)
    _damage_residents(path)
    session = _deferred_session(gui_app, path)
    shown = _record_sign_ins(monkeypatch, cancel_second=True)
    assert session.start() is False
    assert len(shown) == 2, "the sign-in closed for the damage, then came back on the restored database"
    assert [kind for kind, _text in answers] == ["question", "information"]
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM resident").fetchone()[0] == 5
    finally:
        conn.close()
    # The full check runs on the restored file only: a verdict on the damaged one would
    # turn the restored database read-only.
    from balai_app.services.integrity import read_only_reason

    assert session.watch is not None
    qtbot.waitUntil(lambda: session.watch.problems is not None, timeout=60_000)
    assert session.watch.problems == [] and read_only_reason() is None
    session.finish()


def test_masuk_before_the_deferred_open_waits_for_it_and_signs_in(gui_app, db, answers, monkeypatch, fast_hashing):
    from balai_app.gui.start.login_dialog import LoginDialog
    from balai_app.services import accounts, database

    make_profile(name="Balai Cepat")
    make_account("admin")
    session = _deferred_session(gui_app, Path(db.database))

    def exec_(dialog):
        assert dialog.form.ui.balaiName.text() == "Balai Cepat", "the name from the look before the open"
        dialog.form.ui.usernameEdit.setText("admin")
        dialog.form.ui.passwordEdit.setText("rahasia123")
        dialog.form.ui.signInButton.click()  # before the dialog was ever shown or painted
        return dialog.result()

    monkeypatch.setattr(LoginDialog, "exec", exec_)
    signed = session.sign_in()
    assert signed is not None and signed.actor.username == "admin" and answers == []
    assert not database.needs_upgrade() and session.watch is not None
    accounts.sign_out(signed.actor)
    session.finish()
