"""Mitra: the partner register (companies, LKS, LSP, offices) with its cooperation agreements."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.gui.aftercare.form_dialog import FormDialog, combo, date_edit
from balai_app.gui.common.qt_dates import from_qdate, to_qdate
from balai_app.gui.training.training_models import Column, RowsModel
from balai_app.i18n import tr
from balai_app.services import partners
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


class PartnerDialog(FormDialog):
    """New partner, or (with ``row``) the changes to one."""

    def __init__(self, actor: Actor, row: partners.PartnerRow | None = None, parent: QWidget | None = None):
        super().__init__(tr("Ubah mitra — {name}").format(name=row.name) if row else tr("Mitra baru"), parent)
        self.actor, self.row = actor, row
        self.name = self.add_row("name", tr("Nama mitra"), QLineEdit())
        self.kind = self.add_row("kind", tr("Jenis"), combo(
            [(c, codes.label(codes.PARTNER_KINDS, c)) for c in codes.PARTNER_KINDS], tr("— pilih —")))
        self.address = self.add_row("address", tr("Alamat"), QPlainTextEdit())
        self.address.setMaximumHeight(60)
        self.contact_name = self.add_row("contact_name", tr("Narahubung"), QLineEdit())
        self.contact_phone = self.add_row("contact_phone", tr("Telepon narahubung"), QLineEdit())
        self.agreement_number = self.add_row("agreement_number", tr("Nomor perjanjian kerja sama"), QLineEdit())
        self.has_dates = QCheckBox(tr("Perjanjian bertanggal"))
        self.add_row("agreement_dates", tr("Masa perjanjian"), self.has_dates)
        self.agreement_start = self.add_row("agreement_start", tr("Mulai"), date_edit(maximum_today=False))
        self.agreement_end = self.add_row("agreement_end", tr("Berakhir"), date_edit(maximum_today=False))
        self.agreement_scope = self.add_row("agreement_scope", tr("Ruang lingkup"), QPlainTextEdit())
        self.agreement_scope.setMaximumHeight(60)
        self.active = self.add_row("active", tr("Status"), QCheckBox(tr("Kerja sama aktif")))
        self.active.setChecked(True)
        self.notes = self.add_row("notes", tr("Catatan"), QPlainTextEdit())
        self.notes.setMaximumHeight(60)
        self.has_dates.toggled.connect(self._dates_toggled)
        if row:
            self.name.setText(row.name)
            self.kind.setCurrentIndex(self.kind.findData(row.kind))
            self.address.setPlainText(row.address)
            self.contact_name.setText(row.contact_name)
            self.contact_phone.setText(row.contact_phone)
            self.agreement_number.setText(row.agreement_number)
            self.has_dates.setChecked(bool(row.agreement_start or row.agreement_end))
            self.agreement_start.setDate(to_qdate(row.agreement_start))
            self.agreement_end.setDate(to_qdate(row.agreement_end))
            self.agreement_scope.setPlainText(row.agreement_scope)
            self.active.setChecked(row.active)
            self.notes.setPlainText(row.notes)
        self._dates_toggled()
        self.resize(560, 640)

    def _dates_toggled(self) -> None:
        for field in ("agreement_start", "agreement_end"):
            self.set_row_visible(field, self.has_dates.isChecked())

    def values(self) -> dict:
        dated = self.has_dates.isChecked()
        return {
            "name": self.name.text(), "kind": self.kind.currentData(), "address": self.address.toPlainText(),
            "contact_name": self.contact_name.text(), "contact_phone": self.contact_phone.text(),
            "agreement_number": self.agreement_number.text(),
            "agreement_start": from_qdate(self.agreement_start.date()) if dated else None,
            "agreement_end": from_qdate(self.agreement_end.date()) if dated else None,
            "agreement_scope": self.agreement_scope.toPlainText(), "active": self.active.isChecked(),
            "notes": self.notes.toPlainText(),
        }

    def submit(self):
        if self.row is None:
            return partners.create_partner(self.actor, self.values())
        return partners.update_partner(self.actor, self.row.id, self.values(), expected_version=self.row.version)


class PartnersPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.dialog = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        title = QLabel(tr("Mitra"))
        title.setStyleSheet("font-size:14pt; font-weight:bold;")
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Cari nama, narahubung atau alamat…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.ended = QCheckBox(tr("Tampilkan kerja sama yang berakhir"))
        self.ended.setChecked(True)
        self.ended.toggled.connect(self.refresh)
        self.add_button = QPushButton(qta.icon("fa5s.plus", color="#1f3a5f"), tr("Mitra baru…"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(qta.icon("fa5s.edit", color="#1f3a5f"), tr("Ubah…"))
        self.edit_button.clicked.connect(self.edit)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.ended)
        bar.addWidget(self.add_button)
        bar.addWidget(self.edit_button)
        layout.addLayout(bar)
        self.model = RowsModel([
            Column(tr("Nama"), lambda p: p.name),
            Column(tr("Jenis"), lambda p: p.kind_label),
            Column(tr("Narahubung"), lambda p: p.contact_name or "—"),
            Column(tr("Telepon"), lambda p: p.contact_phone or "—"),
            Column(tr("Perjanjian"), lambda p: " ".join(x for x in (
                p.agreement_number, f"s.d. {format_short(p.agreement_end)}" if p.agreement_end else "") if x) or "—"),
            Column(tr("Status"), lambda p: tr("Aktif") if p.active else tr("Berakhir"),
                   color=lambda p: "#15803d" if p.active else "#6b7280"),
            Column(tr("Penempatan"), lambda p: str(p.placements)),
        ], self._load, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit())
        layout.addWidget(self.table, 1)
        can_edit = allowed(actor, "partners.edit")
        self.add_button.setVisible(can_edit)
        self.edit_button.setVisible(can_edit)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self._update()

    def _load(self):
        return partners.list_partners(self.actor, include_ended=self.ended.isChecked(), text=self.search.text())

    def refresh(self, *_args) -> None:
        self.model.reload()
        self._update()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self, *_args) -> None:
        self.edit_button.setEnabled(self.selected() is not None)

    def _run(self, dialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda result: result and self.refresh())
        dialog.open()

    def add(self) -> None:
        self._run(PartnerDialog(self.actor, None, self))

    def edit(self) -> None:
        row = self.selected()
        if row is not None and allowed(self.actor, "partners.edit"):
            self._run(PartnerDialog(self.actor, partners.get_partner(self.actor, row.id), self))
