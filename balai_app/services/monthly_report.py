"""Laporan bulanan (a month or any period), per klaster and sex.

``monthly_report`` is the one function the screen, the XLSX and the PDF read:
each renders ``table_rows(report)``, so the three never disagree.

Every line counts people (or records) in one of the ten columns klaster x sex:

- Penerima Manfaat: served (stay overlaps the period), new (entered in it),
  exited in it by the status they left with;
- ATENSI services given in the period, by form (terapi by sub-kind);
- training: PMs enrolled in a batch running in the period, PMs who finished
  (lulus) in it, competency certificates issued in it (still valid);
- after training: outcomes dated in the period that no newer one corrects,
  by kind (wirausaha with capital/tool support also on its own line); aftercare
  contacts done in the period, and planned contacts due in the period (up to
  today) still open;
- social-rehabilitation certificates issued in the period (still valid).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from peewee import JOIN, fn

from balai_app.db.models import (
    Batch,
    Certificate,
    Enrollment,
    FollowUp,
    Outcome,
    RehabCertificate,
    Resident,
    ServiceRecord,
)
from balai_app.domain import codes
from balai_app.domain.dates import MONTHS, format_long
from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, followups
from balai_app.services.context import Actor
from balai_app.services.permissions import require

SEXES = ("L", "P")
COLUMNS: tuple[tuple[str, str], ...] = tuple((k, s) for k in codes.KLASTER for s in SEXES)
EXIT_STATUSES = ("selesai", "kembali_keluarga", "dirujuk", "keluar", "meninggal")


@dataclass(frozen=True)
class Line:
    key: str
    label: str
    cells: tuple[int, ...]  # one per COLUMNS entry
    indent: bool = False

    @property
    def total(self) -> int:
        return sum(self.cells)


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class MonthlyReport:
    start: dt.date
    end: dt.date
    sections: tuple[Section, ...]

    @property
    def title(self) -> str:
        return tr("Laporan Bulanan") if is_whole_month(self.start, self.end) else tr("Laporan Periode")

    @property
    def period_text(self) -> str:
        if is_whole_month(self.start, self.end):
            return f"{MONTHS[self.start.month - 1]} {self.start.year}"
        return tr("{a} s.d. {b}").format(a=format_long(self.start), b=format_long(self.end))

    def line(self, section: str, key: str) -> Line:
        for s in self.sections:
            if s.key == section:
                for line in s.lines:
                    if line.key == key:
                        return line
        raise KeyError((section, key))

    def cell(self, section: str, key: str, klaster: str, sex: str) -> int:
        return self.line(section, key).cells[COLUMNS.index((klaster, sex))]


def is_whole_month(start: dt.date, end: dt.date) -> bool:
    return start.day == 1 and end == month_period(start.year, start.month)[1]


def month_period(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_month(text: str) -> tuple[dt.date, dt.date]:
    """'2026-11' -> (1 Nov 2026, 30 Nov 2026); ValueError with an Indonesian message otherwise."""
    match = _MONTH.match(str(text).strip())
    if not match or not 1 <= int(match.group(2)) <= 12 or not 1900 <= int(match.group(1)) <= 2999:
        raise ValueError(tr("bulan tidak valid: '{t}' (gunakan TTTT-BB, mis. 2026-11)").format(t=str(text)[:20]))
    return month_period(int(match.group(1)), int(match.group(2)))


def _cells(counter: Counter) -> tuple[int, ...]:
    return tuple(counter.get(column, 0) for column in COLUMNS)


def _count(query) -> Counter:
    """A query selecting (klaster, sex, n) -> Counter{(klaster, sex): n}."""
    out: Counter = Counter()
    for klaster, sex, n in query.tuples():
        out[(klaster, sex)] += n
    return out


def _by_resident(model, condition, *, distinct: bool = False) -> Counter:
    counted = fn.COUNT(model.resident.distinct()) if distinct else fn.COUNT(model.id)
    query = (model.select(Resident.klaster, Resident.sex, counted)
             .join(Resident, on=(model.resident == Resident.id))
             .where(condition)
             .group_by(Resident.klaster, Resident.sex))
    return _count(query)


def monthly_report(actor: Actor, start: dt.date, end: dt.date, *, today: dt.date | None = None) -> MonthlyReport:
    require(actor, "reports.view")
    if end < start:
        raise ValidationError({"end": tr("Tanggal akhir tidak boleh sebelum tanggal awal.")})
    if (end - start).days > 366 * 5:
        raise ValidationError({"end": tr("Periode laporan paling panjang 5 tahun.")})
    today = today or dt.date.today()
    sections = [
        _residents_section(start, end),
        _services_section(start, end),
        _training_section(start, end),
        _outcomes_section(start, end, today),
        _rehab_section(start, end),
    ]
    return MonthlyReport(start, end, tuple(sections))


def _residents_section(start: dt.date, end: dt.date) -> Section:
    def group(condition) -> Counter:
        return _count(Resident.select(Resident.klaster, Resident.sex, fn.COUNT(Resident.id))
                      .where(condition).group_by(Resident.klaster, Resident.sex))

    served = group((Resident.entry_date <= end) & (Resident.exit_date.is_null() | (Resident.exit_date >= start)))
    new = group(Resident.entry_date.between(start, end))
    exited: dict[str, Counter] = {status: Counter() for status in EXIT_STATUSES}
    query = (Resident.select(Resident.status, Resident.klaster, Resident.sex, fn.COUNT(Resident.id))
             .where(Resident.exit_date.between(start, end) & Resident.status.in_(EXIT_STATUSES))
             .group_by(Resident.status, Resident.klaster, Resident.sex))
    for status, klaster, sex, n in query.tuples():
        exited[status][(klaster, sex)] += n
    total_exit = sum(exited.values(), Counter())
    lines = [
        Line("served", tr("PM dilayani"), _cells(served)),
        Line("new", tr("PM baru masuk"), _cells(new)),
        Line("exited", tr("PM keluar"), _cells(total_exit)),
    ] + [Line(f"exit_{status}", codes.label(codes.RESIDENT_STATUS, status), _cells(exited[status]), indent=True)
         for status in EXIT_STATUSES]
    return Section("residents", tr("Penerima Manfaat"), tuple(lines))


def _services_section(start: dt.date, end: dt.date) -> Section:
    per_kind: dict[tuple[str, str], Counter] = {}
    query = (ServiceRecord.select(ServiceRecord.kind, ServiceRecord.subkind, Resident.klaster, Resident.sex,
                                  fn.COUNT(ServiceRecord.id))
             .join(Resident, on=(ServiceRecord.resident == Resident.id))
             .where(ServiceRecord.date.between(start, end))
             .group_by(ServiceRecord.kind, ServiceRecord.subkind, Resident.klaster, Resident.sex))
    for kind, subkind, klaster, sex, n in query.tuples():
        per_kind.setdefault((kind, subkind if kind == "terapi" else ""), Counter())[(klaster, sex)] += n
    lines = []
    for kind in codes.SERVICE_KINDS:
        total = sum((c for (k, _s), c in per_kind.items() if k == kind), Counter())
        lines.append(Line(f"service_{kind}", codes.label(codes.SERVICE_KINDS, kind), _cells(total)))
        if kind == "terapi":
            for sub in codes.THERAPY_KINDS:
                lines.append(Line(f"service_terapi_{sub}", codes.label(codes.THERAPY_KINDS, sub),
                                  _cells(per_kind.get(("terapi", sub), Counter())), indent=True))
    unknown = sum((c for (k, _s), c in per_kind.items() if k not in codes.SERVICE_KINDS), Counter())
    if unknown:
        lines.append(Line("service_other", tr("Lainnya"), _cells(unknown)))
    all_services = sum(per_kind.values(), Counter())
    lines.append(Line("service_total", tr("Jumlah layanan"), _cells(all_services)))
    people = _by_resident(ServiceRecord, ServiceRecord.date.between(start, end), distinct=True)
    lines.append(Line("service_people", tr("PM yang menerima layanan"), _cells(people)))
    return Section("services", tr("Layanan ATENSI (jumlah layanan)"), tuple(lines))


def _training_section(start: dt.date, end: dt.date) -> Section:
    enrolled = _count(
        Enrollment.select(Resident.klaster, Resident.sex, fn.COUNT(Enrollment.resident.distinct()))
        .join(Batch, on=(Enrollment.batch == Batch.id))
        .switch(Enrollment).join(Resident, on=(Enrollment.resident == Resident.id))
        .where((Enrollment.start_date <= end) & (fn.COALESCE(Enrollment.end_date, Batch.end_date) >= start)
               & (Batch.status != "dibatalkan"))
        .group_by(Resident.klaster, Resident.sex))
    finished = _by_resident(Enrollment, (Enrollment.status == "lulus")
                            & fn.COALESCE(Enrollment.status_date, Enrollment.end_date).between(start, end))
    issued = _issued(Certificate, start, end)
    return Section("training", tr("Pelatihan vokasional"), (
        Line("enrolled", tr("PM mengikuti pelatihan"), _cells(enrolled)),
        Line("finished", tr("PM lulus pelatihan"), _cells(finished)),
        Line("certificates", tr("Sertifikat kompetensi diterbitkan"), _cells(issued)),
    ))


def _issued(model, start: dt.date, end: dt.date) -> Counter:
    """Certificates (still valid) issued on the period's days, as the balai's calendar (its
    WIB/WITA/WIT zone) counts them (``issued_at`` is stored in UTC)."""
    out: Counter = Counter()
    query = (model.select(model.issued_at, Resident.klaster, Resident.sex)
             .join(Resident, on=(model.resident == Resident.id))
             .where((model.issued_at >= dt.datetime.combine(start - dt.timedelta(days=1), dt.time()))
                    & (model.issued_at < dt.datetime.combine(end + dt.timedelta(days=2), dt.time()))
                    & (model.status == "berlaku")))
    here = audit.zone()
    for issued_at, klaster, sex in query.tuples():
        if start <= audit.to_local(issued_at, here).date() <= end:
            out[(klaster, sex)] += 1
    return out


def _outcomes_section(start: dt.date, end: dt.date, today: dt.date) -> Section:
    corrector = Outcome.alias("corrector")
    current = (Outcome.select(Outcome.kind, Outcome.support_received, Resident.klaster, Resident.sex,
                              fn.COUNT(Outcome.id))
               .join(Resident, on=(Outcome.resident == Resident.id))
               .switch(Outcome).join(corrector, JOIN.LEFT_OUTER, on=(corrector.corrects == Outcome.id))
               .where(Outcome.date.between(start, end) & corrector.id.is_null())
               .group_by(Outcome.kind, Outcome.support_received, Resident.klaster, Resident.sex))
    per_kind: dict[str, Counter] = {kind: Counter() for kind in codes.OUTCOME_KINDS}
    supported: Counter = Counter()
    for kind, support, klaster, sex, n in current.tuples():
        per_kind.setdefault(kind, Counter())[(klaster, sex)] += n
        if kind == "wirausaha" and support:
            supported[(klaster, sex)] += n
    lines = []
    for kind in codes.OUTCOME_KINDS:
        lines.append(Line(f"outcome_{kind}", codes.label(codes.OUTCOME_KINDS, kind), _cells(per_kind[kind])))
        if kind == "wirausaha":
            lines.append(Line("outcome_wirausaha_support", tr("dengan bantuan modal/alat"), _cells(supported),
                              indent=True))
    done = _by_resident(FollowUp, (FollowUp.status == "selesai") & FollowUp.contact_date.between(start, end))
    lines.append(Line("followups_done", tr("Bimbingan lanjut dilaksanakan"), _cells(done)))
    lines.append(Line("followups_overdue", tr("Bimbingan lanjut terlambat"), _cells(_overdue(start, end, today))))
    return Section("outcomes", tr("Setelah pelatihan dan bimbingan lanjut"), tuple(lines))


def _overdue(start: dt.date, end: dt.date, today: dt.date) -> Counter:
    """Planned contacts due in [start, min(end, yesterday)] with no contact done for them."""
    last = min(end, today - dt.timedelta(days=1))
    out: Counter = Counter()
    if last < start:
        return out
    months = followups.intervals()
    earliest_exit = followups.add_months(start, -max(months)) - dt.timedelta(days=3)
    latest_exit = followups.add_months(last, -min(months)) + dt.timedelta(days=3)
    leavers = (Resident.exit_date.between(earliest_exit, latest_exit)
               & Resident.status.in_(codes.AFTERCARE_STATUSES))
    candidates = Resident.select(Resident.id, Resident.klaster, Resident.sex, Resident.exit_date).where(leavers)
    # Through the follow_up index on (resident, plan_months): only the candidates' rows are read.
    done = {(r, m) for r, m in FollowUp.select(FollowUp.resident, FollowUp.plan_months)
            .where(FollowUp.resident.in_(Resident.select(Resident.id).where(leavers))
                   & (FollowUp.status == "selesai") & FollowUp.plan_months.is_null(False)).tuples()}
    for resident_id, klaster, sex, exit_date in candidates.tuples():
        for m in months:
            if start <= followups.add_months(exit_date, m) <= last and (resident_id, m) not in done:
                out[(klaster, sex)] += 1
    return out


def _rehab_section(start: dt.date, end: dt.date) -> Section:
    return Section("rehab", tr("Sertifikat rehabilitasi sosial"), (
        Line("rehab_certificates", tr("Sertifikat rehabilitasi sosial diterbitkan"),
             _cells(_issued(RehabCertificate, start, end))),
    ))


# --- one table for the screen, the XLSX and the PDF -------------------------------------


def header_rows() -> list[list[str]]:
    """Two header rows: the klaster (spanning L and P), then L / P under each; then Jumlah."""
    top = [tr("Uraian")]
    for klaster in codes.KLASTER:
        top += [codes.label(codes.KLASTER_SHORT, klaster), ""]
    top.append(tr("Jumlah"))
    bottom = [""] + [sex for _k in codes.KLASTER for sex in SEXES] + [""]
    return [top, bottom]


def table_rows(report: MonthlyReport) -> list[tuple[str, list]]:
    """[(kind, cells)]: kind is "section" (a title row), "line" or "subline" (indented)."""
    rows: list[tuple[str, list]] = []
    for section in report.sections:
        rows.append(("section", [section.title]))
        for line in section.lines:
            rows.append(("subline" if line.indent else "line", [line.label, *line.cells, line.total]))
    return rows


def export_monthly(actor: Actor, report: MonthlyReport, path) -> Path:
    """Write the report as .xlsx or .pdf (by the file's extension); audited as an export."""
    require(actor, "reports.view")
    from balai_app.documents import monthly_report as renderer
    from balai_app.services import profile

    path = Path(path)
    suffix = path.suffix.lower()
    info = profile.get_profile()
    heading = renderer.Heading(
        balai=info.name if info else "", address=f"{info.address}, {info.city}" if info and info.address else "",
        title=report.title, period=report.period_text,
    )
    if suffix == ".xlsx":
        data = renderer.xlsx_bytes(heading, header_rows(), table_rows(report))
    elif suffix == ".pdf":
        data = renderer.pdf_bytes(heading, header_rows(), table_rows(report))
    else:
        raise ValidationError({"path": tr("Format berkas tidak dikenal: gunakan .xlsx atau .pdf.")})
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise ValidationError({"path": tr("Berkas '{p}' tidak dapat ditulis: {e}").format(
            p=path, e=exc.strerror or exc)}) from None
    audit.record(actor, "export", "report", None, tr("{title} {period}").format(
        title=report.title, period=report.period_text))
    return path
