"""The Pelatihan screens on real widgets: programs and units, a batch, enrolling, closing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox

from balai_app.db.models import Batch, CompetencyUnit, Enrollment, Program, UnitAssessment, User
from balai_app.services import training
from balai_app.services import casework
from balai_app.services import curriculum
from balai_app.services import enrollment as enrol
from balai_app.services.context import Actor

TODAY = dt.date.today()


@pytest.fixture
def page(gui_app, db, system, qtbot):
    from balai_app.gui.training.training_page import TrainingPage

    widget = TrainingPage(system)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    widget.refresh()
    return widget


@pytest.fixture
def say_yes(monkeypatch):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2] if len(args) > 2 else "")
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: asked.append(a[2])))
    return asked


def ok(dialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def when_dialog_opens(qtbot, handle) -> None:
    """Run ``handle(dialog)`` on the next modal dialog (exec() blocks the test otherwise)."""

    def poll():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            handle(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_empty_program_list_offers_starter_programs(page, qtbot):
    page.tabs.setCurrentWidget(page.programs)
    tab = page.programs
    assert tab.sample_button.isVisible() and tab.empty_label.isVisible()
    qtbot.mouseClick(tab.sample_button, Qt.MouseButton.LeftButton)
    assert tab.list.count() == 4 and not tab.sample_button.isVisible()
    assert tab.editor.ui.sampleBanner.isVisible()
    assert "sesuaikan dengan SKKNI" in tab.editor.ui.sampleBanner.text()
    assert tab.editor.units_model.rowCount() == 6
    assert "(belum diisi)" in tab.editor.units_model.index(0, 1).data()


def test_create_program_and_units(page, qtbot, system, say_yes):
    page.tabs.setCurrentWidget(page.programs)
    tab = page.programs
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert not editor.ui.addUnit.isEnabled()  # save the program first
    qtbot.mouseClick(editor.ui.saveProgram, Qt.MouseButton.LeftButton)
    assert editor.ui.codeError.isVisible() and editor.ui.nameError.isVisible()
    qtbot.keyClicks(editor.ui.code, "kmp")
    qtbot.keyClicks(editor.ui.name, "Komputer")
    editor.ui.weeks.setValue(12)
    qtbot.mouseClick(editor.ui.saveProgram, Qt.MouseButton.LeftButton)
    program = Program.get(Program.code == "KMP")
    assert program.name == "Komputer" and program.weeks == 12 and not editor.ui.codeError.isVisible()
    assert tab.list.currentItem().text().startswith("KMP")

    for code, title in (("TIK.OP01.001.01", "Mengoperasikan komputer"), ("", "Mengetik cepat")):
        def fill(dialog, code=code, title=title):
            qtbot.keyClicks(dialog.ui.code, code)
            qtbot.keyClicks(dialog.ui.title, title)
            ok(dialog)

        when_dialog_opens(qtbot, fill)
        qtbot.mouseClick(editor.ui.addUnit, Qt.MouseButton.LeftButton)
    assert [u.title for u in curriculum.active_units(program.id)] == ["Mengoperasikan komputer", "Mengetik cepat"]
    # Move the second up, retire it, delete the other (never used).
    editor.ui.units.selectRow(1)
    qtbot.mouseClick(editor.ui.moveUp, Qt.MouseButton.LeftButton)
    assert [u.title for u in curriculum.active_units(program.id)][0] == "Mengetik cepat"
    qtbot.mouseClick(editor.ui.retireUnit, Qt.MouseButton.LeftButton)
    assert [u.title for u in curriculum.active_units(program.id)] == ["Mengoperasikan komputer"]
    assert "(nonaktif)" in editor.units_model.index(0, 2).data()
    editor.ui.units.selectRow(1)
    qtbot.mouseClick(editor.ui.deleteUnit, Qt.MouseButton.LeftButton)
    assert CompetencyUnit.select().where(CompetencyUnit.program == program.id).count() == 1


def test_assessed_unit_is_locked_in_its_dialog(db, gui_app, qtbot, system, make_resident, say_yes):
    from balai_app.gui.training.program_editor import UnitDialog

    program = curriculum.create_program(system, {"code": "MJH", "name": "Menjahit"}, [{"title": "K3"}])
    batch = training.create_batch(system, {"program": program.id, "name": "A", "start_date": TODAY,
                                           "end_date": TODAY + dt.timedelta(days=30)})
    unit = curriculum.active_units(program.id)[0]
    e = enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    UnitAssessment.create(enrollment=e.id, unit=unit.id, result="K", date=TODAY)
    dialog = UnitDialog(system, program.id, unit)
    qtbot.addWidget(dialog)
    assert dialog.ui.title.isReadOnly() and not dialog.ui.code.isReadOnly()
    qtbot.keyClicks(dialog.ui.code, "C.14.00")
    ok(dialog)
    assert CompetencyUnit.get_by_id(unit.id).code == "C.14.00"


def test_create_batch_in_dialog(db, gui_app, qtbot, system):
    from balai_app.gui.training.batch_dialog import BatchDialog

    program = curriculum.create_program(system, {"code": "LAS", "name": "Las", "weeks": 10})
    User.create(username="joko", full_name="Joko Prasetyo", role="instruktur", password_hash="x")
    dialog = BatchDialog(system)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.ui.program.currentData() == program.id
    start = QDate.currentDate()
    assert dialog.ui.end_date.date() == start.addDays(69)  # ten weeks from the program
    assert dialog.ui.name.text() == f"Angkatan I {start.year()}"  # suggested
    dialog.ui.name.clear()
    ok(dialog)
    assert dialog.ui.nameError.isVisible() and Batch.select().count() == 0
    qtbot.keyClicks(dialog.ui.name, "Angkatan I 2026")
    dialog.ui.trainer.setCurrentIndex(dialog.ui.trainer.findText("Joko Prasetyo"))
    dialog.ui.daySab.setChecked(True)
    dialog.ui.capacity.setValue(12)
    qtbot.keyClicks(dialog.ui.room, "Bengkel Las")
    dialog.ui.end_date.setDate(start.addDays(-1))
    ok(dialog)
    assert dialog.ui.end_dateError.isVisible() and "sebelum" in dialog.ui.end_dateError.text()
    dialog.ui.end_date.setDate(start.addDays(60))
    ok(dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    batch = Batch.get()
    assert (batch.name, batch.capacity, batch.room, batch.trainer.username) == ("Angkatan I 2026", 12, "Bengkel Las",
                                                                                 "joko")
    assert batch.schedule == "Sen, Sel, Rab, Kam, Jum, Sab 08:00-12:00"


def test_enroll_several_from_the_batch_page(page, qtbot, system, make_resident, say_yes, monkeypatch):
    program = curriculum.create_program(system, {"code": "DG", "name": "Desain Grafis"})
    batch = training.create_batch(system, {"program": program.id, "name": "Angkatan I", "capacity": 3,
                                           "start_date": TODAY - dt.timedelta(days=5),
                                           "end_date": TODAY + dt.timedelta(days=60)})
    siti = make_resident(name="Siti Aminah", sex="P", nik="3201015501100001")
    budi = make_resident(name="Budi Santoso")
    casework.add_assessment(system, budi.id, {"date": "2026-01-06", "assessor": "Rina", "summary": "Siap"})
    make_resident(name="Sri Keluar", status="selesai", exit_date="2026-02-01")
    page.refresh()
    tabs = page.batches
    assert tabs.model.rowCount() == 1 and tabs.select_batch(batch.id)
    detail = tabs.detail
    assert detail.row.id == batch.id and detail.model.rowCount() == 0

    def enroll(dialog):
        names = [r.name for r in dialog.model.rows()]
        assert "Sri Keluar" not in names  # only aktif residents
        qtbot.keyClicks(dialog.ui.search, "siti")
        dialog.search()
        assert [r.name for r in dialog.model.rows()] == ["Siti Aminah"]
        dialog.model.setData(dialog.model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
        dialog.ui.search.clear()
        dialog.search()
        dialog.choose(budi.id)
        assert "Dipilih: 2 PM" in dialog.ui.chosenLabel.text()
        ok(dialog)

    when_dialog_opens(qtbot, enroll)
    qtbot.mouseClick(detail.enroll_button, Qt.MouseButton.LeftButton)
    assert any("belum pernah diasesmen" in text for text in say_yes)  # Siti: warning confirmed
    assert {e.resident.name for e in Enrollment.select()} == {"Siti Aminah", "Budi Santoso"}
    assert detail.model.rowCount() == 2
    assert tabs.model.rows()[0].participants == 2
    siti_row = detail.model.find(lambda r: r.resident_id == siti.id)
    assert detail.model.index(siti_row, 3).data() == "3201**********01"  # NIK masked

    # Siti withdraws.
    assert detail.select_participant(siti.id)
    assert detail.withdraw_button.isEnabled()

    def withdraw(dialog):
        ok(dialog)  # no reason: refused beside the field
        assert dialog.ui.reasonError.isVisible()
        dialog.ui.reason.setPlainText("Kembali ke keluarga")
        ok(dialog)

    when_dialog_opens(qtbot, withdraw)
    qtbot.mouseClick(detail.withdraw_button, Qt.MouseButton.LeftButton)
    row = Enrollment.get(Enrollment.resident == siti.id)
    assert (row.status, row.status_reason, row.status_date) == ("mengundurkan_diri", "Kembali ke keluarga", TODAY)
    assert not detail.withdraw_button.isEnabled()  # the selected row is closed now
    assert "Mengundurkan diri" in [detail.model.index(r, 7).data() for r in range(2)]

    # Recorded by mistake: reactivated with a reason.
    from PySide6.QtWidgets import QInputDialog

    assert detail.reactivate_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Salah catat", True)))
    qtbot.mouseClick(detail.reactivate_button, Qt.MouseButton.LeftButton)
    assert Enrollment.get(Enrollment.resident == siti.id).status == "aktif"


def test_batch_filters(page, system):
    a = curriculum.create_program(system, {"code": "MJH", "name": "Menjahit"})
    b = curriculum.create_program(system, {"code": "CC", "name": "Contact Center"})
    training.create_batch(system, {"program": a.id, "name": "M 2019", "start_date": "2019-02-01",
                                   "end_date": "2019-05-01"})
    training.create_batch(system, {"program": b.id, "name": "C 2026", "start_date": "2026-02-01",
                                   "end_date": "2026-05-01", "status": "berjalan"})
    page.refresh()
    tab = page.batches
    assert tab.model.rowCount() == 2
    tab.program_filter.setCurrentIndex(tab.program_filter.findData(a.id))
    assert [r.name for r in tab.model.rows()] == ["M 2019"]
    tab.set_filters(status="berjalan")
    assert [r.name for r in tab.model.rows()] == ["C 2026"]
    tab.set_filters(year=2019)
    assert [r.name for r in tab.model.rows()] == ["M 2019"] and tab.count_label.text() == "1 angkatan"


def test_instruktur_sees_only_own_batches_without_personal_data(gui_app, db, system, qtbot, make_resident):
    from balai_app.gui.training.training_page import TrainingPage

    joko = User.create(username="joko", full_name="Joko", role="instruktur", password_hash="x")
    ani = User.create(username="ani", full_name="Ani", role="instruktur", password_hash="x")
    program = curriculum.create_program(system, {"code": "MJH", "name": "Menjahit"})
    mine = training.create_batch(system, {"program": program.id, "name": "Milik Joko", "trainer": joko.id,
                                          "start_date": TODAY, "end_date": TODAY + dt.timedelta(days=30)})
    training.create_batch(system, {"program": program.id, "name": "Milik Ani", "trainer": ani.id,
                                   "start_date": TODAY, "end_date": TODAY + dt.timedelta(days=30)})
    enrol.enroll(system, mine.id, make_resident(name="Rudi").id, confirm_warnings=True)
    page = TrainingPage(Actor(joko.id, "joko", "instruktur"))
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    tab = page.batches
    assert [r.name for r in tab.model.rows()] == ["Milik Joko"]
    assert not tab.new_button.isVisible()
    tab.select_batch(mine.id)
    detail = tab.detail
    headers = [detail.model.headerData(c, Qt.Orientation.Horizontal) for c in range(detail.model.columnCount())]
    assert "NIK" not in headers and "Klaster" not in headers
    assert detail.model.index(0, 1).data() == "Rudi"
    assert not detail.enroll_button.isVisible() and not detail.edit_button.isVisible()
    page.tabs.setCurrentWidget(page.programs)
    assert not page.programs.editor.ui.saveProgram.isVisible() and not page.programs.editor.ui.name.isEnabled()


def test_leaving_resident_closes_open_enrollments(db, gui_app, qtbot, system, make_resident):
    from balai_app.gui.training.enroll_close_dialog import ask_close_open_enrollments
    from balai_app.gui.residents.enrollments_tab import EnrollmentsTab

    r = make_resident()
    assert ask_close_open_enrollments(None, system, r.id) is True  # nothing open: no question
    program = curriculum.create_program(system, {"code": "MJH", "name": "Menjahit"})
    batch = training.create_batch(system, {"program": program.id, "name": "Angkatan I", "start_date": TODAY,
                                           "end_date": TODAY + dt.timedelta(days=30)})
    enrol.enroll(system, batch.id, r.id, confirm_warnings=True)
    tab = EnrollmentsTab(system, r.id)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() == 1 and "1 masih aktif" in tab.summary.text()

    when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    assert ask_close_open_enrollments(None, system, r.id, TODAY) is False
    assert Enrollment.get().status == "aktif"

    def choose(dialog):
        assert "Angkatan I" in dialog.ui.intro.text()
        dialog.ui.status.setCurrentIndex(dialog.ui.status.findData("mengundurkan_diri"))
        ok(dialog)

    when_dialog_opens(qtbot, choose)
    assert ask_close_open_enrollments(None, system, r.id, TODAY) is True
    assert (Enrollment.get().status, Enrollment.get().status_reason) == ("mengundurkan_diri", "Keluar dari balai")
    tab.refresh()
    assert "0 masih aktif" in tab.summary.text() and not tab.close_button.isEnabled()


def test_enroll_from_the_residents_detail_tab(db, gui_app, qtbot, system, make_resident, monkeypatch, say_yes):
    from PySide6.QtWidgets import QInputDialog

    from balai_app.gui.residents.enrollments_tab import EnrollmentsTab

    r = make_resident(name="Yohanes")
    program = curriculum.create_program(system, {"code": "LAS", "name": "Pengelasan (Las)"})
    batch = training.create_batch(system, {"program": program.id, "name": "Angkatan I", "start_date": TODAY,
                                           "end_date": TODAY + dt.timedelta(days=30)})
    training.create_batch(system, {"program": program.id, "name": "Lama", "start_date": "2020-01-01",
                                   "end_date": "2020-02-01", "status": "dibatalkan"})
    offered = []

    def get_item(parent, title, label, items, current, editable):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    tab = EnrollmentsTab(system, r.id)
    qtbot.addWidget(tab)
    assert "Belum pernah" in tab.summary.text()
    qtbot.mouseClick(tab.enroll_button, Qt.MouseButton.LeftButton)
    assert len(offered) == 1 and "Angkatan I" in offered[0]  # closed batches are not offered
    assert Enrollment.get().batch_id == batch.id and tab.model.rowCount() == 1
    assert any("diasesmen" in text for text in say_yes)
