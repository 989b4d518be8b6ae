"""Pengaturan › Akun: a refused change is explained in a box, nothing else happens."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox
from support.accounts import make_account

from balai_app.gui.settings.users_tab import UsersTab
from balai_app.services import accounts


def test_an_admin_cannot_deactivate_their_own_account(db, qtbot, monkeypatch, fast_hashing):
    admin = make_account("admin", "rina")
    make_account("staf", "budi")
    tab = UsersTab(admin)
    qtbot.addWidget(tab)
    tab.select_username("rina")
    shown = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append((title, text)))
    tab.toggle_active()
    assert shown == [("Akun", "Anda tidak dapat menonaktifkan akun Anda sendiri.")]
    assert accounts.find_user(admin, "rina").active


def test_deactivating_another_account_works(db, qtbot, monkeypatch, fast_hashing):
    admin = make_account("admin", "rina")
    make_account("staf", "budi")
    tab = UsersTab(admin)
    qtbot.addWidget(tab)
    tab.select_username("budi")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: (_ for _ in ()).throw(AssertionError(a)))
    tab.toggle_active()
    assert not accounts.find_user(admin, "budi").active
