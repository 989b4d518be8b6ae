"""Terbitkan sertifikat: every eligible participant of a batch, or one participant
(an exception for a participant not eligible needs a written reason)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_certificate_issue_dialog import Ui_CertificateIssueDialog
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.progress import percent
from balai_app.services.context import Actor

HEADERS = ["Nama peserta", "Kehadiran", "Syarat", "Keterangan"]


rate_text = percent  # 0.8333 -> '83,3%', the same figure the progress matrix shows


def result_lines(result: certificates.IssueResult) -> list[str]:
    """One line per person: the number issued, or why not (someone who already holds a
    certificate is told so, not "refused")."""
    lines = [f"{c.number} — {c.holder}" for c in result.issued]
    for name, why in result.refused:
        if why.startswith("sudah memiliki sertifikat"):
            lines.append(tr("{name}: {why}.").format(name=name, why=why))
        else:
            lines.append(tr("Belum diterbitkan: {name} — {why}.").format(name=name, why=why.rstrip(".")))
    return lines


class IssueResultDialog(QDialog):
    """What an issue did, as a list that scrolls (a batch can hold 40 people)."""

    def __init__(self, result: certificates.IssueResult, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Hasil penerbitan sertifikat"))
        layout = QVBoxLayout(self)
        self.summary = QLabel(tr("{n} sertifikat diterbitkan.").format(n=len(result.issued)))
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.addItems(result_lines(result) + [f"⚠ {w}" for w in result.warnings])
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(560, 360)


class CertificateIssueDialog(QDialog):
    issued = Signal(list)  # certificate ids

    def __init__(self, actor: Actor, parent: QWidget | None = None, *, batch_id: int | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_CertificateIssueDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(tr("Terbitkan sertifikat"))
        self.model = QStandardItemModel(self)
        self.ui.table.setModel(self.model)
        self.ui.table.setEditTriggers(self.ui.table.EditTrigger.NoEditTriggers)
        self.ui.table.verticalHeader().setVisible(False)
        self.candidates: list[certificates.Candidate] = []
        today = certificates.balai_today()  # at the balai's time zone
        self.ui.dateEdit.setDate(QDate(today.year, today.month, today.day))
        self.ui.dateEdit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.ui.dateEdit.setToolTip(tr("Tanggal terbit: tidak sebelum akhir pelatihan atau asesmen terakhir peserta, "
                                       "tidak di masa depan, dan tidak sebelum sertifikat terakhir tahun itu."))
        self.result_dialog: IssueResultDialog | None = None
        for bid, label in certificates.batches(actor, issuable=True):
            self.ui.batchCombo.addItem(label, bid)
        if batch_id is None:
            batch_id = self._first_batch_with_work()
        if batch_id is not None:
            index = self.ui.batchCombo.findData(batch_id)
            if index >= 0:
                self.ui.batchCombo.setCurrentIndex(index)
        self.ui.batchCombo.currentIndexChanged.connect(self.load)
        self.ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ui.issueAllButton.clicked.connect(self.issue_all)
        self.ui.issueOneButton.clicked.connect(self.issue_selected)
        self.ui.closeButton.clicked.connect(self.accept)
        self.load()

    def _first_batch_with_work(self, look_at: int = 12) -> int | None:
        """The newest batch with someone eligible and not yet certified (else the newest)."""
        for index in range(min(look_at, self.ui.batchCombo.count())):
            bid = self.ui.batchCombo.itemData(index)
            if any(c.eligible and not c.certificate for c in certificates.candidates(self.actor, bid)):
                return bid
        return None

    def batch_id(self) -> int | None:
        return self.ui.batchCombo.currentData()

    def load(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([tr(h) for h in HEADERS])
        self.ui.overrideError.clear()
        batch = self.batch_id()
        self.candidates = certificates.candidates(self.actor, batch) if batch is not None else []
        red, green, grey = QColor("#b91c1c"), QColor("#166534"), QColor("#555555")
        for c in self.candidates:
            if c.certificate:
                status, why, colour = tr("Sudah"), tr("Sertifikat No. {n}").format(n=c.certificate), grey
            elif c.eligible:
                status, why, colour = tr("Memenuhi"), "", green
            else:
                status, why, colour = tr("Belum"), " ".join(c.reasons), red
            # The record number tells two people of the same name apart.
            items = [QStandardItem(f"{c.name} (No. {c.resident_id})"), QStandardItem(rate_text(c.attendance_rate)),
                     QStandardItem(status),
                     QStandardItem(why)]
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[2].setForeground(QBrush(colour))
            items[3].setToolTip(why)
            self.model.appendRow(items)
        header = self.ui.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        # One line per participant; the full reasons are in the tooltip.
        self.ui.table.setWordWrap(False)
        self.ui.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        ready = sum(1 for c in self.candidates if c.eligible and not c.certificate)
        summary = tr("{n} peserta; {ready} memenuhi syarat dan belum bersertifikat; {no} belum memenuhi syarat.").format(
            n=len(self.candidates), ready=ready, no=sum(1 for c in self.candidates if not c.eligible))
        warning = certificates.missing_codes_warning(certificates.units_without_code(self.actor, batch)) if batch else ""
        if warning:
            summary += "\n⚠ " + warning
        self.ui.summaryLabel.setWordWrap(True)
        self.ui.summaryLabel.setText(summary)
        self.ui.issueAllButton.setEnabled(ready > 0)
        self._selection_changed()

    def selected(self) -> certificates.Candidate | None:
        rows = self.ui.table.selectionModel().selectedRows()
        return self.candidates[rows[0].row()] if rows else None

    def _selection_changed(self, *_args) -> None:
        chosen = self.selected()
        self.ui.issueOneButton.setEnabled(chosen is not None and not chosen.certificate)
        needs_reason = chosen is not None and not chosen.eligible and not chosen.certificate
        self.ui.overrideLabel.setEnabled(needs_reason)
        self.ui.overrideEdit.setEnabled(needs_reason)

    def select_resident(self, resident_id: int) -> None:
        for row, c in enumerate(self.candidates):
            if c.resident_id == resident_id:
                self.ui.table.selectRow(row)
                return

    def _issued_on(self) -> dt.date:
        return self.ui.dateEdit.date().toPython()

    def issue_all(self) -> certificates.IssueResult | None:
        ready = sum(1 for c in self.candidates if c.eligible and not c.certificate)
        if not ready:
            return None
        answer = QMessageBox.question(
            self, tr("Terbitkan untuk semua"),
            tr("Terbitkan {n} sertifikat untuk semua peserta yang memenuhi syarat?\n\n{n} nomor sertifikat permanen "
               "akan dipakai. Nomor yang sudah terbit tidak pernah dipakai ulang, juga bila sertifikatnya kelak "
               "dicabut.").format(n=ready),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        return self._issue(None, "")

    def issue_selected(self) -> certificates.IssueResult | None:
        chosen = self.selected()
        if chosen is None:
            return None
        reason = self.ui.overrideEdit.toPlainText().strip() if not chosen.eligible else ""
        if not chosen.eligible and not reason:
            self.ui.overrideError.setText(tr("{name} belum memenuhi syarat ({why}). Tulis alasan pengecualian untuk "
                                             "tetap menerbitkan.").format(name=chosen.name, why=" ".join(chosen.reasons)))
            self.ui.overrideEdit.setFocus()
            return None
        return self._issue([chosen.resident_id], reason)

    def _issue(self, resident_ids: list[int] | None, reason: str) -> certificates.IssueResult | None:
        self.ui.overrideError.clear()
        result = service_call(self, lambda: certificates.issue(self.actor, self.batch_id(), resident_ids,
                                                               override_reason=reason, issued_on=self._issued_on()),
                              title=tr("Sertifikat"),
                              on_errors=lambda errors: self.ui.overrideError.setText(" ".join(errors.values())))
        if result is FAILED:
            return None
        self.result_dialog = IssueResultDialog(result, self)
        self.result_dialog.open()
        self.ui.overrideEdit.clear()
        if result.issued:
            self.issued.emit([c.id for c in result.issued])
        self.load()
        return result
