"""The PM detail's "Setelah pelatihan" tab: record a job at a partner bank, a correction, follow-ups."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from balai_app.db.models import FollowUp, Outcome
from balai_app.gui.aftercare.aftercare_tab import AftercareTab
from balai_app.gui.residents.resident_detail import ResidentDetail
from balai_app.services import followups, partners
from balai_app.services.context import Actor


@pytest.fixture
def no_boxes(monkeypatch):
    calls = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, _k=kind, **kw: calls.append((_k, a[2]))))
    return calls


@pytest.fixture
def graduate(make_resident):
    # Left eight months ago: the 3- and 6-month contacts are past due, the 12-month one ahead.
    exit_date = followups.add_months(dt.date.today().replace(day=1), -8)
    return make_resident(name="Siti Aminah", sex="P", nik="3201015501100001", entry_date="2024-06-03",
                         status="selesai", exit_date=exit_date.isoformat())


def open_tab(qtbot, actor, resident_id) -> tuple[ResidentDetail, AftercareTab]:
    detail = ResidentDetail(actor, resident_id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    tab = next(w for w in detail._extra if isinstance(w, AftercareTab))
    detail.ui.tabs.setCurrentWidget(tab)
    return detail, tab


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_record_a_job_at_a_partner_bank_then_correct_it(gui_app, db, system, qtbot, graduate, no_boxes, tmp_path):
    partners.create_partner(system, {"name": "Bank Mandiri", "kind": "perusahaan"})
    detail, tab = open_tab(qtbot, system, graduate.id)
    assert detail.ui.tabs.tabText(detail.ui.tabs.currentIndex()) == "Setelah pelatihan"
    assert tab.outcome_summary.text() == "Belum ada hasil yang dicatat."
    qtbot.mouseClick(tab.add_outcome_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    save(qtbot, dialog)  # nothing chosen
    assert dialog.message_of("kind") == "Jenis hasil wajib dipilih." and Outcome.select().count() == 0
    dialog.kind.setCurrentIndex(dialog.kind.findData("bekerja"))
    assert dialog.form.isRowVisible(dialog.partner) and not dialog.form.isRowVisible(dialog.business_kind)
    save(qtbot, dialog)  # neither partner nor employer
    assert dialog.message_of("employer") == "Pilih mitra atau isi nama tempat kerja."
    dialog.partner.setCurrentIndex(dialog.partner.findText("Bank Mandiri"))
    qtbot.keyClicks(dialog.position, "Agen contact center")
    if os.environ.get("BALAI_SHOTS"):
        dialog.grab().save(str(tmp_path / "outcome_dialog.png"))
    save(qtbot, dialog)
    assert not dialog.isVisible() and no_boxes == []
    assert "Bekerja — Bank Mandiri, Agen contact center" in tab.outcome_summary.text()
    assert tab.outcome_model.rowCount() == 1

    tab.outcome_table.selectRow(0)
    assert tab.correct_button.isEnabled()
    qtbot.mouseClick(tab.correct_button, Qt.MouseButton.LeftButton)
    fix = tab.dialog
    assert fix.kind.currentData() == "bekerja" and "Mengoreksi" in fix.intro.text()
    fix.kind.setCurrentIndex(fix.kind.findData("magang"))
    save(qtbot, fix)
    rows = tab.outcome_model.rows()
    assert [(r.kind, r.corrected) for r in rows] == [("magang", False), ("bekerja", True)]
    assert tab.outcome_model.index(1, 2).data() == "dikoreksi oleh catatan yang lebih baru"


def test_followups_plan_record_and_miss(gui_app, db, system, qtbot, graduate, no_boxes, tmp_path):
    detail, tab = open_tab(qtbot, system, graduate.id)
    assert [r.plan_months for r in tab.followup_model.rows()] == [3, 6, 12]
    assert [tab.followup_model.index(r, 2).data() for r in range(3)] == ["Terlambat", "Terlambat", "Direncanakan"]
    tab.followup_table.selectRow(0)
    qtbot.mouseClick(tab.record_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert dialog.plan.currentData() == 3
    save(qtbot, dialog)
    assert dialog.message_of("how") and dialog.message_of("finding") and FollowUp.select().count() == 0
    dialog.how.setCurrentIndex(dialog.how.findData("telepon"))
    dialog.finding.setPlainText("Sudah bekerja, kondisi baik")
    save(qtbot, dialog)
    assert not dialog.isVisible()
    statuses = [r.status for r in tab.followup_model.rows()]
    assert statuses == ["selesai", "rencana", "rencana"]
    qtbot.mouseClick(tab.missed_button, Qt.MouseButton.LeftButton)
    missed = tab.dialog
    missed.plan.setCurrentIndex(missed.plan.findData(12))
    save(qtbot, missed)  # not due yet
    assert "belum dapat ditandai terlewat" in missed.message_of("plan_months")
    missed.plan.setCurrentIndex(missed.plan.findData(6))
    missed.finding.setPlainText("Tidak dapat dihubungi")
    save(qtbot, missed)
    assert [r.status for r in tab.followup_model.rows()] == ["selesai", "terlewat", "rencana"]
    assert "1 kontak dilaksanakan, 1 masih direncanakan." == tab.followup_summary.text()
    if os.environ.get("BALAI_SHOTS"):
        detail.resize(900, 640)
        detail.grab().save(str(tmp_path / "aftercare_tab.png"))


def test_active_pm_cannot_have_an_outcome_yet(gui_app, db, system, qtbot, make_resident, no_boxes):
    r = make_resident(name="Masih Aktif")
    _detail, tab = open_tab(qtbot, system, r.id)
    assert not tab.add_outcome_button.isEnabled() and not tab.record_button.isEnabled()
    assert "setelah PM lulus" in tab.outcome_summary.text()


def test_consent_then_profile_pdf(gui_app, db, system, qtbot, graduate, no_boxes, tmp_path, monkeypatch):
    partners.create_partner(system, {"name": "Bank Indonesia", "kind": "perusahaan"})
    detail, tab = open_tab(qtbot, system, graduate.id)
    box = tab.profile_box
    assert "belum dicatat" in box.status.text() and not box.print_button.isEnabled()
    qtbot.mouseClick(box.consent_button, Qt.MouseButton.LeftButton)
    dialog = box.dialog
    dialog.asked_by.setText("Bu Rina")
    save(qtbot, dialog)
    assert "PM menyetujui pada" in box.status.text() and "Bu Rina" in box.status.text()
    assert box.print_button.isEnabled()
    box.partner_combo.setCurrentIndex(box.partner_combo.findText("Bank Indonesia"))
    target = tmp_path / "profil.pdf"
    monkeypatch.setattr("balai_app.gui.common.file_dialogs.get_save_file_name", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(box.print_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert no_boxes == [("information", f"Profil disimpan di {target}.")]
    if os.environ.get("BALAI_SHOTS"):
        detail.resize(900, 760)
        qtbot.wait(50)
        detail.grab().save(str(tmp_path / "aftercare_profile.png"))


def test_admin_issues_the_rehab_certificate_at_termination(gui_app, db, system, qtbot, graduate, no_boxes,
                                                           tmp_path, monkeypatch):
    from support.accounts import make_profile

    from balai_app.db.models import RehabCertificate

    make_profile()
    monkeypatch.setattr("balai_app.gui.aftercare.rehab_box.confirm", lambda *a: True)
    detail, tab = open_tab(qtbot, system, graduate.id)
    box = tab.rehab_box
    assert box.issue_button.isEnabled() and not box.pdf_button.isEnabled()
    assert "Belum diterbitkan" in box.status.text()
    box.services_check.setChecked(True)
    qtbot.mouseClick(box.issue_button, Qt.MouseButton.LeftButton)
    cert = RehabCertificate.get()
    assert box.status.text().startswith(f"No. {cert.number}, terbit")
    assert not box.issue_button.isEnabled() and box.pdf_button.isEnabled()
    target = tmp_path / "srs.pdf"
    monkeypatch.setattr("balai_app.gui.common.file_dialogs.get_save_file_name", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(box.pdf_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    if os.environ.get("BALAI_SHOTS"):
        detail.resize(900, 860)
        qtbot.wait(50)
        detail.grab().save(str(tmp_path / "aftercare_rehab.png"))


def test_staf_sees_the_certificate_but_cannot_issue(gui_app, db, system, qtbot, graduate, no_boxes):
    detail, tab = open_tab(qtbot, Actor(None, "staf", "staf"), graduate.id)
    assert tab.rehab_box is not None
    assert tab.rehab_box.issue_button.isHidden() and tab.rehab_box.pdf_button.isHidden()
