"""A PM at termination whose file holds everything a social-rehabilitation certificate must never
print (klaster NAPZA, the exit reason, address, referral, case notes, disability, therapy), and
those words (``SECRETS``) for the tests to look for."""

from __future__ import annotations

from support.accounts import make_profile
from support.certificates import jpeg

from balai_app.db.models import Resident, ResidentPhoto
from balai_app.services import casework
from balai_app.services.context import Actor

SECRETS = ["Korban Penyalahgunaan NAPZA", "NAPZA", "napza", "Disabilitas", "Rehabilitasi pecandu sabu",
           "Jl. Rahasia 9", "Satpol PP", "Catatan kasus", "3201011501900001", "Terapi mental spiritual",
           "aksesibilitas"]


def make_terminated(system: Actor, make_resident) -> Resident:
    make_profile()
    r = make_resident(name="Yohanes Sembiring", klaster="napza", nik="3201011501900001", birth_date="15-01-1990",
                      birth_place="Medan", entry_date="2026-01-05", status="selesai", exit_date="2026-06-30",
                      exit_reason="Rehabilitasi pecandu sabu tuntas", address="Jl. Rahasia 9",
                      referral_source="Satpol PP", notes="Catatan kasus", disabilities="fisik")
    ResidentPhoto.create(resident=r.id, image=jpeg())
    for kind, sub in (("terapi", "mental_spiritual"), ("vokasional", None), ("aksesibilitas", None)):
        casework.add_service(system, r.id, {"date": "2026-02-01", "kind": kind, "subkind": sub,
                                             "description": "x"}, confirm_warnings=True)
    return r
