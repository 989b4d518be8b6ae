"""The detail view of one PM, its assessments and services."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from balai_app.db.models import Assessment, ServiceRecord
from balai_app.gui.residents.resident_detail import ResidentDetail
from balai_app.services import casework


@pytest.fixture
def answers(monkeypatch):
    calls = []

    def ask(self):  # QMessageBox.exec of a question box: the user says yes
        calls.append(self.text())
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(QMessageBox, "exec", ask)
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda *a, _k=kind, **kw: calls.append(_k) or QMessageBox.StandardButton.Ok))
    return calls


def open_detail(qtbot, system, resident_id) -> ResidentDetail:
    detail = ResidentDetail(system, resident_id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    return detail


def all_text(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_detail_shows_the_data_readably(gui_app, db, system, qtbot, make_resident, answers):
    r = make_resident(name="Ni Luh Putu Ayu", sex="P", nik="5171015511100005", birth_date="15-11-2010",
                      birth_place="Denpasar", entry_date="2026-01-05", guardian_name="I Made Sudarma",
                      guardian_relation="Ayah", address="Jl. Gatot Subroto 7")
    detail = open_detail(qtbot, system, r.id)
    text = all_text(detail)
    assert detail.ui.nameLabel.text() == "Ni Luh Putu Ayu"
    assert "Denpasar, 15 November 2010" in text
    assert "5 Januari 2026" in text
    assert "I Made Sudarma" in text and "Jl. Gatot Subroto 7" in text
    assert "5171**********05" in text and "5171015511100005" not in text  # masked until asked
    qtbot.mouseClick(detail.nik_button, Qt.MouseButton.LeftButton)
    assert "5171015511100005" in all_text(detail)
    assert detail.ui.warningLabel.isVisible()  # never assessed yet
    assert not detail.ui.photoLabel.pixmap().isNull()  # a neat placeholder


def test_detail_lists_assessments_with_their_text(gui_app, db, system, qtbot, make_resident, answers):
    r = make_resident()
    casework.add_assessment(system, r.id, {"date": "2026-01-06", "assessor": "Rina, S.Tr.Sos.",
                                            "mental": "Perlu pendampingan", "summary": "Siap ikut pelatihan"})
    casework.add_assessment(system, r.id, {"date": "2026-02-10", "assessor": "Budi", "social": "Membaik"})
    detail = open_detail(qtbot, system, r.id)
    assert detail.ui.tabs.tabText(1) == "Asesmen (2)"
    model = detail.assessment_model
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "10/02/2026" and model.index(1, 1).data() == "Rina, S.Tr.Sos."
    detail.ui.assessmentTable.selectRow(1)
    browser = detail.ui.assessmentText.toPlainText()
    assert "6 Januari 2026" in browser and "Perlu pendampingan" in browser and "Siap ikut pelatihan" in browser
    assert not detail.ui.warningLabel.isVisible()


def test_add_an_assessment_through_its_dialog(gui_app, db, system, qtbot, make_resident, answers):
    r = make_resident()
    detail = open_detail(qtbot, system, r.id)
    qtbot.mouseClick(detail.ui.addAssessmentButton, Qt.MouseButton.LeftButton)
    dialog = detail.assessment_dialog
    assert dialog is not None and dialog.isVisible()
    ui = dialog.ui
    save(qtbot, dialog)  # nothing filled in
    assert dialog.isVisible() and Assessment.select().count() == 0
    assert dialog.messages.message_of("assessor") and dialog.messages.message_of("summary")
    ui.dateEdit.setDate(QDate(2026, 1, 7))
    qtbot.keyClicks(ui.assessorEdit, "Rina Pekerja Sosial")
    qtbot.keyClicks(ui.physicalEdit, "Sehat")
    qtbot.keyClicks(ui.vocationalEdit, "Menjahit")
    qtbot.keyClicks(ui.summaryEdit, "Mampu mengikuti pelatihan menjahit")
    qtbot.keyClicks(ui.recommendationEdit, "Pelatihan vokasional menjahit")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = Assessment.get()
    assert (saved.date, saved.assessor, saved.vocational_interest) == (dt.date(2026, 1, 7), "Rina Pekerja Sosial",
                                                                        "Menjahit")
    assert detail.assessment_model.rowCount() == 1 and detail.ui.tabs.currentIndex() == 1
    assert answers == []


def test_record_a_service_confirming_the_missing_assessment(gui_app, db, system, qtbot, make_resident, answers):
    r = make_resident(name="Eko Saputra")
    detail = open_detail(qtbot, system, r.id)
    qtbot.mouseClick(detail.ui.addServiceButton, Qt.MouseButton.LeftButton)
    dialog = detail.service_dialog
    ui = dialog.ui
    save(qtbot, dialog)
    assert dialog.messages.message_of("kind") and dialog.messages.message_of("description")
    assert answers == [] and ServiceRecord.select().count() == 0
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("terapi"))
    qtbot.keyClicks(ui.descriptionEdit, "Terapi psikososial kelompok")
    qtbot.keyClicks(ui.staffEdit, "Rina")
    assert not ui.subkindCombo.isHidden()
    save(qtbot, dialog)  # terapi names its sub-kind (Permensos 7/2021)
    assert dialog.messages.message_of("subkind") == "Jenis terapi wajib dipilih."
    assert ServiceRecord.select().count() == 0
    ui.subkindCombo.setCurrentIndex(ui.subkindCombo.findData("psikososial"))
    save(qtbot, dialog)
    assert len(answers) == 1 and "belum pernah diasesmen" in answers[0]
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = ServiceRecord.get()
    assert (saved.kind, saved.subkind, saved.description, saved.staff) == (
        "terapi", "psikososial", "Terapi psikososial kelompok", "Rina")
    assert detail.service_model.rowCount() == 1
    assert detail.service_model.index(0, 1).data() == "Terapi psikososial"
    assert detail.ui.tabs.tabText(2) == "Layanan (1)"


def test_edit_from_the_detail_refreshes_it(gui_app, db, system, qtbot, make_resident, answers):
    r = make_resident(name="Rudi Hartono")
    detail = open_detail(qtbot, system, r.id)
    changed = []
    detail.changed.connect(lambda: changed.append(True))
    qtbot.mouseClick(detail.ui.editButton, Qt.MouseButton.LeftButton)
    form = detail.form_dialog
    assert form is not None and form.ui.nameEdit.text() == "Rudi Hartono"
    form.ui.nameEdit.clear()
    qtbot.keyClicks(form.ui.nameEdit, "Rudi Hartono Lubis")
    assert form.save()
    assert detail.ui.nameLabel.text() == "Rudi Hartono Lubis" and changed == [True]


def test_other_areas_add_tabs(gui_app, db, system, qtbot, make_resident, answers):
    from balai_app.gui.residents.resident_detail import EXTRA_TABS

    r = make_resident()
    detail = open_detail(qtbot, system, r.id)
    titles = [detail.ui.tabs.tabText(i) for i in range(detail.ui.tabs.count())]
    assert titles[:3] == ["Data", "Asesmen (0)", "Layanan (0)"]
    assert titles[3:] == [title for title, _, _ in EXTRA_TABS]  # registered by import path
    index = detail.add_tab("Sertifikat", QLabel("certificates here"))
    assert detail.ui.tabs.tabText(index) == "Sertifikat" and index == len(titles)
