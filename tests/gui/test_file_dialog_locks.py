"""A file dialog showing the database's folder must not drop SQLite's locks.

Qt's file dialog reads each listed file for its MIME type; on Linux closing
that descriptor released every POSIX lock this process held on the database,
and another process then deleted the WAL that still held our writes (found
by a tester: a PM saved in the window vanished). balai_app.gui.common.file_dialogs
fixes it; this test shows the real dialog on the real folder.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from balai_app.db.models import Resident


def count_from_another_process(path) -> int:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('select count(*) from resident').fetchone()[0]); c.close()"
    )
    return int(subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                              check=True).stdout)


def close_dialog_soon():
    def close():
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            dialog.reject()
        else:
            QTimer.singleShot(50, close)

    QTimer.singleShot(300, close)


def test_dialog_on_the_database_folder_keeps_writes_visible(gui_app, db, db_path, make_resident, qtbot):
    make_resident(name="Sebelum dialog")
    close_dialog_soon()
    path, _ = QFileDialog.getOpenFileName(None, "Pilih foto PM", str(db_path.parent), "Gambar (*.png *.jpg)")
    assert path == ""
    assert count_from_another_process(db_path) == 1  # the other process opens and closes the database
    make_resident(name="Sesudah dialog")
    assert Resident.select().count() == 2
    assert count_from_another_process(db_path) == 2, "a write after the dialog was lost to other processes"
    assert (db_path.parent / (db_path.name + "-wal")).exists()


def test_every_static_file_dialog_is_the_safe_one(gui_app):
    from balai_app.gui.common import file_dialogs

    if sys.platform == "win32":
        assert not getattr(QFileDialog, "_balai_safe", False)
    else:
        assert QFileDialog.getOpenFileName is file_dialogs.get_open_file_name
        assert QFileDialog.getSaveFileName is file_dialogs.get_save_file_name
        assert QFileDialog.getExistingDirectory is file_dialogs.get_existing_directory
