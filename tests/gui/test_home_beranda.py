"""Beranda (issue 13): "Perlu asesmen" opens the register filtered to those PMs; the instruktur's
Beranda shows his classes and today's sessions; today's classes fill the page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from balai_app.gui.home.home import NEEDS_ASSESSMENT_LINK, HomePage
from balai_app.gui.main_window import MainWindow
from balai_app.services import casework, residents, sessions
from balai_app.services.context import Actor
from support.sessions import build_training


def current_key(window: MainWindow) -> str:
    return window.section_keys()[window.ui.sidebar.currentRow()]


def test_perlu_asesmen_opens_the_register_filtered(gui_app, db, system, make_resident, qtbot):
    make_resident(name="Belum Satu")
    make_resident(name="Belum Dua")
    done = make_resident(name="Sudah Diasesmen")
    make_resident(name="Sudah Keluar", status="keluar", exit_date="2026-02-01")
    casework.add_assessment(system, done.id, {"assessor": "Rina", "summary": "Baik"})
    window = MainWindow(Actor(None, "staf", "staf"))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    home = window.open_section("home")
    with qtbot.waitSignal(home.numbers_shown):
        home.refresh()
    text = home.follow_up.text()
    assert "2 PM aktif belum pernah diasesmen" in text and f"href='{NEEDS_ASSESSMENT_LINK}'" in text
    home.follow_up.linkActivated.emit(NEEDS_ASSESSMENT_LINK)  # what QLabel emits on a click
    assert current_key(window) == "residents"
    page = window.current_page()
    assert page.ui.statusCombo.currentText() == "Aktif, belum diasesmen"
    assert page.model.rowCount() == 2
    assert residents.count_residents(system, page.current_filter()) == 2
    page.reset_filters()
    assert page.model.rowCount() == 4


def test_instruktur_beranda_shows_his_classes_and_today(gui_app, db, make_resident, qtbot):
    course = build_training(make_resident, participants=3)
    sessions.create_session(course.trainer_actor, course.batch.id, {"date": dt.date.today(), "topic": "Pola rok"})
    other = build_training(make_resident, participants=1)  # another trainer's class: not shown
    window = MainWindow(course.trainer_actor)
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    home = window.open_section("home")
    # the main window fills Beranda's figures once it is painted
    qtbot.waitUntil(lambda: home.classes.title.text() != "")
    assert home.classes is not None and home.classes.isVisible()
    assert home.classes.title.text().startswith("Kelas saya")
    rows = home.classes.model.rows()
    assert [r.batch.id for r in rows] == [course.batch.id] and other.batch.id not in [r.batch.id for r in rows]
    assert "Pola rok" in home.classes.model.index(0, 4).data()
    # the classes fill the page: no large empty area below them
    bottom = home.classes.mapTo(home, home.classes.rect().bottomLeft()).y()
    assert home.height() - bottom < 40
    gui_app.processEvents()
    home.grab().save("/tmp/ux_shots/home_instruktur_1280.png")
    qtbot.mouseClick(home.classes.today_button, Qt.MouseButton.LeftButton)
    assert current_key(window) == "sessions"
    assert window.current_page().attendance.model.rowCount() == 3


def test_office_staff_see_running_classes_below_the_figures(gui_app, db, make_resident, qtbot):
    build_training(make_resident, participants=2)
    page = HomePage(Actor(None, "staf", "staf"))
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    page.refresh()
    assert page.classes.title.text().startswith("Kelas berjalan")
    assert page.classes.model.rowCount() == 1
    gui_app.processEvents()
    assert page.table.width() < 900  # the figures no longer stretch into an empty grey band
    page.grab().save("/tmp/ux_shots/home_staf_1366.png")
