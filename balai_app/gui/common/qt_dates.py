"""Converting between Python dates and QDate (one place for every screen)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate


def to_qdate(value: dt.date | None) -> QDate:
    """A QDate for ``value``; today for None (a date edit always shows some date)."""
    return QDate(value.year, value.month, value.day) if value else QDate.currentDate()


def from_qdate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
