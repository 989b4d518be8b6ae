"""The window on a server database asks the server password in a dialog (issue 16)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from balai_app.db.server import parse_url


def test_password_dialog_names_the_server_and_hides_the_text(gui_app, qtbot, tmp_path):
    from balai_app.gui.start.server_start import server_password_dialog

    dialog = server_password_dialog(parse_url("postgresql://kantor@192.168.1.10:5432/balai"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "kantor@192.168.1.10:5432" in dialog.labelText() and "balai" in dialog.labelText()
    assert dialog.textEchoMode() == QLineEdit.EchoMode.Password
    line = dialog.findChild(QLineEdit)
    qtbot.keyClicks(line, "rahasia")
    assert dialog.textValue() == "rahasia" and line.displayText() != "rahasia"
    dialog.grab().save(str(tmp_path / "server_password.png"))
