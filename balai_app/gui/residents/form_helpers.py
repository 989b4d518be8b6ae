"""Small pieces the resident dialogs share: field messages below their fields, combo
boxes filled from code lists, photo previews, a yes/no question in Indonesian."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QSizePolicy, QWidget

from balai_app.i18n import tr

ERROR_STYLE = "color:#b3261e;"
WARNING_STYLE = "color:#8a5300;"
SUMMARY_STYLE = (
    "QLabel{background:#fdecea; color:#8c1d18; border:1px solid #f1b0ab; border-radius:3px; padding:6px 8px;}"
)


def set_photo_preview(label: QLabel, data: bytes | None, placeholder: str) -> None:
    """Show a scaled photo in ``label``, or a neat placeholder."""
    pixmap = QPixmap()
    if data and pixmap.loadFromData(data):
        label.setPixmap(pixmap.scaled(label.maximumSize(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation))
        label.setToolTip("")
        return
    icon = qta.icon("fa5s.user", color="#b8c2cc")
    side = min(label.maximumWidth(), label.maximumHeight()) // 2
    label.setPixmap(icon.pixmap(side, side))
    label.setToolTip(placeholder)


class _FitWrappedHeight(QObject):
    """Keeps a word-wrapped label exactly as tall as its text at its current width.

    QFormLayout asks a wrapped label for its height at a narrower width than it
    then gives it, which leaves a blank line above and below a one-line message.
    """

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() == QEvent.Type.Resize and watched.text():
            needed = watched.heightForWidth(watched.width())
            if needed > 0 and needed != watched.height():
                watched.setFixedHeight(needed)
        return False


def prepare_error_label(label: QLabel) -> None:
    """Red, as wide as its field, wrapped at that width."""
    label.setStyleSheet(ERROR_STYLE)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    if label.findChild(_FitWrappedHeight) is None:
        label.installEventFilter(_FitWrappedHeight(label))
    label.hide()


def confirm(parent: QWidget, title: str, text: str, yes_text: str) -> bool:
    """A question with Indonesian buttons (Qt ships no Indonesian translation of
    its own Yes/No); "Tidak" is the default, so Enter never saves by accident."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(yes_text)
    box.button(QMessageBox.StandardButton.No).setText(tr("Tidak"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes.value


def limit_text_height(edit, lines: int) -> None:
    """A QPlainTextEdit otherwise asks for ~190 px, whatever it holds."""
    metrics = edit.fontMetrics()
    edit.setMaximumHeight(metrics.lineSpacing() * lines + 2 * edit.frameWidth() + 10)


def fill_combo(combo: QComboBox, items: list[tuple[str, str]], *, placeholder: str | None = None) -> None:
    """items: (code, label). With a placeholder the combo starts with nothing chosen."""
    combo.clear()
    for code, text in items:
        combo.addItem(text, code)
    if placeholder is not None:
        combo.setPlaceholderText(placeholder)
        combo.setCurrentIndex(-1)


def select_code(combo: QComboBox, code: str | None) -> None:
    index = combo.findData(code) if code is not None else -1
    combo.setCurrentIndex(index)


class FieldMessages:
    """Messages beside the fields of a small dialog: ``mapping`` is service field ->
    (error label, widget) attribute names of its compiled ``ui``."""

    def __init__(self, ui, mapping: dict[str, tuple[str, str]], summary: QLabel):
        self.ui = ui
        self.mapping = mapping
        self.summary = summary
        summary.setStyleSheet(SUMMARY_STYLE)
        self.clear()

    def clear(self) -> None:
        for error_name, _ in self.mapping.values():
            label = getattr(self.ui, error_name)
            prepare_error_label(label)
            label.clear()
            label.hide()
        self.summary.clear()
        self.summary.hide()

    def show(self, errors: dict[str, str]) -> None:
        first = None
        unplaced = []
        for field, message in errors.items():
            names = self.mapping.get(field)
            if names is None:
                unplaced.append(message)
                continue
            label = getattr(self.ui, names[0])
            label.setText(message)
            label.show()
            first = first or getattr(self.ui, names[1])
        text = tr("Belum disimpan. Perbaiki isian yang ditandai merah.")
        self.summary.setText(" ".join([text, *unplaced]))
        self.summary.show()
        if first is not None:
            first.setFocus()

    def message_of(self, field: str) -> str:
        label = getattr(self.ui, self.mapping[field][0])
        return label.text() if not label.isHidden() else ""
