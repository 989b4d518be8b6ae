"""Aftercare (bimbingan lanjut): contacts planned at 3, 6 and 12 months after a PM leaves.

The plan is not stored: it follows from the exit date and the intervals setting
(``aftercare.months``, default "3,6,12"), so changing the setting re-plans every
open contact. What is stored is what happened: a contact done (date, how, what
was found, by whom) or marked missed, each answering one planned contact
(``plan_months``), or an extra contact outside the plan.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import Any

from balai_app.db.connection import write_transaction
from balai_app.db.models import FollowUp, Resident, Setting
from balai_app.domain import codes
from balai_app.domain.errors import NotFound, ValidationError
from balai_app.i18n import tr
from balai_app.services import accounts, audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

SETTING_KEY = "aftercare.months"
DEFAULT_MONTHS = (3, 6, 12)
OVERDUE_WINDOW_MONTHS = 12  # Beranda lists overdue contacts due in the last 12 months

LABELS = {
    "contact_date": "Tanggal kontak",
    "how": "Cara",
    "finding": "Hasil/temuan",
    "staff": "Petugas",
    "plan_months": "Rencana (bulan)",
}


@dataclass(frozen=True)
class FollowUpItem:
    """A planned contact (with what became of it) or an extra contact."""

    resident_id: int
    resident_name: str
    exit_date: dt.date | None
    plan_months: int | None  # None: a contact outside the plan
    due_date: dt.date | None
    status: str  # rencana | selesai | terlewat
    contact_date: dt.date | None = None
    how: str = ""
    finding: str = ""
    staff: str = ""
    record_id: int | None = None

    @property
    def status_label(self) -> str:
        return codes.label(codes.FOLLOWUP_STATUS, self.status)

    @property
    def how_label(self) -> str:
        return codes.label(codes.FOLLOWUP_HOW, self.how) if self.how else ""

    @property
    def plan_label(self) -> str:
        return tr("{n} bulan").format(n=self.plan_months) if self.plan_months else tr("Di luar rencana")


@dataclass(frozen=True)
class DueList:
    month_start: dt.date
    month_end: dt.date
    due: list[FollowUpItem]  # planned in this month, not yet recorded
    overdue: list[FollowUpItem]  # planned before this month (within the window), not recorded


# --- the plan ------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _as_date(value: dt.date | str) -> dt.date:
    """A date column as the driver gives it (SQLite: ISO text; PostgreSQL: a date)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])


def parse_intervals(value: Any) -> tuple[int, ...]:
    """'3, 6, 12' -> (3, 6, 12): distinct months between 1 and 60, ascending."""
    label = tr("Jadwal bimbingan lanjut (bulan)")
    text = v.text(value, label, required=True, max_length=100)
    months: list[int] = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        number = v.integer(part, label, minimum=1, maximum=60)
        if number in months:
            raise v.FieldError(tr("{label}: {n} disebut dua kali.").format(label=label, n=number))
        if number is None:  # required above: never empty here
            continue
        months.append(number)
    if not months:
        raise v.FieldError(tr("{label} wajib diisi, mis. 3, 6, 12.").format(label=label))
    if len(months) > 12:
        raise v.FieldError(tr("{label}: paling banyak 12 kontak.").format(label=label))
    return tuple(sorted(months))


def intervals() -> tuple[int, ...]:
    row = Setting.get_or_none(Setting.key == SETTING_KEY)
    if row is None:
        return DEFAULT_MONTHS
    try:
        return parse_intervals(row.value)
    except v.FieldError:
        return DEFAULT_MONTHS


def set_intervals(actor: Actor, value: Any) -> tuple[int, ...]:
    require(actor, "settings.edit")
    try:
        months = parse_intervals(value)
    except v.FieldError as exc:
        raise ValidationError({"months": str(exc)}) from None
    text = ", ".join(str(m) for m in months)
    with write_transaction():
        before = intervals()
        Setting.insert(key=SETTING_KEY, value=text).on_conflict_replace().execute()
        audit.record(actor, "update", "setting", None, SETTING_KEY,
                     {SETTING_KEY: [", ".join(map(str, before)), text]})
    return months


def _aftercare_residents():
    return Resident.select(Resident.id, Resident.name, Resident.exit_date).where(
        Resident.exit_date.is_null(False) & Resident.status.in_(codes.AFTERCARE_STATUSES)
    )


def _recorded(resident_ids=None) -> dict[tuple[int, int | None], list[FollowUp]]:
    query = FollowUp.select()
    if resident_ids is not None:
        query = query.where(FollowUp.resident.in_(resident_ids))
    out: dict[tuple[int, int | None], list[FollowUp]] = {}
    for row in query.order_by(FollowUp.id):
        out.setdefault((row.resident_id, row.plan_months), []).append(row)
    return out


def _item(resident_id: int, name: str, exit_date, months, due, record: FollowUp | None) -> FollowUpItem:
    if record is None:
        return FollowUpItem(resident_id, name, exit_date, months, due, "rencana")
    return FollowUpItem(resident_id, name, exit_date, months, due, record.status, record.contact_date, record.how,
                        record.finding, record.staff, record.id)


def due_list(actor: Actor, today: dt.date | None = None) -> DueList:
    """Planned contacts due this month and overdue ones, with no record yet.

    Overdue reaches back ``OVERDUE_WINDOW_MONTHS``: older open contacts stay
    visible in the PM's own tab, not on Beranda.
    """
    require(actor, "followups.view")
    today = today or dt.date.today()
    month_start = today.replace(day=1)
    month_end = add_months(month_start, 1) - dt.timedelta(days=1)
    window_start = add_months(month_start, -OVERDUE_WINDOW_MONTHS)
    months = intervals()
    # Only PMs whose plan can fall in [window_start, month_end].
    earliest_exit = add_months(window_start, -max(months)) - dt.timedelta(days=1)
    latest_exit = add_months(month_end, -min(months)) + dt.timedelta(days=1)
    in_window = (Resident.exit_date >= earliest_exit) & (Resident.exit_date <= latest_exit)
    # The rows straight from the driver, and each plan date computed once per exit date:
    # a large balai has tens of thousands of candidates but a few thousand exit dates.
    candidates = [(rid, name, _as_date(exit_date))
                  for rid, name, exit_date in Resident._meta.database.execute(_aftercare_residents().where(in_window))]
    # The candidates' recorded plans, selected by a subquery: a list of ids in the SQL
    # text costs more to build than the query takes on a large balai.
    candidate_ids = _aftercare_residents().where(in_window).columns(Resident.id)
    recorded = {(r, m) for (r, m) in FollowUp.select(FollowUp.resident, FollowUp.plan_months)
                .where(FollowUp.resident.in_(candidate_ids) & FollowUp.plan_months.is_null(False))
                .tuples()} if candidates else set()
    due, overdue = [], []
    plan_dates: dict[tuple[dt.date, int], dt.date] = {}
    for resident_id, name, exit_date in candidates:
        for m in months:
            if (resident_id, m) in recorded:
                continue
            when = plan_dates.get((exit_date, m))
            if when is None:
                when = plan_dates[(exit_date, m)] = add_months(exit_date, m)
            item = FollowUpItem(resident_id, name, exit_date, m, when, "rencana")
            if month_start <= when <= month_end:
                due.append(item)
            elif window_start <= when < month_start:
                overdue.append(item)
    due.sort(key=lambda i: (i.due_date, i.resident_name))
    overdue.sort(key=lambda i: (i.due_date, i.resident_name))
    return DueList(month_start, month_end, due, overdue)


def followups_of(actor: Actor, resident_id: int) -> list[FollowUpItem]:
    """A PM's aftercare: every planned contact (done, missed or open) and every extra one."""
    require(actor, "followups.view")
    resident = _resident(resident_id)
    recorded = _recorded([resident.id])
    items = []
    if resident.exit_date is not None and resident.status in codes.AFTERCARE_STATUSES:
        for m in intervals():
            rows = recorded.pop((resident.id, m), [])
            items.append(_item(resident.id, resident.name, resident.exit_date, m,
                               add_months(resident.exit_date, m), rows[-1] if rows else None))
    for (_rid, interval), rows in recorded.items():  # extras, and plans of an older interval setting
        for row in rows:
            items.append(_item(resident.id, resident.name, resident.exit_date, interval, row.due_date, row))
    items.sort(key=lambda i: (i.due_date or i.contact_date or dt.date.max))
    return items


# --- recording -------------------------------------------------------------------------------


def _resident(resident_id: int) -> Resident:
    key = v.record_id(resident_id)
    resident = Resident.get_or_none(Resident.id == key) if key is not None else None
    if resident is None:
        raise NotFound(tr("Penerima Manfaat No. {id} tidak ditemukan.").format(id=str(resident_id)[:20]))
    return resident


def _open_plans(resident: Resident) -> list[tuple[int, dt.date]]:
    done = {m for (m,) in FollowUp.select(FollowUp.plan_months)
            .where((FollowUp.resident == resident.id) & FollowUp.plan_months.is_null(False)).tuples()}
    return [(m, add_months(resident.exit_date, m)) for m in intervals() if m not in done]


def _check_exited(resident: Resident) -> None:
    if resident.exit_date is None or resident.status not in codes.AFTERCARE_STATUSES:
        raise ValidationError({"resident": tr(
            "{name} belum keluar dari balai (status {status}); bimbingan lanjut dicatat setelah PM keluar."
        ).format(name=resident.name, status=codes.label(codes.RESIDENT_STATUS, resident.status))})


def _plan_months(value: Any, resident: Resident, contact_date: dt.date | None) -> tuple[int | None, dt.date | None]:
    """The planned contact a record answers: the one named (0: none, an extra contact), else the
    open plan nearest the date."""
    open_plans = _open_plans(resident)
    if value in (0, "0"):  # explicitly a contact outside the plan
        return None, None
    if value not in (None, ""):
        months = v.integer(value, tr(LABELS["plan_months"]), minimum=1, maximum=60)
        for m, due in open_plans:
            if m == months:
                return m, due
        raise v.FieldError(tr("Kontak {n} bulan tidak ada dalam rencana atau sudah dicatat.").format(n=months))
    if not open_plans or contact_date is None:
        return None, None
    return min(open_plans, key=lambda plan: abs((plan[1] - contact_date).days))


def record_followup(actor: Actor, resident_id: int, data: dict[str, Any]) -> FollowUpItem:
    """A contact done: date, how (kunjungan/telepon/lks), what was found, by whom."""
    require(actor, "followups.edit")
    resident = _resident(resident_id)
    _check_exited(resident)
    c = v.Collector()
    L = lambda name: tr(LABELS[name])  # noqa: E731
    contact = c.take("contact_date", v.date, data.get("contact_date") or dt.date.today(), L("contact_date"),
                     required=True, not_future=True)
    cleaned = {
        "contact_date": contact,
        "how": c.take("how", v.choice, data.get("how"), L("how"), codes.FOLLOWUP_HOW),
        "finding": c.take("finding", v.text, data.get("finding"), L("finding"), required=True, max_length=3000,
                          multiline=True),
        "staff": c.take("staff", v.text, data.get("staff") or accounts.display_name(actor.user_id) or actor.username,
                        L("staff")),
    }
    if contact and contact < resident.exit_date:
        c.error("contact_date", tr("Tanggal kontak tidak boleh sebelum tanggal keluar ({d}).").format(
            d=resident.exit_date))
    plan = c.take("plan_months", _plan_months, data.get("plan_months"), resident, contact)
    c.raise_if_any()
    months, due = plan
    return _save(actor, resident, {**cleaned, "plan_months": months, "due_date": due, "status": "selesai"})


def mark_missed(actor: Actor, resident_id: int, plan_months: int, note: str = "") -> FollowUpItem:
    """A planned contact that did not take place (the PM could not be reached, ...)."""
    require(actor, "followups.edit")
    resident = _resident(resident_id)
    _check_exited(resident)
    c = v.Collector()
    plan = c.take("plan_months", _plan_months, plan_months if plan_months not in (None, "") else "x", resident, None)
    finding = c.take("finding", v.text, note, tr(LABELS["finding"]), max_length=3000, multiline=True)
    if plan and plan[1] and plan[1] > dt.date.today():
        c.error("plan_months", tr("Kontak {n} bulan baru jatuh tempo {d}; belum dapat ditandai terlewat.").format(
            n=plan[0], d=plan[1].strftime("%d/%m/%Y")))
    c.raise_if_any()
    months, due = plan
    return _save(actor, resident, {"plan_months": months, "due_date": due, "status": "terlewat", "finding": finding,
                                   "staff": accounts.display_name(actor.user_id) or actor.username})


def _save(actor: Actor, resident: Resident, values: dict[str, Any]) -> FollowUpItem:
    with write_transaction():
        if values["plan_months"] is not None and FollowUp.select().where(
                (FollowUp.resident == resident.id) & (FollowUp.plan_months == values["plan_months"])).exists():
            raise ValidationError({"plan_months": tr("Kontak {n} bulan baru saja dicatat orang lain.").format(
                n=values["plan_months"])})
        row = FollowUp.create(resident=resident.id, created_by=actor.user_id, **values)
        audit.record(actor, "create", "follow_up", row.id, resident.name, audit.diff({}, values))
    return _item(resident.id, resident.name, resident.exit_date, row.plan_months, row.due_date, row)
