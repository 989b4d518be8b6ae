"""One batch: its facts, its participants with their enrollment status, and what can be done.

Laid out in ``ui/batch_detail.ui``; the menus and icons are added here."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMenu,
    QWidget,
)

from balai_app.domain import codes
from balai_app.domain.dates import format_long
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_batch_detail import Ui_BatchDetail
from balai_app.gui.training.training_models import STATUS_COLORS, ParticipantsModel, participant_columns, run_service
from balai_app.i18n import tr
from balai_app.services import enrollment, training
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


def safe_filename(text: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in text).strip().replace(" ", "-")


class BatchDetail(QWidget):
    """``changed(batch_id)`` after anything that alters the batch list (status, participants)."""

    changed = Signal(int)

    def __init__(self, actor: Actor, parent=None):
        super().__init__(parent)
        self.actor = actor
        self.batch_id: int | None = None
        self.row: training.BatchRow | None = None
        self.can_enroll = allowed(actor, "enrollment.edit")
        self.can_edit = allowed(actor, "batches.edit")
        self.personal = not training.is_instruktur(actor) and allowed(actor, "residents.view")
        self.ui = Ui_BatchDetail()
        self.ui.setupUi(self)
        ui = self.ui
        self.title = ui.titleLabel
        self.fact_labels: dict[str, QLabel] = {key: getattr(ui, f"{key}Value") for key in
                                               ("period", "trainer", "schedule", "room", "seats", "status")}

        self.enroll_button = ui.enrollButton
        self.complete_button = ui.completeButton
        self.withdraw_button = ui.withdrawButton
        self.remove_button = ui.removeButton
        self.reactivate_button = ui.reactivateButton
        for button, icon in ((self.enroll_button, "fa5s.user-plus"), (self.complete_button, "fa5s.graduation-cap"),
                             (self.withdraw_button, "fa5s.sign-out-alt"), (self.remove_button, "fa5s.user-times"),
                             (self.reactivate_button, "fa5s.undo")):
            button.setIcon(qta.icon(icon))
            button.setVisible(self.can_enroll)
        self.enroll_button.clicked.connect(self.enroll)
        self.complete_button.clicked.connect(lambda: self.close_selected("lulus"))
        self.withdraw_button.clicked.connect(lambda: self.close_selected("mengundurkan_diri"))
        self.remove_button.clicked.connect(lambda: self.close_selected("dikeluarkan"))
        self.reactivate_button.clicked.connect(self.reactivate_selected)
        self.edit_button = ui.editButton
        self.edit_button.setIcon(qta.icon("fa5s.pen"))
        self.edit_button.clicked.connect(self.edit_batch)
        self.edit_button.setVisible(self.can_edit)
        self.status_button = ui.statusButton
        self.status_button.setIcon(qta.icon("fa5s.flag"))
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        self.status_button.setVisible(self.can_edit)
        self.export_button = ui.exportButton
        self.export_button.setIcon(qta.icon("fa5s.file-export"))
        menu = QMenu(self.export_button)
        menu.addAction(qta.icon("fa5s.file-pdf"), tr("Cetak PDF (A4)…"), self.export_pdf)
        menu.addAction(qta.icon("fa5s.file-excel"), tr("Ekspor XLSX…"), self.export_xlsx)
        self.export_button.setMenu(menu)
        # issue 13: the batch's certificates in one action (owned by gui/certificates)
        self.print_certificates_button = ui.printCertificatesButton
        self.print_certificates_button.setIcon(qta.icon("fa5s.print"))
        self.print_certificates_button.setVisible(allowed(actor, "certificates.print"))
        self.print_certificates_button.clicked.connect(self.print_certificates)
        self.runner = None

        self.model = ParticipantsModel(participant_columns(self.personal), parent=self)
        self.table = ui.participantTable
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.empty = ui.emptyLabel
        self.show_batch(None)

    # --- loading --------------------------------------------------------------
    def show_batch(self, batch_id: int | None) -> None:
        self.batch_id = batch_id
        self.row = training.batch_row(self.actor, batch_id) if batch_id else None
        row = self.row
        for widget in (self.title, self.table, self.enroll_button, self.complete_button, self.withdraw_button,
                       self.remove_button, self.reactivate_button, self.edit_button, self.status_button, self.export_button,
                       self.print_certificates_button):
            widget.setEnabled(row is not None)
        self.empty.setVisible(row is None)
        if row is None:
            self.title.setText(tr("Angkatan"))
            for label in self.fact_labels.values():
                label.setText("")
            self.model.set_rows([])
            return
        self.title.setText(f"{row.program_code} — {row.program_name}: {row.name}")
        self.fact_labels["period"].setText(f"{format_long(row.start_date)} – {format_long(row.end_date)}")
        self.fact_labels["trainer"].setText(row.trainer_name or tr("(belum ditentukan)"))
        self.fact_labels["schedule"].setText(row.schedule or "-")
        self.fact_labels["room"].setText(row.room or "-")
        seats = tr("{n} dari {cap} kursi").format(n=row.participants, cap=row.capacity)
        if row.participants >= row.capacity:
            seats += tr(" — penuh")
        self.fact_labels["seats"].setText(seats)
        status = self.fact_labels["status"]
        status.setText(codes.label(codes.BATCH_STATUS, row.status))
        status.setStyleSheet(f"color:{STATUS_COLORS.get(row.status, '#000')}; font-weight:bold;")
        self.model.set_rows(enrollment.batch_participants(self.actor, batch_id))
        self._fill_status_menu()
        self._update_buttons()

    def _fill_status_menu(self) -> None:
        self.status_menu.clear()
        if self.row is None:
            return
        for status in sorted(training.BATCH_TRANSITIONS.get(self.row.status, set()),
                             key=list(codes.BATCH_STATUS).index):
            action = self.status_menu.addAction(tr("Jadikan: {s}").format(s=codes.label(codes.BATCH_STATUS, status)))
            action.triggered.connect(lambda _checked=False, s=status: self.set_status(s))

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_buttons(self, *_args) -> None:
        participant = self.selected()
        open_ = participant is not None and participant.status == "aktif"
        for button in (self.complete_button, self.withdraw_button, self.remove_button):
            button.setEnabled(open_)
        self.reactivate_button.setEnabled(participant is not None and not open_)
        closed = self.row is None or self.row.status in ("selesai", "dibatalkan")
        self.enroll_button.setEnabled(self.row is not None and not closed)
        self.enroll_button.setToolTip(tr("Angkatan ini sudah {s}; pendaftaran ditutup.").format(
            s=codes.label(codes.BATCH_STATUS, self.row.status).lower()) if closed and self.row else "")

    def select_participant(self, resident_id: int) -> bool:
        row = self.model.find(lambda r: r.resident_id == resident_id)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    # --- actions ---------------------------------------------------------------
    def print_certificates(self, *_args):
        from balai_app.gui.certificates import certificate_actions

        if self.batch_id is not None:
            self.runner = certificate_actions.print_batch(self, self.actor, self.batch_id)
        return self.runner

    def enroll(self) -> None:
        from balai_app.gui.training.enroll_dialog import EnrollDialog

        if self.batch_id is None:
            return
        dialog = service_call(self, lambda: EnrollDialog(self.actor, self.batch_id, self), title=tr("Daftarkan peserta"))
        if dialog is FAILED:
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_batch(self.batch_id)
            self.changed.emit(self.batch_id)

    def close_selected(self, status: str) -> None:
        from balai_app.gui.training.enroll_close_dialog import close_participant

        participant = self.selected()
        if participant is None:
            return
        if close_participant(self, self.actor, participant, status):
            self.show_batch(self.batch_id)
            self.select_participant(participant.resident_id)
            self.changed.emit(self.batch_id)

    def reactivate_selected(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        participant = self.selected()
        if participant is None or participant.status == "aktif":
            return
        reason, accepted = QInputDialog.getText(
            self, tr("Aktifkan kembali"),
            tr("{name} berstatus {status}. Alasan mengaktifkan kembali (mis. salah catat):").format(
                name=participant.name, status=codes.label(codes.ENROLLMENT_STATUS, participant.status)))
        if not accepted:
            return
        if run_service(self, lambda _c: enrollment.reactivate(self.actor, participant.enrollment_id, reason),
                       title=tr("Aktifkan kembali")) is not None:
            self.show_batch(self.batch_id)
            self.select_participant(participant.resident_id)
            self.changed.emit(self.batch_id)

    def edit_batch(self) -> None:
        from balai_app.gui.training.batch_dialog import BatchDialog

        if self.batch_id is None:
            return
        dialog = BatchDialog(self.actor, training.get_batch(self.actor, self.batch_id), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_batch(self.batch_id)
            self.changed.emit(self.batch_id)

    def set_status(self, status: str) -> None:
        batch = training.get_batch(self.actor, self.batch_id)
        done = run_service(self, lambda confirm: training.set_batch_status(
            self.actor, batch.id, status, expected_version=batch.version, confirm_warnings=confirm),
            title=tr("Status angkatan"))
        if done is not None:
            self.show_batch(self.batch_id)
            self.changed.emit(self.batch_id)

    def _export(self, kind: str, pattern: str) -> None:
        from balai_app.services import exports

        if self.row is None:
            return
        suggested = safe_filename(f"peserta-{self.row.program_code}-{self.row.name}") + f".{kind}"
        path, _ = QFileDialog.getSaveFileName(self, tr("Simpan daftar peserta"), suggested, pattern)
        if not path:
            return
        func = exports.participants_pdf if kind == "pdf" else exports.participants_xlsx
        if run_service(self, lambda _c: func(self.actor, self.batch_id, path)) is not None:
            self.window().statusBar().showMessage(tr("Daftar peserta disimpan: {path}").format(path=path), 8000) \
                if hasattr(self.window(), "statusBar") else None

    def export_pdf(self) -> None:
        self._export("pdf", tr("Dokumen PDF (*.pdf)"))

    def export_xlsx(self) -> None:
        self._export("xlsx", tr("Buku kerja Excel (*.xlsx)"))
