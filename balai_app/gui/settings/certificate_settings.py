"""Pengaturan › Sertifikat: title, number format (Indonesian placeholders, live example of the
next number), header lines, time zone, verification address, bilingual, partner LSP, and the
signing key (export, install, publish the verification folder)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from balai_app.domain import localtime
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.i18n import tr
from balai_app.services import certificates, signing_keys
from balai_app.services.context import Actor

FIELDS = ["title", "number_template", "header_lines", "timezone", "verification_url", "bilingual", "lsp_enabled",
          "lsp_org", "lsp_name", "lsp_title", "lsp_number", "lsp_scheme"]
LSP_FIELDS = ("lsp_org", "lsp_name", "lsp_title", "lsp_number", "lsp_scheme")


class CertificateSettingsTab(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()  # fits a 1280x720 work area whatever the font size
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        intro = QLabel(tr("Berlaku untuk sertifikat yang diterbitkan sesudah disimpan; sertifikat yang sudah terbit "
                          "tidak berubah."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        layout.addLayout(form)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        lsp_box = QGroupBox(tr("Mitra LSP (penanda tangan kedua)"))
        lsp_form = QFormLayout(lsp_box)
        for name in FIELDS:
            label = tr(certificates.SETTING_LABELS[name])
            if name in ("bilingual", "lsp_enabled"):
                widget: QWidget = QCheckBox(label)
            elif name == "title":
                widget = QComboBox()
                for code, text in certificates.TITLE_LABELS.items():
                    widget.addItem(tr(text), code)
            elif name == "timezone":
                widget = QComboBox()
                for code, text in localtime.ZONE_LABELS.items():
                    widget.addItem(tr(text), code)
            elif name == "header_lines":
                widget = QPlainTextEdit()
                widget.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
                widget.setTabChangesFocus(True)
            else:
                widget = QLineEdit()
            self.widgets[name] = widget
            error = QLabel()
            error.setStyleSheet("color:#b91c1c;")
            error.setWordWrap(True)
            error.setVisible(False)
            self.errors[name] = error
            box = QVBoxLayout()
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(widget)
            box.addWidget(error)
            target = lsp_form if name in LSP_FIELDS or name == "lsp_enabled" else form
            target.addRow("" if isinstance(widget, QCheckBox) else label, box)
            if name == "number_template":
                self.example = QLabel()
                self.example.setObjectName("numberExample")
                form.addRow(tr("Nomor berikutnya"), self.example)
        layout.addWidget(lsp_box)
        self.widgets["title"].setToolTip(tr(
            "Sertifikat Kompetensi: yang diminta Kementerian Sosial dari balai (idealnya bersama LSP berlisensi BNSP). "
            "Sertifikat Pelatihan: bila balai menerbitkannya sendiri tanpa LSP."))
        self.widgets["number_template"].setToolTip(tr(
            "Isian: {urut:04d} nomor urut per tahun (4 angka), {program} kode program, {balai} kode balai, "
            "{bulan} bulan Romawi, {tahun} tahun."))
        self.widgets["number_template"].textChanged.connect(self._show_example)
        self.widgets["header_lines"].setToolTip(tr("Paling banyak 3 baris, dicetak di atas nama balai."))
        self.widgets["verification_url"].setPlaceholderText("https://…/verifikasi/")
        self.widgets["verification_url"].setToolTip(tr(
            "Alamat tempat folder verifikasi diletakkan. Kosongkan bila belum ada: kode QR lalu memuat isi "
            "sertifikat saja, yang dapat ditempel di halaman verifikasi."))
        self.widgets["lsp_enabled"].toggled.connect(self._lsp_toggled)
        self.save_button = QPushButton(tr("Simpan"))
        self.save_button.clicked.connect(self.save)
        layout.addWidget(self.save_button)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        layout.addWidget(self._key_box())
        layout.addStretch(1)
        self.refresh()

    # --- the signing key ------------------------------------------------------
    def _key_box(self) -> QGroupBox:
        box = QGroupBox(tr("Tanda tangan digital dan verifikasi"))
        layout = QVBoxLayout(box)
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        row = QHBoxLayout()
        self.publish_button = QPushButton(tr("Terbitkan folder verifikasi…"))
        self.publish_button.setToolTip(tr("Menulis halaman verifikasi, kunci publik dan daftar sertifikat yang dicabut "
                                          "ke sebuah folder, untuk web statis, flashdisk atau folder bersama."))
        self.publish_button.clicked.connect(self.publish)
        self.export_button = QPushButton(tr("Ekspor kunci…"))
        self.export_button.setToolTip(tr("Cadangan kunci tanda tangan, terenkripsi dengan kata sandi, untuk "
                                         "pemulihan atau untuk menandatangani di komputer lain."))
        self.export_button.clicked.connect(self.export_key)
        self.install_button = QPushButton(tr("Pasang kunci…"))
        self.install_button.clicked.connect(self.install_key)
        for button in (self.publish_button, self.export_button, self.install_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _show_key(self) -> None:
        key = signing_keys.current()
        if key is None:
            self.key_label.setText(tr("Kunci tanda tangan dibuat otomatis saat sertifikat pertama diterbitkan."))
        elif key.on_this_pc:
            self.key_label.setText(tr("Kunci {k} tersimpan di komputer ini (bukan di basis data). Sertifikat "
                                      "ditandatangani dengannya; ekspor satu kali sebagai cadangan.").format(k=key.key_id))
        else:
            self.key_label.setText(tr("Kunci {k} tidak ada di komputer ini: sertifikat dapat diperiksa, tetapi "
                                      "diterbitkan di komputer yang memegang kunci, atau pasang kunci dari berkas "
                                      "ekspornya.").format(k=key.key_id))
        self.export_button.setEnabled(key is not None and key.on_this_pc)

    def _passphrase(self, title: str, twice: bool) -> str | None:
        first, ok = QInputDialog.getText(self, title, tr("Kata sandi kunci (minimal {n} karakter):").format(
            n=signing_keys.MIN_PASSPHRASE), QLineEdit.EchoMode.Password)
        if not ok:
            return None
        if twice:
            second, ok = QInputDialog.getText(self, title, tr("Ulangi kata sandi:"), QLineEdit.EchoMode.Password)
            if not ok:
                return None
            if second != first:
                QMessageBox.warning(self, title, tr("Kedua kata sandi tidak sama."))
                return None
        return first

    def export_key(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(self, tr("Ekspor kunci tanda tangan"), "kunci-sertifikat-balai.pem",
                                              tr("Kunci (*.pem)"))
        if not path:
            return False
        secret = self._passphrase(tr("Ekspor kunci"), twice=True)
        if secret is None:
            return False
        key = service_call(self, lambda: signing_keys.export_key(self.actor, path, secret), title=tr("Ekspor kunci"))
        if key is FAILED:
            return False
        QMessageBox.information(self, tr("Ekspor kunci"), tr(
            "Kunci {k} diekspor ke {p}. Simpan berkas ini dan kata sandinya di tempat terpisah yang aman.").format(
            k=key.key_id, p=path))
        return True

    def install_key(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, tr("Pasang kunci tanda tangan"), "", tr("Kunci (*.pem)"))
        if not path:
            return False
        secret = self._passphrase(tr("Pasang kunci"), twice=False)
        if secret is None:
            return False
        key = service_call(self, lambda: signing_keys.install_key(self.actor, path, secret), title=tr("Pasang kunci"))
        if key is FAILED:
            return False
        self._show_key()
        QMessageBox.information(self, tr("Pasang kunci"), tr("Kunci {k} terpasang di komputer ini.").format(
            k=key.key_id))
        return True

    def publish(self) -> bool:
        from balai_app.services import certificates_publish

        folder = QFileDialog.getExistingDirectory(self, tr("Folder verifikasi"))
        if not folder:
            return False
        result = service_call(self, lambda: certificates_publish.publish(self.actor, folder),
                              title=tr("Folder verifikasi"))
        if result is FAILED:
            return False
        self._show_key()
        QMessageBox.information(self, tr("Folder verifikasi"), tr(
            "Folder verifikasi ditulis ke {p} ({n} sertifikat dicabut tercantum). Salin seluruh isinya ke alamat web "
            "verifikasi, flashdisk atau folder bersama; ulangi setiap kali ada sertifikat dicabut.").format(
            p=result.folder, n=result.revoked + result.revoked_rehab))
        return True

    # --- the settings -----------------------------------------------------------
    def refresh(self) -> None:
        current = certificates.get_settings(self.actor)
        for name in FIELDS:
            widget, value = self.widgets[name], getattr(current, name)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            elif isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(widget.findData(value), 0))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif name == "number_template":
                widget.setText(certificates.template_to_indonesian(value))
            else:
                widget.setText(value)
        self._lsp_toggled(current.lsp_enabled)
        self._show_example()
        self._show_key()

    def _lsp_toggled(self, on: bool) -> None:
        for name in LSP_FIELDS:
            self.widgets[name].setEnabled(on)

    def _show_example(self, *_args) -> None:
        template = self.widgets["number_template"].text()
        self.example.setText(certificates.next_number_example(self.actor, template))

    def values(self) -> dict:
        out = {}
        for name, w in self.widgets.items():
            if isinstance(w, QCheckBox):
                out[name] = w.isChecked()
            elif isinstance(w, QComboBox):
                out[name] = w.currentData()
            elif isinstance(w, QPlainTextEdit):
                out[name] = w.toPlainText()
            else:
                out[name] = w.text()
        return out

    def _show_errors(self, errors: dict[str, str]) -> None:
        for field, message in errors.items():
            if field in self.errors:
                self.errors[field].setText(message)
                self.errors[field].setVisible(True)
        self.status.setText(tr("Belum disimpan: periksa isian yang ditandai."))

    def save(self) -> bool:
        for error in self.errors.values():
            error.setVisible(False)
        if service_call(self, lambda: certificates.save_settings(self.actor, self.values()),
                        on_errors=self._show_errors) is FAILED:
            return False
        self.status.setText(tr("Pengaturan sertifikat disimpan."))
        self.refresh()
        return True
