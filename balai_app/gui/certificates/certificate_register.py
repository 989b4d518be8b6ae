"""The certificate register as a query-backed table model (pages of 200 rows)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from balai_app.domain import dates, localtime
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.certificates import CertificateFilter, CertificateRow
from balai_app.services.context import Actor

PAGE_SIZE = 200

_Index = QModelIndex | QPersistentModelIndex

COLUMNS: list[tuple[str, str]] = [
    ("number", "Nomor"),
    ("holder", "Nama pemegang"),
    ("program", "Program"),
    ("batch", "Angkatan"),
    ("issued_on", "Tgl. terbit"),
    ("status", "Status"),
    ("note", "Keterangan"),
]
COLUMN_KEYS = [key for key, _ in COLUMNS]


def note(row: CertificateRow, zone: str | None = None) -> str:
    """What the register must show beside a certificate: revocation (in the balai's local
    time, not UTC), exception, replacement."""
    parts = []
    if row.status == "dicabut":
        when = localtime.format_local(row.revoked_at, zone or certificates.zone())
        parts.append(tr("Dicabut {date}: {why}").format(date=when, why=row.revoke_reason))
    if row.override_reason:
        parts.append(tr("Pengecualian: {why}").format(why=row.override_reason))
    if row.replaces:
        parts.append(tr("Menggantikan {n}").format(n=row.replaces))
    return " · ".join(parts)


def display_value(row: CertificateRow, key: str, zone: str | None = None) -> str:
    if key == "issued_on":
        return dates.format_short(row.issued_on)
    if key == "status":
        return tr(certificates.STATUS_LABELS.get(row.status, row.status))
    if key == "note":
        return note(row, zone)
    return str(getattr(row, key) or "")


class CertificateTableModel(QAbstractTableModel):
    countChanged = Signal(int)
    IdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, actor: Actor, parent=None, *, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self.actor = actor
        self.page_size = page_size
        self._filter = CertificateFilter()
        self._rows: list[CertificateRow] = []
        self._total = 0
        self.zone = certificates.zone()

    # --- loading ----------------------------------------------------------
    def set_filter(self, flt: CertificateFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.zone = certificates.zone()
        self._total = certificates.count_certificates(self.actor, self._filter)
        self._rows = certificates.list_certificates(self.actor, self._filter, limit=self.page_size)
        self.endResetModel()
        self.countChanged.emit(self._total)

    @property
    def total(self) -> int:
        return self._total

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = certificates.list_certificates(self.actor, self._filter, limit=self.page_size, offset=len(self._rows))
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def load_all(self) -> None:
        while self.canFetchMore():
            self.fetchMore()

    # --- model --------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(COLUMNS[section][1])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = COLUMN_KEYS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return display_value(row, key, self.zone)
        if role == self.IdRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "dicabut":
            return QBrush(QColor("#b91c1c"))
        if role == Qt.ItemDataRole.ForegroundRole and key == "note" and row.override_reason:
            return QBrush(QColor("#92400e"))
        return None

    def row_at(self, row: int) -> CertificateRow:
        return self._rows[row]
