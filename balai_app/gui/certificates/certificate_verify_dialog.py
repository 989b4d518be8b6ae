"""Verifikasi sertifikat: a scanned QR payload, or the number and code a person types."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from balai_app.gui.forms.ui_certificate_verify_dialog import Ui_CertificateVerifyDialog
from balai_app.i18n import tr
from balai_app.services import certificates

COLOURS = {certificates.VALID: "#166534", certificates.REVOKED: "#b45309", certificates.INVALID: "#b91c1c"}


class CertificateVerifyDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_CertificateVerifyDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(tr("Verifikasi sertifikat"))
        self.ui.verifyButton.clicked.connect(self.check)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.verdict: certificates.Verdict | None = None

    def check(self) -> certificates.Verdict:
        payload = self.ui.payloadEdit.toPlainText()
        if payload.strip():
            # exactly as scanned: a scanner may add one line break at the end, nothing else is forgiven
            verdict = certificates.verify(payload.removesuffix("\n"))
        elif self.ui.numberEdit.text().strip() or self.ui.codeEdit.text().strip():
            verdict = certificates.verify_code(self.ui.numberEdit.text(), self.ui.codeEdit.text())
        else:
            self.ui.resultLabel.setText(tr("Isi hasil pindai QR, atau nomor dan kode verifikasi."))
            self.ui.resultLabel.setStyleSheet("")
            return None
        self.verdict = verdict
        self.ui.resultLabel.setText(verdict.text())
        self.ui.resultLabel.setStyleSheet(
            f"font-size:12pt; font-weight:bold; padding:8px; color:white; background:{COLOURS[verdict.status]};")
        return verdict
