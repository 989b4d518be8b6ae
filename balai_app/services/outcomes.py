"""Outcomes after training or leaving: bekerja, magang, wirausaha, pendidikan, ...

Outcomes are append-only. A PM may have several over time (an internship, then
a job); a mistake is corrected by recording a newer outcome that names the one
it corrects, and the corrected one stays in the history, marked as corrected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from peewee import JOIN

from balai_app.db.connection import write_transaction
from balai_app.db.models import Enrollment, Outcome, Partner, Resident, User
from balai_app.domain import codes
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

LABELS = {
    "date": "Tanggal",
    "kind": "Jenis hasil",
    "partner": "Mitra",
    "employer": "Tempat kerja/lembaga",
    "position": "Jabatan/posisi",
    "start_date": "Tanggal mulai",
    "end_date": "Tanggal selesai",
    "wage_band": "Kisaran upah",
    "business_kind": "Jenis usaha",
    "support_received": "Bantuan modal/alat",
    "support_programme": "Program bantuan",
    "support_value": "Nilai bantuan (Rp)",
    "note": "Catatan",
    "corrects": "Mengoreksi hasil No.",
}

MAX_SUPPORT_VALUE = 10_000_000_000  # Rp 10 miliar: anything above is a typing error


@dataclass(frozen=True)
class OutcomeRow:
    id: int
    resident_id: int
    resident_name: str
    date: dt.date
    kind: str
    partner_id: int | None
    partner_name: str
    employer: str
    position: str
    start_date: dt.date | None
    end_date: dt.date | None
    wage_band: str
    business_kind: str
    support_received: bool
    support_programme: str
    support_value: int | None
    note: str
    corrects_id: int | None
    corrected: bool  # a newer outcome corrects this one
    recorded_by: str
    created_at: dt.datetime

    @property
    def kind_label(self) -> str:
        return codes.label(codes.OUTCOME_KINDS, self.kind)

    @property
    def place(self) -> str:
        """Where: the partner, else the employer/school typed in."""
        return self.partner_name or self.employer

    def summary(self) -> str:
        """One line for lists: 'Bekerja — Bank Mandiri, Agen contact center'."""
        if self.kind in ("bekerja", "magang", "pendidikan"):
            detail = ", ".join(x for x in (self.place, self.position) if x)
        elif self.kind == "wirausaha":
            detail = self.business_kind
            if self.support_received:
                detail += " " + tr("(bantuan {p})").format(p=self.support_programme or tr("modal/alat"))
        else:
            detail = ""
        return f"{self.kind_label} — {detail}" if detail else self.kind_label


def _rows(query) -> list[OutcomeRow]:
    out: dict[int, OutcomeRow] = {}
    for o in query.objects():
        if o.id in out:
            continue
        out[o.id] = OutcomeRow(
            id=o.id, resident_id=o.resident_id, resident_name=o.name, date=o.date, kind=o.kind,
            partner_id=o.partner_id, partner_name=getattr(o, "partner_name", None) or "",
            employer=o.employer, position=o.position, start_date=o.start_date, end_date=o.end_date,
            wage_band=o.wage_band, business_kind=o.business_kind, support_received=bool(o.support_received),
            support_programme=o.support_programme, support_value=o.support_value, note=o.note,
            corrects_id=o.corrects_id, corrected=o.corrector_id is not None,
            recorded_by=o.full_name or "", created_at=o.created_at,
        )
    return list(out.values())


def _select():
    corrector = Outcome.alias("corrector")
    return (
        Outcome.select(Outcome, Resident.name.alias("name"), Partner.name.alias("partner_name"),
                       User.full_name.alias("full_name"), corrector.id.alias("corrector_id"))
        .join(Resident, on=(Outcome.resident == Resident.id))
        .switch(Outcome).join(Partner, JOIN.LEFT_OUTER, on=(Outcome.partner == Partner.id))
        .switch(Outcome).join(User, JOIN.LEFT_OUTER, on=(Outcome.created_by == User.id))
        .switch(Outcome).join(corrector, JOIN.LEFT_OUTER, on=(corrector.corrects == Outcome.id))
    )


def eligible(resident: Resident) -> bool:
    """A PM who finished a batch (lulus) or left the balai."""
    if resident.exit_date is not None or resident.status != "aktif":
        return True
    return Enrollment.select().where((Enrollment.resident == resident.id) & (Enrollment.status == "lulus")).exists()


def _money(value: Any, label: str) -> int | None:
    if isinstance(value, str):
        value = value.strip().replace("Rp", "").replace(".", "").replace(" ", "").replace(",00", "")
    return v.integer(value, label, minimum=0, maximum=MAX_SUPPORT_VALUE)


def _flag(value: Any, label: str) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "ya", "y", "true", "yes"):
        return True
    if text in ("0", "tidak", "t", "false", "no"):
        return False
    raise v.FieldError(tr("{label}: isi 'ya' atau 'tidak'.").format(label=label))


def _partner(value: Any, label: str) -> int | None:
    if value is None or value == "":
        return None
    key = v.record_id(value)
    if key is None or not Partner.select().where(Partner.id == key).exists():
        raise v.FieldError(tr("{label} No. '{value}' tidak terdaftar.").format(label=label, value=str(value)[:20]))
    return key


def clean(data: dict[str, Any], resident: Resident) -> dict[str, Any]:
    """Validate one outcome; only the fields its kind uses are kept."""
    c = v.Collector()
    L = lambda name: tr(LABELS[name])  # noqa: E731
    kind = c.take("kind", v.choice, data.get("kind"), L("kind"), codes.OUTCOME_KINDS)
    out: dict[str, Any] = {
        "kind": kind,
        "date": c.take("date", v.date, data.get("date") or dt.date.today(), L("date"), required=True, not_future=True),
        "note": c.take("note", v.text, data.get("note"), L("note"), max_length=2000, multiline=True),
        "partner": None, "employer": "", "position": "", "start_date": None, "end_date": None, "wage_band": "",
        "business_kind": "", "support_received": False, "support_programme": "", "support_value": None,
    }
    if out["date"] and out["date"] < resident.entry_date:
        c.error("date", tr("Tanggal tidak boleh sebelum tanggal masuk PM ({d}).").format(d=resident.entry_date))
    if kind in ("bekerja", "magang", "pendidikan"):
        out["partner"] = c.take("partner", _partner, data.get("partner"), L("partner"))
        out["employer"] = c.take("employer", v.text, data.get("employer"), L("employer"))
        if kind != "pendidikan" and not out["partner"] and not out["employer"] and "partner" not in c.errors:
            c.error("employer", tr("Pilih mitra atau isi nama tempat kerja."))
    if kind in ("bekerja", "magang"):
        out["position"] = c.take("position", v.text, data.get("position"), L("position"))
        out["start_date"] = c.take("start_date", v.date, data.get("start_date") or out["date"], L("start_date"),
                                   required=True)
    if kind == "bekerja":
        out["wage_band"] = c.take("wage_band", v.choice, data.get("wage_band"), L("wage_band"), codes.WAGE_BANDS,
                                  required=False)
    if kind == "magang":
        out["end_date"] = c.take("end_date", v.date, data.get("end_date"), L("end_date"), required=True)
        if out["start_date"] and out["end_date"] and out["end_date"] < out["start_date"]:
            c.error("end_date", tr("Tanggal selesai magang tidak boleh sebelum tanggal mulainya."))
    if kind == "wirausaha":
        out["business_kind"] = c.take("business_kind", v.text, data.get("business_kind"), L("business_kind"),
                                      required=True)
        out["support_received"] = c.take("support_received", _flag, data.get("support_received"),
                                         L("support_received"))
        if out["support_received"]:
            out["support_programme"] = c.take("support_programme", v.text, data.get("support_programme"),
                                              L("support_programme"), required=True, max_length=100)
            out["support_value"] = c.take("support_value", _money, data.get("support_value"), L("support_value"))
    corrects = data.get("corrects")
    out["corrects"] = None
    if corrects not in (None, ""):
        key = v.record_id(corrects)
        target = Outcome.get_or_none(Outcome.id == key) if key is not None else None
        if target is None or target.resident_id != resident.id:
            c.error("corrects", tr("Hasil No. '{n}' tidak ada pada PM ini.").format(n=str(corrects)[:20]))
        elif Outcome.select().where(Outcome.corrects == target.id).exists():
            c.error("corrects", tr("Hasil No. {n} sudah pernah dikoreksi; koreksi hasil yang terbaru.").format(
                n=target.id))
        else:
            out["corrects"] = target.id
    c.raise_if_any()
    return out


def _resident(resident_id: int) -> Resident:
    key = v.record_id(resident_id)
    resident = Resident.get_or_none(Resident.id == key) if key is not None else None
    if resident is None:
        raise NotFound(tr("Penerima Manfaat No. {id} tidak ditemukan.").format(id=str(resident_id)[:20]))
    return resident


def add_outcome(actor: Actor, resident_id: int, data: dict[str, Any]) -> OutcomeRow:
    """Record an outcome (or, with ``data['corrects']``, a correction of an earlier one)."""
    require(actor, "outcomes.edit")
    resident = _resident(resident_id)
    if not eligible(resident):
        raise ValidationError({"resident": tr(
            "{name} belum lulus dari angkatan mana pun dan masih aktif di balai; hasil setelah pelatihan dicatat "
            "setelah PM lulus atau keluar.").format(name=resident.name)})
    cleaned = clean(data, resident)
    with write_transaction():
        if cleaned["corrects"] and Outcome.select().where(Outcome.corrects == cleaned["corrects"]).exists():
            raise ValidationError({"corrects": tr("Hasil No. {n} baru saja dikoreksi oleh orang lain; buka kembali lalu ulangi.").format(
                n=cleaned["corrects"])})
        row = Outcome.create(resident=resident.id, created_by=actor.user_id, **cleaned)
        summary = resident.name + (tr(" (koreksi hasil No. {n})").format(n=cleaned["corrects"])
                                   if cleaned["corrects"] else "")
        audit.record(actor, "create", "outcome", row.id, summary,
                     audit.diff({}, {k: val for k, val in cleaned.items() if val not in (None, "", False)}))
    return get_outcome(actor, row.id)


def get_outcome(actor: Actor, outcome_id: int) -> OutcomeRow:
    require(actor, "outcomes.view")
    key = v.record_id(outcome_id)
    rows = _rows(_select().where(Outcome.id == key)) if key is not None else []
    if not rows:
        raise NotFound(tr("Hasil No. {id} tidak ditemukan.").format(id=str(outcome_id)[:20]))
    return rows[0]


def list_outcomes(
    actor: Actor, *, resident_id: int | None = None, start: dt.date | None = None, end: dt.date | None = None,
    include_corrected: bool = True, limit: int = 1000,
) -> list[OutcomeRow]:
    """Outcomes, newest first; of one PM or in a period."""
    require(actor, "outcomes.view")
    query = _select()
    if resident_id is not None:
        query = query.where(Outcome.resident == resident_id)
    if start is not None:
        query = query.where(Outcome.date >= start)
    if end is not None:
        query = query.where(Outcome.date <= end)
    rows = _rows(query.order_by(Outcome.date.desc(), Outcome.id.desc()).limit(limit))
    return rows if include_corrected else [r for r in rows if not r.corrected]


def current_outcome(actor: Actor, resident_id: int) -> OutcomeRow | None:
    """The PM's latest outcome that no newer one corrects."""
    rows = list_outcomes(actor, resident_id=resident_id, include_corrected=False, limit=50)
    return rows[0] if rows else None
