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
user is asked (Ya/Tidak, or the screen's own question) before warnings are
accepted. A database kept busy by another program beyond the window's short
wait is never shown as an unexpected error: said as such where the screen's
messages go (``on_busy``, ``on_error``, ``summary``), or, instead of a warning
box, the call is retried behind a busy bar with "Batal" (``busy_wait.py``).

Every screen calls services through this helper: ``tests/gui/test_service_call.py``
walks ``gui/`` and fails on a hand-written ``except`` of a service error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from balai_app.domain.errors import BalaiError, NeedsConfirmation, StaleRecord, ValidationError
from balai_app.gui.common.busy_wait import CANCELLED, is_busy_error, wait_while_busy
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


def service_call(parent: QWidget | None, call: Callable[..., Any], *, title: str = "",
                 on_error: Callable[[str], None] | None = None,
                 on_errors: Callable[[dict[str, str]], None] | None = None,
                 on_stale: Callable[[str], None] | None = None,
                 on_busy: Callable[[str], None] | None = None,
                 labels: dict[str, QLabel] | None = None, summary: QLabel | None = None,
                 confirm: bool | Callable[[dict[str, str]], bool] = False,
                 also: tuple[type[Exception], ...] = (), critical: bool = False) -> Any:
    """``call()`` (``call(confirm_warnings)`` with ``confirm``); its result, or ``FAILED``.

    Where each kind of refusal goes, first match wins:
    ``ValidationError`` → ``on_errors(errors)``, else ``labels``/``summary``, else as text;
    ``StaleRecord`` → ``on_stale(text)``, else as text; a database busy beyond its wait →
    ``on_busy(text)``, else as text; any other ``BalaiError`` (and the kinds in ``also``,
    e.g. ``OSError`` for a file the person chose) as text: ``on_error``, else ``summary``,
    else a warning box (``critical``: an error box) titled ``title``.
    ``confirm`` may be a function asked with the warnings (True: go on); the default
    question is Ya/Tidak.
    """
    title = title or (parent.windowTitle() if parent is not None else "") or tr("Balai")
    if labels is not None:
        show_field_errors(labels, {}, summary)

    def tell(text: str) -> None:
        if on_error is not None:
            on_error(text)
        elif summary is not None:
            summary.setText(text)
            summary.setVisible(True)
        elif critical:
            QMessageBox.critical(parent, title, text)
        else:
            QMessageBox.warning(parent, title, text)

    def agreed(warnings: dict[str, str]) -> bool:
        if callable(confirm):
            return confirm(warnings)
        text = "\n".join(warnings.values()) + "\n\n" + tr("Tetap lanjutkan?")
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    confirmed = [False]

    def attempt() -> Any:
        if confirm is False:
            return call()
        if confirmed[0]:
            return call(True)  # a retry after a busy database: the warnings were agreed to
        try:
            return call(False)
        except NeedsConfirmation as warn:
            if not agreed(warn.warnings):
                return FAILED
            confirmed[0] = True
            return call(True)

    boxed = on_error is None and summary is None  # messages would go to a warning box
    return _handled(attempt, tell, parent, title, on_errors, labels, summary, on_stale, on_busy, also, boxed)


def _handled(attempt: Callable[[], Any], tell: Callable[[str], None], parent: QWidget | None, title: str,
             on_errors, labels, summary, on_stale, on_busy, also, boxed: bool) -> Any:
    try:
        return attempt()
    except ValidationError as exc:
        if on_errors is not None:
            on_errors(dict(exc.errors))
        elif labels is not None:
            show_field_errors(labels, exc.errors, summary)
        else:
            tell("\n".join(exc.errors.values()) or exc.message)
    except StaleRecord as exc:
        (on_stale or tell)(exc.message)
    except BalaiError as exc:
        tell(exc.message)
    except also as exc:  # type: ignore[misc]  # an empty tuple catches nothing
        tell(_file_error(exc))
    except Exception as exc:
        if not is_busy_error(exc):
            raise
        if on_busy is not None or not boxed:
            (on_busy or tell)(busy_message())  # the screen's own place: "Coba lagi" is its button
            return FAILED
        # Instead of a warning box: a busy bar, retried until free, or Batal; never a frozen window.
        result = _handled(lambda: wait_while_busy(parent, title, busy_wait_message(), attempt), tell, parent,
                          title, on_errors, labels, summary, on_stale, None, also, boxed)
        return FAILED if result is CANCELLED else result
    return FAILED


def _file_error(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return tr("Berkas atau folder tidak dapat dipakai: {e}").format(e=exc.strerror or exc)
    return str(exc)


def busy_wait_message() -> str:
    return tr("Basis data sedang dipakai untuk menyimpan oleh program atau komputer lain (misalnya impor besar "
              "atau pemulihan cadangan). Menunggu sampai selesai; Anda boleh membatalkan, tidak ada yang berubah.")


def busy_message() -> str:
    return tr("Basis data sedang dipakai untuk menyimpan oleh program atau komputer lain (misalnya impor besar "
              "atau pemulihan cadangan). Tidak ada yang berubah; coba lagi sebentar lagi.")
