"""Parsing and showing dates the way Indonesian offices write them."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_SEPARATORS = ("-", "/", ".")  # between day, month and year, as _DMY allows them


def parse_date(value: object) -> dt.date:
    """Parse YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY (also a date or datetime).

    Raises ``ValueError`` with an Indonesian message for anything else,
    including impossible dates such as 31-02-2026.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"bukan tanggal: {value!r}")
    text = value.strip()
    if len(text) == 10 and text[2] in _SEPARATORS and text[5] in _SEPARATORS and text.isascii():
        dd, mm, yyyy = text[:2], text[3:5], text[6:]
        if dd.isdigit() and mm.isdigit() and yyyy.isdigit():  # DD/MM/YYYY, as most cells: no pattern to run
            return _calendar_date(int(yyyy), int(mm), int(dd), text)
    match = _ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _DMY.match(text)
        if not match:
            raise ValueError(f"format tanggal tidak dikenal: '{text}' (gunakan HH/BB/TTTT atau TTTT-BB-HH)")
        day, month, year = (int(g) for g in match.groups())
    return _calendar_date(year, month, day, text)


def _calendar_date(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"tanggal tidak ada di kalender: '{text}'") from None


def format_long(value: dt.date | None) -> str:
    """22 November 2026"""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def format_short(value: dt.date | None) -> str:
    """22/11/2026"""
    if value is None:
        return ""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


def roman_month(month: int) -> str:
    return ROMAN_MONTHS[month - 1]


def month_name(year: int, month: int) -> str:
    """'Maret 2026'."""
    return f"{MONTHS[month - 1]} {year}"
