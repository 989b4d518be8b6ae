"""Possible duplicates of a PM: the same person typed or imported twice.

A NIK is unique, but many PMs have none, and a PM without NIK used to be
compared with nobody. Two records are *possibly the same person* when the
names match after folding them as the search does (case, accents, apostrophes
and spacing ignored) and either

- the birth dates are equal, or
- the family/guardian names ("Nama keluarga/wali", in practice usually the
  mother) match after the same folding.

Two PMs that both have a (different) NIK are different people and never
reported. This is a warning, never a refusal: twins and common names exist.

``possible_duplicates`` is a plain function over plain values, for the PM form
(through ``residents.create_resident`` / ``update_resident``) and for the
importer, which can call it per row with the row's values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from balai_app.db.models import Resident
from balai_app.domain.dates import format_short
from balai_app.domain.text import fold
from balai_app.i18n import tr
from balai_app.services.context import Actor
from balai_app.services.permissions import require


@dataclass(frozen=True)
class PossibleDuplicate:
    resident_id: int
    name: str
    birth_date: dt.date | None
    guardian_name: str
    has_nik: bool
    same_birth_date: bool
    same_guardian: bool

    @property
    def message(self) -> str:
        """One Indonesian sentence naming the existing PM and what matched."""
        if self.same_birth_date:
            why = tr("nama dan tanggal lahir ({d}) sama").format(d=format_short(self.birth_date))
        else:
            why = tr("nama dan nama keluarga/wali ({g}) sama").format(g=self.guardian_name)
        return tr("Mungkin orang yang sama dengan {name} (No. {id}): {why}.").format(
            name=self.name, id=self.resident_id, why=why)


def folded_name(text: str | None) -> str:
    """A name as the search compares it: folded, with single spaces."""
    return " ".join(fold(text or "").split())


def possible_duplicates(
    actor: Actor,
    name: str,
    birth_date: dt.date | None = None,
    guardian_name: str | None = None,
    *,
    nik: str | None = None,
    exclude_id: int | None = None,
    limit: int = 5,
) -> list[PossibleDuplicate]:
    """Existing PMs that may be the person described, closest first (at most ``limit``)."""
    require(actor, "residents.view")
    key = folded_name(name)
    if not key:
        return []
    guardian_key = folded_name(guardian_name)
    query = (Resident.select(Resident.id, Resident.name, Resident.birth_date, Resident.guardian_name, Resident.nik)
             .where(Resident.search_text.startswith(key)).order_by(Resident.id))
    if exclude_id is not None:
        query = query.where(Resident.id != exclude_id)
    found: list[PossibleDuplicate] = []
    for rid, other_name, other_birth, other_guardian, other_nik in query.tuples().iterator():
        if folded_name(other_name) != key:
            continue
        if nik and other_nik:
            continue  # both identified by NIK: different people
        same_birth = birth_date is not None and other_birth == birth_date
        same_guardian = bool(guardian_key) and folded_name(other_guardian) == guardian_key
        if same_birth or same_guardian:
            found.append(PossibleDuplicate(rid, other_name, other_birth, other_guardian or "", bool(other_nik),
                                           same_birth, same_guardian))
    found.sort(key=lambda d: (not (d.same_birth_date and d.same_guardian), not d.same_birth_date, d.resident_id))
    return found[:limit]
