"""Signing in, the forced password change, the idle lock and signing out, on real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from support.accounts import PASSWORD, make_account, make_profile

from balai_app.db.models import AuditEvent, User
from balai_app.gui.start.login_dialog import LockScreen, LoginDialog
from balai_app.gui.main_window import MainWindow
from balai_app.services import profile


@pytest.fixture
def balai(db, gui_app, fast_hashing):
    make_profile()


def sign_in(qtbot, dialog: LoginDialog, username: str, password: str) -> None:
    form = dialog.form.ui
    form.usernameEdit.clear()
    qtbot.keyClicks(form.usernameEdit, username)
    qtbot.keyClicks(form.passwordEdit, password)
    qtbot.mouseClick(form.signInButton, Qt.MouseButton.LeftButton)


def test_wrong_password_keeps_the_dialog_open_with_a_message(balai, qtbot):
    make_account("staf", "rina")
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "rina", "bukan-itu")
    assert dialog.isVisible() and dialog.signed is None
    message = dialog.form.ui.messageLabel
    assert message.isVisible() and "Nama pengguna atau kata sandi salah." in message.text()
    assert dialog.form.ui.passwordEdit.text() == ""
    sign_in(qtbot, dialog, "rina", PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed.actor.username == "rina"


def test_lockout_is_explained_at_the_sign_in_screen(balai, qtbot):
    make_account("staf", "rina")
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    for _ in range(5):
        sign_in(qtbot, dialog, "rina", "salah-lagi")
    assert "akun dikunci 5 menit" in dialog.form.ui.messageLabel.text()  # the rule, the same for any name
    sign_in(qtbot, dialog, "rina", PASSWORD)
    assert "terkunci" in dialog.form.ui.messageLabel.text() and dialog.signed is None


def test_first_sign_in_forces_a_new_password(balai, qtbot):
    make_account("instruktur", "joko", must_change=True)
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "joko", PASSWORD)
    change = dialog.password_dialog
    assert change is not None and change.isVisible() and dialog.signed is None
    assert not change.ui.oldEdit.isVisible()  # just typed at the sign-in screen
    qtbot.keyClicks(change.ui.newEdit, "pendek")
    qtbot.keyClicks(change.ui.repeatEdit, "pendek")
    change.ui.buttonBox.accepted.emit()
    assert change.isVisible() and "minimal 8" in change.ui.new_passwordError.text()
    change.ui.newEdit.setText("sandi-joko-1")
    change.ui.repeatEdit.setText("sandi-joko-2")
    change.ui.buttonBox.accepted.emit()
    assert "tidak sama" in change.ui.repeatError.text()
    change.ui.repeatEdit.setText("sandi-joko-1")
    change.ui.buttonBox.accepted.emit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.signed.actor.username == "joko" and not dialog.signed.must_change_password
    assert not User.get(User.username == "joko").must_change_password


def test_cancelling_the_forced_change_does_not_let_in(balai, qtbot):
    make_account("instruktur", "joko", must_change=True)
    dialog = LoginDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    sign_in(qtbot, dialog, "joko", PASSWORD)
    dialog.password_dialog.reject()
    assert dialog.signed is None and dialog.isVisible()
    assert "harus diganti" in dialog.form.ui.messageLabel.text()


@pytest.fixture
def window(balai, qtbot):
    actor = make_account("staf", "rina", full_name="Rina Kartika")
    win = MainWindow(actor)
    qtbot.addWidget(win)
    win.show()
    yield win
    if win.isVisible():
        win.close()


def test_status_bar_names_the_person_and_role(window):
    assert window.user_label.text() == "Rina Kartika (Staf)"
    assert window.sign_out_button.isVisible()


def test_idle_time_comes_from_the_setting(balai, qtbot):
    admin = make_account("admin", "kepala")
    profile.set_setting(admin, profile.IDLE_LOCK_KEY, 3)
    win = MainWindow(admin)
    qtbot.addWidget(win)
    assert win.idle_timer.interval() == 3 * 60_000 and win.idle_timer.isActive()
    win.close()


def test_input_anywhere_restarts_the_idle_timer(window, qtbot):
    window.idle_timer.stop()
    qtbot.keyClick(window.ui.sidebar, Qt.Key.Key_Down)
    assert window.idle_timer.isActive()
    window.idle_timer.stop()
    qtbot.mouseClick(window.ui.statusbar, Qt.MouseButton.LeftButton)
    assert window.idle_timer.isActive()


def test_idle_timeout_locks_and_only_the_password_unlocks(window, qtbot):
    content = window.centralWidget()
    window.idle_timer.timeout.emit()  # the timer running out
    assert window.is_locked
    lock = window.centralWidget()
    assert isinstance(lock, LockScreen) and not content.isVisible()
    assert not window.idle_timer.isActive()
    # input while locked does not restart the timer
    qtbot.keyClick(lock.form.ui.passwordEdit, Qt.Key.Key_A)
    assert not window.idle_timer.isActive()
    form = lock.form.ui
    assert form.usernameEdit.text() == "rina" and form.usernameEdit.isReadOnly()
    form.passwordEdit.clear()
    qtbot.keyClicks(form.passwordEdit, "salah-salah")
    qtbot.keyClick(form.passwordEdit, Qt.Key.Key_Return)
    assert window.is_locked and "salah" in form.messageLabel.text()
    qtbot.keyClicks(form.passwordEdit, PASSWORD)
    qtbot.keyClick(form.passwordEdit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert window.centralWidget() is content and content.isVisible()
    assert window.idle_timer.isActive()


def test_open_dialogs_are_covered_not_closed_and_unlock_from_the_top_one(window, qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout

    dialog = QDialog(window)
    field = QLineEdit("catatan kasus belum disimpan", dialog)
    QVBoxLayout(dialog).addWidget(field)
    dialog.resize(520, 360)
    dialog.open()  # modal: the main window takes no input while it is open
    window.lock()
    assert window.is_locked and len(window.lock_covers) == 1
    cover = window.lock_covers[0]
    assert cover.parentWidget() is dialog and cover.isVisible() and cover.geometry() == dialog.rect()
    dialog.resize(600, 400)
    assert cover.geometry() == dialog.rect()
    qtbot.keyClicks(cover.form.ui.passwordEdit, PASSWORD)
    qtbot.keyClick(cover.form.ui.passwordEdit, Qt.Key.Key_Return)
    assert not window.is_locked and window.lock_covers == []
    assert dialog.isVisible() and field.text() == "catatan kasus belum disimpan"
    dialog.reject()


def test_sign_out_closes_dialogs_left_open(window, qtbot):
    dialog = QDialog(window)
    dialog.open()
    window.lock()
    with qtbot.waitSignal(window.closed):
        qtbot.mouseClick(window.lock_covers[0].form.ui.otherButton, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_sign_out_is_one_click(window, qtbot):
    with qtbot.waitSignal(window.closed) as blocker:
        qtbot.mouseClick(window.sign_out_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]
    assert not window.isVisible()
    assert AuditEvent.select().where(AuditEvent.action == "logout").get().username == "rina"


def test_sign_out_from_the_lock_screen(window, qtbot):
    window.lock()
    with qtbot.waitSignal(window.closed) as blocker:
        qtbot.mouseClick(window.lock_screen.form.ui.otherButton, Qt.MouseButton.LeftButton)
    assert blocker.args == [True]


def test_closing_the_window_quits_rather_than_signing_in_again(window, qtbot):
    with qtbot.waitSignal(window.closed) as blocker:
        window.close()
    assert blocker.args == [False]
