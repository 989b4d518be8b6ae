"""Pengaturan > Sertifikat: numbering template, verification address, bilingual, second signatory (LSP)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
from balai_app.services import certificates, profile
from balai_app.services.context import Actor

FIELDS = ["number_template", "verification_url", "bilingual", "lsp_enabled", "lsp_org", "lsp_name", "lsp_title",
          "lsp_number"]


class CertificateSettingsTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        layout = QVBoxLayout(self)
        intro = QLabel(tr("Berlaku untuk sertifikat yang diterbitkan sesudah disimpan; sertifikat yang sudah terbit "
                          "tidak berubah."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        for name in FIELDS:
            label = tr(certificates.SETTING_LABELS[name])
            widget = QCheckBox(label) if name in ("bilingual", "lsp_enabled") else QLineEdit()
            self.widgets[name] = widget
            error = QLabel()
            error.setStyleSheet("color:#b91c1c;")
            error.setVisible(False)
            self.errors[name] = error
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(widget)
            box.addWidget(error)
            form.addRow("" if isinstance(widget, QCheckBox) else label, box)
        self.widgets["number_template"].setToolTip(tr(
            "Isian: {seq:04d} urutan per tahun, {program} kode program, {balai} kode balai, {month} bulan Romawi, "
            "{year} tahun."))
        self.widgets["number_template"].textChanged.connect(self._show_example)
        self.widgets["verification_url"].setPlaceholderText("https://…/verifikasi")
        self.widgets["lsp_enabled"].toggled.connect(self._lsp_toggled)
        self.example = QLabel()
        form.addRow(tr("Contoh nomor"), self.example)
        self.save_button = QPushButton(tr("Simpan"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.status = QLabel()
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        current = certificates.get_settings(self.actor)
        for name in FIELDS:
            widget, value = self.widgets[name], getattr(current, name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setText(value)
        self._lsp_toggled(current.lsp_enabled)
        self._show_example()

    def _lsp_toggled(self, on: bool) -> None:
        for name in ("lsp_org", "lsp_name", "lsp_title", "lsp_number"):
            self.widgets[name].setEnabled(on)

    def _show_example(self, *_args) -> None:
        template = self.widgets["number_template"].text()
        problem = certificates.check_template(template)
        if problem:
            self.example.setText(problem)
            return
        info = profile.get_profile()
        self.example.setText(certificates.format_number(template, seq=7, program_code="MJH",
                                                        balai_code=info.code if info else "BRS",
                                                        issued=dt.date.today()))

    def values(self) -> dict:
        return {name: (w.isChecked() if isinstance(w, QCheckBox) else w.text()) for name, w in self.widgets.items()}

    def save(self) -> bool:
        for error in self.errors.values():
            error.setVisible(False)
        try:
            certificates.save_settings(self.actor, self.values())
        except ValidationError as exc:
            for field, message in exc.errors.items():
                if field in self.errors:
                    self.errors[field].setText(message)
                    self.errors[field].setVisible(True)
            self.status.setText(tr("Belum disimpan: periksa isian yang ditandai."))
            return False
        self.status.setText(tr("Pengaturan sertifikat disimpan."))
        self.refresh()
        return True
