"""Service messages beside their fields: a form names a label ``<field>Error`` per field."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

ERROR_STYLE = "color:#b91c1c;"


def error_labels(ui) -> dict[str, QLabel]:
    """{field: label} for every ``<field>Error`` QLabel of a compiled form."""
    return {name[: -len("Error")]: widget for name, widget in vars(ui).items()
            if name.endswith("Error") and isinstance(widget, QLabel)}


def show_errors(ui, errors: dict[str, str], fallback: QLabel | None = None) -> None:
    """Put each message beside its field; messages without a field go to ``fallback``."""
    labels = error_labels(ui)
    for field, label in labels.items():
        text = errors.get(field, "")
        label.setText(text)
        label.setVisible(bool(text))
    rest = [message for field, message in errors.items() if field not in labels]
    if fallback is not None:
        fallback.setText("\n".join(rest))
        fallback.setVisible(bool(rest))


def clear_errors(ui, fallback: QLabel | None = None) -> None:
    show_errors(ui, {}, fallback)
