"""The set-up wizard's first page: where the balai's data lives.

"Di komputer ini (satu komputer)" keeps the database file in the user's data
folder, as before. "Basis data di server (beberapa komputer)" asks the server's
address, the database and the account, and tests the connection on a thread
(the window never freezes while an unreachable server times out); the answer
is explained in Indonesian (server not reachable, wrong password, database
missing, not a Balai database, newer schema). The password is typed here and
kept in this process only: never saved, never logged. Going on switches the
program to the server database (an empty one is set up) and remembers the
address for the next starts of this PC.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWizardPage,
)

from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.common.form_errors import ERROR_STYLE
from balai_app.i18n import tr
from balai_app.services import server_check

OK_STYLE = "color:#166534;"
DEFAULT_PORT = 5432


class ServerPage(QWizardPage):
    """Local file or server; ``validatePage`` switches the program to the server."""

    checked = Signal(object)  # a ServerCheck, from the test's thread

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("serverPage")
        self.setTitle(tr("Tempat data balai"))
        self.setSubTitle(tr("Satu komputer menyimpan datanya sendiri. Bila beberapa komputer balai bekerja "
                            "bersama, data disimpan di satu server PostgreSQL."))
        self.on_server = False  # the program now uses the server database
        self.last_check: Any = None  # the last ServerCheck, with the values it was made for
        self._checked_for: tuple | None = None
        self._thread: threading.Thread | None = None

        self.localRadio = QRadioButton(tr("Di komputer ini (satu komputer)"))
        self.serverRadio = QRadioButton(tr("Basis data di server (beberapa komputer)"))
        self.localRadio.setChecked(True)
        self.serverBox = QGroupBox(tr("Server"))
        form = QFormLayout(self.serverBox)
        self.hostEdit = QLineEdit()
        self.hostEdit.setPlaceholderText(tr("nama atau alamat IP, mis. 192.168.1.10"))
        self.portSpin = QSpinBox()
        self.portSpin.setRange(1, 65535)
        self.portSpin.setValue(DEFAULT_PORT)
        self.dbnameEdit = QLineEdit("balai")
        self.userEdit = QLineEdit()
        self.userEdit.setPlaceholderText(tr("akun Balai di server, mis. balai_pc1"))
        self.passwordEdit = QLineEdit()
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors: dict[str, QLabel] = {}
        for key, label, widget in (("host", tr("Server:"), self.hostEdit), ("port", tr("Port:"), self.portSpin),
                                   ("dbname", tr("Nama basis data:"), self.dbnameEdit),
                                   ("user", tr("Pengguna:"), self.userEdit),
                                   ("password", tr("Kata sandi:"), self.passwordEdit)):
            form.addRow(label, widget)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.setVisible(False)
            form.addRow("", error)
            self.errors[key] = error
        self.testButton = QPushButton(tr("Uji sambungan"))
        self.resultLabel = QLabel()
        self.resultLabel.setWordWrap(True)
        self.resultLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.testButton)
        row.addStretch(1)
        form.addRow(row)
        form.addRow(self.resultLabel)
        note = QLabel(tr("Kata sandi tidak disimpan: program menanyakannya setiap kali dibuka (atau membacanya dari "
                         "berkas pgpass komputer ini)."))
        note.setWordWrap(True)
        form.addRow(note)

        layout = QVBoxLayout(self)
        layout.addWidget(self.localRadio)
        layout.addWidget(self.serverRadio)
        layout.addWidget(self.serverBox)
        layout.addStretch(1)

        self.serverRadio.toggled.connect(self._mode_changed)
        self.testButton.clicked.connect(self.test_connection)
        self.checked.connect(self._show_check, Qt.ConnectionType.QueuedConnection)
        for edit in (self.hostEdit, self.dbnameEdit, self.userEdit, self.passwordEdit):
            edit.textChanged.connect(self._values_changed)
        self.portSpin.valueChanged.connect(self._values_changed)
        self._mode_changed(False)

    # --- values -------------------------------------------------------------------
    def wants_server(self) -> bool:
        return self.serverRadio.isChecked()

    def _values(self) -> tuple:
        return (self.hostEdit.text(), self.portSpin.value(), self.dbnameEdit.text(), self.userEdit.text(),
                self.passwordEdit.text())

    def _url(self) -> str | None:
        """The address of the fields, or None (the messages are shown beside them)."""
        self._show_errors({})
        url = service_call(self, lambda: server_check.server_url(
            self.hostEdit.text(), self.portSpin.value(), self.dbnameEdit.text(), self.userEdit.text()),
            on_errors=self._show_errors)
        return None if url is FAILED else url

    def _show_errors(self, errors: dict[str, str]) -> None:
        for key, label in self.errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(bool(errors.get(key)))

    def _mode_changed(self, _on: bool) -> None:
        self.serverBox.setEnabled(self.wants_server())

    def _values_changed(self, *_args) -> None:
        if self._checked_for is not None and self._checked_for != self._values():
            self._checked_for = None
            self.last_check = None
            self.resultLabel.setText("")

    # --- the connection test --------------------------------------------------------
    def test_connection(self) -> None:
        url = self._url()
        if url is None or self.is_testing():
            return
        values, password = self._values(), self.passwordEdit.text() or None
        self.testButton.setEnabled(False)
        self.resultLabel.setStyleSheet("")
        self.resultLabel.setText(tr("Menghubungi server…"))

        def run() -> None:
            result = server_check.check_server(url, password)
            try:
                self.checked.emit((values, result))
            except RuntimeError:  # the wizard was closed meanwhile
                pass

        self._thread = threading.Thread(target=run, name="balai-server-check", daemon=True)
        self._thread.start()

    def is_testing(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _show_check(self, payload) -> None:
        values, result = payload
        self.testButton.setEnabled(True)
        if values != self._values():
            return  # the fields changed while the server answered: that answer is for other values
        self.last_check = result
        self._checked_for = values
        self.resultLabel.setStyleSheet(OK_STYLE if result.ok else ERROR_STYLE)
        self.resultLabel.setText(("✓ " if result.ok else "✗ ") + result.message)
        if result.kind == "auth":
            self.errors["password"].setText(tr("Periksa pengguna dan kata sandi."))
            self.errors["password"].setVisible(True)

    # --- going on ---------------------------------------------------------------------------
    def validatePage(self) -> bool:  # noqa: N802 (Qt name)
        """Local: go on (back to the file if the server had been chosen before). Server: the
        connection test must have passed for these values; then the program switches to it."""
        from balai_app.services.database import DatabaseError

        if not self.wants_server():
            if self.on_server:
                server_check.use_local()
                self.on_server = False
            return True
        url = self._url()
        if url is None:
            return False
        if self.last_check is None or self._checked_for != self._values():
            self.resultLabel.setStyleSheet(ERROR_STYLE)
            self.resultLabel.setText(tr("Klik \"Uji sambungan\" dahulu; lanjut setelah sambungan berhasil."))
            if not self.is_testing():
                self.test_connection()
            return False
        if not self.last_check.ok:
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            server_check.use_server(url, self.passwordEdit.text() or None)
        except DatabaseError as exc:
            self.resultLabel.setStyleSheet(ERROR_STYLE)
            self.resultLabel.setText("✗ " + str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.on_server = True
        return True
