"""The certificate register (list, filters, counts) and rendering certificates to PDF."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from peewee import JOIN, fn

from balai_app.db.models import Batch, Certificate, Program
from balai_app.domain import codes
from balai_app.domain.errors import BalaiError, NotFound
from balai_app.i18n import tr
from balai_app.services.certificates_issue import record_print
from balai_app.services.certificates_snapshot import render_data
from balai_app.services.context import Actor
from balai_app.services.permissions import require

STATUS_LABELS = {"berlaku": "Berlaku", "dicabut": "Dicabut"}


@dataclass(frozen=True)
class CertificateFilter:
    text: str = ""
    year: int | None = None
    program_id: int | None = None
    batch_id: int | None = None
    status: str | None = None  # berlaku | dicabut


class CertificateRow(NamedTuple):
    id: int
    number: str
    holder: str
    program: str
    batch: str
    issued_on: dt.date  # the date printed on the certificate
    status: str
    override_reason: str
    revoked_at: dt.datetime | None  # UTC as stored: show with domain.localtime
    revoke_reason: str
    replaces: str


_HOLDER = fn.json_extract(Certificate.snapshot, "$.holder.name")
_ISSUED_ON = fn.json_extract(Certificate.snapshot, "$.issue.date")


def _filtered(query, flt: CertificateFilter):
    for word in flt.text.split():
        query = query.where(Certificate.number.contains(word) | _HOLDER.contains(word))
    if flt.year:
        query = query.where(Certificate.year == flt.year)
    if flt.program_id:
        query = query.where(Certificate.program == flt.program_id)
    if flt.batch_id:
        query = query.where(Certificate.batch == flt.batch_id)
    if flt.status:
        query = query.where(Certificate.status == flt.status)
    return query


def list_certificates(actor: Actor, flt: CertificateFilter | None = None, *, limit: int = 200,
                      offset: int = 0, after: CertificateRow | None = None) -> list[CertificateRow]:
    """One page of the register, newest first; never loads photos or whole snapshots.
    ``after``: the last row of the previous page (keyset paging: by its year and sequence)."""
    require(actor, "certificates.view")
    old = Certificate.alias("old")
    query = (
        Certificate.select(Certificate.id, Certificate.number, _HOLDER, Program.name, Batch.name, _ISSUED_ON,
                           Certificate.status, Certificate.override_reason, Certificate.revoked_at,
                           Certificate.revoke_reason, old.number)
        .join(Program, on=(Certificate.program == Program.id))
        .switch(Certificate).join(Batch, JOIN.LEFT_OUTER, on=(Certificate.batch == Batch.id))
        .switch(Certificate).join(old, JOIN.LEFT_OUTER, on=(Certificate.replaces == old.id))
    )
    query = _filtered(query, flt or CertificateFilter())
    if after is not None:
        year, sequence = Certificate.select(Certificate.year, Certificate.sequence).where(
            Certificate.id == after.id).tuples().get()
        query = query.where((Certificate.year < year) | ((Certificate.year == year) & (Certificate.sequence < sequence)))
    query = query.order_by(Certificate.year.desc(), Certificate.sequence.desc()).limit(limit).offset(offset)
    out = []
    for row in query.tuples():
        row = list(row)
        row[4] = row[4] or ""
        row[5] = dt.date.fromisoformat(row[5])
        row[10] = row[10] or ""
        out.append(CertificateRow(*row))
    return out


def count_certificates(actor: Actor, flt: CertificateFilter | None = None) -> int:
    require(actor, "certificates.view")
    return _filtered(Certificate.select(fn.COUNT(Certificate.id)), flt or CertificateFilter()).scalar() or 0


def years(actor: Actor) -> list[int]:
    require(actor, "certificates.view")
    return [y for (y,) in Certificate.select(fn.DISTINCT(Certificate.year)).order_by(Certificate.year.desc()).tuples()]


def programs(actor: Actor) -> list[tuple[int, str]]:
    require(actor, "certificates.view")
    return list(Program.select(Program.id, Program.name).order_by(Program.name).tuples())


def batches(actor: Actor, program_id: int | None = None, *, issuable: bool = False) -> list[tuple[int, str]]:
    """(id, "name (program)") of batches, newest first. ``issuable``: only running and
    finished batches (a planned or cancelled one has nobody to certify), with their status."""
    require(actor, "certificates.view")
    query = (Batch.select(Batch.id, Batch.name, Program.name, Batch.status).join(Program)
             .order_by(Batch.start_date.desc(), Batch.id.desc()))
    if program_id:
        query = query.where(Batch.program == program_id)
    if issuable:
        query = query.where(Batch.status.in_(["berjalan", "selesai"]))
        return [(bid, f"{name} ({pname}) — {codes.label(codes.BATCH_STATUS, status)}")
                for bid, name, pname, status in query.tuples()]
    return [(bid, f"{name} ({pname})") for bid, name, pname, _status in query.tuples()]


@dataclass(frozen=True)
class BatchPrintSet:
    """What "Cetak sertifikat angkatan ini" prints: every valid certificate of a batch in
    ascending number order, and the revoked ones it skips (named, never a dead end)."""

    ids: tuple[int, ...]
    skipped: tuple[str, ...]  # numbers of revoked certificates left out

    def note(self) -> str:
        if not self.skipped:
            return ""
        return tr("{n} sertifikat yang dicabut tidak dicetak: {numbers}.").format(
            n=len(self.skipped), numbers=", ".join(self.skipped))


def ids_of_batch(actor: Actor, batch_id: int, *, valid_only: bool = True) -> list[int]:
    """Certificates of a batch in ascending number order (by year, then sequence)."""
    require(actor, "certificates.view")
    query = Certificate.select(Certificate.id).where(Certificate.batch == batch_id)
    if valid_only:
        query = query.where(Certificate.status == "berlaku")
    return [cid for (cid,) in query.order_by(Certificate.year, Certificate.sequence).tuples()]


def batch_print_set(actor: Actor, batch_id: int) -> BatchPrintSet:
    require(actor, "certificates.view")
    rows = list(Certificate.select(Certificate.id, Certificate.number, Certificate.status)
                .where(Certificate.batch == batch_id).order_by(Certificate.year, Certificate.sequence).tuples())
    return BatchPrintSet(tuple(cid for cid, _n, status in rows if status == "berlaku"),
                         tuple(number for _cid, number, status in rows if status != "berlaku"))


def render_list(actor: Actor, certificate_ids: list[int], *, printable: bool = True) -> list[dict[str, Any]]:
    """Render dicts for these certificates, in the given order. With ``printable``, a revoked
    certificate is refused (it may be previewed, marked, but not printed)."""
    require(actor, "certificates.print" if printable else "certificates.view")
    by_id = {c.id: c for c in Certificate.select().where(Certificate.id.in_(certificate_ids))}
    out = []
    for cid in certificate_ids:
        cert = by_id.get(cid)
        if cert is None:
            raise NotFound(tr("Sertifikat tidak ditemukan."))
        if printable and cert.status == "dicabut":
            raise BalaiError(tr("Sertifikat No. {n} sudah dicabut dan tidak dapat dicetak.").format(n=cert.number))
        out.append(render_data(cert))
    return out


def write_pdf(actor: Actor, certificate_ids: list[int], target, *, record: bool = True, progress=None) -> int:
    """Render certificates into one PDF at ``target``; recorded as printed (to a file)."""
    from balai_app.documents.certificate import render_certificates

    data = render_list(actor, certificate_ids)
    render_certificates(data, target, progress=progress)
    if record:
        record_print(actor, certificate_ids, 1, "pdf")
    return len(data)
