"""Driving the real PM form (gui/residents/resident_form.py) in GUI tests."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from balai_app.gui.residents.resident_form import ResidentForm


def open_form(qtbot, system, resident_id=None) -> ResidentForm:
    form = ResidentForm(system, resident_id)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def click_save(qtbot, form: ResidentForm) -> None:
    qtbot.mouseClick(form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
