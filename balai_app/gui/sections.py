"""The sidebar's sections. A section not built yet is simply not listed.

Each entry names its page class by import path, so a page's module (and its
heavy imports) loads only when the page is first opened.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    label: str  # Indonesian, passed through tr() when shown
    icon: str  # qtawesome name
    page: str  # "module:Class"; the class is built as Class(actor, parent)
    permission: str | None = None  # shown only to actors holding it


SECTIONS: list[Section] = [
    Section("home", "Beranda", "fa5s.home", "balai_app.gui.home.home:HomePage"),
    Section("residents", "Penerima Manfaat", "fa5s.users", "balai_app.gui.residents.residents_page:ResidentsPage",
            "residents.view"),
    Section("training", "Pelatihan", "fa5s.chalkboard-teacher", "balai_app.gui.training.training_page:TrainingPage",
            "training.view"),
    Section("sessions", "Sesi & Presensi", "fa5s.clipboard-check", "balai_app.gui.sessions.sessions_page:SessionsPage",
            "sessions.view"),
    Section("certificates", "Sertifikat", "fa5s.certificate", "balai_app.gui.certificates.certificates_page:CertificatesPage",
            "certificates.view"),
    Section("reports", "Laporan", "fa5s.chart-bar", "balai_app.gui.reports.reports_page:ReportsPage", "reports.view"),
    Section("partners", "Mitra", "fa5s.handshake", "balai_app.gui.aftercare.partners_page:PartnersPage",
            "partners.view"),
    Section("monthly", "Laporan Bulanan", "fa5s.calendar-alt",
            "balai_app.gui.reports.monthly_report_page:MonthlyReportPage", "reports.view"),
    Section("audit", "Jejak Audit", "fa5s.history", "balai_app.gui.audit.audit_page:AuditPage", "audit.view"),
    Section("settings", "Pengaturan", "fa5s.cog", "balai_app.gui.settings.settings_page:SettingsPage", "settings.view"),
]
