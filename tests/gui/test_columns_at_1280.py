"""Columns at a 1280-pixel-wide window (issue 13): in the PM list, the session list and the certificate
register every header can be read, the columns fill the table (no dead band right of the last one),
and a cell whose text is cut off shows its whole text as a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QTableView, QToolTip

from balai_app.db.models import Batch, Program, TrainingSession, User
from balai_app.gui.common.elided_tooltips import is_elided, tooltip_for
from balai_app.gui.main_window import MainWindow
from balai_app.services.context import Actor


@pytest.fixture
def window(gui_app, open_demo, qtbot):
    open_demo(60)  # create_demo(SYSTEM, residents=60), built once per run and copied
    admin = User.get(User.role == "admin")
    window = MainWindow(Actor(admin.id, admin.username, "admin"))
    qtbot.addWidget(window)
    window.resize(1280, 690)
    window.show()
    return window


def check_columns(table: QTableView, name: str) -> None:
    QApplication.processEvents()
    header = table.horizontalHeader()
    model = table.model()
    metrics = QFontMetrics(header.font())
    shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    for column in shown:
        title = str(model.headerData(column, Qt.Orientation.Horizontal))
        assert header.sectionSize(column) >= metrics.horizontalAdvance(title) + 8, (name, title)
    # the columns fill the visible width: no dead band right of the last one
    assert abs(header.length() - table.viewport().width()) <= 2, (name, header.length(), table.viewport().width())


def elided_cells(table: QTableView):
    model = table.model()
    return [model.index(r, c) for r in range(min(model.rowCount(), 40)) for c in range(model.columnCount())
            if is_elided(table, model.index(r, c))]


def test_pm_list_at_1280(window):
    page = window.open_section("residents")
    table = page.ui.table
    check_columns(table, "PM")
    for index in elided_cells(table):
        assert tooltip_for(table, index), index.data()
    # the klaster, in its short form, is never cut; the full name is its tooltip
    cut_klaster = [page.model.index(r, 6).data() for r in range(page.model.rowCount())
                   if is_elided(table, page.model.index(r, 6))]
    assert cut_klaster == []
    assert {page.model.index(r, 6).data(Qt.ItemDataRole.ToolTipRole) for r in range(page.model.rowCount())} >= {
        "Tuna Sosial dan Korban Perdagangan Orang"}
    window.grab().save("/tmp/ux_shots/columns_pm_1280.png")


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen tooltip window
def test_session_list_at_1280(window):
    batch = (Batch.select().join(TrainingSession, on=(TrainingSession.batch == Batch.id))
             .where(Batch.status == "berjalan").first())
    page = window.open_section("sessions")
    page.open_batch(batch.id)
    table = page.sessions_table
    check_columns(table, "sesi")
    cut = elided_cells(table)
    assert cut, "the demo's long topics are cut at 1280 px; the test needs one"
    index = cut[0]
    assert tooltip_for(table, index) == index.data()
    # the real tooltip event over that cell shows the whole topic
    rect = table.visualRect(index)
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), table.viewport().mapToGlobal(rect.center()))
    QApplication.sendEvent(table.viewport(), event)
    assert QToolTip.text() == index.data()
    window.grab().save("/tmp/ux_shots/columns_sessions_1280.png")


def test_certificate_register_at_1280(window):
    page = window.open_section("certificates")
    table = page.ui.table
    check_columns(table, "sertifikat")
    for index in elided_cells(table):
        assert tooltip_for(table, index) == index.data() or index.data(Qt.ItemDataRole.ToolTipRole)
    window.grab().save("/tmp/ux_shots/columns_certs_1280.png")
    assert Program.select().count()
