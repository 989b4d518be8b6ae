"""Sertifikat: the register (filters, search), issuing, preview, printing, revocation, verification.

QtPdf and reportlab load only when a certificate is previewed or printed
(``certificate_preview`` / ``certificate_actions``), never when the page opens.
"""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHeaderView, QInputDialog, QMessageBox, QPushButton, QWidget

from balai_app.gui.common import elided_tooltips
from balai_app.domain import dates
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.certificates.certificate_register import COLUMN_KEYS, CertificateTableModel, note
from balai_app.gui.forms.ui_certificate_register import Ui_CertificateRegister
from balai_app.i18n import tr
from balai_app.services import certificates
from balai_app.services.certificates import CertificateFilter
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed
from balai_app.domain.numbers import number

SEARCH_DELAY_MS = 200
COLUMN_WIDTHS = {"number": 230, "holder": 220, "program": 150, "batch": 150, "issued_on": 86, "status": 70}


class CertificatesPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.ui = Ui_CertificateRegister()
        self.ui.setupUi(self)
        self.runner = None  # the last print/save job (tests wait on it)
        self.dialog = None  # the last dialog opened (issue, preview, verify)
        self.model = CertificateTableModel(actor, self)
        self.ui.table.setModel(self.model)
        self.ui.table.verticalHeader().setVisible(False)
        header = self.ui.table.horizontalHeader()
        for key, width in COLUMN_WIDTHS.items():
            header.resizeSection(COLUMN_KEYS.index(key), width)
        header.setSectionResizeMode(COLUMN_KEYS.index("note"), QHeaderView.ResizeMode.Stretch)
        elided_tooltips.install(self.ui.table)  # a cut-off note or name: its whole text on hover
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.ui.heading.setFont(font)
        self.ui.heading.setText(tr("Register sertifikat kompetensi"))
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self._setup_buttons()
        self._fill_filters()
        self.model.countChanged.connect(self._show_count)
        self.ui.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.ui.table.doubleClicked.connect(lambda _index: self.preview())
        self.ui.searchEdit.textChanged.connect(lambda _text: self._search_timer.start())
        for combo in (self.ui.yearCombo, self.ui.programCombo, self.ui.batchCombo, self.ui.statusCombo):
            combo.currentIndexChanged.connect(self.apply_filter)
        self.ui.programCombo.currentIndexChanged.connect(self._fill_batches)

    # --- set-up -------------------------------------------------------------
    def _setup_buttons(self) -> None:
        ui = self.ui
        icons = {
            ui.issueButton: "fa5s.award", ui.previewButton: "fa5s.eye", ui.printButton: "fa5s.print",
            ui.savePdfButton: "fa5s.file-pdf", ui.saveFolderButton: "fa5s.folder-open", ui.revokeButton: "fa5s.ban",
            ui.reissueButton: "fa5s.redo", ui.verifyButton: "fa5s.qrcode",
        }
        for button, icon in icons.items():
            button.setIcon(qta.icon(icon))
        ui.issueButton.setText(tr("Terbitkan…"))
        ui.previewButton.setText(tr("Pratinjau"))
        ui.printButton.setText(tr("Cetak…"))
        ui.savePdfButton.setText(tr("Simpan PDF…"))
        ui.saveFolderButton.setText(tr("PDF per sertifikat…"))
        ui.revokeButton.setText(tr("Cabut…"))
        ui.reissueButton.setText(tr("Terbitkan ulang…"))
        ui.verifyButton.setText(tr("Verifikasi…"))
        ui.selectAllButton.setText(tr("Pilih semua"))
        # One action for a finished batch: every valid certificate, ascending numbers, revoked ones skipped.
        self.batch_print_button = QPushButton(qta.icon("fa5s.print"), tr("Cetak sertifikat angkatan ini…"), self)
        self.batch_print_button.setObjectName("batchPrintButton")
        self.batch_print_button.setToolTip(tr("Membuka dialog cetak dengan semua sertifikat yang berlaku dari angkatan "
                                              "yang dipilih, urut nomor; yang dicabut dilewati."))
        index = ui.filterLayout.indexOf(ui.batchCombo)
        ui.filterLayout.insertWidget(index + 1, self.batch_print_button)
        self.batch_print_button.setVisible(allowed(self.actor, "certificates.print"))
        self.batch_print_button.clicked.connect(self.print_batch)
        ui.issueButton.setVisible(allowed(self.actor, "certificates.issue"))
        ui.reissueButton.setVisible(allowed(self.actor, "certificates.issue"))
        ui.revokeButton.setVisible(allowed(self.actor, "certificates.revoke"))
        for button in (ui.printButton, ui.savePdfButton, ui.saveFolderButton):
            button.setVisible(allowed(self.actor, "certificates.print"))
        ui.issueButton.clicked.connect(self.open_issue)
        ui.previewButton.clicked.connect(self.preview)
        ui.printButton.clicked.connect(self.print_selected)
        ui.savePdfButton.clicked.connect(self.save_pdf)
        ui.saveFolderButton.clicked.connect(self.save_folder)
        ui.revokeButton.clicked.connect(self.revoke)
        ui.reissueButton.clicked.connect(self.reissue)
        ui.verifyButton.clicked.connect(self.open_verify)
        ui.selectAllButton.clicked.connect(self.select_all)
        self._selection_changed()

    def _fill_filters(self) -> None:
        ui = self.ui
        for combo in (ui.yearCombo, ui.programCombo, ui.statusCombo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("Semua"), None)
        for year in certificates.years(self.actor):
            ui.yearCombo.addItem(str(year), year)
        for pid, name in certificates.programs(self.actor):
            ui.programCombo.addItem(name, pid)
        for code, label in certificates.STATUS_LABELS.items():
            ui.statusCombo.addItem(tr(label), code)
        for combo in (ui.yearCombo, ui.programCombo, ui.statusCombo):
            combo.blockSignals(False)
        self._fill_batches()

    def _fill_batches(self, *_args) -> None:
        combo = self.ui.batchCombo
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(tr("Semua"), None)
        for bid, label in certificates.batches(self.actor, self.ui.programCombo.currentData()):
            combo.addItem(label, bid)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # --- the list -----------------------------------------------------------
    def refresh(self) -> None:
        state = [c.currentData() for c in (self.ui.yearCombo, self.ui.programCombo, self.ui.batchCombo,
                                           self.ui.statusCombo)]
        self._fill_filters()
        for combo, value in zip((self.ui.yearCombo, self.ui.programCombo, self.ui.batchCombo, self.ui.statusCombo),
                                state):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)
        self.apply_filter()

    def current_filter(self) -> CertificateFilter:
        ui = self.ui
        return CertificateFilter(text=ui.searchEdit.text().strip(), year=ui.yearCombo.currentData(),
                                 program_id=ui.programCombo.currentData(), batch_id=ui.batchCombo.currentData(),
                                 status=ui.statusCombo.currentData())

    def apply_filter(self, *_args) -> None:
        self._search_timer.stop()
        self.model.set_filter(self.current_filter())
        self._selection_changed()

    def _show_count(self, total: int) -> None:
        self.ui.countLabel.setText(tr("{n} sertifikat").format(n=number(total)))

    def select_all(self) -> None:
        self.model.load_all()
        self.ui.table.selectAll()

    def selected_ids(self) -> list[int]:
        rows = sorted(index.row() for index in self.ui.table.selectionModel().selectedRows())
        return [self.model.row_at(r).id for r in rows]

    def _selection_changed(self, *_args) -> None:
        rows = sorted(index.row() for index in self.ui.table.selectionModel().selectedRows())
        chosen = [self.model.row_at(r) for r in rows]
        any_valid = any(r.status == "berlaku" for r in chosen)
        self.ui.previewButton.setEnabled(bool(chosen))
        # A revoked certificate among the chosen is skipped when printing (with a line saying so), never a dead end.
        for button in (self.ui.printButton, self.ui.savePdfButton, self.ui.saveFolderButton):
            button.setEnabled(any_valid)
            button.setToolTip(tr("Sertifikat yang dicabut dilewati.") if any_valid and not all(
                r.status == "berlaku" for r in chosen) else "")
        self.batch_print_button.setEnabled(self.ui.batchCombo.currentData() is not None)
        self.ui.revokeButton.setEnabled(len(chosen) == 1 and any_valid)
        self.ui.reissueButton.setEnabled(len(chosen) == 1)
        if len(chosen) == 1:
            row = chosen[0]
            text = tr("{n} — {holder}, {program}, terbit {date}.").format(
                n=row.number, holder=row.holder, program=row.program, date=dates.format_long(row.issued_on))
            extra = note(row)
            self.ui.detailLabel.setText(text + (f"\n{extra}" if extra else ""))
        elif chosen:
            revoked = sum(1 for r in chosen if r.status != "berlaku")
            text = tr("{n} sertifikat dipilih.").format(n=len(chosen))
            if revoked and allowed(self.actor, "certificates.print"):
                text += " " + tr("{k} di antaranya dicabut dan akan dilewati saat mencetak.").format(k=revoked)
            self.ui.detailLabel.setText(text)
        else:
            self.ui.detailLabel.setText(self.hint())

    def hint(self) -> str:
        """What to do next, only with the buttons this role has."""
        if allowed(self.actor, "certificates.print"):
            return tr("Pilih sertifikat untuk pratinjau, cetak atau cabut. Untuk mencetak satu angkatan: pilih "
                      "angkatan, lalu Cetak sertifikat angkatan ini.")
        return tr("Pilih sertifikat untuk melihat rinciannya atau pratinjau; pencetakan dilakukan oleh admin. "
                  "Untuk memeriksa keaslian sertifikat: Verifikasi.")

    # --- actions --------------------------------------------------------------
    def open_issue(self, *_args, batch_id: int | None = None):
        from balai_app.gui.certificates.certificate_issue_dialog import CertificateIssueDialog

        dialog = CertificateIssueDialog(self.actor, self, batch_id=batch_id or self.ui.batchCombo.currentData())
        dialog.issued.connect(lambda _ids: self.refresh())
        self.dialog = dialog
        dialog.open()
        return dialog

    def preview(self, *_args):
        ids = self.selected_ids()
        if not ids:
            return None
        from balai_app.gui.certificates.certificate_preview import CertificatePreview

        dialog = CertificatePreview(self.actor, ids, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def printable_selection(self) -> tuple[list[int], str]:
        """(ids of the valid certificates chosen, a line naming the revoked ones skipped)."""
        rows = sorted(index.row() for index in self.ui.table.selectionModel().selectedRows())
        chosen = sorted((self.model.row_at(r) for r in rows), key=lambda r: r.id)  # ascending numbers
        skipped = [r.number for r in chosen if r.status != "berlaku"]
        note = tr("{n} sertifikat yang dicabut tidak dicetak: {numbers}.").format(
            n=len(skipped), numbers=", ".join(skipped)) if skipped else ""
        return [r.id for r in chosen if r.status == "berlaku"], note

    def print_selected(self, *_args):
        from balai_app.gui.certificates import certificate_actions

        ids, skipped = self.printable_selection()
        self.runner = certificate_actions.print_certificates(self, self.actor, ids, note=skipped)
        return self.runner

    def print_batch(self, *_args):
        """Cetak sertifikat angkatan ini: the print dialog with every valid certificate of the batch."""
        from balai_app.gui.certificates import certificate_actions

        batch_id = self.ui.batchCombo.currentData()
        if batch_id is None:
            return None
        self.runner = certificate_actions.print_batch(self, self.actor, batch_id)
        return self.runner

    def save_pdf(self, *_args):
        from balai_app.gui.certificates import certificate_actions

        ids, skipped = self.printable_selection()
        self.runner = certificate_actions.save_pdf(self, self.actor, ids, note=skipped)
        return self.runner

    def save_folder(self, *_args):
        from balai_app.gui.certificates import certificate_actions

        ids, skipped = self.printable_selection()
        self.runner = certificate_actions.save_folder(self, self.actor, ids, note=skipped)
        return self.runner

    def _single(self):
        ids = self.selected_ids()
        return certificates.get(self.actor, ids[0]) if len(ids) == 1 else None

    def revoke(self, *_args) -> bool:
        cert = self._single()
        if cert is None:
            return False
        reason, ok = QInputDialog.getMultiLineText(
            self, tr("Cabut sertifikat"),
            tr("Sertifikat No. {n} akan dicabut. Nomornya tidak akan dipakai lagi.\nAlasan pencabutan:").format(
                n=cert.number))
        if not ok:
            return False
        if service_call(self, lambda: certificates.revoke(self.actor, cert.id, reason),
                        title=tr("Cabut sertifikat")) is FAILED:
            return False
        self.refresh()
        return True

    def reissue(self, *_args) -> bool:
        cert = self._single()
        if cert is None:
            return False
        reason, ok = QInputDialog.getMultiLineText(
            self, tr("Terbitkan ulang"),
            tr("Sertifikat baru dengan nomor baru akan menggantikan No. {n} (yang lama dicabut), memakai data "
               "Penerima Manfaat dan program saat ini.\nAlasan:").format(n=cert.number))
        if not ok:
            return False
        new = service_call(self, lambda: certificates.reissue(self.actor, cert.id, reason),
                           title=tr("Terbitkan ulang"))
        if new is FAILED:
            return False
        QMessageBox.information(self, tr("Terbitkan ulang"),
                                tr("Sertifikat baru: No. {n}.").format(n=new.number))
        self.refresh()
        return True

    def open_verify(self, *_args):
        from balai_app.gui.certificates.certificate_verify_dialog import CertificateVerifyDialog

        dialog = CertificateVerifyDialog(self)
        self.dialog = dialog
        dialog.open()
        return dialog
