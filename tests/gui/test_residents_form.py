"""The resident form, driven through its real widgets on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from balai_app.db.models import Resident
from balai_app.services import residents
from balai_app.services import residents_photo
from support.resident_form import click_save, open_form


@pytest.fixture
def answers(monkeypatch):
    """QMessageBox answers: every box is recorded; a question is answered ``answers.reply``."""

    class Answers:
        reply = QMessageBox.StandardButton.Yes
        calls: list[tuple[str, str, str]] = []

    box = Answers()
    box.calls = []
    box.buttons = []

    def ask(self):  # QMessageBox.exec of a question box: answer instead of the user
        buttons = [b.text() for b in self.buttons()]
        box.calls.append(("question", self.windowTitle(), self.text()))
        box.buttons.append(buttons)
        return box.reply.value

    def note(kind):
        def record(parent, title, text, *args, **kwargs):
            box.calls.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return record

    monkeypatch.setattr(QMessageBox, "exec", ask)
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(note(kind)))
    return box


def choose(combo, code) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_create_a_resident_by_typing(gui_app, db, system, qtbot, answers):
    form = open_form(qtbot, system)
    ui = form.ui
    qtbot.keyClicks(ui.nameEdit, "Muh. Ma'ruf")
    qtbot.keyClicks(ui.nikEdit, "3201011501100001")
    qtbot.keyClicks(ui.noKkEdit, "3201012345678901")
    choose(ui.sexCombo, "L")
    qtbot.keyClicks(ui.birthPlaceEdit, "Bogor")
    ui.birthDateEdit.setDate(QDate(2010, 1, 15))
    choose(ui.religionCombo, "Islam")
    choose(ui.klasterCombo, "anak")
    ui.entryDateEdit.setDate(QDate(2026, 1, 5))
    qtbot.keyClicks(ui.referralCombo.lineEdit(), "Satpol PP")
    qtbot.keyClicks(ui.addressEdit, "Jl. Melati No. 3, Bogor")
    qtbot.keyClicks(ui.guardianNameEdit, "Siti Aminah")
    qtbot.keyClicks(ui.guardianRelationCombo.lineEdit(), "Ibu")
    qtbot.keyClicks(ui.guardianPhoneEdit, "0812 3456 7890")

    click_save(qtbot, form)

    assert form.result() == QDialog.DialogCode.Accepted
    assert answers.calls == []  # a consistent NIK raises no warning
    saved = Resident.get(Resident.nik == "3201011501100001")
    assert saved.name == "Muh. Ma'ruf"  # never re-cased
    assert (saved.sex, saved.klaster, saved.birth_place) == ("L", "anak", "Bogor")
    assert saved.birth_date == dt.date(2010, 1, 15)
    assert saved.entry_date == dt.date(2026, 1, 5)
    assert (saved.guardian_name, saved.guardian_relation, saved.guardian_phone) == (
        "Siti Aminah", "Ibu", "0812 3456 7890")
    assert saved.referral_source == "Satpol PP"
    assert saved.religion == "Islam"
    assert form.resident.id == saved.id


def test_a_nik_typed_first_fills_sex_and_birth_date(gui_app, db, system, qtbot, answers):
    form = open_form(qtbot, system)
    ui = form.ui
    # A new PM's birth date starts as unknown: no made-up default can be saved unnoticed.
    assert ui.birthUnknownCheck.isChecked() and not ui.birthDateEdit.isEnabled()
    qtbot.keyClicks(ui.nikEdit, "320101550110000")
    assert ui.sexCombo.currentIndex() == -1  # not before the 16th digit
    qtbot.keyClicks(ui.nikEdit, "2")  # day 55 = the 15th, a woman; January 2010
    assert ui.sexCombo.currentData() == "P"
    assert ui.birthDateEdit.date() == QDate(2010, 1, 15)
    assert not ui.birthUnknownCheck.isChecked() and ui.birthDateEdit.isEnabled()
    # a chosen value is never overwritten
    ui.nikEdit.clear()
    qtbot.keyClicks(ui.nikEdit, "3201011203950003")
    assert ui.sexCombo.currentData() == "P" and ui.birthDateEdit.date() == QDate(2010, 1, 15)


def test_without_nik_the_reason_is_asked_beside_its_field(gui_app, db, system, qtbot, answers):
    form = open_form(qtbot, system)
    ui = form.ui
    assert not ui.nikReasonEdit.isEnabled()
    qtbot.keyClicks(ui.nameEdit, "Sukarno")
    qtbot.mouseClick(ui.noNikCheck, Qt.MouseButton.LeftButton)
    assert ui.nikReasonEdit.isEnabled() and not ui.nikEdit.isEnabled()
    choose(ui.sexCombo, "L")
    choose(ui.klasterCombo, "tuna_sosial")
    ui.birthUnknownCheck.setChecked(True)

    click_save(qtbot, form)
    assert form.isVisible()
    assert "alasan" in form.message_of("nik_missing_reason").lower()
    assert ui.nikMissingReasonError.isVisible()
    assert Resident.select().count() == 0

    qtbot.keyClicks(ui.nikReasonEdit, "Tidak memiliki KTP")
    click_save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    saved = Resident.get()
    assert saved.nik is None and saved.nik_missing_reason == "Tidak memiliki KTP"
    assert saved.birth_date is None


def test_disabilities_only_for_the_disability_klaster(gui_app, db, system, qtbot, answers):
    form = open_form(qtbot, system)
    ui = form.ui
    choose(ui.klasterCombo, "anak")
    assert not ui.disabilityList.isEnabled()
    choose(ui.klasterCombo, "disabilitas")
    assert ui.disabilityList.isEnabled()
    qtbot.keyClicks(ui.nameEdit, "Ni Luh Putu Ayu")
    qtbot.keyClicks(ui.nikEdit, "5171015501900003")
    choose(ui.sexCombo, "P")
    ui.birthDateEdit.setDate(QDate(1990, 1, 15))
    for row in range(ui.disabilityList.count()):
        item = ui.disabilityList.item(row)
        if item.data(Qt.ItemDataRole.UserRole) in ("fisik", "sensorik_rungu"):
            item.setCheckState(Qt.CheckState.Checked)
    click_save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    assert Resident.get().disabilities == "fisik,sensorik_rungu"


def test_edit_with_errors_shows_each_beside_its_field_and_saves_nothing(
    gui_app, db, system, qtbot, answers, make_resident
):
    resident = make_resident(name="Agus Santoso", guardian_phone="081234567890")
    form = open_form(qtbot, system, resident.id)
    ui = form.ui
    assert ui.nameEdit.text() == "Agus Santoso"
    ui.nameEdit.clear()
    ui.tabs.setCurrentIndex(2)
    ui.guardianPhoneEdit.clear()
    qtbot.keyClicks(ui.guardianPhoneEdit, "telp rumah")

    click_save(qtbot, form)

    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert "wajib" in form.message_of("name")
    assert "Telepon" in form.message_of("guardian_phone")
    # right below its own field, on the tab the form switched to (the first with an error)
    assert ui.tabs.currentIndex() == 0
    assert ui.nameError.isVisible()
    name_box = ui.nameEdit.geometry()
    error_box = ui.nameError.geometry()
    assert error_box.top() >= name_box.bottom() and error_box.left() == name_box.left()
    assert ui.errorSummary.isVisible()
    assert not ui.tabs.tabIcon(2).isNull()  # the other tab with an error is marked
    assert answers.calls == []  # not only a message box
    unchanged = Resident.get_by_id(resident.id)
    assert unchanged.name == "Agus Santoso" and unchanged.version == resident.version
    assert unchanged.guardian_phone == "081234567890"

    # fixing them saves
    qtbot.keyClicks(ui.nameEdit, "Agus Santoso Wijaya")
    ui.guardianPhoneEdit.setText("0812-1111-2222")
    click_save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    saved = Resident.get_by_id(resident.id)
    assert saved.name == "Agus Santoso Wijaya" and saved.version == resident.version + 1


def test_warnings_are_confirmed_before_saving(gui_app, db, system, qtbot, answers):
    form = open_form(qtbot, system)
    ui = form.ui
    qtbot.keyClicks(ui.nameEdit, "Dewi Lestari")
    qtbot.keyClicks(ui.nikEdit, "3201015501100002")  # a woman born 15-01-2010
    choose(ui.sexCombo, "P")
    ui.birthDateEdit.setDate(QDate(2011, 3, 1))  # does not match the NIK
    choose(ui.klasterCombo, "anak")

    answers.reply = QMessageBox.StandardButton.No
    click_save(qtbot, form)
    assert [kind for kind, *_ in answers.calls] == ["question"]
    assert "berbeda" in answers.calls[0][2]
    assert sorted(answers.buttons[0]) == ["Tidak", "Ya, simpan"]  # Indonesian, not Qt's Yes/No
    assert form.isVisible() and Resident.select().count() == 0
    assert "berbeda" in form.message_of("nik")  # the warning stays beside the NIK

    answers.reply = QMessageBox.StandardButton.Yes
    click_save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    assert Resident.get().birth_date == dt.date(2011, 3, 1)


def test_a_record_changed_elsewhere_is_not_overwritten(gui_app, db, system, qtbot, answers, make_resident):
    resident = make_resident(name="Budi Pratama")
    form = open_form(qtbot, system, resident.id)
    # Someone else saves a change while the form is open.
    residents.update_resident(system, resident.id, {"address": "Jl. Kenanga 5"}, expected_version=resident.version)

    form.ui.nameEdit.clear()
    qtbot.keyClicks(form.ui.nameEdit, "Budi Pratama Saputra")
    click_save(qtbot, form)

    assert [kind for kind, *_ in answers.calls] == ["warning"]
    assert "diubah oleh orang lain" in answers.calls[0][2]
    assert form.isVisible() and form.result() != QDialog.DialogCode.Accepted
    assert form.ui.nameEdit.text() == "Budi Pratama Saputra"  # what the user typed is kept
    current = Resident.get_by_id(resident.id)
    assert current.name == "Budi Pratama" and current.address == "Jl. Kenanga 5"
    assert current.version == resident.version + 1


def test_status_other_than_active_asks_for_exit_date(gui_app, db, system, qtbot, answers, make_resident):
    resident = make_resident(entry_date="2026-01-05")
    form = open_form(qtbot, system, resident.id)
    ui = form.ui
    assert not ui.exitDateEdit.isEnabled()
    choose(ui.statusCombo, "kembali_keluarga")
    assert ui.exitDateEdit.isEnabled()
    ui.exitDateEdit.setDate(QDate(2025, 12, 1))  # before entry
    click_save(qtbot, form)
    assert "sebelum tanggal masuk" in form.message_of("exit_date")
    assert ui.tabs.currentIndex() == 3
    assert Resident.get_by_id(resident.id).status == "aktif"
    ui.exitDateEdit.setDate(QDate(2026, 2, 1))
    qtbot.keyClicks(ui.exitReasonEdit, "Dijemput keluarga")
    click_save(qtbot, form)
    saved = Resident.get_by_id(resident.id)
    assert (saved.status, saved.exit_date, saved.exit_reason) == (
        "kembali_keluarga", dt.date(2026, 2, 1), "Dijemput keluarga")


def test_photo_is_scaled_stored_and_a_bad_file_is_refused(gui_app, db, system, qtbot, answers, tmp_path):
    big = QImage(1200, 1600, QImage.Format.Format_RGB32)
    big.fill(QColor("#3366aa"))
    photo = tmp_path / "foto.png"
    assert big.save(str(photo))
    not_an_image = tmp_path / "foto.jpg"
    not_an_image.write_bytes(b"this is not a picture")

    form = open_form(qtbot, system)
    ui = form.ui
    assert not form.load_photo_file(not_an_image)
    assert form.message_of("photo")
    assert form.load_photo_file(photo)
    assert not form.message_of("photo") and ui.removePhotoButton.isEnabled()
    assert not ui.photoLabel.pixmap().isNull()
    qtbot.keyClicks(ui.nameEdit, "Rina")
    qtbot.keyClicks(ui.nikEdit, "3201015501100002")
    choose(ui.sexCombo, "P")
    ui.birthDateEdit.setDate(QDate(2010, 1, 15))
    choose(ui.klasterCombo, "anak")
    click_save(qtbot, form)
    assert form.result() == QDialog.DialogCode.Accepted
    stored = residents_photo.get_photo(system, form.resident.id)
    image = QImage.fromData(stored)
    assert stored[:2] == b"\xff\xd8" and max(image.width(), image.height()) == 600

    # and removed again through the edit form
    edit = open_form(qtbot, system, form.resident.id)
    qtbot.mouseClick(edit.ui.removePhotoButton, Qt.MouseButton.LeftButton)
    click_save(qtbot, edit)
    assert residents_photo.get_photo(system, form.resident.id) is None


def test_form_fits_a_small_screen_at_150_percent(gui_app, db, system, qtbot, answers):
    form = open_form(qtbot, system)
    hint = form.minimumSizeHint()
    # 1366x768 at 150 % leaves about 910x480 logical pixels for a dialog.
    assert hint.width() <= 900 and hint.height() <= 480, hint


def test_cancel_asks_before_throwing_typing_away(gui_app, db, system, qtbot, answers, make_resident):
    resident = make_resident(name="Wahyu")
    form = open_form(qtbot, system, resident.id)
    cancel = form.ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.keyClicks(form.ui.nameEdit, " Hidayat")
    answers.reply = QMessageBox.StandardButton.No
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert form.isVisible() and [kind for kind, *_ in answers.calls] == ["question"]
    answers.reply = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not form.isVisible() and form.result() == QDialog.DialogCode.Rejected
    assert Resident.get_by_id(resident.id).name == "Wahyu"

    untouched = open_form(qtbot, system, resident.id)  # nothing typed: closes without asking
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)
    assert not untouched.isVisible() and len(answers.calls) == 2
