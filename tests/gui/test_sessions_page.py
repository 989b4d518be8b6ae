"""Sesi & Presensi with real widgets: keyboard entry, fill-unmarked, sessions, assessment, matrix, recaps."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from balai_app.db.models import Attendance, UnitAssessment
from balai_app.gui.sessions.attendance_grid import COL_STATUS
from balai_app.gui.sessions.sessions_page import SessionsPage
from balai_app.services import progress, sessions
from balai_app.services import unit_assessments
from balai_app.services import attendance
from support.sessions import DAY, actor_of, build_training, enroll, make_user

TODAY = dt.date.today()


@pytest.fixture
def training(db, make_resident):
    return build_training(make_resident, participants=6, units=3, start=TODAY - 20 * DAY,
                          names=["Agus", "Budi Santoso", "Citra", "Dewi", "Eko", "Fitri"])


@pytest.fixture
def page(gui_app, qtbot, training):
    page = SessionsPage(training.trainer_actor)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    return page


def _statuses(session_id):
    return {e: s for e, s in Attendance.select(Attendance.enrollment, Attendance.status)
            .where(Attendance.session == session_id).tuples()}


def test_instruktur_gets_my_classes_first_and_only_own_batches(page, training, db, make_resident, qtbot):
    assert page.tabs.widget(0) is page.my_classes and page.tabs.currentIndex() == 0
    assert [page.batch_combo.itemData(i) for i in range(page.batch_combo.count())] == [training.batch.id]
    assert page.my_classes.model.rowCount() == 1
    assert page.my_classes.model.rows()[0].session_id is None  # no session today yet


def test_keyboard_entry_and_fill_unmarked(page, training, system, qtbot):
    session = sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "Menjahit lurus"})
    first = training.enrollments[0].id  # Agus, already marked Alpa elsewhere (e.g. by CLI)
    attendance.save_attendance(system, session.id, {first: "A"})
    page.open_today(training.batch.id, session.id)
    assert page.tabs.currentWidget() is page.attendance_tab
    editor = page.attendance
    view = editor.view
    assert editor.session_id == session.id and editor.model.rowCount() == 6
    # the cursor starts on the first unmarked row (Budi); type I, S, then H for Citra... no: leave two unmarked
    assert view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_I)
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert view.currentIndex().row() == 3
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert editor.model.status[:4] == ["A", "I", "S", "A"]
    assert editor.model.status[4:] == [None, None]
    qtbot.mouseClick(editor.fill_button, Qt.MouseButton.LeftButton)
    assert editor.model.status == ["A", "I", "S", "A", "H", "H"]  # only the unmarked rows
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    ids = [e.id for e in training.enrollments]
    assert _statuses(session.id) == dict(zip(ids, ["A", "I", "S", "A", "H", "H"]))
    assert not editor.model.dirty()
    row = page.sessions_model.rows()[page.sessions_model.row_of(session.id)]
    assert (row.present, row.excused, row.sick, row.absent) == (2, 1, 1, 2)


def test_twenty_five_people_by_keyboard_alone(gui_app, qtbot, db, make_resident, system):
    t = build_training(make_resident, participants=25, units=2, start=TODAY - 5 * DAY)
    s = sessions.create_session(system, t.batch.id, {"date": TODAY, "topic": "Praktik"})
    page = SessionsPage(t.trainer_actor)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    page.open_today(t.batch.id, s.id)
    view = page.attendance.view
    keys = [Qt.Key.Key_H] * 20 + [Qt.Key.Key_I, Qt.Key.Key_S, Qt.Key.Key_A, Qt.Key.Key_H, Qt.Key.Key_H]
    for key in keys:
        qtbot.keyClick(view, key)
    qtbot.keyClick(page.attendance.save_button, Qt.Key.Key_Space)
    marks = _statuses(s.id)
    assert len(marks) == 25 and list(marks.values()).count("H") == 22


def test_delete_key_puts_back_the_saved_mark(page, training, system, qtbot):
    session = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "Kemarin"})
    attendance.save_attendance(system, session.id, {training.enrollments[0].id: "S"})
    page.open_batch(training.batch.id, session.id)
    view = page.attendance.view
    view.setCurrentIndex(page.attendance.model.index(0, COL_STATUS))
    qtbot.keyClick(view, Qt.Key.Key_H)
    assert page.attendance.model.status[0] == "H" and page.attendance.model.dirty()
    view.setCurrentIndex(page.attendance.model.index(0, COL_STATUS))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert page.attendance.model.status[0] == "S" and not page.attendance.model.dirty()
    assert page.attendance.audit_note.isVisible()  # an earlier day: changes are recorded


def test_unsaved_marks_are_not_lost_when_switching_session(page, training, system, qtbot, monkeypatch):
    a = sessions.create_session(system, training.batch.id, {"date": TODAY - 2 * DAY, "topic": "A"})
    b = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "B"})
    page.open_batch(training.batch.id, a.id)
    qtbot.keyClick(page.attendance.view, Qt.Key.Key_H)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Save))
    page.sessions_table.selectRow(page.sessions_model.row_of(b.id))
    assert page.attendance.session_id == b.id
    assert list(_statuses(a.id).values()) == ["H"]


def test_new_session_dialog_lists_participants_of_that_day(page, training, make_resident, qtbot, monkeypatch):
    late = enroll(training, make_resident(name="Gita Terlambat"), TODAY - 3 * DAY)
    seen = {}

    def fake_exec(dialog):
        from balai_app.gui.sessions.attendance_session_dialog import to_qdate

        dialog.ui.dateEdit.setDate(to_qdate(TODAY - 10 * DAY))
        seen["before"] = dialog.ui.participantsList.count()
        dialog.ui.dateEdit.setDate(to_qdate(TODAY - DAY))
        seen["after"] = [dialog.ui.participantsList.item(i).text() for i in range(dialog.ui.participantsList.count())]
        dialog.ui.topicEdit.setText("")
        dialog.save()
        seen["error"] = dialog.ui.topicError.text()
        dialog.ui.topicEdit.setText("Pola rok")
        dialog.ui.startTimeEdit.setText("08:00")
        dialog.ui.unitsList.item(1).setCheckState(Qt.CheckState.Checked)
        dialog.save()
        return dialog.result()

    monkeypatch.setattr("balai_app.gui.sessions.attendance_session_dialog.SessionDialog.exec", fake_exec)
    page.tabs.setCurrentWidget(page.attendance_tab)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert seen["before"] == 6 and "Gita Terlambat" in seen["after"] and len(seen["after"]) == 7
    assert "wajib" in seen["error"]
    (row,) = page.sessions_model.rows()
    assert row.topic == "Pola rok" and row.units == training.units[1].code
    assert page.attendance.session_id == row.id
    assert late.id in {r.enrollment_id for r in page.attendance.model.rows}


def test_bulk_assessment_by_keys_keeps_history(page, training, system, qtbot):
    unit_assessments.add_unit_assessments(system, training.batch.id, [
        unit_assessments.UnitVerdict(training.enrollments[0].id, training.units[0].id, "BK", TODAY - 5 * DAY)])
    page.tabs.setCurrentWidget(page.assessment)
    editor = page.assessment
    assert editor.target.currentData() == training.units[0].id
    assert editor.model.rows[0].latest == "BK"
    view = editor.table
    view.setFocus()
    view.setCurrentIndex(editor.model.index(0, 2))
    for key in (Qt.Key.Key_K, Qt.Key.Key_K, Qt.Key.Key_B):
        qtbot.keyClick(view, key)
    editor.model.setData(editor.model.index(0, 3), "88")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    history = unit_assessments.assessment_history(system, training.enrollments[0].id, training.units[0].id)
    assert [h.result for h in history] == ["K", "BK"] and history[0].score == 88
    assert UnitAssessment.select().count() == 4
    assert editor.model.rows[0].latest == "K" and editor.model.rows[2].latest == "BK"

    # per participant across units
    editor.mode.setCurrentIndex(1)
    assert editor.model.rowCount() == 3 and editor.model.rows[0].label.startswith(training.units[0].code)


def test_matrix_shows_text_and_eligibility(page, training, system, qtbot):
    s = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "A"})
    attendance.save_attendance(system, s.id, {e.id: "H" for e in training.enrollments})
    unit_assessments.add_unit_assessments(system, training.batch.id, [
        unit_assessments.UnitVerdict(training.enrollments[0].id, u.id, "K") for u in training.units] + [
        unit_assessments.UnitVerdict(training.enrollments[1].id, training.units[0].id, "BK")])
    page.tabs.setCurrentWidget(page.matrix)
    model = page.matrix.model
    assert model.rowCount() == 6
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(2)]
    assert texts[0][1:4] == ["K", "K", "K"] and "Layak" in texts[0][-1]
    assert texts[1][1:4] == ["BK", "—", "—"] and texts[1][-1] == "Belum"
    assert "Belum kompeten" in model.index(1, model.columnCount() - 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "1 dari 6 peserta layak" in page.matrix.summary.text()


def test_recap_export_writes_the_files(page, training, system, qtbot, monkeypatch, tmp_path):
    s = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "A"})
    attendance.save_attendance(system, s.id, {e.id: "H" for e in training.enrollments})
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: (a[3][-1], True)))
    target = tmp_path / "rekap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    pdf = page.export_recap("attendance", ".pdf")
    assert pdf == tmp_path / "rekap.pdf" and pdf.read_bytes().startswith(b"%PDF")
    xlsx = page.export_recap("progress", ".xlsx")
    assert xlsx.exists() and "Rekap disimpan" in page.message.text()


def test_office_staff_see_every_batch_without_my_classes(gui_app, qtbot, training, db, make_resident):
    other = build_training(make_resident, participants=1, units=1)
    staf = actor_of(make_user("staf"))
    page = SessionsPage(staf)
    qtbot.addWidget(page)
    page.refresh()
    assert page.my_classes is None
    ids = {page.batch_combo.itemData(i) for i in range(page.batch_combo.count())}
    assert {training.batch.id, other.batch.id} <= ids


def test_resident_progress_tab(gui_app, qtbot, training, system):
    from balai_app.gui.sessions.progress_tab import ResidentProgressTab

    s = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "Materi satu"})
    attendance.save_attendance(system, s.id, {training.enrollments[0].id: "S"})
    tab = ResidentProgressTab(system, training.residents[0].id)
    qtbot.addWidget(tab)
    assert tab.choice.count() == 1
    assert "Sakit 1" in tab.summary.text() and "0%" in tab.summary.text()
    assert tab.units_model.rowCount() == 3 and tab.sessions_model.rowCount() == 1
    assert tab.sessions_model.item(0, 1).text() == "Sakit"
    assert progress.enrollment_progress(system, training.enrollments[0].id).sick == 1
    stranger = ResidentProgressTab(actor_of(make_user("instruktur")), training.residents[0].id)
    qtbot.addWidget(stranger)
    assert stranger.choice.count() == 0 and "Belum mengikuti" in stranger.summary.text()


def test_from_my_classes_to_a_saved_day_with_the_keyboard_only(page, training, qtbot):
    """Enter on the class, type the topic, Enter, H/I/S/A per row, Ctrl+S."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from balai_app.gui.sessions.attendance_session_dialog import SessionDialog

    def fill_dialog():
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SessionDialog)
        qtbot.keyClicks(dialog.ui.topicEdit, "Menjahit kampuh")
        qtbot.keyClick(dialog.ui.topicEdit, Qt.Key.Key_Return)

    table = page.my_classes.table
    table.setFocus()
    QTimer.singleShot(0, fill_dialog)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    editor = page.attendance
    assert editor.session_id is not None and editor.model.rowCount() == 6
    assert sessions.get_session(training.trainer_actor, editor.session_id).topic == "Menjahit kampuh"
    for key in (Qt.Key.Key_H, Qt.Key.Key_H, Qt.Key.Key_A, Qt.Key.Key_H, Qt.Key.Key_S, Qt.Key.Key_H):
        qtbot.keyClick(editor.view, key)
    qtbot.keyClick(editor.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert sorted(_statuses(editor.session_id).values()) == ["A", "H", "H", "H", "H", "S"]
    page.my_classes.refresh()
    (row,) = page.my_classes.model.rows()
    assert row.session_id == editor.session_id and row.marked == 6


def test_coming_back_to_the_page_keeps_unsaved_marks(page, training, system, qtbot):
    a = sessions.create_session(system, training.batch.id, {"date": TODAY - 2 * DAY, "topic": "A"})
    sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "B"})
    page.open_batch(training.batch.id, a.id)
    qtbot.keyClick(page.attendance.view, Qt.Key.Key_I)
    page.refresh()  # the main window calls this each time the section is shown again
    assert page.attendance.session_id == a.id and page.attendance.model.status[0] == "I"


def test_instruktur_sees_no_nik_column(page, gui_app, qtbot, training, db):
    from balai_app.gui.sessions.attendance_grid import COL_NIK, AttendanceEditor

    assert page.attendance.view.isColumnHidden(COL_NIK)
    staf_editor = AttendanceEditor(actor_of(make_user("staf")))
    qtbot.addWidget(staf_editor)
    assert not staf_editor.view.isColumnHidden(COL_NIK)


def test_delete_a_session_recorded_by_mistake(page, training, system, qtbot, monkeypatch):
    from balai_app.db.models import AuditEvent, TrainingSession

    keep = sessions.create_session(system, training.batch.id, {"date": TODAY - 2 * DAY, "topic": "Benar"})
    wrong = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "Salah"})
    attendance.save_attendance(system, wrong.id, {training.enrollments[0].id: "H"})
    page.open_batch(training.batch.id, wrong.id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert TrainingSession.get_or_none(TrainingSession.id == wrong.id) and "1 peserta" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert TrainingSession.get_or_none(TrainingSession.id == wrong.id) is None
    assert [r.id for r in page.sessions_model.rows()] == [keep.id]
    event = AuditEvent.select().where(AuditEvent.entity == "training_session", AuditEvent.action == "delete").get()
    assert "Salah" in event.summary and '"H"' in event.changes
