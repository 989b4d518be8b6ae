"""One way for a screen to call a service and turn its refusal into a message.

Services raise ``BalaiError`` subclasses carrying a clear Indonesian message
(``ValidationError`` per field, ``NeedsConfirmation`` with warnings to confirm,
``StaleRecord``, ``PermissionDenied``, ``NotFound``). A screen calls

    result = service_call(self, lambda: reports.served_report(actor, a, b), title=tr("Laporan"))
    if result is FAILED:
        return

and the message lands where the screen wants it: beside its fields (``labels``,
``summary``), through ``on_error`` (a status label), or in a warning box titled
``title``. With ``confirm=True`` the call receives ``confirm_warnings`` and the
user is asked (Ya/Tidak) before warnings are accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from balai_app.domain.errors import BalaiError, NeedsConfirmation, ValidationError
from balai_app.i18n import tr


class _Failed:
    """The result of a call the service refused (or the user declined): falsy, unique."""

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "FAILED"


FAILED: Any = _Failed()


def show_field_errors(labels: dict[str, QLabel], errors: dict[str, str], summary: QLabel | None) -> None:
    """Each message beside its field (``labels``); the rest in ``summary``."""
    for field, label in labels.items():
        text = errors.get(field, "")
        label.setText(text)
        label.setVisible(bool(text))
    rest = [m for f, m in errors.items() if f not in labels]
    if summary is not None:
        summary.setText("\n".join(rest))
        summary.setVisible(bool(rest))


def service_call(parent: QWidget, call: Callable[..., Any], *, title: str = "",
                 on_error: Callable[[str], None] | None = None, labels: dict[str, QLabel] | None = None,
                 summary: QLabel | None = None, confirm: bool = False) -> Any:
    """``call()`` (``call(confirm_warnings)`` with ``confirm``); its result, or ``FAILED``."""
    title = title or parent.windowTitle() or tr("Balai")
    if labels is not None:
        show_field_errors(labels, {}, summary)

    def tell(text: str) -> None:
        if on_error is not None:
            on_error(text)
        elif summary is not None:
            summary.setText(text)
            summary.setVisible(True)
        else:
            QMessageBox.warning(parent, title, text)

    try:
        if not confirm:
            return call()
        try:
            return call(False)
        except NeedsConfirmation as warn:
            text = "\n".join(warn.warnings.values()) + "\n\n" + tr("Tetap lanjutkan?")
            answer = QMessageBox.question(parent, title, text,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return FAILED
            return call(True)
    except ValidationError as exc:
        if labels is not None:
            show_field_errors(labels, exc.errors, summary)
        else:
            tell("\n".join(exc.errors.values()))
    except BalaiError as exc:
        tell(exc.message)
    return FAILED
