"""Qt's own widgets speak Indonesian: our qtbase_id translation is current and loaded."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

ROOT = Path(__file__).resolve().parents[2]


def test_compiled_translation_is_current():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_qt_translation.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_standard_buttons_are_indonesian(gui_app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Batal"
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Simpan"
    message = QMessageBox(QMessageBox.Icon.Question, "t", "q", QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    qtbot.addWidget(message)
    assert message.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Ya"
    assert message.button(QMessageBox.StandardButton.No).text().replace("&", "") == "Tidak"
