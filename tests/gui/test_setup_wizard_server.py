"""First start: the set-up wizard's "Basis data di server (beberapa komputer)" (issue 16).

Real server (the test PostgreSQL of ``tests/pg_engine.py``), real widgets; the
connection test runs on a thread and its answer is waited for.
"""

from __future__ import annotations

import pytest
from peewee import PostgresqlDatabase, SqliteDatabase
from PySide6.QtWidgets import QApplication, QWizard
from support.accounts import PASSWORD

from balai_app import paths
from balai_app.db.models import database
from balai_app.db.server import parse_url
from balai_app.gui.start.setup_wizard import SetupWizard
from balai_app.services import accounts, profile

pytestmark = pytest.mark.usefixtures("fast_hashing")


@pytest.fixture
def wizard(db, gui_app, qtbot):
    w = SetupWizard()
    qtbot.addWidget(w)
    w.show()
    yield w
    from balai_app.db.connection import close_database

    close_database()


def fill_server(page, url, password=""):
    address = parse_url(url)
    page.serverRadio.setChecked(True)
    page.hostEdit.setText(address.host)
    page.portSpin.setValue(address.port)
    page.dbnameEdit.setText(address.dbname)
    page.userEdit.setText(address.user)
    page.passwordEdit.setText(password)


def run_test(qtbot, page):
    page.testButton.click()
    qtbot.waitUntil(lambda: page.last_check is not None and not page.is_testing(), timeout=20_000)
    QApplication.processEvents()  # the relayout the answer's text asked for
    return page.last_check


def test_the_wizard_starts_by_asking_where_the_data_lives(wizard, tmp_path):
    page = wizard.server_page
    assert wizard.currentPage() is page
    assert page.localRadio.isChecked() and not page.serverBox.isEnabled()
    assert "Basis data di server (beberapa komputer)" in page.serverRadio.text()
    page.serverRadio.setChecked(True)
    assert page.serverBox.isEnabled()
    wizard.grab().save(str(tmp_path / "wizard_server_page.png"))
    page.localRadio.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.ui.balaiPage
    assert paths.saved_server() is None and isinstance(database.obj, SqliteDatabase)


def test_the_fields_are_checked_beside_each_one(wizard):
    page = wizard.server_page
    page.serverRadio.setChecked(True)
    page.dbnameEdit.setText("")
    page.hostEdit.setText("server kantor")
    wizard.next()
    assert wizard.currentPage() is page
    assert "spasi" in page.errors["host"].text() and page.errors["host"].isVisible()
    assert "wajib" in page.errors["dbname"].text() and "wajib" in page.errors["user"].text()


def test_wrong_password_and_missing_database_are_explained_and_block_going_on(wizard, qtbot, pg_empty_database,
                                                                             tmp_path):
    page = wizard.server_page
    fill_server(page, pg_empty_database, password="salah-sekali")
    wizard.next()  # without a passed test the wizard tests first and stays
    assert wizard.currentPage() is page
    qtbot.waitUntil(lambda: page.last_check is not None and not page.is_testing(), timeout=20_000)
    assert page.last_check.kind == "auth"
    assert "kata sandi salah" in page.resultLabel.text() and page.errors["password"].isVisible()
    wizard.grab().save(str(tmp_path / "wizard_server_wrong_password.png"))
    wizard.next()
    assert wizard.currentPage() is page and paths.saved_server() is None

    page.passwordEdit.setText("")  # the pgpass file of this PC answers
    page.dbnameEdit.setText(parse_url(pg_empty_database).dbname + "_hilang")
    assert page.resultLabel.text() == ""  # a changed field drops the old answer
    assert run_test(qtbot, page).kind == "no_database"
    assert "tidak ada di server" in page.resultLabel.text()
    wizard.next()
    assert wizard.currentPage() is page
    assert isinstance(database.obj, SqliteDatabase)


def test_an_empty_server_database_is_set_up_then_the_balai_pages_follow(wizard, qtbot, pg_empty_database, tmp_path):
    page = wizard.server_page
    fill_server(page, pg_empty_database)
    check = run_test(qtbot, page)
    assert check.ok and check.kind == "empty" and "masih kosong" in page.resultLabel.text()
    wizard.grab().save(str(tmp_path / "wizard_server_ok.png"))
    wizard.next()
    assert wizard.currentPage() is wizard.ui.balaiPage
    assert isinstance(database.obj, PostgresqlDatabase)
    assert paths.saved_server() == parse_url(pg_empty_database).url
    assert paths.database_location() == parse_url(pg_empty_database).url

    ui = wizard.ui
    ui.nameEdit.setText("Sentra Terpadu Pangudi Luhur")
    ui.codeEdit.setText("BRS-PL")
    ui.cityEdit.setText("Bekasi")
    wizard.next()
    ui.headNameEdit.setText("Dr. Muh. Ma'ruf, M.Si.")
    ui.headNipEdit.setText("197512302000031001")
    wizard.next()
    ui.usernameEdit.setText("admin.balai")
    ui.fullNameEdit.setText("Sri Wahyuni")
    ui.passwordEdit.setText(PASSWORD)
    ui.repeatEdit.setText(PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QWizard.DialogCode.Accepted
    assert wizard.signed.actor.username == "admin.balai"
    # Written on the server: a new connection reads the profile and the account.
    from balai_app.db.connection import close_database, open_database

    close_database()
    open_database(pg_empty_database, create=False)
    assert profile.get_profile().code == "BRS-PL" and accounts.has_accounts()


def test_a_server_that_holds_a_balai_goes_straight_to_the_sign_in(wizard, qtbot, pg_database):
    from support.accounts import make_account, make_profile

    from balai_app.db.connection import close_database, open_database

    local = database.obj
    open_database(pg_database)
    make_profile()
    make_account("admin", "admin.server")
    close_database()
    database.initialize(local)

    page = wizard.server_page
    fill_server(page, pg_database)
    check = run_test(qtbot, page)
    assert check.ok and check.kind == "ready" and "0 PM" in page.resultLabel.text()
    wizard.next()
    assert wizard.result() == QWizard.DialogCode.Accepted and wizard.signed is None and wizard.server_ready
    assert isinstance(database.obj, PostgresqlDatabase) and profile.is_initialised()


def test_back_to_this_pc_after_choosing_the_server_forgets_it(wizard, qtbot, pg_empty_database):
    page = wizard.server_page
    fill_server(page, pg_empty_database)
    run_test(qtbot, page)
    wizard.next()
    assert paths.saved_server() is not None
    wizard.back()
    page.localRadio.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.ui.balaiPage
    assert paths.saved_server() is None and isinstance(database.obj, SqliteDatabase)


def test_cancel_after_choosing_the_server_keeps_this_pc_on_its_file(wizard, qtbot, pg_empty_database):
    page = wizard.server_page
    fill_server(page, pg_empty_database)
    run_test(qtbot, page)
    wizard.next()
    wizard.reject()
    assert paths.saved_server() is None and isinstance(database.obj, SqliteDatabase)
    assert paths.database_location() == paths.database_path()
