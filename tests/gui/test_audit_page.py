"""The admin screens: Jejak Audit, Pengaturan → Pengguna and Profil balai."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from support.accounts import make_account, make_profile

from balai_app.db.models import AuditEvent, User
from balai_app.gui.audit.audit_page import AuditPage
from balai_app.gui.settings.profile_tab import ProfileTab
from balai_app.gui.settings.users_tab import UserDialog, UsersTab
from balai_app.services import accounts, audit, profile, residents


@pytest.fixture
def admin(db, gui_app, fast_hashing):
    make_profile()
    return make_account("admin", "kepala")


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered Yes; their texts kept."""
    shown = []
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(
            lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, text)) or QMessageBox.StandardButton.Yes))
    return shown


def test_audit_page_shows_todays_changes_and_filters(admin, make_resident, qtbot):
    staf = make_account("staf", "rina")
    person = make_resident(name="Ni Luh Putu Ayu")
    residents.update_resident(staf, person.id, {"address": "Jl. Kenanga 3"}, expected_version=person.version)
    page = AuditPage(admin)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.model.rowCount() == AuditEvent.select().count()
    page.show_today()
    assert page.model.total == AuditEvent.select().count()
    page.ui.userCombo.setCurrentIndex(page.ui.userCombo.findData("rina"))
    assert [r.username for r in page.model.rows()] == ["rina"]
    assert page.model.index(0, 2).data() == "Mengubah" and page.model.index(0, 3).data() == "Penerima Manfaat"
    page.ui.auditTable.setCurrentIndex(page.model.index(0, 0))
    detail = page.ui.detailView.toPlainText()
    assert "Alamat" in detail and "address" not in detail and "Jl. Kenanga 3" in detail and "Nilai lama" in detail
    page.reset_filters()
    page.ui.idEdit.setText(str(person.id))
    page.ui.entityCombo.setCurrentIndex(page.ui.entityCombo.findData("resident"))
    page.apply()
    assert {(r.action, r.entity_id) for r in page.model.rows()} == {("create", person.id), ("update", person.id)}
    assert page.ui.countLabel.text() == "2 catatan"


def test_audit_page_pages_through_a_long_trail(admin, qtbot):
    from balai_app.db.connection import write_transaction

    with write_transaction():
        for n in range(450):
            audit.record(admin, "update", "resident", n, f"baris {n}")
    page = AuditPage(admin)
    qtbot.addWidget(page)
    page.refresh()
    assert page.model.rowCount() == 200 and page.model.canFetchMore()
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == page.model.total == AuditEvent.select().count()


def test_audit_export_from_the_screen(admin, qtbot, tmp_path, monkeypatch, answers):
    target = tmp_path / "jejak.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    page = AuditPage(admin)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.mouseClick(page.ui.exportButton, Qt.MouseButton.LeftButton)
    assert target.exists() and answers[-1][0] == "information"
    assert AuditEvent.select().where(AuditEvent.action == "export").count() == 1


def test_users_tab_add_reset_deactivate(admin, qtbot, answers):
    tab = UsersTab(admin)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.mouseClick(tab.ui.addButton, Qt.MouseButton.LeftButton)
    dialog: UserDialog = tab.dialog
    ui = dialog.ui
    qtbot.keyClicks(ui.usernameEdit, "rina")
    qtbot.keyClicks(ui.fullNameEdit, "Rina Kartika, S.Tr.Sos.")
    ui.roleCombo.setCurrentIndex(ui.roleCombo.findData("staf"))
    assert "tidak menerbitkan" in ui.roleHelp.text()
    qtbot.keyClicks(ui.passwordEdit, "pendek")
    qtbot.keyClicks(ui.repeatEdit, "pendek")
    ui.buttonBox.accepted.emit()
    assert dialog.isVisible() and "minimal 8" in ui.passwordError.text()
    ui.passwordEdit.setText("sementara-1")
    ui.repeatEdit.setText("sementara-1")
    ui.buttonBox.accepted.emit()
    assert not dialog.isVisible()
    assert [r.username for r in tab.model.rows()] == ["kepala", "rina"]
    assert "wajib ganti kata sandi" in tab.model.index(1, 3).data()

    tab.select_username("rina")
    qtbot.mouseClick(tab.ui.resetButton, Qt.MouseButton.LeftButton)
    temporary = answers[-1][1].split("\n\n")[1]
    assert len(temporary) == 14 and accounts.authenticate("rina", temporary).must_change_password

    tab.select_username("rina")
    assert tab.ui.activeButton.text() == "Nonaktifkan"
    qtbot.mouseClick(tab.ui.activeButton, Qt.MouseButton.LeftButton)
    assert not User.get(User.username == "rina").active
    assert tab.model.index(1, 3).data().startswith("nonaktif")
    tab.select_username("kepala")
    qtbot.mouseClick(tab.ui.activeButton, Qt.MouseButton.LeftButton)
    assert answers[-1][0] == "warning" and "sendiri" in answers[-1][1]


def test_profile_tab_saves_and_shows_errors_beside_fields(admin, qtbot):
    tab = ProfileTab(admin)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.ui.nameEdit.text() == "Balai Uji" and tab.ui.idleSpin.value() == 10
    tab.ui.headNipEdit.setText("123")
    tab.ui.idleSpin.setValue(5)
    qtbot.mouseClick(tab.ui.saveButton, Qt.MouseButton.LeftButton)
    assert tab.ui.head_nipError.isVisible() and "18 digit" in tab.ui.head_nipError.text()
    assert profile.get_profile().head_nip == "196805121990032001"
    assert profile.idle_lock_minutes() == 10  # nothing half-saved
    tab.ui.headNipEdit.setText("196805121990032001")
    tab.ui.cityEdit.setText("Kabupaten Bogor")
    qtbot.mouseClick(tab.ui.saveButton, Qt.MouseButton.LeftButton)
    assert tab.ui.messageLabel.text() == "Tersimpan."
    assert profile.get_profile().city == "Kabupaten Bogor" and profile.idle_lock_minutes() == 5
