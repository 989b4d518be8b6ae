"""Tambah asesmen: one assessment of a PM (ui/resident_assessment_dialog.ui)."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from balai_app.gui.common.service_call import FAILED, service_call
from balai_app.gui.forms.ui_resident_assessment_dialog import Ui_AssessmentDialog
from balai_app.gui.residents.form_helpers import FieldMessages, limit_text_height
from balai_app.i18n import tr
from balai_app.services import accounts, casework, residents
from balai_app.services.context import Actor

FIELDS = {
    "date": ("dateError", "dateEdit"),
    "assessor": ("assessorError", "assessorEdit"),
    "physical": ("physicalError", "physicalEdit"),
    "mental": ("mentalError", "mentalEdit"),
    "social": ("socialError", "socialEdit"),
    "family": ("familyError", "familyEdit"),
    "vocational_interest": ("vocationalInterestError", "vocationalEdit"),
    "summary": ("summaryError", "summaryEdit"),
    "recommendation": ("recommendationError", "recommendationEdit"),
}
TEXT_FIELDS = ["physical", "mental", "social", "family", "vocational_interest", "summary", "recommendation"]


class AssessmentDialog(QDialog):
    """After Accepted, ``self.assessment`` is the saved record."""

    def __init__(self, actor: Actor, resident_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        self.resident_id = resident_id
        self.assessment = None
        self.ui = Ui_AssessmentDialog()
        self.ui.setupUi(self)
        resident = residents.get_resident(actor, resident_id)
        self.setWindowTitle(tr("Tambah asesmen — {name}").format(name=resident.name))
        self.ui.residentLabel.setText(tr("Asesmen untuk <b>{name}</b>").format(name=_html(resident.name)))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan"))
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Batal"))
        self.ui.buttonBox.accepted.connect(self.save)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.dateEdit.setMaximumDate(QDate.currentDate())
        self.ui.dateEdit.setDate(QDate.currentDate())
        self.ui.assessorEdit.setText("" if actor.is_system else accounts.display_name(actor.user_id) or actor.username)
        for field in TEXT_FIELDS:
            limit_text_height(self._edit(field), 2 if field == "vocational_interest" else 3)
        self.messages = FieldMessages(self.ui, FIELDS, self.ui.errorSummary)
        screen = self.screen().availableGeometry()
        self.resize(min(self.width(), screen.width() - 40), min(self.height(), screen.height() - 60))
        self.ui.assessorEdit.setFocus()

    def _edit(self, field: str):
        return getattr(self.ui, FIELDS[field][1])

    def values(self) -> dict:
        data = {"date": self.ui.dateEdit.date().toPython(), "assessor": self.ui.assessorEdit.text()}
        for field in TEXT_FIELDS:
            data[field] = self._edit(field).toPlainText()
        return data

    def save(self) -> bool:
        self.messages.clear()
        assessment = service_call(self, lambda: casework.add_assessment(self.actor, self.resident_id, self.values()),
                                  on_errors=self.messages.show, title=tr("Tidak dapat menyimpan"))
        if assessment is FAILED:
            return False
        self.assessment = assessment
        self.accept()
        return True


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
