"""The certificate register over the one table model (keyset pages as the view scrolls)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from balai_app.domain import dates, localtime
from balai_app.gui.common.rows_model import PAGE_SIZE, Column, RowsModel
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.certificates import CertificateFilter, CertificateRow
from balai_app.services.context import Actor

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


class CertificateTableModel(RowsModel):
    """The register over the one table model: keyset pages (newest first) as the view scrolls."""

    countChanged = Signal(int)

    def __init__(self, actor: Actor, parent=None, *, page_size: int = PAGE_SIZE):
        super().__init__([Column(header, str) for _key, header in COLUMNS], parent=parent, pager=self._page,
                         page_size=page_size)
        self.actor = actor
        self._filter = CertificateFilter()
        self._total = 0
        self.zone = certificates.zone()

    def _page(self, after: CertificateRow | None, limit: int) -> list[CertificateRow]:
        return certificates.list_certificates(self.actor, self._filter, limit=limit, after=after)

    # --- loading ----------------------------------------------------------
    def set_filter(self, flt: CertificateFilter) -> None:
        self._filter = flt
        self.refresh()

    def refresh(self) -> None:
        self.zone = certificates.zone()
        self._total = certificates.count_certificates(self.actor, self._filter)
        self.reload()
        self.countChanged.emit(self._total)

    @property
    def total(self) -> int:
        return self._total

    # --- model --------------------------------------------------------------
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
