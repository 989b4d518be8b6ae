"""Each demo account's window shows only what its role may see.

The instruktur's window is walked page by page (every section, every combo
box choice, every table) and must not show a NIK, No. KK, address or case
notes of any resident.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLabel, QLineEdit, QPlainTextEdit, QTextEdit

from balai_app.db.models import Resident
from balai_app.gui.main_window import MainWindow
from balai_app.services import accounts


@pytest.fixture
def demo_db(open_demo, gui_app):
    """``create_demo(SYSTEM, residents=20)`` on the test's database (built once per run, copied)."""
    return open_demo(20)


def window_for(qtbot, username: str) -> MainWindow:
    signed = accounts.authenticate(username, "demo")
    win = MainWindow(signed.actor)
    qtbot.addWidget(win)
    win.resize(1280, 720)
    win.show()
    return win


def _count(model, what: str) -> int:
    """rowCount/columnCount, also for Qt's own list models whose columnCount is private to Python."""
    for args in ((QModelIndex(),), ()):
        try:
            return getattr(model, what)(*args)
        except TypeError:
            continue
    return 1


def visible_texts(root) -> list[str]:
    """Every text a person could read in ``root``: labels, fields, and every cell and header of every view."""
    texts = []
    for label in root.findChildren(QLabel):
        texts.append(label.text())
    for edit in root.findChildren(QLineEdit):
        texts.append(edit.text())
    for edit in root.findChildren(QPlainTextEdit):
        texts.append(edit.toPlainText())
    for edit in root.findChildren(QTextEdit):
        texts.append(edit.toPlainText())
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view, QHeaderView):  # headers are read through their view
            continue
        hidden = getattr(view, "isColumnHidden", lambda _c: False)
        columns = [c for c in range(_count(model, 'columnCount')) if not hidden(c)]
        for column in columns:
            texts.append(str(model.headerData(column, Qt.Orientation.Horizontal)))
        for row in range(min(_count(model, 'rowCount'), 200)):
            for column in columns:
                value = model.index(row, column).data()
                if value is not None:
                    texts.append(str(value))
    return texts


def walk_every_page(win: MainWindow) -> list[str]:
    texts = []
    for key in win.section_keys():
        page = win.open_section(key)
        texts += visible_texts(page)
        for combo in page.findChildren(QComboBox):
            for index in range(min(combo.count(), 6)):
                combo.setCurrentIndex(index)
                texts += visible_texts(page)
        for view in page.findChildren(QAbstractItemView):
            model = view.model()
            if model is not None and _count(model, 'rowCount') and view.isVisible():
                view.setCurrentIndex(model.index(0, 0))
                texts += visible_texts(page)
    return texts


def test_admin_sees_everything(demo_db, qtbot):
    win = window_for(qtbot, "admin")
    assert {"residents", "audit", "settings"} <= set(win.section_keys())
    settings = win.open_section("settings")
    assert [settings.tabs.tabText(i) for i in range(settings.tabs.count())][:2] == ["Profil balai", "Pengguna"]
    assert win.ui.demoBanner.isVisible() and "DEMO" in win.ui.demoBanner.text()
    win.close()


def test_staf_has_no_settings_accounts_or_audit(demo_db, qtbot):
    win = window_for(qtbot, "staf")
    keys = set(win.section_keys())
    assert "residents" in keys
    assert not keys & {"audit", "settings"}
    win.close()


def test_instruktur_has_no_register_and_never_sees_personal_data(demo_db, qtbot):
    win = window_for(qtbot, "instruktur")
    keys = set(win.section_keys())
    assert not keys & {"residents", "audit", "settings", "reports"}
    texts = "\n".join(walk_every_page(win))
    secrets = set()
    for nik, no_kk, address, notes in Resident.select(Resident.nik, Resident.no_kk, Resident.address,
                                                      Resident.notes).tuples():
        secrets |= {x for x in (nik, no_kk, address, notes) if x}
    leaked = sorted(s for s in secrets if s in texts)
    assert leaked == [], f"personal data shown to an instruktur: {leaked[:5]}"
    assert "NIK" not in texts and "No. KK" not in texts
    win.close()
