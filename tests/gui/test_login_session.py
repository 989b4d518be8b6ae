"""The sign-in loop of the program: after a sign-out the sign-in comes back and the next person gets a window."""

from __future__ import annotations

import pytest
from support.accounts import PASSWORD, make_account, make_profile

from balai_app.gui.app import GuiSession
from balai_app.services import accounts


@pytest.fixture
def session(db, gui_app, fast_hashing):
    make_profile()
    quits = gui_app.quitOnLastWindowClosed()
    yield GuiSession(gui_app)
    gui_app.setQuitOnLastWindowClosed(quits)


def test_sign_out_then_the_next_person_signs_in(session, qtbot, monkeypatch):
    rina = make_account("staf", "rina")
    make_account("instruktur", "joko")
    session.show_window(rina)
    first = session.window
    assert session.app.quitOnLastWindowClosed() is False  # a sign-out must not end the program
    monkeypatch.setattr(session, "sign_in", lambda: accounts.authenticate("joko", PASSWORD))
    first.sign_out()
    qtbot.waitUntil(lambda: session.window is not None and session.window is not first)
    second = session.window
    assert second.actor.username == "joko" and "residents" not in second.section_keys()
    second.close()


def test_sign_in_cancelled_after_a_sign_out_ends_the_program(session, qtbot, monkeypatch):
    rina = make_account("staf", "rina")
    session.show_window(rina)
    window = session.window
    quit_calls = []
    monkeypatch.setattr(session, "sign_in", lambda: None)
    monkeypatch.setattr(session, "quit", lambda: quit_calls.append(True))
    window.sign_out()
    qtbot.waitUntil(lambda: quit_calls == [True])
    assert session.window is None


def _sign_in_with(session, qtbot, attempts: list[tuple[str, str]]):
    """``session.sign_in()`` through the real dialog: each (name, password) typed and "Masuk"
    clicked in turn; the dialog is cancelled if it is still open after the last one."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from balai_app.gui.start.login_dialog import LoginDialog

    def drive():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible())
        for name, password in attempts:
            if not dialog.isVisible():
                return
            dialog.form.ui.usernameEdit.setText(name)
            dialog.form.ui.passwordEdit.setText(password)
            dialog.form.ui.signInButton.click()
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, drive)
    return session.sign_in()


@pytest.fixture
def builds(monkeypatch):
    """``windows``: each main window built, as (window, actor, the thread that built it);
    ``hashes``: the thread of each password check. The (cheap, in tests) hash of a known name
    waits until a window is being built, so a build that did not run beside it fails the test
    instead of passing by luck."""
    import threading
    from types import SimpleNamespace

    from balai_app.gui.main_window import MainWindow

    seen = SimpleNamespace(windows=[], hashes=[])
    building = threading.Event()
    real_init, real_verify = MainWindow.__init__, accounts._verify

    def init(window, actor, parent=None):
        seen.windows.append((window, actor, threading.current_thread().name))
        building.set()
        real_init(window, actor, parent)

    def verify(user, password):
        seen.hashes.append(threading.current_thread().name)
        if user is not None:
            assert building.wait(10), "the window was not built while the hash was checked"
        return real_verify(user, password)

    monkeypatch.setattr(MainWindow, "__init__", init)
    monkeypatch.setattr(accounts, "_verify", verify)
    return seen


def test_the_main_window_is_built_while_the_password_is_checked_and_shown_after(session, qtbot, builds):
    from PySide6.QtWidgets import QApplication

    from balai_app.gui.main_window import MainWindow

    rina = make_account("staf", "rina")
    signed = _sign_in_with(session, qtbot, [("rina", "salah-sandi"), ("rina", PASSWORD)])
    assert signed is not None and signed.actor == rina
    assert len(builds.windows) == 1, "built once, at the first 'Masuk', and kept for the second"
    window, actor, thread = builds.windows[0]
    assert actor == rina and thread == "MainThread"
    assert builds.hashes == ["balai-password-check"] * 2, "each hash on its own thread, beside the GUI thread"
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets()), \
        "nothing of it is shown before the sign-in returns"
    assert not window.idle_timer.isActive(), "no idle lock for a window nobody is signed in to"
    session.show_window(signed.actor)
    assert session.window is window and window.isVisible() and window.idle_timer.isActive()
    window.close()


def test_a_window_built_for_a_wrong_password_is_dropped_without_a_trace(session, qtbot, builds):
    import shiboken6

    from balai_app.db.models import AuditEvent

    make_account("staf", "rina")
    joko = make_account("instruktur", "joko")
    signed = _sign_in_with(session, qtbot, [("rina", "salah-sandi"), ("joko", PASSWORD)])
    assert signed is not None and signed.actor == joko
    assert [actor.username for _window, actor, _thread in builds.windows] == ["rina", "joko"]
    qtbot.waitUntil(lambda: not shiboken6.isValid(builds.windows[0][0]))  # rina's: deleted, never shown
    cancelled = _sign_in_with(session, qtbot, [("rina", "salah-sandi")])
    assert cancelled is None
    qtbot.waitUntil(lambda: not shiboken6.isValid(builds.windows[2][0]))
    assert not AuditEvent.select().where(AuditEvent.action == "logout").exists(), "a dropped window signs nobody out"
