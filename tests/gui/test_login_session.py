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
