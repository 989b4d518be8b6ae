"""Issue 12: the window never blocks its thread on the database while another process
holds the write lock: a busy bar with "Coba lagi sekarang" / "Batal", retried until
the lock is released (the event of the other connection finishing, not a sleep)."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer

from balai_app.gui.common.busy_wait import BusyWaitDialog
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.services import residents
from balai_app.services.database import GUI_BUSY_MS, close_database, open_database
from support.busy_dialog import watch_busy_dialog

SHOTS = Path(os.environ.get("BALAI_SHOTS", tempfile.gettempdir()))

DATA = {"name": "Siti Aminah", "sex": "P", "klaster": "anak", "nik": "3201015501100001",
        "birth_date": "15-01-2010", "entry_date": "2026-01-05"}


def _reopen_as_the_window(db) -> Path:
    path = Path(db.database)
    close_database()
    open_database(path, busy_ms=GUI_BUSY_MS)
    return path


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another process's long write (an import, a restore): it holds the write lock."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_a_save_waits_behind_a_busy_bar_and_goes_through_when_the_lock_is_released(gui_app, db, system, qtbot):
    path = _reopen_as_the_window(db)
    holder = _hold_write_lock(path)
    seen: dict = {}

    def on_dialog(dialog: BusyWaitDialog) -> None:
        dialog.layout().activate()
        dialog.grab().save(str(SHOTS / "busy-wait-dialog.png"))
        seen["text"] = dialog.message.text()

        def release() -> None:  # the other program finishes once we have seen the window answer
            if seen["ticks"] >= seen["ticks_at_dialog"] + 3:
                holder.commit()
                holder.close()
                seen["released"] = True
                release_timer.stop()

        release_timer.timeout.connect(release)
        release_timer.start(5)

    release_timer = QTimer()
    watcher = watch_busy_dialog(on_dialog, seen)
    made = service_call(None, lambda: residents.create_resident(system, DATA, confirm_warnings=True), title="Uji")
    watcher.stop()
    assert "dialog" in seen and seen.get("released"), "the busy bar was shown and the window kept answering"
    assert "sedang dipakai" in seen["text"] and "membatalkan" in seen["text"]
    assert not seen["dialog"].isVisible(), "the dialog closes by itself once the save went through"
    assert made is not FAILED and residents.get_resident(system, made.id).name == "Siti Aminah"


def test_batal_gives_up_with_nothing_changed(gui_app, db, system, qtbot):
    path = _reopen_as_the_window(db)
    holder = _hold_write_lock(path)
    seen: dict = {}
    watcher = watch_busy_dialog(lambda dialog: dialog.cancel_button.click(), seen)
    made = service_call(None, lambda: residents.create_resident(system, DATA, confirm_warnings=True), title="Uji")
    watcher.stop()
    holder.rollback()
    holder.close()
    assert "dialog" in seen and made is FAILED
    assert residents.count_residents(system) == 0


def test_coba_lagi_sekarang_retries_at_once_and_a_change_made_meanwhile_is_still_refused(
        gui_app, db, system, qtbot, make_resident):
    """The other program changed the same PM while we waited: the retry is refused as a stale
    edit (said on the screen's own display), never saved over the other change."""
    made = make_resident(name="Siti Aminah")
    path = _reopen_as_the_window(db)
    holder = _hold_write_lock(path)
    holder.execute("UPDATE resident SET name = 'Siti Aminah Lubis', version = version + 1 WHERE id = ?", (made.id,))
    seen: dict = {}
    stale: list[str] = []

    def on_dialog(dialog: BusyWaitDialog) -> None:
        holder.commit()
        holder.close()
        dialog.retry_button.click()

    watcher = watch_busy_dialog(on_dialog, seen)
    result = service_call(None, lambda: residents.update_resident(system, made.id, {"birth_place": "Bogor"},
                                                                  expected_version=made.version),
                          title="Uji", on_stale=stale.append)
    watcher.stop()
    assert "dialog" in seen and result is FAILED
    assert stale and "telah diubah oleh orang lain" in stale[0]
    again = residents.get_resident(system, made.id)
    assert again.name == "Siti Aminah Lubis" and again.birth_place != "Bogor"
