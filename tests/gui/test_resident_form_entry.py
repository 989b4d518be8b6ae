"""The PM form on entry (issue 13): the empty-NIK message under the NIK, klaster on the first tab,
shortcuts named in tooltips, and the warning that the PM may already be registered."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from balai_app.db.models import Resident
from balai_app.domain.errors import NeedsConfirmation
from balai_app.gui.residents.resident_form import ResidentForm
from balai_app.services import duplicates, residents


@pytest.fixture
def questions(monkeypatch):
    asked: list[str] = []
    reply = {"button": QMessageBox.StandardButton.No}

    def ask(box):
        asked.append(box.text())
        return reply["button"].value

    monkeypatch.setattr(QMessageBox, "exec", ask)
    return asked, reply


def open_form(qtbot, actor) -> ResidentForm:
    form = ResidentForm(actor)
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def choose(combo, code) -> None:
    combo.setCurrentIndex(combo.findData(code))


def save(qtbot, form) -> None:
    qtbot.mouseClick(form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def test_empty_nik_message_stands_under_the_nik(gui_app, db, system, qtbot, questions):
    form = open_form(qtbot, system)
    ui = form.ui
    qtbot.keyClicks(ui.nameEdit, "Sukarno")
    choose(ui.sexCombo, "L")
    choose(ui.klasterCombo, "lansia")
    save(qtbot, form)
    assert "NIK wajib diisi" in form.message_of("nik") and ui.nikError.isVisible()
    assert "Tidak memiliki NIK" in form.message_of("nik")
    assert not ui.nikMissingReasonError.isVisible()
    assert form.focusWidget() is ui.nikEdit
    assert Resident.select().count() == 0


def test_klaster_is_on_the_first_tab(gui_app, db, system, qtbot, questions):
    form = open_form(qtbot, system)
    first = form.ui.tabs.widget(0)
    assert first.isAncestorOf(form.ui.klasterCombo) and first.isAncestorOf(form.ui.nameEdit)
    assert form.ui.klasterComboLabel.text() == "Klaster *"


def test_shortcuts_are_named_and_ctrl_s_saves(gui_app, db, system, qtbot, questions):
    form = open_form(qtbot, system)
    ui = form.ui
    assert "Ctrl+S" in ui.buttonBox.button(QDialogButtonBox.StandardButton.Save).toolTip()
    assert all("Ctrl+Tab" in ui.tabs.tabToolTip(i) for i in range(ui.tabs.count()))
    qtbot.keyClicks(ui.nameEdit, "Sukarno")
    qtbot.mouseClick(ui.noNikCheck, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ui.nikReasonEdit, "Tidak memiliki KTP")
    choose(ui.sexCombo, "L")
    choose(ui.klasterCombo, "lansia")
    qtbot.keyClick(ui.nameEdit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.result() == QDialog.DialogCode.Accepted
    assert Resident.get().name == "Sukarno"


def test_a_person_typed_twice_is_warned_before_saving(gui_app, db, system, qtbot, make_resident, questions):
    asked, reply = questions
    make_resident(name="Siti Aminah", nik=None, nik_missing_reason="Tanpa KTP", birth_date="1990-03-04",
                  sex="P")
    form = open_form(qtbot, system)
    ui = form.ui
    qtbot.keyClicks(ui.nameEdit, "SITI  aminah")
    qtbot.mouseClick(ui.noNikCheck, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(ui.nikReasonEdit, "Tidak memiliki KTP")
    choose(ui.sexCombo, "P")
    choose(ui.klasterCombo, "tuna_sosial")
    ui.birthUnknownCheck.setChecked(False)
    ui.birthDateEdit.setDate(dt.date(1990, 3, 4))
    save(qtbot, form)  # answered "Tidak": nothing saved, the warning stays under the name
    assert len(asked) == 1 and "Mungkin orang yang sama dengan Siti Aminah" in asked[0]
    assert "tanggal lahir (04/03/1990)" in asked[0]
    assert "Mungkin orang yang sama" in form.message_of("name")
    assert Resident.select().count() == 1
    reply["button"] = QMessageBox.StandardButton.Yes
    save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    assert Resident.select().count() == 2


def test_possible_duplicates_by_folded_name_and_birth_date_or_guardian(db, system, make_resident):
    first = make_resident(name="Muh. Ma’ruf", nik=None, nik_missing_reason="Tanpa KTP", birth_date="2001-02-03",
                          guardian_name="Siti Rahmah")
    make_resident(name="Muh. Ma'ruf Amin", nik=None, nik_missing_reason="Tanpa KTP", birth_date="2001-02-03")
    found = duplicates.possible_duplicates(system, "muh. ma'ruf", dt.date(2001, 2, 3))
    assert [d.resident_id for d in found] == [first.id] and found[0].same_birth_date
    by_mother = duplicates.possible_duplicates(system, "MUH.  MA'RUF", None, "siti rahmah")
    assert [d.resident_id for d in by_mother] == [first.id] and by_mother[0].same_guardian
    assert "nama keluarga/wali (Siti Rahmah)" in by_mother[0].message
    assert duplicates.possible_duplicates(system, "Muh. Ma'ruf", dt.date(2001, 2, 4)) == []
    assert duplicates.possible_duplicates(system, "Muh. Ma'ruf", dt.date(2001, 2, 3), exclude_id=first.id) == []


def test_two_different_niks_are_two_people(db, system, make_resident):
    make_resident(name="Budi", birth_date="15-01-2010")
    assert duplicates.possible_duplicates(system, "Budi", dt.date(2010, 1, 15), nik="3201011501100099") == []
    assert len(duplicates.possible_duplicates(system, "Budi", dt.date(2010, 1, 15))) == 1
    with pytest.raises(NeedsConfirmation) as warned:
        residents.create_resident(system, {"name": "budi", "sex": "L", "klaster": "anak", "birth_date": "2010-01-15",
                                           "nik_missing_reason": "Belum punya KTP"})
    assert "Mungkin orang yang sama dengan Budi" in warned.value.warnings["name"]


def test_pm_list_menu_names_the_shortcuts(gui_app, db, system, qtbot, make_resident):
    from PySide6.QtGui import QKeySequence

    from balai_app.gui.residents.residents_page import ResidentsPage

    make_resident(name="Agus")
    page = ResidentsPage(system)
    qtbot.addWidget(page)
    page.refresh()
    assert "Ctrl+N" in page.ui.addButton.toolTip() and "Ctrl+F" in page.ui.searchEdit.toolTip()
    menu = page.context_menu()
    shown = {a.text(): a.shortcut().toString(QKeySequence.SequenceFormat.NativeText) for a in menu.actions()}
    assert shown == {"Buka data PM": "Return", "Tambah PM baru": "Ctrl+N", "Cari": "Ctrl+F"}
    assert all(a.isShortcutVisibleInContextMenu() for a in menu.actions())
