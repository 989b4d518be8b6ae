"""First start: the set-up wizard on an empty database."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtWidgets import QMessageBox, QWizard
from support.accounts import PASSWORD, make_profile

from balai_app.db.models import BalaiProfile, User
from balai_app.gui.start.setup_wizard import SetupWizard, needs_setup
from balai_app.services import accounts, profile


@pytest.fixture
def wizard(db, gui_app, fast_hashing, qtbot):
    w = SetupWizard()
    qtbot.addWidget(w)
    w.show()
    w.next()  # "Di komputer ini" (the server option: test_setup_wizard_server.py)
    return w


def fill_balai(ui, code="BRS-PL"):
    ui.nameEdit.setText("Sentra Terpadu \u201cPangudi Luhur\u201d")
    ui.codeEdit.setText(code)
    ui.addressEdit.setPlainText("Jl. H. Moeri No. 1")
    ui.cityEdit.setText("Bekasi")
    ui.phoneEdit.setText("(021) 8860000")


def test_first_start_is_needed_on_an_empty_database(db):
    assert needs_setup()


def test_wizard_checks_each_page_and_creates_profile_and_admin(wizard, tmp_path):
    ui = wizard.ui
    fill_balai(ui, code="BRS/PL")
    wizard.next()
    assert wizard.currentPage() is ui.balaiPage
    assert ui.codeError.isVisible() and "'/'" in ui.codeError.text()
    ui.codeEdit.setText("brs-pl")
    logo = tmp_path / "logo.png"
    Image.new("RGB", (900, 900), "navy").save(logo)
    wizard.set_logo_file(logo)
    assert not ui.logoPreview.pixmap().isNull()
    wizard.next()
    assert wizard.currentPage() is ui.headPage

    ui.headNameEdit.setText("Dr. Muh. Ma'ruf, M.Si.")
    ui.headNipEdit.setText("19751230200003100")
    wizard.next()
    assert wizard.currentPage() is ui.headPage and "18 digit" in ui.head_nipError.text()
    ui.headNipEdit.setText("197512302000031001")
    wizard.next()
    assert wizard.currentPage() is ui.adminPage

    ui.usernameEdit.setText("admin.balai")
    ui.fullNameEdit.setText("Sri Wahyuni")
    ui.passwordEdit.setText(PASSWORD)
    ui.repeatEdit.setText(PASSWORD + "x")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.isVisible() and "tidak sama" in ui.repeatError.text()
    ui.repeatEdit.setText(PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    info = profile.get_profile()
    assert (info.code, info.head_nip, info.city) == ("BRS-PL", "197512302000031001", "Bekasi")
    assert Image.open(io.BytesIO(bytes(info.logo))).size == (600, 600)
    assert wizard.signed.actor.username == "admin.balai" and wizard.signed.actor.role == "admin"
    assert not needs_setup()


def test_bad_logo_file_is_refused_beside_the_field(wizard, tmp_path):
    bogus = tmp_path / "logo.png"
    bogus.write_bytes(b"bukan gambar")
    wizard.set_logo_file(bogus)
    assert wizard.logo is None and "bukan gambar" in wizard.ui.logoError.text()


def test_demo_button_fills_the_database_with_the_demo(wizard, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.demo_created and wizard.result() == QWizard.DialogCode.Accepted
    assert BalaiProfile.get_by_id(1).is_demo
    assert {u.username for u in User.select()} >= {"admin", "staf", "instruktur"}
    assert wizard.signed is None  # the sign-in screen follows
    assert accounts.authenticate("instruktur", "demo").actor.role == "instruktur"


def test_admin_only_wizard_for_a_profile_without_accounts(db, gui_app, fast_hashing, qtbot):
    make_profile()
    w = SetupWizard(admin_only=True)
    qtbot.addWidget(w)
    w.show()
    assert w.currentPage() is w.ui.adminPage
    w.ui.usernameEdit.setText("kepala")
    w.ui.fullNameEdit.setText("Kepala")
    w.ui.passwordEdit.setText(PASSWORD)
    w.ui.repeatEdit.setText(PASSWORD)
    w.button(QWizard.WizardButton.FinishButton).click()
    assert w.result() == QWizard.DialogCode.Accepted and w.signed.actor.role == "admin"
