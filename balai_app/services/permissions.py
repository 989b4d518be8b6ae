"""Who may do what. Enforced in the services, not by hiding buttons.

``PERMISSIONS`` maps a permission name to the roles holding it. The system
actor (demo data, maintenance) holds every permission.
"""

from __future__ import annotations

from balai_app.domain.errors import PermissionDenied
from balai_app.i18n import tr
from balai_app.services.context import Actor

ALL = frozenset({"admin", "staf", "instruktur"})
OFFICE = frozenset({"admin", "staf"})
ADMIN = frozenset({"admin"})

PERMISSIONS: dict[str, frozenset[str]] = {
    "residents.view": OFFICE,
    "residents.edit": OFFICE,
    "residents.import": OFFICE,
    "residents.export": OFFICE,
    "residents.export_nik": OFFICE,
    "assessments.edit": OFFICE,
    "services.edit": OFFICE,
}

DESCRIPTIONS: dict[str, str] = {
    "residents.view": "melihat data Penerima Manfaat",
    "residents.edit": "mengubah data Penerima Manfaat",
    "residents.import": "mengimpor data Penerima Manfaat",
    "residents.export": "mengekspor data Penerima Manfaat",
    "residents.export_nik": "mengekspor NIK tanpa samaran",
    "assessments.edit": "mencatat asesmen",
    "services.edit": "mencatat layanan",
}


def allowed(actor: Actor, permission: str) -> bool:
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}")
    return actor.is_system or actor.role in PERMISSIONS[permission]


def require(actor: Actor, permission: str) -> None:
    if not allowed(actor, permission):
        what = tr(DESCRIPTIONS.get(permission, permission))
        raise PermissionDenied(tr("Anda ({user}) tidak berhak {what}.").format(user=actor.username, what=what))
