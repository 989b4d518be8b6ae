"""Signing in: the dialog before the window, and the lock screen after idle time.

Both use the same form (``ui/login_form.ui``). A new account (or one whose
password an admin reset) must choose a new password before going on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

# Qt's namespace is reached as QtCore.Qt where it is used: PySide6 builds its hundred-odd
# enums on first touch (15-30 ms), and the sign-in paints without any of them (issue 18).
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout, QWidget

from balai_app.gui.common.form_errors import ERROR_STYLE, clear_errors
from balai_app.gui.forms.ui_login_form import Ui_LoginForm
from balai_app.i18n import tr

if TYPE_CHECKING:
    # Not loaded before the sign-in paints: the database layer comes with the accounts service
    # (imported at the first "Masuk"), a password change only when one is needed.
    from balai_app.gui.start.change_password_dialog import ChangePasswordDialog
    from balai_app.services.accounts import SignedIn
    from balai_app.services.context import Actor


class LoginForm(QWidget):
    """Name and password; emits ``signed_in(SignedIn)`` once the password is right."""

    signed_in = Signal(object)
    other_clicked = Signal()

    def __init__(self, parent: QWidget | None = None, *, username: str | None = None, other_text: str = "",
                 facts: Any = None):
        """``facts``: the balai's name, logo and demo flag (``services.sign_in_facts``), when the
        database is not open yet; without them they are read from the open database."""
        super().__init__(parent)
        self.ui = Ui_LoginForm()
        self.ui.setupUi(self)
        self.ui.messageLabel.setStyleSheet(ERROR_STYLE)
        clear_errors(self.ui)
        # Called before the password is checked; False: do not check (the sign-in is closing).
        self.before_sign_in: Callable[[], bool] | None = None
        if facts is None:
            from balai_app.services import profile

            facts = profile.get_profile()
        self.show_facts(facts)
        self.fixed_username = username
        if username:
            self.ui.usernameEdit.setText(username)
            self.ui.usernameEdit.setReadOnly(True)
            self.ui.passwordEdit.setFocus()
        else:
            self.ui.usernameEdit.setFocus()
        self.ui.otherButton.setText(other_text or tr("Batal"))
        self.ui.signInButton.setText(tr("Masuk"))
        self.ui.signInButton.clicked.connect(self.try_sign_in)
        self.ui.passwordEdit.returnPressed.connect(self.try_sign_in)
        self.ui.usernameEdit.returnPressed.connect(self.ui.passwordEdit.setFocus)
        self.ui.otherButton.clicked.connect(self.other_clicked)
        self.ui.messageLabel.setVisible(False)

    def show_facts(self, info: Any) -> None:
        """The balai's name, logo and (for demo data) the demo accounts; ``info`` has
        ``name``, ``logo`` and ``is_demo`` (a profile record or the sign-in facts), or is None."""
        self.ui.balaiName.setText(info.name if info else tr("Balai"))
        if info and info.logo:
            pixmap = QPixmap()
            pixmap.loadFromData(bytes(info.logo))
            qt = QtCore.Qt
            self.ui.logoLabel.setAlignment(qt.AlignmentFlag.AlignCenter)  # a logo that is not square
            self.ui.logoLabel.setPixmap(pixmap.scaled(64, 64, qt.AspectRatioMode.KeepAspectRatio,
                                                      qt.TransformationMode.SmoothTransformation))
            self.ui.logoLabel.setVisible(True)
        else:
            self.ui.logoLabel.setVisible(False)
        demo = bool(info and info.is_demo)
        self.ui.demoHint.setVisible(demo)
        if demo:
            from balai_app.services.accounts_demo import DEMO_PASSWORD

            self.ui.demoHint.setText(
                tr("DEMO — akun contoh: admin, staf, instruktur; kata sandi: {pw}").format(pw=DEMO_PASSWORD))

    def show_message(self, text: str) -> None:
        self.ui.messageLabel.setText(text)
        self.ui.messageLabel.setVisible(bool(text))

    def _refused(self, text: str) -> None:
        self.show_message(text)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()

    def try_sign_in(self) -> None:
        if self.before_sign_in is not None and not self.before_sign_in():
            return
        from balai_app.gui.common.service_call import FAILED, service_call
        from balai_app.services import accounts

        username = self.ui.usernameEdit.text().strip()
        if not username:
            self.show_message(tr("Isi nama pengguna."))
            self.ui.usernameEdit.setFocus()
            return
        password = self.ui.passwordEdit.text()
        QApplication.setOverrideCursor(QtCore.Qt.CursorShape.WaitCursor)  # the busy indicator
        self.show_message(tr("Memeriksa…"))
        QApplication.processEvents()
        try:
            # Another program holding the write lock (a big import, a restore) is said as
            # such; the password stays so that "Masuk" again is the retry, "Batal" the cancel.
            signed = service_call(self, lambda: accounts.authenticate(username, password), on_error=self._refused,
                                  on_busy=lambda _text: self.show_message(tr(
                                      "Basis data sedang sibuk (impor atau pemulihan di program lain). "
                                      "Tekan Masuk lagi sebentar lagi.")))
        finally:
            QApplication.restoreOverrideCursor()
        if signed is FAILED:
            return
        self.last_password = password
        self.ui.passwordEdit.clear()
        self.show_message("")
        self.signed_in.emit(signed)


class LoginDialog(QDialog):
    """The sign-in dialog shown before the main window. ``signed`` holds the result."""

    def __init__(self, parent: QWidget | None = None, *, facts: Any = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Masuk — Balai"))
        self.signed: SignedIn | None = None
        self.password_dialog: ChangePasswordDialog | None = None
        layout = QVBoxLayout(self)
        self.form = LoginForm(self, other_text=tr("Batal"), facts=facts)
        layout.addWidget(self.form)
        self.form.signed_in.connect(self._signed_in)
        self.form.other_clicked.connect(self.reject)
        self.resize(440, 280)

    def _signed_in(self, signed: SignedIn) -> None:
        if not signed.must_change_password:
            self.signed = signed
            self.accept()
            return
        from balai_app.gui.start.change_password_dialog import ChangePasswordDialog

        self.password_dialog = ChangePasswordDialog(signed.actor, self, forced=True,
                                                    old_password=self.form.last_password)
        self.password_dialog.accepted.connect(lambda: self._password_changed(signed))
        self.password_dialog.rejected.connect(
            lambda: self.form.show_message(tr("Kata sandi harus diganti sebelum dapat melanjutkan.")))
        self.password_dialog.open()

    def _password_changed(self, signed: SignedIn) -> None:
        import dataclasses

        self.signed = dataclasses.replace(signed, must_change_password=False)
        self.accept()


class LockScreen(QWidget):
    """Shown in place of the window's content after idle time: the same person's password
    unlocks; "Keluar" signs out.

    With ``cover`` it lies over another open window (a dialog) instead, opaque and with its
    own password field: a modal dialog blocks input to the main window, so the dialog on
    top must be able to unlock too.
    """

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, actor: Actor, parent: QWidget | None = None, *, cover: bool = False):
        super().__init__(parent)
        self.actor = actor
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.form = LoginForm(self, username=actor.username, other_text=tr("Keluar (ganti pengguna)"))
        self.form.ui.subtitle.setText(
            tr("Layar dikunci karena tidak ada aktivitas. Masukkan kata sandi {name} untuk melanjutkan.").format(
                name=actor.username))
        self.form.ui.demoHint.setVisible(False)
        if not cover:
            self.form.setFixedWidth(480)
            self.form.setMinimumHeight(260)
        layout.addWidget(self.form, 0, QtCore.Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        if cover:
            self.setAutoFillBackground(True)
            self.form.ui.logoLabel.setVisible(False)
            parent.installEventFilter(self)
            # a small dialog grows so that the password field and its buttons fit
            parent.resize(parent.size().expandedTo(self.sizeHint().expandedTo(QSize(420, 260))))
            self.setGeometry(parent.rect())
        self.form.signed_in.connect(self._signed_in)
        self.form.other_clicked.connect(self.sign_out_requested)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(obj.rect())
        return False

    def _signed_in(self, signed: SignedIn) -> None:
        if signed.actor.user_id == self.actor.user_id:
            self.unlocked.emit()
