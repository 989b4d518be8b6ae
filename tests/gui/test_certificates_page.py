"""The certificates page and its dialogs, driven through real widgets on a real database."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from balai_app.db.models import AuditEvent, Certificate
from balai_app.gui.certificates import certificate_print_worker as worker
from balai_app.gui.certificates.certificate_issue_dialog import CertificateIssueDialog
from balai_app.gui.settings.certificate_settings import CertificateSettingsTab
from balai_app.gui.certificates.certificate_verify_dialog import CertificateVerifyDialog
from balai_app.gui.certificates.certificates_page import CertificatesPage
from balai_app.services import certificates
from unit.certificate_fixtures import build_course, make_admin, make_profile, make_staff


@pytest.fixture
def boxes(monkeypatch):
    calls: list[tuple[str, str]] = []

    def note(kind):
        def record(parent, title, text, *args, **kwargs):
            calls.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return record

    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(note(kind)))
    return calls


@pytest.fixture
def world(db, make_resident, gui_app):
    make_profile()
    admin = make_admin()
    course = build_course(make_resident, names=["Siti Rahayu", "Đặng Thị Ngọc Ánh", "Budi Santoso"],
                          eligible=[True, True, False], code="MJH")
    return admin, course


def issued(world):
    admin, course = world
    return certificates.issue(admin, course.batch.id).issued


def make_page(qtbot, actor) -> CertificatesPage:
    page = CertificatesPage(actor)
    qtbot.addWidget(page)
    page.refresh()
    return page


def wait_runner(qtbot, runner):
    qtbot.waitUntil(lambda: runner.outcome != "", timeout=30_000)
    qtbot.waitUntil(lambda: not runner.thread.isRunning() if _alive(runner.thread) else True, timeout=10_000)


def _alive(thread) -> bool:
    try:
        thread.isRunning()
        return True
    except RuntimeError:  # already deleted
        return False


def test_issue_dialog_all_eligible_and_an_exception_with_reason(qtbot, world, boxes):
    admin, course = world
    dialog = CertificateIssueDialog(admin, batch_id=course.batch.id)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    assert "2 memenuhi syarat" in dialog.ui.summaryLabel.text()
    budi_row = [c.name for c in dialog.candidates].index("Budi Santoso")
    assert dialog.model.item(budi_row, 2).text() == "Belum"
    assert "kompeten" in dialog.model.item(budi_row, 3).text().lower()

    qtbot.mouseClick(dialog.ui.issueAllButton, Qt.MouseButton.LeftButton)
    assert Certificate.select().count() == 2
    assert "2 sertifikat diterbitkan" in boxes[-1][1]
    assert not dialog.ui.issueAllButton.isEnabled()  # nobody left who is eligible

    dialog.select_resident(course.residents[2].id)
    assert dialog.ui.overrideEdit.isEnabled()
    qtbot.mouseClick(dialog.ui.issueOneButton, Qt.MouseButton.LeftButton)
    assert "alasan pengecualian" in dialog.ui.overrideError.text()
    assert Certificate.select().count() == 2
    dialog.select_resident(course.residents[2].id)
    qtbot.keyClicks(dialog.ui.overrideEdit, "Dinilai ulang oleh LSP mitra")
    qtbot.mouseClick(dialog.ui.issueOneButton, Qt.MouseButton.LeftButton)
    cert = Certificate.select().order_by(Certificate.id.desc()).first()
    assert cert.override_reason == "Dinilai ulang oleh LSP mitra"
    assert dialog.model.item(budi_row, 2).text() == "Sudah"


def test_register_filters_search_and_shows_exceptions_and_revocations(qtbot, world, monkeypatch, boxes):
    admin, course = world
    first, second = issued(world)
    certificates.revoke(admin, first.id, "Nama salah ketik")
    page = make_page(qtbot, admin)
    assert page.model.rowCount() == 2 and page.ui.countLabel.text() == "2 sertifikat"
    notes = [page.model.index(r, 6).data() for r in range(2)]
    assert any("Dicabut" in n and "Nama salah ketik" in n for n in notes)
    page.ui.statusCombo.setCurrentIndex(page.ui.statusCombo.findData("berlaku"))
    assert page.model.rowCount() == 1
    page.ui.statusCombo.setCurrentIndex(0)
    page.ui.searchEdit.setText("Ngọc")  # QTest types ASCII only
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.index(0, 1).data() == "Đặng Thị Ngọc Ánh"
    page.ui.searchEdit.clear()
    page.apply_filter()
    page.ui.batchCombo.setCurrentIndex(page.ui.batchCombo.findData(course.batch.id))
    assert page.model.rowCount() == 2

    # revoke the valid one through the page (the reason dialog answered)
    row = [page.model.row_at(r).id for r in range(2)].index(second.id)
    page.ui.table.selectRow(row)
    assert page.ui.revokeButton.isEnabled() and page.ui.printButton.isEnabled()
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        staticmethod(lambda *a, **k: ("Foto tertukar", True)))
    assert page.revoke()
    assert Certificate.get_by_id(second.id).status == "dicabut"


def test_preview_renders_pages_on_white(qtbot, world):
    admin, _ = world
    cert = issued(world)[0]
    page = make_page(qtbot, admin)
    page.ui.table.selectRow(0)
    dialog = page.preview()
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == 2
    image = dialog.page_labels[0].pixmap().toImage()
    assert image.width() > image.height()
    corner = image.pixelColor(2, 2)  # outside the frame: white paper, not transparent black
    assert (corner.red(), corner.green(), corner.blue(), corner.alpha()) == (255, 255, 255, 255)
    assert cert.number


def test_save_pdf_runs_off_the_gui_thread_and_is_recorded(qtbot, world, monkeypatch, tmp_path, boxes):
    admin, _ = world
    certs = issued(world)
    page = make_page(qtbot, admin)
    page.select_all()
    target = tmp_path / "angkatan.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "PDF")))
    runner = page.save_pdf()
    wait_runner(qtbot, runner)
    assert runner.outcome == "finished", runner.message
    reader = PdfReader(str(target))
    assert len(reader.pages) == 4
    texts = [p.extract_text() for p in reader.pages]
    assert all(t.strip() for t in texts)
    assert any("Đặng Thị Ngọc Ánh" in t for t in texts)
    events = AuditEvent.select().where((AuditEvent.action == "print") & (AuditEvent.entity == "certificate"))
    assert sorted(e.entity_id for e in events) == sorted(c.id for c in certs)
    assert all(json.loads(e.changes)["ke"] == ["", "pdf"] for e in events)


def test_folder_of_one_pdf_per_certificate(qtbot, world, monkeypatch, tmp_path, boxes):
    admin, _ = world
    certs = issued(world)
    page = make_page(qtbot, admin)
    page.select_all()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path)))
    runner = page.save_folder()
    wait_runner(qtbot, runner)
    assert runner.outcome == "finished"
    files = sorted(tmp_path.glob("*.pdf"))
    assert [f.name for f in files] == sorted(worker.file_name(c.number) for c in certs)
    assert all(len(PdfReader(str(f)).pages) == 2 for f in files)


@pytest.mark.wine_gap(reason="Wine's prefix has no printer, so QPrinter is not a native printer and "
                              "QPrintDialog warns 'Cannot be used on non-native printers'")
def test_print_enforces_landscape_and_records_copies(qtbot, world, monkeypatch, tmp_path, boxes):
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    admin, _ = world
    issued(world)
    out = tmp_path / "printed.pdf"

    def answer(dialog):  # the person picks portrait and 2 copies, then OK
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setCopyCount(2)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    page = make_page(qtbot, admin)
    page.select_all()
    runner = page.print_selected()
    wait_runner(qtbot, runner)
    assert runner.outcome == "finished", runner.message
    reader = PdfReader(str(out))
    assert len(reader.pages) >= 4
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    events = list(AuditEvent.select().where(AuditEvent.action == "print"))
    assert len(events) == 2 and all(json.loads(e.changes)["salinan"] == ["", 2] for e in events)


def test_a_job_can_be_cancelled(qtbot, world, tmp_path):
    admin, _ = world
    items = certificates.render_list(admin, [c.id for c in issued(world)]) * 5
    job = worker.CertificateJob("pdf", items, target=tmp_path / "x.pdf")
    seen = []
    job.progress.connect(lambda done, total: (seen.append(done), job.cancel()))
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.run()
    assert seen == [1]
    assert not (tmp_path / "x.pdf").exists()


def test_verify_dialog(qtbot, world):
    admin, _ = world
    cert = issued(world)[0]
    payload = certificates.render_data(cert)["qr_payload"]
    dialog = CertificateVerifyDialog()
    qtbot.addWidget(dialog)
    dialog.ui.payloadEdit.setPlainText(payload)
    qtbot.mouseClick(dialog.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.resultLabel.text().startswith("VALID")
    dialog.ui.payloadEdit.setPlainText(payload[:-1] + ("0" if payload[-1] != "0" else "1"))
    qtbot.mouseClick(dialog.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.resultLabel.text().startswith("TIDAK VALID")
    dialog.ui.payloadEdit.clear()
    qtbot.keyClicks(dialog.ui.numberEdit, cert.number)
    qtbot.keyClicks(dialog.ui.codeEdit, cert.verification_code.lower())
    qtbot.mouseClick(dialog.ui.verifyButton, Qt.MouseButton.LeftButton)
    assert dialog.ui.resultLabel.text().startswith("VALID")


def test_settings_tab_shows_errors_beside_fields(qtbot, world):
    admin, _ = world
    tab = CertificateSettingsTab(admin)
    qtbot.addWidget(tab)
    tab.widgets["number_template"].setText("{program}/{year}")
    assert not tab.save()
    assert tab.errors["number_template"].isVisibleTo(tab)
    tab.widgets["number_template"].setText("{seq:03d}/SERT/{balai}/{year}")
    assert "/SERT/BRS-PL/" in tab.example.text()
    tab.widgets["bilingual"].setChecked(True)
    assert tab.save()
    assert certificates.get_settings(admin).bilingual


def test_staff_sees_the_register_without_issue_or_print(qtbot, world):
    issued(world)
    page = make_page(qtbot, make_staff())
    assert page.model.rowCount() == 2
    assert page.ui.issueButton.isHidden() and page.ui.printButton.isHidden() and page.ui.revokeButton.isHidden()
    assert not page.ui.previewButton.isHidden()
