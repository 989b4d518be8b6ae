"""Laporan: how many PMs the balai served in a period, by klaster and by service.

A PM counts as served in a period when their stay overlaps it (entered on or
before its last day and not gone before its first). Services count both the
number of services given and the number of distinct PMs who received them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from peewee import JOIN, fn

from balai_app.db.models import Assessment, Batch, Certificate, Enrollment, Program, Resident, ServiceRecord
from balai_app.domain import codes
from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
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


def table_rows(report: ServedReport) -> dict[str, list[list[Any]]]:
    """The report as plain tables (headers first) shared by the screen, XLSX and PDF."""
    klaster_rows: list[list[Any]] = [[tr("Klaster"), tr("Laki-laki"), tr("Perempuan"), tr("Jumlah dilayani"), tr("Masuk"), tr("Keluar")]]
    totals = [0, 0, 0, 0, 0]
    for klaster, row in report.by_klaster.items():
        values = [row["L"], row["P"], row["L"] + row["P"], row["baru"], row["keluar"]]
        totals = [a + b for a, b in zip(totals, values)]
        klaster_rows.append([codes.label(codes.KLASTER, klaster), *values])
    klaster_rows.append([tr("Jumlah"), *totals])

    service_rows: list[list[Any]] = [[tr("Jenis layanan"), *(codes.label(codes.KLASTER_SHORT, k) for k in codes.KLASTER),
                     tr("Jumlah layanan")]]
    for kind, per_klaster in report.services.items():
        cells = []
        total = 0
        for klaster in codes.KLASTER:
            n_services, n_people = per_klaster.get(klaster, (0, 0))
            total += n_services
            cells.append(f"{n_services} / {n_people} PM" if n_services else "0")
        service_rows.append([codes.label(codes.SERVICE_KINDS, kind), *cells, total])

    training_rows: list[list[Any]] = [[tr("Program pelatihan"), tr("Peserta"), tr("Lulus")]]
    for name, (enrolled, completed) in report.training.items():
        training_rows.append([name, enrolled, completed])
    return {"klaster": klaster_rows, "services": service_rows, "training": training_rows}
