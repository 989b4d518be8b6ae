"""Who may do what. Enforced in the services, not by hiding buttons.

``PERMISSIONS`` maps a permission name to the roles holding it. The system
actor (demo data, maintenance) holds every permission.
"""

from __future__ import annotations

from typing import Any

from balai_app.domain.errors import PermissionDenied
from balai_app.i18n import tr
from balai_app.services.context import Actor

ALL = frozenset({"admin", "staf", "instruktur"})
OFFICE = frozenset({"admin", "staf"})
ADMIN = frozenset({"admin"})

# The roles a person can hold, with their labels (Indonesian, through tr() when shown).
ROLES: dict[str, str] = {
    "admin": "Admin",
    "staf": "Staf",
    "instruktur": "Instruktur",
}

PERMISSIONS: dict[str, frozenset[str]] = {
    "residents.view": OFFICE,
    "residents.edit": OFFICE,
    "residents.import": OFFICE,
    "residents.export": OFFICE,
    "residents.export_nik": OFFICE,
    "assessments.edit": OFFICE,
    "services.edit": OFFICE,
    # accounts, profile, settings, audit (issue 6)
    "accounts.manage": ADMIN,
    "accounts.trainers": OFFICE,
    "profile.edit": ADMIN,
    "settings.view": ADMIN,
    "settings.edit": ADMIN,
    "audit.view": ADMIN,
    "audit.export": ADMIN,
    "demo.create": ADMIN,
    # sessions, attendance, unit assessments (issue 4); an instruktur only for his own batches
    "sessions.view": ALL,
    "sessions.edit": ALL,
    "assess.edit": ALL,
    # backups and restore (issue 7)
    "backup.manage": ADMIN,
    "backup.restore": ADMIN,
    # competency certificates (issue 5)
    "certificates.view": OFFICE,
    "certificates.issue": ADMIN,
    "certificates.revoke": ADMIN,
    "certificates.print": ADMIN,
    # programs, batches, enrollment (issue 3); an instruktur sees only his own batches
    "training.view": ALL,
    # Laporan: PMs served by klaster and service
    "reports.view": OFFICE,
    "programs.edit": OFFICE,
    "batches.edit": OFFICE,
    "enrollment.edit": OFFICE,
    # after training (issue 15): partners, outcomes, aftercare, graduate profiles, rehab certificates
    "partners.view": OFFICE,
    "partners.edit": OFFICE,
    "outcomes.view": OFFICE,
    "outcomes.edit": OFFICE,
    "followups.view": OFFICE,
    "followups.edit": OFFICE,
    "profiles.consent": OFFICE,
    "profiles.print": OFFICE,
    "rehab_certificates.view": OFFICE,
    "rehab_certificates.issue": ADMIN,
    "rehab_certificates.revoke": ADMIN,
    "rehab_certificates.print": ADMIN,
}

DESCRIPTIONS: dict[str, str] = {
    "reports.view": "melihat laporan layanan",
    "residents.view": "melihat data Penerima Manfaat",
    "residents.edit": "mengubah data Penerima Manfaat",
    "residents.import": "mengimpor data Penerima Manfaat",
    "residents.export": "mengekspor data Penerima Manfaat",
    "residents.export_nik": "mengekspor NIK tanpa samaran",
    "assessments.edit": "mencatat asesmen",
    "services.edit": "mencatat layanan",
    "accounts.manage": "mengelola akun pengguna",
    "accounts.trainers": "melihat daftar instruktur",
    "profile.edit": "mengubah profil balai",
    "settings.view": "membuka pengaturan",
    "settings.edit": "mengubah pengaturan",
    "audit.view": "melihat jejak audit",
    "audit.export": "mengekspor jejak audit",
    "demo.create": "membuat data demo",
    "sessions.view": "melihat sesi, presensi dan progres pelatihan",
    "sessions.edit": "mencatat sesi dan presensi",
    "assess.edit": "mencatat penilaian unit kompetensi",
    "backup.manage": "mengelola cadangan basis data",
    "backup.restore": "memulihkan basis data dari cadangan",
    "certificates.view": "melihat register sertifikat",
    "certificates.issue": "menerbitkan sertifikat",
    "certificates.revoke": "mencabut sertifikat",
    "certificates.print": "mencetak sertifikat",
    "training.view": "melihat program dan angkatan pelatihan",
    "programs.edit": "mengubah program pelatihan dan unit kompetensi",
    "batches.edit": "mengubah angkatan pelatihan",
    "enrollment.edit": "mendaftarkan peserta pelatihan",
    "partners.view": "melihat daftar mitra",
    "partners.edit": "mengubah data mitra",
    "outcomes.view": "melihat hasil setelah pelatihan",
    "outcomes.edit": "mencatat hasil setelah pelatihan",
    "followups.view": "melihat bimbingan lanjut",
    "followups.edit": "mencatat bimbingan lanjut",
    "profiles.consent": "mencatat persetujuan profil lulusan",
    "profiles.print": "mencetak profil lulusan",
    "rehab_certificates.view": "melihat sertifikat rehabilitasi sosial",
    "rehab_certificates.issue": "menerbitkan sertifikat rehabilitasi sosial",
    "rehab_certificates.revoke": "mencabut sertifikat rehabilitasi sosial",
    "rehab_certificates.print": "mencetak sertifikat rehabilitasi sosial",
}


def allowed(actor: Actor, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return actor.is_system or actor.role in PERMISSIONS[permission]


def require(actor: Actor, permission: str) -> None:
    if not allowed(actor, permission):
        what = tr(DESCRIPTIONS.get(permission, permission))
        raise PermissionDenied(tr("Anda ({user}) tidak berhak {what}.").format(user=actor.username, what=what))


def require_trainer_scope(actor: Actor, permission: str, trainer_id: int | None) -> None:
    """``require`` plus the trainer's limit: an instruktur reaches only the
    batches they train (``trainer_id`` is the batch's trainer). Office roles
    and the system reach every batch."""
    require(actor, permission)
    if actor.role == "instruktur" and (trainer_id is None or trainer_id != actor.user_id):
        raise PermissionDenied(
            tr("Anda ({user}) hanya dapat membuka angkatan yang Anda latih.").format(user=actor.username)
        )


def limit_to_own_batches(query: Any, actor: Actor, trainer_field: Any) -> Any:
    """``query`` narrowed, for an instruktur, to the batches they train (``trainer_field``
    is the query's ``Batch.trainer``); office roles and the system keep every row. The
    list form of ``require_trainer_scope``."""
    if actor.role == "instruktur":
        return query.where(trainer_field == (actor.user_id or 0))
    return query


def role_label(role: str) -> str:
    return tr(ROLES.get(role, "Sistem" if role == "system" else role))
