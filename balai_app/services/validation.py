"""Small field cleaners shared by every service.

Each returns the cleaned value or raises ``FieldError`` with an Indonesian
message; ``Collector`` gathers the messages per field so that a form can show
every problem at once.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from balai_app.domain.dates import parse_date
from balai_app.domain.errors import BalaiError, NeedsConfirmation, ValidationError
from balai_app.i18n import tr


class FieldError(BalaiError, ValueError):
    """A field's message for the user. A BalaiError too, so that one raised straight out
    of a service (not through a Collector) still reaches the person as a message."""


class Collector:
    """Gathers errors and warnings per field; ``raise_if_any`` raises them."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}
        self.warnings: dict[str, str] = {}

    def take(self, field: str, func, *args, **kwargs) -> Any:
        try:
            return func(*args, **kwargs)
        except FieldError as exc:
            self.errors.setdefault(field, str(exc))
            return None

    def error(self, field: str, message: str) -> None:
        self.errors.setdefault(field, message)

    def warn(self, field: str, message: str) -> None:
        if field in self.warnings:
            self.warnings[field] += " " + message
        else:
            self.warnings[field] = message

    def raise_if_any(self, confirm_warnings: bool = False) -> None:
        if self.errors:
            raise ValidationError(self.errors)
        if self.warnings and not confirm_warnings:
            raise NeedsConfirmation(self.warnings)


class Outcomes:
    """What the cleaners gave for the cells of one file (the cleaned value or the refusal's
    message), so that a value repeated on many rows -- a date, a code, a place -- is checked
    once, and every row it appears on still gets that result or that message.

    ``column`` cleans one field of many rows at once. Only ``str`` and ``None`` are
    remembered (and given to text equal to them): for them equal values are the same input
    (``1``, ``1.0`` and ``True`` compare equal but are cleaned differently). The cleaners are pure for a given day
    (``not_future``) and language (labels, messages): ``start`` forgets everything when
    either changed. At most ``limit`` values are kept, so that a column of free text does
    not grow without end."""

    def __init__(self, limit: int = 50_000) -> None:
        self._seen: dict[str, dict[str | None, Any]] = {}
        self._refusing: set[str] = set()  # the fields with a refusal among their remembered outcomes
        self._kept = 0
        self._context: tuple[Any, ...] = ()
        self._limit = limit

    def start(self, *context: Any) -> None:
        """Called before each batch of rows with what the cleaners depend on besides their arguments."""
        if context != self._context:
            self._seen.clear()
            self._refusing.clear()
            self._kept = 0
            self._context = context

    def column(self, field: str, func, values: list[Any], label: str, options: dict[str, Any], *,
               remember: bool = True) -> tuple[list[Any], list[int]]:
        """``func(value, label, **options)`` for each of ``values``: the cleaned values, a
        refused one replaced by its message, and the positions of the refused ones.
        ``remember``: the values repeat from row to row (not a person's own name or number)."""
        seen = self._seen.setdefault(field, {}) if remember else None
        if seen:
            try:  # the usual chunk of a file: every value already seen (a code, a place, an empty cell)
                results = [seen[value] for value in values]
            except (KeyError, TypeError):  # one not seen yet (or not text: a number, a list): value by value
                pass
            else:
                if field in self._refusing:
                    return results, [i for i, outcome in enumerate(results) if outcome.__class__ is _Refused]
                return results, []
        results = []
        refused: list[int] = []
        for value in values:
            if seen is not None and (value is None or value.__class__ is str):
                outcome = seen.get(value, self)  # self: not seen yet
                if outcome is self:
                    outcome = _outcome(func, value, label, options)
                    if self._kept < self._limit:
                        seen[value] = outcome
                        self._kept += 1
                        if outcome.__class__ is _Refused:
                            self._refusing.add(field)
            else:
                outcome = _outcome(func, value, label, options)
            if outcome.__class__ is _Refused:
                refused.append(len(results))
            results.append(outcome)
        return results, refused


def _outcome(func, value: Any, label: str, options: dict[str, Any]) -> Any:
    try:
        return func(value, label, **options)
    except FieldError as exc:
        return _Refused(exc)  # its message only: the exception's traceback holds the whole import


class _Refused(str):
    """A cleaner's message for a value it refused (an outcome that is no value)."""


_TRANSLATED: dict[tuple[int, str], dict[str, str]] = {}


def translated(labels: dict[str, str]) -> dict[str, str]:
    """``{key: tr(text)}`` for a table of labels, translated once per language (a form's
    ``clean`` runs for every row of an import) -- the current language is told by the
    translation of the table's first label."""
    cache_key = (id(labels), tr(next(iter(labels.values()))))
    table = _TRANSLATED.get(cache_key)
    if table is None:
        table = _TRANSLATED[cache_key] = {key: tr(text) for key, text in labels.items()}
    return table


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"[ \t]*(?:\r\n|[\r\n\t])[ \t]*")


def _encodable(value: str) -> bool:
    """False for lone surrogates (a broken paste or file name): SQLite cannot store them."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def text(value: Any, label: str, *, required: bool = False, max_length: int = 200, multiline: bool = False) -> str:
    """A stripped, NFC-normalised string; never re-cased."""
    if value is None or value == "":  # an empty cell: most optional fields of an imported row
        if required:
            raise FieldError(tr("{label} wajib diisi.").format(label=label))
        return ""
    if not isinstance(value, str):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        else:
            raise FieldError(tr("{label}: isian tidak valid.").format(label=label))
    if value.isascii() and value.isprintable():  # most cells: nothing to normalise, no line break or control character
        value = value.strip()
    else:
        value = _unusual_text(value, label, multiline)
    if required and not value:
        raise FieldError(tr("{label} wajib diisi.").format(label=label))
    if len(value) > max_length:
        raise FieldError(tr("{label} terlalu panjang (maksimal {n} karakter).").format(label=label, n=max_length))
    return value


def _unusual_text(value: str, label: str, multiline: bool) -> str:
    """``text`` of a string with characters outside printable ASCII: normalised, line breaks
    handled, refused when it holds control, invisible or surrogate characters."""
    plain = value.isascii()  # then a line break, a tab or a control character
    if not plain:
        value = unicodedata.normalize("NFC", value)
    if multiline:
        if "\r" in value:
            value = value.replace("\r\n", "\n").replace("\r", "\n")
    elif "\n" in value or "\r" in value or "\t" in value:
        # Text pasted from a document often brings a line break or tab into a
        # one-line field, where the user cannot see it: it becomes a space.
        value = _LINE_BREAKS.sub(" ", value)
    value = value.strip()
    if _CONTROL.search(value) or not plain and not value.isprintable() and not _encodable(value):
        raise FieldError(tr("{label} berisi karakter yang tidak diizinkan.").format(label=label))
    if not plain and not multiline and any(unicodedata.category(ch) == "Cf" for ch in value):
        # Right-to-left overrides and zero-width characters make a name display reversed or look
        # identical to another one (issue 12).
        raise FieldError(tr("{label} berisi karakter tak terlihat (pembalik arah teks atau karakter lebar-nol) "
                            "yang tidak diizinkan; ketik ulang isian ini.").format(label=label))
    return value


def choice(value: Any, label: str, options, *, required: bool = True) -> str:
    value = "" if value is None else str(value).strip()
    if not value:
        if required:
            raise FieldError(tr("{label} wajib dipilih.").format(label=label))
        return ""
    if value not in options:
        raise FieldError(tr("{label} tidak dikenal: '{value}'.").format(label=label, value=value[:50]))
    return value


def date(
    value: Any,
    label: str,
    *,
    required: bool = False,
    not_future: bool = False,
    earliest: dt.date = dt.date(1900, 1, 1),
    today: dt.date | None = None,
) -> dt.date | None:
    """``today``: the last day that is not the future (the clock's when not given; a caller
    cleaning many values asks the clock once)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(tr("{label} wajib diisi.").format(label=label))
        return None
    try:
        parsed = parse_date(value)
    except ValueError as exc:
        raise FieldError(f"{label}: {exc}") from None
    if parsed < earliest:
        raise FieldError(tr("{label} terlalu lampau.").format(label=label))
    if not_future and parsed > (today or dt.date.today()):
        raise FieldError(tr("{label} tidak boleh di masa depan.").format(label=label))
    return parsed


def record_id(value: Any) -> int | None:
    """A record number typed or passed in, or None when it cannot be one: ASCII digits
    only ('²' is a digit to Python) and at most 18 of them (SQLite's 64-bit ids)."""
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        return None
    text = str(value).strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def integer(value: Any, label: str, *, required: bool = False, minimum: int | None = None, maximum: int | None = None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise FieldError(tr("{label} wajib diisi.").format(label=label))
        return None
    if isinstance(value, bool):
        raise FieldError(tr("{label} harus berupa bilangan bulat.").format(label=label))
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise FieldError(tr("{label} harus berupa bilangan bulat.").format(label=label)) from None
    if minimum is not None and number < minimum:
        raise FieldError(tr("{label} minimal {n}.").format(label=label, n=minimum))
    if maximum is not None and number > maximum:
        raise FieldError(tr("{label} maksimal {n}.").format(label=label, n=maximum))
    return number


def digits(value: Any, label: str, *, length: int, required: bool = False) -> str:
    value = text(value, label, required=required, max_length=40).replace(" ", "").replace(".", "").replace("-", "")
    if not value:
        return ""
    if not value.isascii() or not value.isdigit():
        raise FieldError(tr("{label} hanya boleh berisi angka.").format(label=label))
    if len(value) != length:
        raise FieldError(tr("{label} harus {n} digit (sekarang {m}).").format(label=label, n=length, m=len(value)))
    return value


_PHONE = re.compile(r"^\+?[0-9][0-9 \-]{5,19}$")


def phone(value: Any, label: str) -> str:
    value = text(value, label, max_length=30)
    if value and not _PHONE.match(value):
        raise FieldError(tr("{label} tidak valid: gunakan angka, spasi, '-' atau '+' di depan.").format(label=label))
    return value


def lookup_key(value: Any) -> str:
    """A code or user name to look up; text SQLite cannot take (lone surrogates) matches nothing."""
    text = str(value).strip()
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "\ufffd"
    return text
