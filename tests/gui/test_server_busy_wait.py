"""The window on a server database never freezes behind another PC's lock (issue 16).

The window's connection waits only GUI_BUSY_MS for a lock (the server's lock_timeout);
then the same busy bar as on SQLite ("Coba lagi sekarang" / "Batal") retries until the
other PC is done. The other PC's lock is held from the moment its statement returned
(an event) and released from the GUI thread once the window has been seen answering.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from balai_app.gui.common.busy_wait import BusyWaitDialog
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.services import residents
from balai_app.services.context import SYSTEM
from balai_app.services.database import GUI_BUSY_MS, close_database, open_database
from support.busy_dialog import watch_busy_dialog
from support.lock_holder import hold

SHOTS = Path(os.environ.get("BALAI_SHOTS", tempfile.gettempdir()))
DATA = {"name": "Siti Aminah", "sex": "P", "klaster": "anak", "nik": "3201015501100001",
        "birth_date": "15-01-2010", "entry_date": "2026-01-05"}


@pytest.fixture
def window_on_server(pg_database):
    open_database(pg_database, busy_ms=GUI_BUSY_MS)  # as the window opens it (gui/start/server_start.py)
    yield pg_database
    close_database()


@pytest.mark.parametrize("kind", ["write", "table"])
def test_a_save_behind_another_pcs_lock_shows_the_busy_bar_and_goes_through_when_released(
        gui_app, qtbot, window_on_server, kind):
    holder = hold(window_on_server, kind)
    release_timer = QTimer()
    seen: dict = {}

    def on_dialog(dialog: BusyWaitDialog) -> None:
        dialog.layout().activate()
        dialog.grab().save(str(SHOTS / f"server-busy-wait-{kind}.png"))
        seen["text"] = dialog.message.text()

        def release() -> None:  # the other PC finishes once the window was seen answering
            if seen["ticks"] >= seen["ticks_at_dialog"] + 3:
                holder.release()
                seen["released"] = True
                release_timer.stop()

        release_timer.timeout.connect(release)
        release_timer.start(5)

    watcher = watch_busy_dialog(on_dialog, seen)
    try:
        made = service_call(None, lambda: residents.create_resident(SYSTEM, DATA, confirm_warnings=True), title="Uji")
    finally:
        watcher.stop()
        holder.release()
    assert "dialog" in seen and seen.get("released"), "the busy bar was shown and the window kept answering"
    assert "sedang dipakai" in seen["text"] and "membatalkan" in seen["text"]
    assert not seen["dialog"].isVisible()
    assert made is not FAILED and residents.get_resident(SYSTEM, made.id).name == "Siti Aminah"
    assert residents.count_residents(SYSTEM) == 1, "saved exactly once"


def test_batal_behind_another_pcs_lock_gives_up_with_nothing_changed(gui_app, qtbot, window_on_server):
    holder = hold(window_on_server, "write")
    seen: dict = {}
    watcher = watch_busy_dialog(lambda dialog: dialog.cancel_button.click(), seen)
    try:
        made = service_call(None, lambda: residents.create_resident(SYSTEM, DATA, confirm_warnings=True), title="Uji")
    finally:
        watcher.stop()
        holder.release()
    assert "dialog" in seen and made is FAILED
    assert residents.count_residents(SYSTEM) == 0
    again = residents.create_resident(SYSTEM, DATA, confirm_warnings=True)  # the connection is still usable
    assert residents.count_residents(SYSTEM) == 1 and again.name == "Siti Aminah"


def test_opening_the_window_while_another_pc_restores_says_busy_and_coba_lagi_opens_it(gui_app, qtbot, pg_database):
    """Another PC's restore or upgrade holds the tables: the start says so in Indonesian with
    "Coba lagi" (never a crash, never a frozen start); the retry opens it once it is done."""
    from balai_app.gui.start.server_start import open_server_database

    holder = hold(pg_database, "exclusive", table="balai_schema")
    told: list[str] = []

    def explain(message: str) -> bool:
        told.append(message)
        holder.release()  # the other PC is done: "Coba lagi"
        return True

    try:
        opened = open_server_database(pg_database, explain=explain)
    finally:
        holder.release()
        close_database()
    assert opened is True
    assert len(told) == 1 and "sedang dipakai oleh komputer lain" in told[0] and "coba lagi" in told[0]
    from balai_app.gui.start.server_start import explain_box

    box = explain_box(told[0])  # what the person sees at the start (Coba lagi / Keluar)
    box.show()
    box.layout().activate()
    box.grab().save(str(SHOTS / "server-open-busy.png"))
    assert [b.text() for b in box.buttons()] and box.defaultButton().text() == "Coba lagi"
    box.close()


def test_after_the_set_up_wizard_chose_the_server_or_this_pc_a_write_waits_only_the_windows_moment(
        gui_app, qtbot, pg_database, tmp_path):
    """The set-up wizard switches the window's database (``use_server`` / ``use_local``): the
    connection it opens waits GUI_BUSY_MS for a lock, as at a normal start, not the command
    line's 15 s on the GUI thread (without it the write below would wait for the holder)."""
    from balai_app.services import server_check
    from balai_app.services.integrity import is_busy_error

    from balai_app import paths

    paths.set_database_path(tmp_path / "lokal.sqlite")  # the window started on this PC's file
    open_database(paths.database_path(), busy_ms=GUI_BUSY_MS)
    try:
        for switch, location in ((lambda: server_check.use_server(pg_database, None), pg_database),
                                 (server_check.use_local, tmp_path / "lokal.sqlite")):
            switch()
            holder = hold(str(location) if isinstance(location, str) else location, "write")
            try:
                with pytest.raises(Exception) as busy:
                    residents.create_resident(SYSTEM, DATA, confirm_warnings=True)
            finally:
                holder.release()
            assert is_busy_error(busy.value), busy.value
    finally:
        close_database()
