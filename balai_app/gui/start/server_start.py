"""Start of the window on a server database (``--db postgresql://…``, ``BALAI_DB`` or
the server chosen in the set-up wizard).

A server database is not a file: there is nothing to check on disk before
opening it, and the server keeps its own integrity. The password comes from
``PGPASSWORD``, this PC's pgpass file, or the dialog (asked only when the
server wants one); it is kept in this process only. When the server cannot be
used, the reason is shown in Indonesian with "Coba lagi" and "Keluar": the
program never falls back to another database on its own, which would split
the balai's data in two.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from balai_app.i18n import tr


def server_password_dialog(address) -> QInputDialog:
    """The dialog that asks the server password (never stored, never logged)."""
    dialog = QInputDialog()
    dialog.setWindowTitle(tr("Basis data di server"))
    dialog.setLabelText(tr("Kata sandi server untuk {user}@{host}:{port} (basis data {db}):").format(
        user=address.user, host=address.host, port=address.port, db=address.dbname))
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText(tr("Sambungkan"))
    dialog.setCancelButtonText(tr("Batal"))
    return dialog


def ask_password(address) -> str | None:
    """The server password from the dialog (None when the person cancels)."""
    dialog = server_password_dialog(address)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue() or None


def open_server_database(location: str, parent: QWidget | None = None, *, ask=ask_password,
                         explain=None) -> bool:
    """Open (and upgrade, with the owner's account) the server database; True when it is open.
    ``explain(message) -> bool`` shows why it failed and says whether to try again."""
    from balai_app.services.database import GUI_BUSY_MS, DatabaseError, open_database

    explain = explain or (lambda message: _explain(message, parent))
    while True:
        try:
            open_database(location, migrate=True, busy_ms=GUI_BUSY_MS, password_prompt=ask, create=False)
            return True
        except DatabaseError as exc:
            if not explain(str(exc)):
                return False


def explain_box(message: str, parent: QWidget | None = None) -> QMessageBox:
    """Why the server database did not open (Indonesian), with "Coba lagi" and "Keluar"."""
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Basis data di server"),
                      tr("Basis data balai di server belum dapat dibuka."), parent=parent)
    box.setObjectName("serverOpenFailedBox")
    box.setInformativeText(message)
    retry = box.addButton(tr("Coba lagi"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Keluar"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    return box


def _explain(message: str, parent: QWidget | None) -> bool:
    box = explain_box(message, parent)
    box.exec()
    return box.clickedButton() is box.defaultButton()
