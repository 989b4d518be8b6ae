"""Issue 15, done when: from the demo, a user records that a graduate started work at a partner
bank, sees the 6-month follow-up on Beranda, prints that graduate's profile for the bank, issues a
social-rehabilitation certificate at termination that says nothing stigmatising, and prints the
month's report with all of it counted.

One story through the real widgets on the demo database; the PDFs are read back with pypdf."""
from __future__ import annotations

import datetime as dt

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from balai_app.db.models import Batch, Certificate, Enrollment, Resident
from balai_app.domain import codes
from balai_app.gui.aftercare.aftercare_tab import AftercareTab
from balai_app.gui.home.home import HomePage
from balai_app.gui.reports.monthly_report_page import MonthlyReportPage
from balai_app.gui.residents.resident_detail import ResidentDetail
from balai_app.gui.residents.resident_form import ResidentForm
from balai_app.services import demo, followups, monthly_report as mr
from balai_app.services.context import Actor

STAF = Actor(None, "rina", "staf")
ADMIN = Actor(None, "kepala", "admin")


@pytest.fixture
def told(monkeypatch):
    calls: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, **k: calls.append(a[2])))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr("balai_app.gui.aftercare.rehab_box.confirm", lambda *a: True)
    return calls


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(str(path)).pages)


def save_to(monkeypatch, target) -> None:
    monkeypatch.setattr("balai_app.gui.common.file_dialogs.get_save_file_name", lambda *a, **k: (str(target), ""))


def test_from_the_demo_a_graduate_goes_to_work_and_is_followed(gui_app, db, system, qtbot, told, monkeypatch,
                                                                 tmp_path):
    demo.create_demo(system, residents=120)
    today = dt.date.today()
    month = mr.month_period(today.year, today.month)
    before = mr.monthly_report(STAF, *month)

    # A graduate of the demo who holds a competency certificate and is still active; staf records
    # today that the PM's rehabilitation ended six months ago (after the training).
    exit_day = followups.add_months(today.replace(day=1), -6)
    graduate = (Resident.select().join(Enrollment, on=(Enrollment.resident == Resident.id))
                .join(Batch, on=(Enrollment.batch == Batch.id))
                .join(Certificate, on=(Certificate.resident == Resident.id))
                .where((Enrollment.status == "lulus") & (Resident.status == "aktif")
                       & (Certificate.status == "berlaku") & (Batch.end_date <= exit_day) & Resident.nik.is_null(False))
                .order_by(Resident.id).first())
    assert graduate is not None, "the demo has an active graduate with a certificate"
    certificate_number = Certificate.get(Certificate.resident == graduate.id).number

    # 1. Staf records the termination in the PM form (Selesai/Terminasi with its date and reason).
    form = ResidentForm(STAF, graduate.id)
    qtbot.addWidget(form)
    form.show()
    ui = form.ui
    ui.statusCombo.setCurrentIndex(ui.statusCombo.findData("selesai"))
    ui.exitDateEdit.setDate(QDate(exit_day.year, exit_day.month, exit_day.day))
    qtbot.keyClicks(ui.exitReasonEdit, "Rehabilitasi sosial selesai")
    qtbot.mouseClick(ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert not form.isVisible(), told

    # 2. ... and, in "Setelah pelatihan", that the graduate started work at a partner bank today.
    detail = ResidentDetail(STAF, graduate.id)
    qtbot.addWidget(detail)
    detail.show()
    tab = next(w for w in detail._extra if isinstance(w, AftercareTab))
    detail.ui.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_outcome_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    dialog.kind.setCurrentIndex(dialog.kind.findData("bekerja"))
    dialog.partner.setCurrentIndex(dialog.partner.findText("Bank Mandiri"))
    qtbot.keyClicks(dialog.position, "Agen contact center")
    save(qtbot, dialog)
    assert not dialog.isVisible(), told
    assert "Bekerja — Bank Mandiri, Agen contact center" in tab.outcome_summary.text()

    # 3. Beranda lists the 6-month follow-up due this month, as a link that opens the PM.
    home = HomePage(STAF)
    qtbot.addWidget(home)
    home.show()
    home.refresh()
    qtbot.waitUntil(lambda: f"pm:{graduate.id}'" in home.aftercare.body.text(), timeout=30_000)
    text = home.aftercare.body.text()
    assert f"<a href='pm:{graduate.id}'>" in text
    due_part = text.split("Jatuh tempo bulan ini", 1)[1]
    assert f"pm:{graduate.id}'" in due_part and "(6 bulan" in due_part

    # 4. The graduate agrees, and staf prints the profile for the bank.
    box = tab.profile_box
    if not box.print_button.isEnabled():
        qtbot.mouseClick(box.consent_button, Qt.MouseButton.LeftButton)
        box.dialog.asked_by.setText("Rina Pekerja Sosial")
        save(qtbot, box.dialog)
    box.partner_combo.setCurrentIndex(box.partner_combo.findText("Bank Mandiri"))
    profile_pdf = tmp_path / "profil.pdf"
    save_to(monkeypatch, profile_pdf)
    qtbot.mouseClick(box.print_button, Qt.MouseButton.LeftButton)
    profile = pdf_text(profile_pdf)
    assert graduate.name in profile and certificate_number in profile and "Bank Mandiri" in profile
    assert graduate.nik not in profile.replace(" ", "")
    for klaster in codes.KLASTER.values():
        assert klaster not in profile

    # 5. The head of the balai issues the social-rehabilitation certificate at termination.
    admin_detail = ResidentDetail(ADMIN, graduate.id)
    qtbot.addWidget(admin_detail)
    rehab = next(w for w in admin_detail._extra if isinstance(w, AftercareTab)).rehab_box
    assert rehab.issue_button.isEnabled()
    qtbot.mouseClick(rehab.issue_button, Qt.MouseButton.LeftButton)
    assert rehab.pdf_button.isEnabled(), told
    rehab_pdf = tmp_path / "srs.pdf"
    save_to(monkeypatch, rehab_pdf)
    qtbot.mouseClick(rehab.pdf_button, Qt.MouseButton.LeftButton)
    srs = pdf_text(rehab_pdf)
    assert "Rehabilitasi Sosial" in srs and graduate.name in srs
    stigma = [label for label in codes.KLASTER.values()] + ["Rehabilitasi sosial selesai", "disabilitas",
                                                            "korban", "gelandangan", "narkotika"]
    assert not [word for word in stigma if word.lower() in srs.lower()], srs

    # 6. The month's report counts all of it: on screen and in the saved PDF.
    page = MonthlyReportPage(STAF)
    qtbot.addWidget(page)
    page.show()
    page.month_combo.setCurrentIndex(today.month - 1)
    page.year_spin.setValue(today.year)
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    after = page.report
    assert after.line("outcomes", "outcome_bekerja").total == before.line("outcomes", "outcome_bekerja").total + 1
    assert after.line("rehab", "rehab_certificates").total == before.line("rehab", "rehab_certificates").total + 1
    rows = dict((cells[0], cells[-1]) for _key, cells in mr.table_rows(after))
    shown = {page.model.item(r, 0).text(): page.model.item(r, page.model.columnCount() - 1).text()
             for r in range(page.model.rowCount())}
    assert shown["Sertifikat rehabilitasi sosial diterbitkan"] == str(rows["Sertifikat rehabilitasi sosial diterbitkan"])
    report_pdf = tmp_path / "laporan.pdf"
    save_to(monkeypatch, report_pdf)
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    assert report_pdf.exists(), told
    assert "Sertifikat rehabilitasi sosial diterbitkan" in pdf_text(report_pdf)
