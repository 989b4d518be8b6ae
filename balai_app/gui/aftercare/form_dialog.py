"""A small form dialog: rows of field, error line; Simpan/Batal; service messages beside their fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from balai_app.gui.common.qt_dates import to_qdate
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.residents.resident_form import SUMMARY_STYLE, prepare_error_label
from balai_app.i18n import tr


def date_edit(value=None, *, maximum_today: bool = True) -> QDateEdit:
    from PySide6.QtCore import QDate

    edit = QDateEdit(to_qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    if maximum_today:
        edit.setMaximumDate(QDate.currentDate())
    return edit


def combo(items: list[tuple[object, str]], placeholder: str | None = None) -> QComboBox:
    box = QComboBox()
    for code, text in items:
        box.addItem(text, code)
    if placeholder is not None:
        box.setPlaceholderText(placeholder)
        box.setCurrentIndex(-1)
    return box


class FormDialog(QDialog):
    """Subclasses add rows with ``add_row(field, label, widget)`` and implement ``submit()``
    (call the service; return the result). ``ValidationError`` messages land beside their
    fields, other refusals in a message box."""

    submit: Callable[[], Any]  # provided by each subclass: call the service, return its result

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.result_value = None
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout.addWidget(self.intro)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(SUMMARY_STYLE)
        self.summary.hide()
        layout.addWidget(self.summary)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.fields: dict[str, tuple[QLabel, QWidget, QLabel]] = {}

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.show()

    def add_row(self, field: str, label: str, widget: QWidget) -> QWidget:
        caption = QLabel(label)
        caption.setBuddy(widget)
        error = QLabel()
        error.setWordWrap(True)
        prepare_error_label(error)
        self.form.addRow(caption, widget)
        self.form.addRow("", error)
        error.hide()
        self.fields[field] = (caption, widget, error)
        return widget

    def set_row_visible(self, field: str, visible: bool) -> None:
        _caption, widget, error = self.fields[field]
        self.form.setRowVisible(widget, visible)
        if not visible:
            self.form.setRowVisible(error, False)

    def message_of(self, field: str) -> str:
        error = self.fields[field][2]
        return error.text() if not error.isHidden() else ""

    def show_errors(self, errors: dict[str, str]) -> None:
        rest, first = [], None
        for field, (_caption, widget, error) in self.fields.items():
            text = errors.get(field, "")
            error.setText(text)
            visible = bool(text) and self.form.isRowVisible(widget)
            self.form.setRowVisible(error, visible)
            error.setVisible(visible)
            if visible and first is None:
                first = widget
        for field, message in errors.items():
            if field not in self.fields or not self.form.isRowVisible(self.fields[field][1]):
                rest.append(message)
        self.summary.setText("\n".join(rest) if rest else tr("Periksa isian yang ditandai merah."))
        self.summary.setVisible(bool(errors))
        if first is not None:
            first.setFocus()

    def clear_errors(self) -> None:
        for _caption, _widget, error in self.fields.values():
            error.clear()
            error.hide()
            self.form.setRowVisible(error, False)
        self.summary.hide()

    def save(self) -> bool:
        self.clear_errors()
        result = service_call(self, self.submit, on_errors=self.show_errors, title=tr("Tidak dapat menyimpan"))
        if result is FAILED:
            return False
        self.result_value = result
        self.accept()
        return True
