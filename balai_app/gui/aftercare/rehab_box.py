"""The "Sertifikat rehabilitasi sosial" box of the Setelah pelatihan tab (issued by an admin at termination)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import QCheckBox, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from balai_app.domain.dates import format_short
from balai_app.gui.common import file_dialogs
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.residents.resident_form import confirm
from balai_app.i18n import tr
from balai_app.services import rehab_certificates as rc
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


class RehabBox(QGroupBox):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(tr("Sertifikat rehabilitasi sosial"), parent)
        self.actor = actor
        self.resident = None
        self.current: rc.RehabCertificateRow | None = None
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        bar = QHBoxLayout()
        self.services_check = QCheckBox(tr("Cantumkan daftar layanan yang diterima"))
        self.services_check.setToolTip(tr("Hanya nama layanan yang netral; tidak pernah klaster, disabilitas "
                                          "atau kasus."))
        self.issue_button = QPushButton(qta.icon("fa5s.award", color="#1f3a5f"), tr("Terbitkan sertifikat…"))
        self.issue_button.clicked.connect(self.issue)
        self.pdf_button = QPushButton(qta.icon("fa5s.file-pdf", color="#1f3a5f"), tr("Simpan PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        bar.addWidget(self.issue_button)
        bar.addWidget(self.services_check)
        bar.addStretch(1)
        bar.addWidget(self.pdf_button)
        layout.addLayout(bar)
        admin = allowed(actor, "rehab_certificates.issue")
        for widget in (self.issue_button, self.services_check):
            widget.setVisible(admin)
        self.pdf_button.setVisible(allowed(actor, "rehab_certificates.print"))

    def set_resident(self, resident) -> None:
        self.resident = resident
        rows = rc.of_resident(self.actor, resident.id)
        self.current = next((r for r in rows if r.valid), None)
        terminated = resident.status == "selesai" and resident.exit_date is not None
        if self.current:
            self.status.setText(tr("No. {n}, terbit {d}.").format(n=self.current.number,
                                                                  d=format_short(self.current.issued_on)))
        elif rows:
            self.status.setText(tr("Sertifikat No. {n} dicabut: {r}").format(n=rows[0].number, r=rows[0].revoke_reason))
        elif terminated:
            self.status.setText(tr("Belum diterbitkan. PM telah selesai (terminasi {d}).").format(
                d=format_short(resident.exit_date)))
        else:
            self.status.setText(tr("Diterbitkan saat terminasi (status Selesai/Terminasi)."))
        self.issue_button.setEnabled(terminated and self.current is None)
        self.services_check.setEnabled(terminated and self.current is None)
        self.pdf_button.setEnabled(self.current is not None)

    def issue(self) -> None:
        if not confirm(self, tr("Terbitkan sertifikat"), tr(
                "Terbitkan sertifikat rehabilitasi sosial untuk {name}? Nomornya tetap dan tidak dapat dipakai "
                "ulang.").format(name=self.resident.name), tr("Ya, terbitkan")):
            return
        if service_call(self, lambda: rc.issue(self.actor, self.resident.id, with_services=self.services_check.isChecked()),
                        title=tr("Sertifikat rehabilitasi sosial")) is FAILED:
            return
        self.set_resident(self.resident)

    def save_pdf(self) -> None:
        if self.current is None:
            return
        suggested = "sertifikat-rehsos-" + self.current.number.replace("/", "-") + ".pdf"
        path = file_dialogs.get_save_file_name(self, tr("Simpan sertifikat"), suggested, tr("PDF (*.pdf)"))
        path = path[0] if isinstance(path, tuple) else path
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        number = self.current.number
        if service_call(self, lambda: rc.write_pdf(self.actor, number, path),
                        title=tr("Sertifikat rehabilitasi sosial")) is FAILED:
            return
        QMessageBox.information(self, tr("Sertifikat rehabilitasi sosial"),
                                tr("Sertifikat disimpan di {path}.").format(path=path))
