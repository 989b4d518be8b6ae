"""The import dialog and the interactive export, driven through real widgets on real files."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from balai_app.db.models import AuditEvent, Resident
from balai_app.gui.residents.resident_import_dialog import ResidentImportDialog, export_residents_interactive
from balai_app.services.context import Actor

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"
TRAINER = Actor(7, "instruktur1", "instruktur")


@pytest.fixture
def boxes(monkeypatch):
    """Records every QMessageBox; a question box is answered ``boxes.reply``."""

    class Boxes:
        reply = QMessageBox.StandardButton.No
        calls: list[tuple[str, str]] = []

    box = Boxes()
    box.calls = []
    box.buttons = []

    def ask(self):  # QMessageBox.exec of a question box: answer instead of the user
        box.calls.append(("question", self.text()))
        box.buttons.append(sorted(b.text() for b in self.buttons()))
        return box.reply.value

    def note(kind):
        def record(parent, title, text, *args, **kwargs):
            box.calls.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return record

    monkeypatch.setattr(QMessageBox, "exec", ask)
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(note(kind)))
    return box


@pytest.fixture
def file_dialog(monkeypatch):
    """QFileDialog answers ``file_dialog.path`` (with the first filter)."""

    class Chooser:
        path = ""
        asked: list[str] = []

    chooser = Chooser()
    chooser.asked = []

    def answer(kind):
        def ask(parent, caption, directory="", filters="", *args, **kwargs):
            chooser.asked.append((kind, directory, filters))
            return str(chooser.path), filters.split(";;")[0]
        return ask

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(answer("open")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer("save")))
    return chooser


def open_dialog(qtbot, actor) -> ResidentImportDialog:
    dialog = ResidentImportDialog(actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def table_rows(dialog) -> list[tuple]:
    model = dialog.ui.problemTable.model()
    return [tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())]


def test_invalid_file_shows_every_problem_and_writes_nothing_until_skip_is_chosen(
    gui_app, db, system, qtbot, boxes, file_dialog, tmp_path
):
    file_dialog.path = shutil.copy(FIXTURES / "pm_errors.csv", tmp_path / "pm_errors.csv")
    dialog = open_dialog(qtbot, system)
    assert not dialog.ui.importButton.isEnabled() and not dialog.ui.progressBar.isVisible()

    click(qtbot, dialog.ui.chooseButton)

    assert dialog.ui.fileEdit.text() == str(file_dialog.path)
    assert table_rows(dialog) == [
        (3, "tanggal_lahir", "Kesalahan"), (4, "klaster", "Kesalahan"), (5, "nik", "Kesalahan"),
    ]
    assert "31-02-2026" in dialog.ui.problemTable.model().index(0, 3).data()
    summary = dialog.ui.summaryLabel.text()
    assert "5 baris data" in summary and "2 valid" in summary and "3 tidak valid" in summary
    assert not dialog.ui.importButton.isEnabled()  # all or nothing: not possible yet
    assert Resident.select().count() == 0

    dialog.ui.skipInvalidCheck.click()
    assert dialog.ui.importButton.isEnabled() and dialog.ui.importButton.text() == "&Impor 2 PM"
    click(qtbot, dialog.ui.importButton)

    assert [r.name for r in Resident.select().order_by(Resident.id)] == ["Muh. Ma'ruf", "Siti Aminah"]
    assert dialog.imported == 2
    assert "2 PM berhasil diimpor" in dialog.ui.resultLabel.text()
    assert "3 baris tidak valid dilewati" in dialog.ui.resultLabel.text()
    assert dialog.ui.progressBar.value() == dialog.ui.progressBar.maximum() > 0
    assert not dialog.ui.importButton.isEnabled()  # no second import of the same file
    assert boxes.calls == []


def test_clean_xlsx_imports_with_progress(gui_app, db, system, qtbot, boxes, file_dialog, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["NIK", "Nama", "Jenis Kelamin", "Klaster", "Tanggal Lahir"])
    for i in range(1, 1201):  # more than two progress chunks
        sheet.append([f"320101150110{i:04d}", f"Peserta {i}", "L", "Anak", dt.datetime(2010, 1, 15)])
    file_dialog.path = tmp_path / "pm.xlsx"
    workbook.save(file_dialog.path)
    dialog = open_dialog(qtbot, system)
    values = []
    dialog.ui.progressBar.valueChanged.connect(values.append)

    click(qtbot, dialog.ui.chooseButton)
    assert table_rows(dialog) == [] and "1.200 baris data: <b>1.200 valid</b>" in dialog.ui.summaryLabel.text()
    assert "Semua baris siap diimpor" in dialog.ui.summaryLabel.text()
    assert dialog.ui.importButton.text() == "&Impor 1.200 PM"  # the Indonesian thousands separator
    click(qtbot, dialog.ui.importButton)

    assert Resident.select().count() == 1200 and dialog.imported == 1200
    assert len(values) > 3 and values[-1] == dialog.ui.progressBar.maximum() == 2400
    assert dialog.ui.closeButton.text() == "&Selesai"
    click(qtbot, dialog.ui.closeButton)
    assert not dialog.isVisible()


def test_warnings_are_listed_but_do_not_block(gui_app, db, system, qtbot, boxes, file_dialog, tmp_path):
    file_dialog.path = tmp_path / "w.csv"
    file_dialog.path.write_text("nik;nama;jenis_kelamin;klaster;hobi\n3201011501100001;Ani;P;anak;menjahit\n",
                                encoding="utf-8")
    dialog = open_dialog(qtbot, system)
    click(qtbot, dialog.ui.chooseButton)
    assert table_rows(dialog) == [(1, "hobi", "Peringatan"), (2, "nik", "Peringatan")]
    assert dialog.ui.importButton.isEnabled()
    click(qtbot, dialog.ui.importButton)
    assert Resident.get().name == "Ani"


def test_unreadable_file_and_recheck_after_fixing(gui_app, db, system, qtbot, boxes, file_dialog, tmp_path):
    path = tmp_path / "pm.csv"
    path.write_text("nama;tempat_lahir\nAni;Bogor\n", encoding="utf-8")
    file_dialog.path = path
    dialog = open_dialog(qtbot, system)
    click(qtbot, dialog.ui.chooseButton)
    assert "Kolom wajib tidak ada: jenis_kelamin, klaster" in dialog.ui.summaryLabel.text()
    assert not dialog.ui.importButton.isEnabled() and dialog.ui.recheckButton.isEnabled()

    path.write_text("nama;jenis_kelamin;klaster\nAni;P;anak\n", encoding="utf-8")  # fixed in Excel
    click(qtbot, dialog.ui.recheckButton)
    assert dialog.ui.importButton.isEnabled()
    click(qtbot, dialog.ui.importButton)
    assert Resident.select().count() == 1


def test_data_changed_after_the_check_is_caught_at_import(
    gui_app, db, system, qtbot, boxes, file_dialog, make_resident
):
    file_dialog.path = FIXTURES / "pm_cp1252.csv"
    dialog = open_dialog(qtbot, system)
    click(qtbot, dialog.ui.chooseButton)
    assert dialog.ui.importButton.isEnabled()
    make_resident(name="Pendaftar Lain", nik="3201010703900001", birth_date="07-03-1990")

    click(qtbot, dialog.ui.importButton)

    assert Resident.select().count() == 1
    assert table_rows(dialog) == [(2, "nik", "Kesalahan")]
    assert "Tidak ada yang disimpan" in dialog.ui.resultLabel.text()
    assert not dialog.ui.importButton.isEnabled()


def test_without_permission_nothing_can_be_chosen(gui_app, db, qtbot, boxes):
    dialog = open_dialog(qtbot, TRAINER)
    assert not dialog.ui.chooseButton.isEnabled() and not dialog.ui.importButton.isEnabled()
    assert "tidak berhak" in dialog.ui.summaryLabel.text()


def test_export_interactive_masked_by_default(gui_app, db, system, qtbot, boxes, file_dialog, make_resident, tmp_path):
    make_resident(name="Ani", nik="3201011501100001")
    file_dialog.path = tmp_path / "pm"  # no suffix typed: the chosen filter's is added
    assert export_residents_interactive(system, None) == 1
    from openpyxl import load_workbook

    assert load_workbook(tmp_path / "pm.xlsx").active["A2"].value == "3201**********01"
    assert boxes.calls[0][0] == "question" and "NIK dan No. KK lengkap" in boxes.calls[0][1]
    assert boxes.buttons[0] == ["Batal", "NIK lengkap", "Samarkan NIK"]  # Indonesian, not Qt's Yes/No
    assert boxes.calls[1] == ("information", f"1 PM diekspor ke {tmp_path / 'pm.xlsx'} (NIK dan No. KK disamarkan).")


def test_export_interactive_with_full_nik_is_audited(gui_app, db, system, qtbot, boxes, file_dialog, make_resident,
                                                     tmp_path):
    make_resident(name="Ani", nik="3201011501100001")
    boxes.reply = QMessageBox.StandardButton.Yes
    file_dialog.path = tmp_path / "pm.csv"
    assert export_residents_interactive(system, None) == 1
    assert '"=""3201011501100001"""' in (tmp_path / "pm.csv").read_text(encoding="utf-8-sig")  # Excel: text
    event = AuditEvent.select().where(AuditEvent.action == "export").get()
    assert "NIK lengkap" in event.summary


def test_export_interactive_cancel_and_refusal(gui_app, db, system, qtbot, boxes, file_dialog, tmp_path):
    file_dialog.path = ""
    assert export_residents_interactive(system, None) is None
    boxes.reply = QMessageBox.StandardButton.Cancel
    file_dialog.path = tmp_path / "pm.xlsx"
    assert export_residents_interactive(system, None) is None and not (tmp_path / "pm.xlsx").exists()
    assert export_residents_interactive(TRAINER, None) is None
    assert boxes.calls[-1][0] == "warning" and "tidak berhak" in boxes.calls[-1][1]
