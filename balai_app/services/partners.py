"""The partner register (mitra): companies, LKS, LSP and offices the balai works with.

Admin and staf edit partners; an instruktur sees none. Every change is audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import Outcome, Partner, utcnow
from balai_app.domain import codes
from balai_app.domain.errors import NotFound, StaleRecord, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

LABELS = {
    "name": "Nama mitra",
    "kind": "Jenis mitra",
    "address": "Alamat",
    "contact_name": "Narahubung",
    "contact_phone": "Telepon narahubung",
    "agreement_number": "Nomor perjanjian kerja sama",
    "agreement_start": "Tanggal mulai perjanjian",
    "agreement_end": "Tanggal berakhir perjanjian",
    "agreement_scope": "Ruang lingkup kerja sama",
    "active": "Status kerja sama",
    "notes": "Catatan",
}
FIELDS = list(LABELS)


@dataclass(frozen=True)
class PartnerRow:
    id: int
    name: str
    kind: str
    address: str
    contact_name: str
    contact_phone: str
    agreement_number: str
    agreement_start: dt.date | None
    agreement_end: dt.date | None
    agreement_scope: str
    active: bool
    notes: str
    version: int
    placements: int = 0  # outcomes (bekerja, magang) at this partner

    @property
    def kind_label(self) -> str:
        return codes.label(codes.PARTNER_KINDS, self.kind)


def _row(partner: Partner, placements: int = 0) -> PartnerRow:
    return PartnerRow(
        id=partner.id, name=partner.name, kind=partner.kind, address=partner.address,
        contact_name=partner.contact_name, contact_phone=partner.contact_phone,
        agreement_number=partner.agreement_number, agreement_start=partner.agreement_start,
        agreement_end=partner.agreement_end, agreement_scope=partner.agreement_scope, active=bool(partner.active),
        notes=partner.notes, version=partner.version, placements=placements,
    )


def _boolean(value: Any, label: str) -> bool:
    if value is None or value == "":
        return True
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "ya", "aktif", "true", "yes"):
        return True
    if text in ("0", "tidak", "berakhir", "nonaktif", "false", "no"):
        return False
    raise v.FieldError(tr("{label} tidak dikenal: '{value}'.").format(label=label, value=str(value)[:50]))


def clean(data: dict[str, Any]) -> dict[str, Any]:
    c = v.Collector()
    L = lambda name: tr(LABELS[name])  # noqa: E731
    out = {
        "name": c.take("name", v.text, data.get("name"), L("name"), required=True, max_length=200),
        "kind": c.take("kind", v.choice, data.get("kind"), L("kind"), codes.PARTNER_KINDS),
        "address": c.take("address", v.text, data.get("address"), L("address"), max_length=500, multiline=True),
        "contact_name": c.take("contact_name", v.text, data.get("contact_name"), L("contact_name")),
        "contact_phone": c.take("contact_phone", v.phone, data.get("contact_phone"), L("contact_phone")),
        "agreement_number": c.take("agreement_number", v.text, data.get("agreement_number"), L("agreement_number"),
                                   max_length=100),
        "agreement_start": c.take("agreement_start", v.date, data.get("agreement_start"), L("agreement_start")),
        "agreement_end": c.take("agreement_end", v.date, data.get("agreement_end"), L("agreement_end")),
        "agreement_scope": c.take("agreement_scope", v.text, data.get("agreement_scope"), L("agreement_scope"),
                                  max_length=2000, multiline=True),
        "active": c.take("active", _boolean, data.get("active"), L("active")),
        "notes": c.take("notes", v.text, data.get("notes"), L("notes"), max_length=2000, multiline=True),
    }
    if out["agreement_start"] and out["agreement_end"] and out["agreement_end"] < out["agreement_start"]:
        c.error("agreement_end", tr("Tanggal berakhir perjanjian tidak boleh sebelum tanggal mulainya."))
    c.raise_if_any()
    return out


def _as_dict(partner: Partner) -> dict[str, Any]:
    return {name: getattr(partner, name) for name in FIELDS}


def _check_name_free(name: str, partner_id: int | None) -> None:
    query = Partner.select(Partner.id).where(fn.LOWER(Partner.name) == name.lower())
    if partner_id is not None:
        query = query.where(Partner.id != partner_id)
    if query.exists():
        raise ValidationError({"name": tr("Mitra bernama '{name}' sudah terdaftar.").format(name=name)})


def create_partner(actor: Actor, data: dict[str, Any]) -> PartnerRow:
    require(actor, "partners.edit")
    cleaned = clean(data)
    with write_transaction():
        _check_name_free(cleaned["name"], None)
        partner = Partner.create(**cleaned)
        audit.record(actor, "create", "partner", partner.id, partner.name, audit.diff({}, cleaned))
    return _row(partner)


def update_partner(actor: Actor, partner_id: int, data: dict[str, Any], *, expected_version: int) -> PartnerRow:
    """Save changes (``data`` may hold only the fields to change); refused when stale."""
    require(actor, "partners.edit")
    current = _get(partner_id)
    cleaned = clean({**_as_dict(current), **data})
    with write_transaction():
        _check_name_free(cleaned["name"], partner_id)
        changed = (
            Partner.update(**cleaned, updated_at=utcnow(), version=Partner.version + 1)
            .where((Partner.id == partner_id) & (Partner.version == expected_version))
            .execute()
        )
        if changed != 1:
            raise StaleRecord(tr("Data mitra {name} telah diubah oleh orang lain sejak dibuka; buka kembali lalu "
                                 "ulangi.").format(name=current.name))
        changes = audit.diff(_as_dict(current), cleaned)
        if changes:
            audit.record(actor, "update", "partner", partner_id, cleaned["name"], changes)
    return get_partner(actor, partner_id)


def _get(partner_id: int) -> Partner:
    key = v.record_id(partner_id)
    partner = Partner.get_or_none(Partner.id == key) if key is not None else None
    if partner is None:
        raise NotFound(tr("Mitra No. {id} tidak ditemukan.").format(id=str(partner_id)[:20]))
    return partner


def get_partner(actor: Actor, partner_id: int) -> PartnerRow:
    require(actor, "partners.view")
    return _row(_get(partner_id), _placements().get(int(partner_id), 0))


def _placements() -> dict[int, int]:
    query = (Outcome.select(Outcome.partner, fn.COUNT(Outcome.id))
             .where(Outcome.partner.is_null(False) & Outcome.kind.in_(("bekerja", "magang")))
             .group_by(Outcome.partner))
    return {partner_id: n for partner_id, n in query.tuples()}


def list_partners(actor: Actor, *, include_ended: bool = True, text: str = "") -> list[PartnerRow]:
    """Every partner, active first, by name."""
    require(actor, "partners.view")
    query = Partner.select()
    if not include_ended:
        query = query.where(Partner.active == True)  # noqa: E712
    words = text.casefold().split()
    placements = _placements()
    rows = [_row(p, placements.get(p.id, 0)) for p in query.order_by(Partner.active.desc(), Partner.name)]
    if words:
        rows = [r for r in rows if all(w in f"{r.name} {r.contact_name} {r.address}".casefold() for w in words)]
    return rows
