"""The main window: where each role starts, unsaved work, fitting the screen."""

from __future__ import annotations

import datetime as dt
import threading

from PySide6.QtWidgets import QApplication, QMessageBox

from balai_app.db.models import Attendance
from balai_app.gui.common import icons
from balai_app.gui.main_window import MainWindow
from balai_app.services import sessions
from support.sessions import build_training


def answer(monkeypatch, button):
    asked = []

    def question(*args, **kwargs):
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def current_key(window: MainWindow) -> str:
    return window.section_keys()[window.ui.sidebar.currentRow()]


def test_instruktur_starts_at_his_classes(gui_app, db, make_resident, qtbot):
    course = build_training(make_resident, participants=1)
    window = MainWindow(course.trainer_actor)
    qtbot.addWidget(window)
    assert current_key(window) == "sessions"
    assert "residents" not in window.section_keys()


def test_unsaved_attendance_is_not_lost_by_leaving_the_section(gui_app, db, make_resident, qtbot, monkeypatch):
    course = build_training(make_resident, participants=2)
    session = sessions.create_session(course.trainer_actor, course.batch.id,
                                      {"date": dt.date.today() - dt.timedelta(days=1), "topic": "Pola dasar"})
    window = MainWindow(course.trainer_actor)
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    page.open_batch(course.batch.id, session.id)
    page.attendance.model.set_status(0, "I")

    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.ui.sidebar.setCurrentRow(window.section_keys().index("home"))
    assert asked and "belum disimpan" in asked[0]
    assert current_key(window) == "sessions" and window.current_page() is page  # stayed, sidebar agrees
    assert page.attendance.model.dirty()

    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert window.close() is False  # closing (or signing out) asks too
    assert window.isVisible() and page.attendance.model.dirty()

    answer(monkeypatch, QMessageBox.StandardButton.Save)
    window.ui.sidebar.setCurrentRow(window.section_keys().index("home"))
    assert current_key(window) == "home"
    assert Attendance.select().where(Attendance.session == session.id).count() == 1  # saved on the way out


def test_window_fits_the_screen_it_opens_on(gui_app, db, system, qtbot):
    window = MainWindow(system)
    qtbot.addWidget(window)
    area = (window.screen() or QApplication.primaryScreen()).availableGeometry()
    assert window.width() <= area.width() and window.height() <= area.height()


def test_icons_arrive_after_the_window_is_painted(gui_app, db, system, qtbot, monkeypatch):
    # As in a fresh process, whatever earlier tests imported: the first window's icons not yet come.
    monkeypatch.setattr(icons, "_imported", threading.Event())
    monkeypatch.setattr(icons, "_importer", None)
    window = MainWindow(system)
    qtbot.addWidget(window)
    assert window.ui.sidebar.item(0).icon().isNull()  # not built before the first paint (start-up speed)
    window.show()
    qtbot.waitUntil(lambda: not window.ui.sidebar.item(0).icon().isNull(), timeout=3000)
    assert all(not window.ui.sidebar.item(i).icon().isNull() for i in range(window.ui.sidebar.count()))
