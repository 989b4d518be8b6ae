"""Pengaturan > Cadangan, the restore dialog and the start-up check, with real widgets."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from balai_app.services.context import Actor

ADMIN = Actor(None, "admin", "admin")


@pytest.fixture
def answers(monkeypatch):
    """Every QMessageBox shown, answered: question -> the value in ``answers.question``."""

    class Answers:
        shown: list[tuple[str, str, str]] = []
        question = QMessageBox.StandardButton.Yes

    def record(kind):
        def show(parent, title, text, *args, **kwargs):
            Answers.shown.append((kind, title, text))
            return Answers.question if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    Answers.shown = []
    return Answers


@pytest.fixture
def filled(db, make_resident):
    for _ in range(12):
        make_resident()
    return Path(db.database)


def names(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM resident ORDER BY id")]
    finally:
        conn.close()


def test_backup_now_then_restore_from_the_gui(qtbot, gui_app, filled, answers, tmp_path, make_resident):
    from balai_app.gui.settings.backup_tab import BackupTab
    from balai_app.gui.settings.restore_dialog import RestoreDialog

    tab = BackupTab(ADMIN)
    qtbot.addWidget(tab)
    tab.resize(900, 620)
    tab.show()
    assert tab.model.rowCount() == 0
    assert tab.ui.lastBackupLabel.text() == "belum ada"

    qtbot.mouseClick(tab.ui.backupNowButton, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    assert "Cadangan dibuat dan diperiksa" in tab.ui.statusLabel.text()
    assert "12 PM" in tab.ui.lastBackupLabel.text()
    assert tab.model.index(0, 2).data() == "12" and tab.model.index(0, 1).data() == "rutin"
    saved = names(filled)

    # Someone deletes and changes things by mistake ...
    make_resident(name="Tidak Sengaja")
    conn = sqlite3.connect(filled)
    conn.execute("UPDATE resident SET name = 'Salah Ketik' WHERE id = 1")
    conn.commit()
    conn.close()
    assert names(filled) != saved

    # ... and restores yesterday's backup from the tab: tick the box, click Pulihkan.
    seen = {}

    def drive_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        seen["residents"] = dialog.ui.residentsLabel.text()
        seen["certificates"] = dialog.ui.certificatesLabel.text()
        seen["check"] = dialog.ui.checkLabel.text()
        seen["enabled_before"] = dialog.ui.restoreButton.isEnabled()
        dialog.ui.confirmBox.setChecked(True)
        qtbot.mouseClick(dialog.ui.restoreButton, Qt.MouseButton.LeftButton)

    tab.ui.backupsView.selectRow(0)
    QTimer.singleShot(0, drive_dialog)
    qtbot.mouseClick(tab.ui.restoreButton, Qt.MouseButton.LeftButton)

    assert seen == {"residents": "12", "certificates": "0", "check": seen["check"], "enabled_before": False}
    assert seen["check"].startswith("sehat")
    assert names(filled) == saved
    kinds = [kind for kind, _title, _text in answers.shown]
    assert kinds == ["information"] and "Pemulihan selesai" in answers.shown[0][1]
    assert "sebelum-pemulihan-" in answers.shown[0][2]
    assert "Dipulihkan dari" in tab.ui.statusLabel.text()
    assert tab.model.rowCount() == 2  # the backup and the safety copy
    # The open connection sees the restored data.
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    assert residents.count_residents(SYSTEM) == 12


def test_restore_dialog_refuses_a_file_that_is_not_a_backup(qtbot, gui_app, filled, tmp_path):
    from balai_app.gui.settings.restore_dialog import RestoreDialog

    junk = tmp_path / "laporan.sqlite"
    junk.write_text("ini laporan, bukan cadangan", encoding="utf-8")
    dialog = RestoreDialog(ADMIN, junk)
    qtbot.addWidget(dialog)
    assert "TIDAK DAPAT DIPULIHKAN" in dialog.ui.checkLabel.text()
    assert "bukan basis data SQLite" in dialog.ui.checkLabel.text()
    assert not dialog.ui.confirmBox.isEnabled()
    dialog.ui.confirmBox.setChecked(True)
    assert not dialog.ui.restoreButton.isEnabled()


def test_second_folder_failure_is_shown(qtbot, gui_app, filled, answers, tmp_path):
    from balai_app.gui.settings.backup_tab import BackupTab

    tab = BackupTab(ADMIN)
    qtbot.addWidget(tab)
    tab.ui.secondFolderEdit.setText(str(tmp_path / "usb-lepas"))
    qtbot.mouseClick(tab.ui.saveSecondButton, Qt.MouseButton.LeftButton)
    assert "belum ada" in tab.ui.secondStatusLabel.text()
    qtbot.mouseClick(tab.ui.backupNowButton, Qt.MouseButton.LeftButton)
    assert answers.shown and answers.shown[-1][0] == "warning"
    assert "usb-lepas" in answers.shown[-1][2]
    assert "usb-lepas" in tab.ui.statusLabel.text()
    tab.ui.secondFolderEdit.setText("relatif")
    qtbot.mouseClick(tab.ui.saveSecondButton, Qt.MouseButton.LeftButton)
    assert "lokasi lengkap" in tab.ui.secondStatusLabel.text()


def test_check_button_reports_a_sound_database(qtbot, gui_app, filled):
    from balai_app.gui.settings.backup_tab import BackupTab

    tab = BackupTab(ADMIN)
    qtbot.addWidget(tab)
    qtbot.mouseClick(tab.ui.checkButton, Qt.MouseButton.LeftButton)
    assert "Basis data sehat" in tab.ui.statusLabel.text() and "12 PM" in tab.ui.statusLabel.text()


def test_tab_is_in_settings_for_admins_only(qtbot, gui_app, filled):
    from balai_app.gui.settings.settings_page import SettingsPage

    page = SettingsPage(ADMIN)
    qtbot.addWidget(page)
    labels = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Cadangan" in labels
    staff = SettingsPage(Actor(None, "staf", "staf"))
    qtbot.addWidget(staff)
    assert "Cadangan" not in [staff.tabs.tabText(i) for i in range(staff.tabs.count())]


def test_backup_on_close_once_a_day(qtbot, gui_app, filled, answers, isolated_paths):
    from balai_app.gui.settings.backup_tab import backup_on_close

    assert backup_on_close(None) is not None
    assert backup_on_close(None) is None
    assert len(list((isolated_paths / "backups").glob("balai-*.sqlite"))) == 1
    assert answers.shown == []


def _damage(path: Path) -> None:
    from balai_app.db.connection import close_database

    close_database()
    with open(path, "r+b") as handle:
        handle.seek(4096 * 3)
        handle.write(b"\xff" * 4096 * 8)


def test_startup_offers_the_newest_sound_backup_and_restores_it(qtbot, gui_app, filled, answers, system):
    from balai_app.gui.start.startup_check import ensure_sound_database
    from balai_app.services import backup, backup_startup

    backup.create_backup(system)
    saved = names(filled)
    _damage(filled)
    answers.question = QMessageBox.StandardButton.Yes
    assert ensure_sound_database(filled) is True
    assert [k for k, _t, _x in answers.shown] == ["question", "information"]
    assert "rusak" in answers.shown[0][2] and "12 PM" in answers.shown[0][2]
    assert names(filled) == saved
    assert backup_startup.startup_state(filled).damaged is False


def test_startup_declined_leaves_the_damaged_file_untouched(qtbot, gui_app, filled, answers, system):
    from balai_app.gui.start.startup_check import ensure_sound_database
    from balai_app.services import backup

    backup.create_backup(system)
    _damage(filled)
    damaged = filled.read_bytes()
    answers.question = QMessageBox.StandardButton.No
    assert ensure_sound_database(filled) is False
    assert filled.read_bytes() == damaged


def test_startup_without_any_backup_says_so(qtbot, gui_app, filled, answers):
    from balai_app.gui.start.startup_check import ensure_sound_database

    _damage(filled)
    assert ensure_sound_database(filled) is False
    assert answers.shown[0][0] == "critical" and "Tidak ada cadangan sehat" in answers.shown[0][2]


def test_screenshot_of_the_backup_tab(qtbot, gui_app, filled, system, tmp_path):
    from balai_app.gui.settings.backup_tab import BackupTab
    from balai_app.services import backup

    backup.create_backup(system)
    tab = BackupTab(ADMIN)
    qtbot.addWidget(tab)
    tab.resize(900, 620)
    tab.show()
    image = tab.grab()
    assert not image.isNull() and image.width() == 900
    image.save(str(tmp_path / "backup_tab.png"))


def test_closing_the_main_window_makes_the_daily_backup(qtbot, gui_app, filled, system, answers, isolated_paths):
    from balai_app.gui.main_window import MainWindow

    window = MainWindow(system)
    qtbot.addWidget(window)
    window.show()
    window.close()
    made = list((isolated_paths / "backups").glob("balai-*.sqlite"))
    assert len(made) == 1
    again = MainWindow(system)
    qtbot.addWidget(again)
    again.show()
    again.close()
    assert len(list((isolated_paths / "backups").glob("balai-*.sqlite"))) == 1  # once a day
    assert answers.shown == []


def test_restore_in_the_main_window_signs_out_even_when_the_account_is_not_in_the_backup(
        qtbot, gui_app, filled, system, answers):
    """After a restore the person signs in again, against the restored accounts. The backup
    here predates the admin's account: closing the session must not fail on it."""
    from balai_app.db.connection import write_transaction
    from balai_app.gui.main_window import MainWindow
    from balai_app.gui.settings.backup_tab import BackupTab
    from balai_app.gui.settings.restore_dialog import RestoreDialog
    from balai_app.services import accounts, backup
    from balai_app.services.context import Actor as SignedActor

    older = backup.create_backup(system).info.path
    with write_transaction():
        user = accounts.insert_user(system, {"username": "kepala", "full_name": "Kepala Balai", "role": "admin"},
                                    "rahasia-kantor-2026", must_change_password=False)
    window = MainWindow(SignedActor(user.id, "kepala", "admin"))
    qtbot.addWidget(window)
    window.show()
    page = window.open_section("settings")
    tab = next(page.tabs.widget(i) for i in range(page.tabs.count()) if isinstance(page.tabs.widget(i), BackupTab))
    page.tabs.setCurrentWidget(tab)
    row = next(i for i, info in enumerate(tab.model.rows()) if info.path == older)
    tab.ui.backupsView.selectRow(row)

    def drive_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        dialog.ui.confirmBox.setChecked(True)
        qtbot.mouseClick(dialog.ui.restoreButton, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, drive_dialog)
    with qtbot.waitSignal(window.closed, timeout=5000) as closed:
        qtbot.mouseClick(tab.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert closed.args == [True]  # signed out: the sign-in screen comes back
    assert "masuk lagi" in answers.shown[0][2]
    conn = sqlite3.connect(filled)
    users = conn.execute('SELECT COUNT(*) FROM "user" WHERE username = ?', ("kepala",)).fetchone()[0]
    conn.close()
    assert users == 0  # the restored data, from before the account existed


def test_startup_warns_about_a_database_on_a_network_drive(qtbot, gui_app, filled, answers, monkeypatch):
    """The one-PC rule at start-up (the mount table stands in for a real network share)."""
    from balai_app.gui.start.startup_check import ensure_sound_database
    from balai_app.services import integrity

    real = integrity.network_location
    if sys.platform == "win32":  # the drive's type stands in for a mapped network drive
        def remote(root):
            return integrity.DRIVE_REMOTE

        monkeypatch.setattr(integrity, "network_location",
                            lambda path, **kw: real(path, platform="win32", drive_type=remote))
    else:
        folder = str(filled.parent).replace(" ", "\\040")  # escaped as in /proc/mounts
        mounts = f"/dev/sda1 / ext4 rw 0 0\n//nas/kantor {folder} cifs rw 0 0\n"
        monkeypatch.setattr(integrity, "network_location",
                            lambda path, **kw: real(path, platform="linux", mounts_text=mounts))
    assert ensure_sound_database(filled) is True  # opened after the warning
    kind, title, text = answers.shown[0]
    assert kind == "warning" and "jaringan" in text and "SATU PC" in text


def test_restore_from_another_file_and_choose_the_second_folder(qtbot, gui_app, filled, system, answers, tmp_path,
                                                                 monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from balai_app.gui.settings.backup_tab import BackupTab
    from balai_app.gui.settings.restore_dialog import RestoreDialog
    from balai_app.services import backup

    usb = tmp_path / "flashdisk"
    usb.mkdir()
    copy = backup.create_backup(system, out=usb / "cadangan-kantor.sqlite").info.path
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(usb))
    tab = BackupTab(ADMIN)
    qtbot.addWidget(tab)

    qtbot.mouseClick(tab.ui.chooseSecondButton, Qt.MouseButton.LeftButton)
    assert tab.ui.secondFolderEdit.text() == str(usb)
    qtbot.mouseClick(tab.ui.saveSecondButton, Qt.MouseButton.LeftButton)
    assert tab.ui.secondStatusLabel.text() == "Disimpan." and backup.second_folder() == usb

    seen = {}

    def look_and_cancel():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RestoreDialog)
        seen["file"] = dialog.ui.fileLabel.text()
        seen["residents"] = dialog.ui.residentsLabel.text()
        qtbot.mouseClick(dialog.ui.cancelButton, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, look_and_cancel)
    qtbot.mouseClick(tab.ui.restoreFileButton, Qt.MouseButton.LeftButton)
    assert seen == {"file": str(copy), "residents": "12"}
    assert answers.shown == []  # cancelled: nothing restored, nothing said
