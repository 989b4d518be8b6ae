"""Laporan: how many PMs the balai served in a period, by klaster and by service.

A PM counts as served in a period when their stay overlaps it (entered on or
before its last day and not gone before its first). Services count both the
number of services given and the number of distinct PMs who received them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from peewee import JOIN, fn

from balai_app.db.models import Assessment, Batch, Certificate, Enrollment, Program, Resident, ServiceRecord
from balai_app.domain import codes
from balai_app.domain.errors import ValidationError
from balai_app.domain.spreadsheet import append_row
from balai_app.i18n import tr
from balai_app.services import audit
from balai_app.services.context import Actor
from balai_app.services.permissions import require


@dataclass
class ServedReport:
    start: dt.date
    end: dt.date
    # klaster -> {"L": n, "P": n, "baru": n (entered in the period), "keluar": n (left in the period)}
    by_klaster: dict[str, dict[str, int]] = field(default_factory=dict)
    # service kind -> klaster -> (services, distinct PMs)
    services: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    # program name -> (enrolled, completed)
    training: dict[str, tuple[int, int]] = field(default_factory=dict)

    def served_total(self) -> int:
        return sum(row["L"] + row["P"] for row in self.by_klaster.values())


def served_report(actor: Actor, start: dt.date, end: dt.date) -> ServedReport:
    require(actor, "reports.view")
    if end < start:
        raise ValidationError({"end": tr("Tanggal akhir tidak boleh sebelum tanggal awal.")})
    report = ServedReport(start, end)
    overlapping = (Resident.entry_date <= end) & (Resident.exit_date.is_null() | (Resident.exit_date >= start))
    for klaster in codes.KLASTER:
        report.by_klaster[klaster] = {"L": 0, "P": 0, "baru": 0, "keluar": 0}
    query = (
        Resident.select(Resident.klaster, Resident.sex, fn.COUNT(Resident.id))
        .where(overlapping)
        .group_by(Resident.klaster, Resident.sex)
    )
    for klaster, sex, n in query.tuples():
        report.by_klaster.setdefault(klaster, {"L": 0, "P": 0, "baru": 0, "keluar": 0})[sex] = n
    for column, key in ((Resident.entry_date, "baru"), (Resident.exit_date, "keluar")):
        query = (
            Resident.select(Resident.klaster, fn.COUNT(Resident.id))
            .where(column.between(start, end))
            .group_by(Resident.klaster)
        )
        for klaster, n in query.tuples():
            report.by_klaster[klaster][key] = n

    query = (
        ServiceRecord.select(
            ServiceRecord.kind, Resident.klaster, fn.COUNT(ServiceRecord.id), fn.COUNT(ServiceRecord.resident.distinct())
        )
        .join(Resident)
        .where(ServiceRecord.date.between(start, end))
        .group_by(ServiceRecord.kind, Resident.klaster)
    )
    for kind in codes.SERVICE_KINDS:
        report.services[kind] = {}
    for kind, klaster, n_services, n_people in query.tuples():
        report.services.setdefault(kind, {})[klaster] = (n_services, n_people)

    query = (
        Program.select(
            Program.name,
            fn.COUNT(Enrollment.id),
            fn.SUM(fn.IIF(Enrollment.status == "lulus", 1, 0)),
        )
        .join(Batch, JOIN.INNER)
        .join(Enrollment, JOIN.INNER)
        .where((Enrollment.start_date <= end) & (fn.COALESCE(Enrollment.end_date, Batch.end_date) >= start))
        .group_by(Program.id)
        .order_by(Program.name)
    )
    for name, enrolled, completed in query.tuples():
        report.training[name] = (enrolled, completed or 0)
    return report


@dataclass
class Dashboard:
    """What the Beranda shows beside the counts per klaster: work to follow up."""

    running_batches: int
    active_participants: int
    certificates_this_year: int
    revoked_this_year: int
    active_without_assessment: int


def dashboard(actor: Actor, today: dt.date | None = None) -> Dashboard:
    require(actor, "reports.view")
    year = (today or dt.date.today()).year
    running = Batch.select(Batch.id).where(Batch.status == "berjalan")
    return Dashboard(
        running_batches=running.count(),
        active_participants=Enrollment.select().where(
            (Enrollment.status == "aktif") & Enrollment.batch.in_(running)).count(),
        certificates_this_year=Certificate.select().where(
            (Certificate.year == year) & (Certificate.status == "berlaku")).count(),
        revoked_this_year=Certificate.select().where(
            (Certificate.year == year) & (Certificate.status == "dicabut")).count(),
        active_without_assessment=Resident.select().where(
            (Resident.status == "aktif") & ~fn.EXISTS(Assessment.select().where(Assessment.resident == Resident.id))
        ).count(),
    )


def export_report(actor: Actor, report: ServedReport, path) -> None:
    """Write the report as .xlsx or .pdf (by the file's extension)."""
    require(actor, "reports.view")
    from pathlib import Path

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(report, path)
    elif suffix == ".pdf":
        from balai_app.documents.report_pdf import write_served_report

        write_served_report(report, path)
    else:
        raise ValidationError({"path": tr("Format berkas tidak dikenal: gunakan .xlsx atau .pdf.")})
    audit.record(actor, "export", "report", None, tr("Laporan layanan {a} s.d. {b}").format(a=report.start, b=report.end))


def table_rows(report: ServedReport) -> dict[str, list[list]]:
    """The report as plain tables (headers first) shared by the screen, XLSX and PDF."""
    klaster_rows = [[tr("Klaster"), tr("Laki-laki"), tr("Perempuan"), tr("Jumlah dilayani"), tr("Masuk"), tr("Keluar")]]
    totals = [0, 0, 0, 0, 0]
    for klaster, row in report.by_klaster.items():
        values = [row["L"], row["P"], row["L"] + row["P"], row["baru"], row["keluar"]]
        totals = [a + b for a, b in zip(totals, values)]
        klaster_rows.append([codes.label(codes.KLASTER, klaster), *values])
    klaster_rows.append([tr("Jumlah"), *totals])

    service_rows = [[tr("Jenis layanan"), *(codes.label(codes.KLASTER_SHORT, k) for k in codes.KLASTER),
                     tr("Jumlah layanan")]]
    for kind, per_klaster in report.services.items():
        cells = []
        total = 0
        for klaster in codes.KLASTER:
            n_services, n_people = per_klaster.get(klaster, (0, 0))
            total += n_services
            cells.append(f"{n_services} / {n_people} PM" if n_services else "0")
        service_rows.append([codes.label(codes.SERVICE_KINDS, kind), *cells, total])

    training_rows = [[tr("Program pelatihan"), tr("Peserta"), tr("Lulus")]]
    for name, (enrolled, completed) in report.training.items():
        training_rows.append([name, enrolled, completed])
    return {"klaster": klaster_rows, "services": service_rows, "training": training_rows}


def _write_xlsx(report: ServedReport, path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from balai_app.domain.dates import format_long

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Laporan"
    append_row(sheet, [tr("Laporan Penerima Manfaat yang dilayani")])
    sheet["A1"].font = Font(bold=True, size=13)
    append_row(sheet, [tr("Periode: {a} s.d. {b}").format(a=format_long(report.start), b=format_long(report.end))])
    titles = {"klaster": tr("Per klaster"), "services": tr("Layanan ATENSI (jumlah layanan / PM)"),
              "training": tr("Pelatihan vokasional")}
    for key, rows in table_rows(report).items():
        append_row(sheet, [])
        append_row(sheet, [titles[key]])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        for index, row in enumerate(rows):
            append_row(sheet, row)
            if index == 0:
                for cell in sheet[sheet.max_row]:
                    cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 42
    for column in "BCDEFG":
        sheet.column_dimensions[column].width = 18
    workbook.save(path)
