"""The "Profil lulusan" box of the Setelah pelatihan tab: the PM's consent, then the PDF for a partner."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from balai_app.domain.dates import format_short
from balai_app.gui.aftercare.form_dialog import FormDialog, combo, date_edit
from balai_app.gui.common import file_dialogs
from balai_app.gui.common.qt_dates import from_qdate
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.i18n import tr
from balai_app.services import accounts, graduate_profiles, partners
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed


class ConsentDialog(FormDialog):
    def __init__(self, actor: Actor, resident_id: int, name: str, parent: QWidget | None = None):
        super().__init__(tr("Persetujuan profil lulusan — {name}").format(name=name), parent)
        self.actor, self.resident_id = actor, resident_id
        self.set_intro(tr("Tanyakan kepada PM apakah ia setuju profil lulusannya (nama, foto, pelatihan, unit "
                          "kompeten, nomor sertifikat, kehadiran) dibagikan kepada mitra. Profil tidak pernah "
                          "memuat NIK, klaster, alamat, catatan kasus atau alasan masuk balai."))
        self.given = self.add_row("given", tr("Jawaban PM"), QCheckBox(tr("PM menyetujui")))
        self.given.setChecked(True)
        self.date = self.add_row("date", tr("Tanggal"), date_edit())
        self.asked_by = self.add_row("asked_by", tr("Ditanyakan oleh"), QLineEdit(
            "" if actor.is_system else accounts.display_name(actor.user_id) or actor.username))
        self.note = self.add_row("note", tr("Catatan"), QPlainTextEdit())
        self.note.setMaximumHeight(70)
        self.resize(520, 360)

    def submit(self):
        return graduate_profiles.record_consent(self.actor, self.resident_id, {
            "given": self.given.isChecked(), "date": from_qdate(self.date.date()),
            "asked_by": self.asked_by.text(), "note": self.note.toPlainText()})


class ProfileBox(QGroupBox):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(tr("Profil lulusan untuk mitra"), parent)
        self.actor = actor
        self.resident_id = None
        self.name = ""
        self.dialog = None
        layout = QVBoxLayout(self)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        bar = QHBoxLayout()
        self.consent_button = QPushButton(qta.icon("fa5s.user-check", color="#1f3a5f"), tr("Catat persetujuan…"))
        self.consent_button.clicked.connect(self.ask_consent)
        self.partner_combo = combo([(None, tr("— tanpa nama mitra —"))])
        self.print_button = QPushButton(qta.icon("fa5s.file-pdf", color="#1f3a5f"), tr("Simpan profil (PDF)…"))
        self.print_button.clicked.connect(self.print_profile)
        bar.addWidget(self.consent_button)
        bar.addSpacing(12)
        bar.addWidget(QLabel(tr("Untuk:")))
        bar.addWidget(self.partner_combo)
        bar.addWidget(self.print_button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.consent_button.setVisible(allowed(actor, "profiles.consent"))
        self.print_button.setVisible(allowed(actor, "profiles.print"))

    def set_resident(self, resident_id: int, name: str) -> None:
        self.resident_id, self.name = resident_id, name
        consent = graduate_profiles.consent_of(self.actor, resident_id)
        if consent is None:
            self.status.setText(tr("Persetujuan PM belum dicatat: profil belum dapat dibuat."))
        elif consent.given:
            self.status.setText(tr("PM menyetujui pada {d} (ditanyakan oleh {who}).").format(
                d=format_short(consent.date), who=consent.asked_by))
        else:
            self.status.setText(tr("PM tidak menyetujui / menarik persetujuan pada {d}: profil tidak dibuat.").format(
                d=format_short(consent.date)))
        self.print_button.setEnabled(bool(consent and consent.given))
        current = self.partner_combo.currentData()
        self.partner_combo.clear()
        self.partner_combo.addItem(tr("— tanpa nama mitra —"), None)
        for p in partners.list_partners(self.actor, include_ended=False):
            self.partner_combo.addItem(p.name, p.id)
        self.partner_combo.setCurrentIndex(max(0, self.partner_combo.findData(current)))

    def ask_consent(self) -> None:
        self.dialog = ConsentDialog(self.actor, self.resident_id, self.name, self)
        self.dialog.finished.connect(lambda r: r and self.set_resident(self.resident_id, self.name))
        self.dialog.open()

    def print_profile(self) -> None:
        suggested = "profil-lulusan-" + "-".join(self.name.lower().split())[:40] + ".pdf"
        path = file_dialogs.get_save_file_name(self, tr("Simpan profil lulusan"), suggested, tr("PDF (*.pdf)"))
        path = path[0] if isinstance(path, tuple) else path
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        partner_id = self.partner_combo.currentData()
        if service_call(self, lambda: graduate_profiles.write_profile_pdf(self.actor, self.resident_id, path,
                                                                          partner_id=partner_id),
                        title=tr("Profil lulusan")) is FAILED:
            return
        QMessageBox.information(self, tr("Profil lulusan"), tr("Profil disimpan di {path}.").format(path=path))
