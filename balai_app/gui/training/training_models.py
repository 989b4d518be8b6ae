"""The column sets of the Pelatihan screens over the one table model
(``gui/common/rows_model.py``), and small helpers they share.

Each model holds the rows one service call returned (a batch list, a batch's
participants, a program's units) and nothing else; ``reload()`` asks the
service again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QWidget

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.nik import mask
from balai_app.gui.common.rows_model import CENTER, LEFT, RIGHT, Column, RowsModel  # noqa: F401 (re-exported)
from balai_app.gui.common.service_call import FAILED, service_call, show_field_errors  # noqa: F401 (re-used)
from balai_app.i18n import tr

_Index = QModelIndex | QPersistentModelIndex

STATUS_COLORS = {
    # batch
    "direncanakan": "#1d4ed8", "berjalan": "#15803d", "selesai": "#4b5563", "dibatalkan": "#b91c1c",
    # enrollment
    "aktif": "#15803d", "lulus": "#1d4ed8", "mengundurkan_diri": "#b45309", "dikeluarkan": "#b91c1c",
}


# --- column sets -----------------------------------------------------------------------


def status_color(record) -> str | None:
    return STATUS_COLORS.get(record.status)


def batch_columns() -> list[Column]:
    return [
        Column("Program", lambda r: r.program_code, tooltip=lambda r: r.program_name),
        Column("Angkatan", lambda r: r.name),
        Column("Mulai", lambda r: format_short(r.start_date), CENTER),
        Column("Selesai", lambda r: format_short(r.end_date), CENTER),
        Column("Instruktur", lambda r: r.trainer_name or tr("(belum ditentukan)"),
               color=lambda r: None if r.trainer_name else "#6b7280"),
        Column("Peserta", lambda r: f"{r.participants}/{r.capacity}", RIGHT,
               color=lambda r: "#b91c1c" if r.participants >= r.capacity else None),
        Column("Status", lambda r: codes.label(codes.BATCH_STATUS, r.status), color=status_color),
    ]


def participant_columns(personal: bool) -> list[Column]:
    columns = [
        Column("No.", lambda r: "", RIGHT),  # filled by the view's row number (see ParticipantsModel)
        Column("Nama", lambda r: r.name),
        Column("L/P", lambda r: r.sex, CENTER),
    ]
    if personal:
        columns += [
            Column("NIK", lambda r: mask(r.nik) if r.nik else tr("(tanpa NIK)"),
                   color=lambda r: None if r.nik else "#6b7280"),
            Column("Klaster", lambda r: codes.label(codes.KLASTER, r.klaster)),
        ]
    columns += [
        Column("Mulai", lambda r: format_short(r.start_date), CENTER),
        Column("Selesai", lambda r: format_short(r.end_date) if r.status != "aktif" else "", CENTER),
        Column("Status", lambda r: codes.label(codes.ENROLLMENT_STATUS, r.status), color=status_color),
        Column("Keterangan", lambda r: r.status_reason, tooltip=lambda r: r.status_reason),
    ]
    return columns


class ParticipantsModel(RowsModel):
    """Participants with a running number in column 0."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() and index.column() == 0:
            return str(index.row() + 1)
        return super().data(index, role)


def unit_columns() -> list[Column]:
    def retired(u) -> str | None:
        return "#9ca3af" if u.retired else None

    return [
        Column("No.", lambda u: str(u.position), RIGHT, color=retired),
        Column("Kode", lambda u: u.code or tr("(belum diisi)"), color=lambda u: "#9ca3af" if u.retired else (
            None if u.code else "#b45309")),
        Column("Judul unit", lambda u: u.title + (tr(" (nonaktif)") if u.retired else ""), color=retired,
               tooltip=lambda u: u.title),
        Column("Jam", lambda u: str(u.hours) if u.hours else "", RIGHT, color=retired),
    ]


def resident_enrollment_columns() -> list[Column]:
    return [
        Column("Program", lambda r: f"{r.program_code} — {r.program_name}"),
        Column("Angkatan", lambda r: r.batch_name),
        Column("Mulai", lambda r: format_short(r.start_date), CENTER),
        Column("Selesai", lambda r: format_short(r.end_date), CENTER),
        Column("Status", lambda r: codes.label(codes.ENROLLMENT_STATUS, r.status), color=status_color),
        Column("Keterangan", lambda r: r.status_reason, tooltip=lambda r: r.status_reason),
    ]


def indonesian_buttons(box) -> None:
    """OK/Cancel of a QDialogButtonBox in Bahasa Indonesia (whatever Qt translations are installed)."""
    from PySide6.QtWidgets import QDialogButtonBox

    for which, text in ((QDialogButtonBox.StandardButton.Ok, tr("Simpan")),
                        (QDialogButtonBox.StandardButton.Cancel, tr("Batal"))):
        button = box.button(which)
        if button is not None:
            button.setText(text)


# --- messages ----------------------------------------------------------------------------


def error_labels(ui) -> dict[str, QLabel]:
    return {name[:-5]: w for name, w in vars(ui).items() if name.endswith("Error") and isinstance(w, QLabel)}


def run_service(parent: QWidget, call: Callable[[bool], Any], *, labels: dict[str, QLabel] | None = None,
                summary: QLabel | None = None, title: str = "") -> Any:
    """``service_call`` with warnings to confirm: the call's result, or None when it failed
    or the user declined."""
    result = service_call(parent, call, title=title or tr("Pelatihan"), labels=labels, summary=summary,
                          confirm=True)
    return None if result is FAILED else result
