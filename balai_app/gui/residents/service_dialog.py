"""Catat layanan: one ATENSI service given to a PM (ui/resident_service_dialog.ui)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QWidget

from balai_app.domain import codes
from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_resident_service_dialog import Ui_ServiceDialog
from balai_app.gui.residents.form_helpers import FieldMessages, confirm, fill_combo, limit_text_height
from balai_app.i18n import tr
from balai_app.services import accounts, casework, residents
from balai_app.services.context import Actor

FIELDS = {
    "date": ("dateError", "dateEdit"),
    "kind": ("kindError", "kindCombo"),
    "subkind": ("subkindError", "subkindCombo"),
    "description": ("descriptionError", "descriptionEdit"),
    "staff": ("staffError", "staffEdit"),
}


class ServiceDialog(QDialog):
    """After Accepted, ``self.service`` is the saved record."""

    def __init__(self, actor: Actor, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.resident_id = resident_id
        self.service = None
        self.ui = Ui_ServiceDialog()
        self.ui.setupUi(self)
        resident = residents.get_resident(actor, resident_id)
        self.setWindowTitle(tr("Catat layanan — {name}").format(name=resident.name))
        name = resident.name.replace("&", "&amp;").replace("<", "&lt;")
        self.ui.residentLabel.setText(tr("Layanan ATENSI untuk <b>{name}</b>").format(name=name))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        fill_combo(self.ui.kindCombo, [(c, codes.label(codes.SERVICE_KINDS, c)) for c in codes.SERVICE_KINDS],
                   placeholder=tr("— pilih jenis layanan —"))
        self._add_subkind_row()
        self.ui.dateEdit.setMaximumDate(QDate.currentDate())
        self.ui.dateEdit.setDate(QDate.currentDate())
        self.ui.staffEdit.setText("" if actor.is_system else accounts.display_name(actor.user_id) or actor.username)
        limit_text_height(self.ui.descriptionEdit, 5)
        self.messages = FieldMessages(self.ui, FIELDS, self.ui.errorSummary)
        screen = self.screen().availableGeometry()
        self.resize(min(self.width(), screen.width() - 40), min(self.height(), screen.height() - 60))
        self.ui.kindCombo.setFocus()

    def _add_subkind_row(self) -> None:
        """Terapi is given as fisik, psikososial or mental spiritual (Permensos 7/2021):
        a second choice under the form, shown only for terapi."""
        ui = self.ui
        ui.subkindLabel = QLabel(tr("Jenis terapi"), ui.scrollContents)
        ui.subkindCombo = QComboBox(ui.scrollContents)
        ui.subkindCombo.setObjectName("subkindCombo")
        fill_combo(ui.subkindCombo, [(c, codes.label(codes.THERAPY_KINDS, c)) for c in codes.THERAPY_KINDS
                                     if c != "belum_dirinci"], placeholder=tr("— pilih jenis terapi —"))
        ui.subkindLabel.setBuddy(ui.subkindCombo)
        ui.subkindError = QLabel(ui.scrollContents)
        ui.subkindError.setObjectName("subkindError")
        ui.serviceForm.insertRow(4, ui.subkindLabel, ui.subkindCombo)
        ui.serviceForm.insertRow(5, "", ui.subkindError)
        QWidget.setTabOrder(ui.kindCombo, ui.subkindCombo)
        ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        therapy = self.ui.kindCombo.currentData() == "terapi"
        self.ui.serviceForm.setRowVisible(self.ui.subkindCombo, therapy)

    def values(self) -> dict:
        return {
            "date": self.ui.dateEdit.date().toPython(),
            "kind": self.ui.kindCombo.currentData(),
            "subkind": self.ui.subkindCombo.currentData(),
            "description": self.ui.descriptionEdit.toPlainText(),
            "staff": self.ui.staffEdit.text(),
        }

    def _confirm(self, warnings: dict[str, str]) -> bool:
        lines = "\n".join(f"• {m}" for m in warnings.values())
        return confirm(self, tr("Periksa kembali"), tr("{lines}\n\nTetap catat layanan ini?").format(lines=lines),
                       tr("Ya, catat"))

    def save(self) -> bool:
        self.messages.clear()
        data = self.values()
        if data["kind"] == "terapi" and not data["subkind"]:
            # New records name the therapy; only migrated ones stay "belum dirinci".
            self.messages.show({"subkind": tr("Jenis terapi wajib dipilih.")})
            return False
        service = service_call(
            self, lambda confirmed: casework.add_service(self.actor, self.resident_id, data, confirm_warnings=confirmed),
            confirm=self._confirm, on_errors=self.messages.show, title=tr("Tidak dapat menyimpan"))
        if service is FAILED:
            return False
        self.service = service
        self.accept()
        return True
