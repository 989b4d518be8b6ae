"""The window runs the full integrity check in the background right after opening; a
database whose index lacks a row (quick_check: ok) becomes read-only with a red banner."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

import pytest
from support.accounts import make_account, make_profile

from balai_app.db.connection import close_database, open_database, read_only_reason
from balai_app.gui.app import GuiSession
from tests.hostile.damage import drop_row_from_index

SHOTS = Path(os.environ.get("BALAI_SHOTS", tempfile.gettempdir()))


@pytest.fixture
def staffed_db(db_path, fast_hashing):
    open_database(db_path)
    make_profile()
    make_account("staf", "rina")
    for n in range(4):
        from balai_app.services import residents
        from balai_app.services.context import SYSTEM

        residents.create_resident(SYSTEM, {"name": f"Penerima {n}", "sex": "L", "klaster": "anak",
                                           "nik": f"32010115011{n + 1:05d}", "birth_date": "15-01-2011",
                                           "entry_date": "2026-01-05"}, confirm_warnings=True)
    close_database()
    yield db_path
    close_database()


def _session_on(path: Path, gui_app, monkeypatch):
    from balai_app.gui.common import integrity_watch
    from balai_app.gui.common.integrity_watch import IntegrityWatch

    shown = []
    monkeypatch.setattr(integrity_watch.QMessageBox, "show", lambda box: shown.append(box.text()))
    open_database(path)
    session = GuiSession(gui_app)
    session.watch = IntegrityWatch(path, session)
    return session, shown


def test_damage_found_after_opening_makes_the_window_read_only(staffed_db, gui_app, qtbot, monkeypatch):
    drop_row_from_index(staffed_db, rowid=2)
    session, shown = _session_on(staffed_db, gui_app, monkeypatch)
    from balai_app.services import residents
    from balai_app.services.context import Actor

    staf = Actor(2, "rina", "staf")
    session.show_window(staf)
    window = session.window
    with qtbot.waitSignal(session.watch.done, timeout=60_000):
        session.watch.start()
    assert "resident_status" in read_only_reason()
    banner = window.findChild(type(window.ui.demoBanner), "readOnlyBanner")
    assert banner is not None and banner.isVisible() and "HANYA-BACA" in banner.text()
    assert shown and "HANYA-BACA" in shown[0]
    window.resize(1280, 720)
    window.grab().save(str(SHOTS / "read-only-banner.png"))
    before = sqlite3.connect(staffed_db).execute("SELECT COUNT(*) FROM resident").fetchone()[0]
    with pytest.raises(Exception, match="readonly"):
        residents.create_resident(staf, {"name": "Baru", "sex": "P", "klaster": "anak", "nik": "3201015501110099",
                                         "birth_date": "15-01-2011", "entry_date": "2026-01-05"},
                                  confirm_warnings=True)
    assert sqlite3.connect(staffed_db).execute("SELECT COUNT(*) FROM resident").fetchone()[0] == before
    window.close()
    session.watch.wait()


def test_a_sound_database_stays_writable(staffed_db, gui_app, qtbot, monkeypatch):
    session, shown = _session_on(staffed_db, gui_app, monkeypatch)
    with qtbot.waitSignal(session.watch.done, timeout=60_000):
        session.watch.start()
    assert read_only_reason() is None and not shown
    session.watch.wait()
