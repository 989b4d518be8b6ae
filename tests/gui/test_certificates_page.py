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
from support.certificates import build_course, make_admin, make_profile, make_staff


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


def test_issue_dialog_all_eligible_and_an_exception_with_reason(qtbot, world, boxes, monkeypatch):
    admin, course = world
    asked = []

    def question(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.No if len(asked) == 1 else QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    dialog = CertificateIssueDialog(admin, batch_id=course.batch.id)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 3
    assert "2 memenuhi syarat" in dialog.ui.summaryLabel.text()
    budi_row = [c.name for c in dialog.candidates].index("Budi Santoso")
    assert dialog.model.item(budi_row, 2).text() == "Belum"
    assert "kompeten" in dialog.model.item(budi_row, 3).text().lower()

    qtbot.mouseClick(dialog.ui.issueAllButton, Qt.MouseButton.LeftButton)  # asks first: answered No
    assert "2 nomor sertifikat permanen" in asked[0] and Certificate.select().count() == 0
    qtbot.mouseClick(dialog.ui.issueAllButton, Qt.MouseButton.LeftButton)  # answered Yes
    assert Certificate.select().count() == 2
    result = dialog.result_dialog
    assert result is not None and result.summary.text() == "2 sertifikat diterbitkan."
    assert result.list.count() == 3 and "Budi Santoso" in result.list.item(2).text()
    assert result.list.verticalScrollBarPolicy() != Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    result.accept()
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
    payload = certificates.render_data_by_id(cert.id)["qr_payload"]
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
    # shown with Indonesian placeholders, and the live example is the next number
    assert tab.widgets["number_template"].text() == "{urut:03d}/SERT/{balai}/{tahun}"
    assert tab.example.text().startswith("001/SERT/BRS-PL/")


def test_settings_tab_title_header_zone_and_lsp(qtbot, world, tmp_path):
    admin, course = world
    tab = CertificateSettingsTab(admin)
    qtbot.addWidget(tab)
    tab.resize(1280, 720)
    tab.show()
    assert tab.widgets["header_lines"].toPlainText().startswith("KEMENTERIAN SOSIAL REPUBLIK INDONESIA")
    tab.widgets["title"].setCurrentIndex(tab.widgets["title"].findData("pelatihan"))
    tab.widgets["timezone"].setCurrentIndex(tab.widgets["timezone"].findData("WITA"))
    tab.widgets["lsp_enabled"].setChecked(True)
    tab.widgets["lsp_name"].setText("Ir. Bambang")
    assert not tab.save()  # the LSP's name is needed too
    assert tab.errors["lsp_org"].isVisibleTo(tab)
    tab.widgets["lsp_org"].setText("LSP Garmen Indonesia")
    tab.widgets["lsp_number"].setText("BNSP-LSP-123-ID")
    tab.widgets["lsp_scheme"].setText("Skema Penjahit Pakaian")
    assert tab.save()
    saved = certificates.get_settings(admin)
    assert (saved.title, saved.timezone, saved.lsp_scheme) == ("pelatihan", "WITA", "Skema Penjahit Pakaian")
    tab.grab().save(str(tmp_path / "certificate-settings.png"))
    assert "dibuat otomatis" in tab.key_label.text()
    issued(world)
    tab.refresh()
    assert "tersimpan di komputer ini" in tab.key_label.text() and tab.export_button.isEnabled()


@pytest.mark.wine_gap(reason="Wine's prefix has no printer, so QPrinter is not a native printer and "
                              "QPrintDialog warns 'Cannot be used on non-native printers'")
def test_print_batch_in_ascending_order_skipping_revoked(qtbot, world, monkeypatch, tmp_path, boxes):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    admin, course = world
    first = list(issued(world))
    first += certificates.issue(admin, course.batch.id, [course.residents[2].id],
                                override_reason="Dinilai ulang oleh LSP mitra").issued
    certificates.revoke(admin, first[1].id, "Salah ketik nama")
    page = make_page(qtbot, admin)
    page.ui.batchCombo.setCurrentIndex(page.ui.batchCombo.findData(course.batch.id))
    page.ui.table.selectAll()  # a batch holding a revoked certificate: never a dead end
    assert page.ui.printButton.isEnabled() and "dicabut" in page.ui.detailLabel.text()
    assert page.batch_print_button.isEnabled()
    out = tmp_path / "batch.pdf"

    def answer(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    qtbot.mouseClick(page.batch_print_button, Qt.MouseButton.LeftButton)  # one action: straight to the print dialog
    runner = page.runner
    wait_runner(qtbot, runner)
    assert runner.outcome == "finished"
    assert runner.ids == [first[0].id, first[2].id]  # ascending numbers, the revoked one left out
    assert first[1].number in runner.message and "dicabut tidak dicetak" in runner.message
    assert len(PdfReader(str(out)).pages) == 4  # two certificates, two pages each (printed as images)


def test_hints_follow_the_role(qtbot, world):
    admin, _ = world
    assert "Cetak sertifikat angkatan ini" in make_page(qtbot, admin).ui.detailLabel.text()
    staff_page = make_page(qtbot, make_staff())
    assert "Cetak" not in staff_page.ui.detailLabel.text() and staff_page.batch_print_button.isHidden()


def test_preview_fits_a_1280x720_work_area(qtbot, world):
    from balai_app.gui.certificates.certificate_preview import CertificatePreview

    admin, _ = world
    ids = [c.id for c in issued(world)]
    dialog = CertificatePreview(admin, ids)
    qtbot.addWidget(dialog)
    area = dialog.screen().availableGeometry()
    assert dialog.width() <= min(1000, area.width()) and dialog.height() <= min(760, area.height() - 40)
    assert dialog.sizeHint().height() <= 720 and dialog.sizeHint().width() <= 1280


def test_staff_sees_the_register_without_issue_or_print(qtbot, world):
    issued(world)
    page = make_page(qtbot, make_staff())
    assert page.model.rowCount() == 2
    assert page.ui.issueButton.isHidden() and page.ui.printButton.isHidden() and page.ui.revokeButton.isHidden()
    assert not page.ui.previewButton.isHidden()


@pytest.mark.wine_gap(reason="Wine's prefix has no printer, so QPrinter is not a native printer and "
                              "QPrintDialog warns 'Cannot be used on non-native printers'")
def test_batch_detail_prints_the_batch_certificates(qtbot, world, monkeypatch, tmp_path, boxes):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from balai_app.gui.training.batch_detail import BatchDetail

    admin, course = world
    first = issued(world)
    detail = BatchDetail(admin)
    qtbot.addWidget(detail)
    detail.show_batch(course.batch.id)
    assert detail.print_certificates_button.isEnabled()
    out = tmp_path / "detail.pdf"

    def answer(dialog):
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", answer)
    qtbot.mouseClick(detail.print_certificates_button, Qt.MouseButton.LeftButton)
    wait_runner(qtbot, detail.runner)
    assert detail.runner.ids == sorted(c.id for c in first)
    staff_detail = BatchDetail(make_staff())
    qtbot.addWidget(staff_detail)
    assert staff_detail.print_certificates_button.isHidden()


def test_register_shows_a_revocation_in_local_time(qtbot, world):
    import datetime as dt

    admin, _ = world
    cert = issued(world)[0]
    certificates.revoke(admin, cert.id, "Nama salah tulis")
    Certificate.update(revoked_at=dt.datetime(2026, 12, 1, 21, 20)).where(Certificate.id == cert.id).execute()
    page = make_page(qtbot, admin)
    notes = [page.model.data(page.model.index(r, 6)) for r in range(page.model.rowCount())]
    assert any("02/12/2026 04:20 WIB" in n for n in notes), notes  # 04:20 WIB reads the same day, not 1 Dec
