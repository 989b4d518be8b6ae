"""Pengaturan: one tab per concern, each tab a widget ``Tab(actor, parent)``.

Tabs are listed by import path in ``TABS`` and shown only to actors holding
the tab's permission.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from balai_app.i18n import tr
from balai_app.services.context import Actor
from balai_app.services.permissions import allowed

# (label, "module:Class", permission or None)
TABS: list[tuple[str, str, str | None]] = [
    ("Profil balai", "balai_app.gui.settings.profile_tab:ProfileTab", "profile.edit"),
    ("Pengguna", "balai_app.gui.settings.users_tab:UsersTab", "accounts.manage"),
    ("Cadangan", "balai_app.gui.settings.backup_tab:BackupTab", "backup.manage"),
    ("Sertifikat", "balai_app.gui.settings.certificate_settings:CertificateSettingsTab", "certificates.issue"),
]


class SettingsPage(QWidget):
    def __init__(self, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.actor = actor
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs)
        for label, target, permission in TABS:
            if permission and not allowed(actor, permission):
                continue
            module_name, class_name = target.split(":")
            widget = getattr(importlib.import_module(module_name), class_name)(actor, self)
            self.tabs.addTab(widget, tr(label))

    def refresh(self) -> None:
        current = self.tabs.currentWidget()
        if current is not None and hasattr(current, "refresh"):
            current.refresh()
