"""The window on a server database when the server goes away mid-work (issue 16): the
save says so in Indonesian, nothing is half-written, what was typed stays in the form,
and the same click saves once the server is back (the program reconnects by itself)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

import pg_engine
from balai_app.db.connection import close_database, open_database
from balai_app.db.models import Resident
from support.resident_form import click_save, open_form


@pytest.fixture
def server_resident(pg_database, make_resident_on):
    open_database(pg_database)
    resident = make_resident_on()
    yield resident
    close_database()


@pytest.fixture
def make_resident_on():
    from balai_app.services import residents
    from balai_app.services.context import SYSTEM

    def make():
        return residents.create_resident(SYSTEM, {"name": "Siti Aminah", "sex": "P", "klaster": "lansia",
                                                  "nik": "3201014501900001", "birth_date": "05-01-1990",
                                                  "entry_date": "2026-01-05"}, confirm_warnings=True)

    return make


@pytest.fixture
def warnings_shown(monkeypatch):
    shown: list[str] = []

    def record(parent, title, text, *args, **kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    # a failed assertion leaves the form open with typing in it: closing it at teardown must not
    # wait on the "Batalkan perubahan?" question (it would hang the whole run)
    monkeypatch.setattr("balai_app.gui.residents.resident_form.confirm", lambda *a, **k: True)
    return shown


def test_saving_while_the_server_is_down_says_so_keeps_the_typing_and_saves_after(
        gui_app, qtbot, system, server_resident, warnings_shown):
    state = pg_engine._server()
    assert state.get("dir"), "stops and restarts the test server: it must be the throw-away one"
    folder = Path(state["dir"])
    form = open_form(qtbot, system, server_resident.id)
    form.ui.nameEdit.setText("Siti Aminah Binti Ahmad")
    pg_engine.pgtemp.stop(folder, mode="immediate")  # the cable is pulled / the server PC restarts
    try:
        click_save(qtbot, form)
        assert warnings_shown, "the failed save must be explained"
        assert "server" in warnings_shown[-1].lower() and "isian anda masih ada" in warnings_shown[-1].lower()
        assert form.isVisible() and form.ui.nameEdit.text() == "Siti Aminah Binti Ahmad"
    finally:
        pg_engine.pgtemp.restart(folder)
    click_save(qtbot, form)  # the same click, once the server is back
    assert not form.isVisible()
    assert Resident.get_by_id(server_resident.id).name == "Siti Aminah Binti Ahmad"


def test_the_backup_tab_on_a_server_database_checks_the_server_and_backs_up_to_a_file(
        gui_app, qtbot, pg_database, server_resident, isolated_paths, tmp_path):
    from PySide6.QtCore import Qt

    from balai_app import paths
    from balai_app.gui.settings.backup_tab import BackupTab
    from balai_app.services.context import Actor

    paths.set_database_path(pg_database)
    tab = BackupTab(Actor(None, "admin", "admin"))
    qtbot.addWidget(tab)
    tab.show()
    assert not tab.ui.networkWarning.isVisible()  # the one-PC rule is about files, not a server
    qtbot.mouseClick(tab.ui.checkButton, Qt.MouseButton.LeftButton)
    text = tab.ui.statusLabel.text()
    assert "Basis data server" in text and "sehat" in text and "1 PM" in text and "rantai jejak audit utuh" in text
    tab.grab().save(str(tmp_path / "backup_tab_server.png"))
    assert not list(Path.cwd().glob(pg_database.rpartition("/")[2] + "*"))  # no file named after the database
