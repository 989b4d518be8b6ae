"""Beranda at every size the main window allows: at 800x600 the follow-up lines were painted over
the figures' columns and "Bimbingan lanjut" was cut off; now the page scrolls as a whole, the
follow-up lines move under the figures and the figures' columns scroll sideways in their table."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import QLayout, QWidget

from balai_app.gui.main_window import MainWindow
from balai_app.services import followups
from balai_app.services.context import Actor
from support.sessions import build_training


def laid_out(layout: QLayout):
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            yield item.widget()
        elif item.layout() is not None:
            yield from laid_out(item.layout())


def page_parts(home: QWidget) -> list[QWidget]:
    """The visible widgets Beranda lays out, the figures' table and the follow-up lines apart."""
    return [w for w in laid_out(home.title.parentWidget().layout()) if w.isVisibleTo(home)]


def on_page(home: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(home, QPoint(0, 0)), widget.size())


def named(widget: QWidget) -> str:
    return f"{type(widget).__name__} {str(widget.property('text') or '')[:40]!r}"


def settle(app) -> None:
    for _ in range(5):  # a resize's layout requests, and those they post in turn
        app.processEvents()


@pytest.fixture
def staff_home(gui_app, db, make_resident, qtbot):
    """The main window of office staff on Beranda, the figures, follow-ups and a class shown."""
    first = dt.date.today().replace(day=1)
    for n in range(3):
        make_resident(name=f"Alumni {n}", nik=f"32010115011000{n + 20}", entry_date="2024-01-08", status="selesai",
                      exit_date=followups.add_months(first, -6).isoformat())
    build_training(make_resident, participants=2)
    window = MainWindow(Actor(None, "staf", "staf"))
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    home = window.open_section("home")
    qtbot.waitUntil(lambda: home.model.rowCount() > 0 and "Alumni" in home.aftercare.body.text(), timeout=30_000)
    return window, home


@pytest.mark.parametrize("size", ["minimum", (800, 600), (1366, 740)])
def test_nothing_overlaps_or_is_squeezed_at_any_window_size(gui_app, staff_home, size):
    window, home = staff_home
    window.resize(window.minimumSize() if size == "minimum" else QSize(*size))
    settle(gui_app)
    assert window.size() == (window.minimumSize() if size == "minimum" else QSize(*size))
    parts = page_parts(home)
    assert home.table in parts and home.follow_up in parts and home.aftercare in parts and home.classes in parts
    for a, b in itertools.combinations(parts, 2):
        ra, rb = on_page(home, a), on_page(home, b)
        assert not ra.intersects(rb), f"{named(a)} {ra.getRect()} overlaps {named(b)} {rb.getRect()}"
    for widget in parts:
        least = widget.minimumSizeHint()
        assert widget.width() >= least.width() and widget.height() >= least.height(), named(widget)
        if widget.hasHeightForWidth():  # wrapped text: every line shown (Bimbingan lanjut was cut off)
            assert widget.height() >= widget.heightForWidth(widget.width()), named(widget)
    # the figures: every row shown; every column shown or reached with the table's own scroll bar
    table = home.table
    assert table.viewport().height() >= table.verticalHeader().length()
    assert (table.horizontalHeader().length() <= table.viewport().width()
            or table.horizontalScrollBar().isVisibleTo(home))
    # the page: all of it shown, or reached with its scroll bars
    content = home.title.parentWidget()
    assert content.height() <= home.scroll.viewport().height() or home.scroll.verticalScrollBar().isVisibleTo(home)
    assert content.width() <= home.scroll.viewport().width() or home.scroll.horizontalScrollBar().isVisibleTo(home)


def test_the_follow_up_lines_sit_beside_the_figures_when_there_is_room_and_under_them_otherwise(
        gui_app, staff_home):
    window, home = staff_home
    table, facts = home.table, home.follow_up

    def beside() -> bool:
        if facts.x() >= table.geometry().right() and facts.y() == table.y():
            return True
        assert facts.y() > table.geometry().bottom() and facts.x() == table.x(), "beside or under, nothing else"
        return False

    window.resize(1800, 900)  # room to spare, whatever the platform's fonts
    settle(gui_app)
    assert beside()
    assert table.width() == home.table_width and not table.horizontalScrollBar().isVisibleTo(home)
    window.resize(800, 600)
    settle(gui_app)
    assert not beside()
    assert table.width() < home.table_width and table.horizontalScrollBar().isVisibleTo(home)
    window.resize(1800, 900)
    settle(gui_app)
    assert beside() and table.width() == home.table_width


def test_the_arrangement_depends_on_the_width_not_on_the_way_the_window_got_there(gui_app, staff_home):
    """Beside or under is the same at one width whether the window grew to it or shrank to it
    (the page's wish once followed the arrangement, which moved the sidebar, which kept it)."""
    window, home = staff_home
    widths = range(1100, 1500, 16)
    seen: dict[str, dict[int, bool]] = {"growing": {}, "shrinking": {}}
    for way, order in (("growing", widths), ("shrinking", reversed(widths))):
        for width in order:
            window.resize(width, 740)
            settle(gui_app)
            seen[way][width] = home.follow_up.y() == home.table.y()
    assert seen["growing"] == seen["shrinking"]
    assert seen["growing"][widths[-1]] or not seen["growing"][widths[0]], "wider never puts it under"
