"""Moving a balai's whole database to another engine, with proof.

``move_database`` copies the open database (a SQLite file or a server
database) into an EMPTY PostgreSQL database or a NEW SQLite file, in one
transaction on the target, and proves the copy before it commits:

- every table: the same number of rows and the same checksum on both sides
  (``db.transfer.fingerprint``: values compared in a form both engines agree on);
- the audit trail: the same rows in the same order (ids), and its
  tamper-evident chain verified on the target when that feature exists;
- every certificate verifies on the target exactly as on the source (number,
  verification code, photo hash: VALID / DICABUT the same).

Any difference rolls the target back: it stays empty (a new file is removed).
The source is only read; nothing, not even an audit row, is written to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from balai_app.db import transfer
from balai_app.db.connection import DatabaseError, connect_server, is_server_location
from balai_app.db.models import Certificate, database
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services.context import Actor
from balai_app.services.permissions import require


class MoveError(BalaiError):
    """The move failed or its proof did not hold; the target was left empty."""


@dataclass(frozen=True)
class TableProof:
    table: str
    rows: int
    checksum: str


@dataclass(frozen=True)
class MoveReport:
    target: str
    tables: tuple[TableProof, ...]
    certificates_checked: int
    certificates_valid: int
    audit_rows: int
    audit_chain: str  # "ok", or "tidak ada" when the database has no chain


def _verdicts(db) -> dict[str, str]:
    """number → verdict status of every certificate (competence and rehabilitation),
    verified on ``db`` by the services a person would use."""
    from balai_app.db.models import RehabCertificate
    from balai_app.services import certificates, rehab_certificates

    previous = database.obj
    database.initialize(db)
    try:
        out = {number: certificates.verify_code(number, code).status
               for number, code in Certificate.select(Certificate.number, Certificate.verification_code).tuples()}
        out.update({f"rehab:{number}": rehab_certificates.verify_code(number, code).status
                    for number, code in RehabCertificate.select(RehabCertificate.number,
                                                                RehabCertificate.verification_code).tuples()})
        return out
    finally:
        database.initialize(previous)


def _audit_chain(db, side: str) -> str:
    """Verify the tamper-evident audit chain on ``db`` (the same rule as ``check``);
    "tidak ada" for a database from before the chain (schema < 5)."""
    from balai_app.db import dialect
    from balai_app.domain.audit_chain import CONTENT_COLUMNS, first_break

    if "hash" not in [name for name, _kind in dialect.columns(db, "audit_event")]:
        return "tidak ada"
    columns = ", ".join(f'"{c}"' for c in CONTENT_COLUMNS)
    broken = first_break(db.execute_sql(f'SELECT {columns}, prev_hash, hash FROM "audit_event" ORDER BY id'))
    if broken is not None:
        raise MoveError(tr("Rantai jejak audit di {side} putus pada peristiwa No. {id}; tidak dipindahkan. "
                           "Jalankan 'check' pada sumber.").format(side=side, id=broken.event_id))
    return "ok"


def move_database(actor: Actor, target: str | Path, *, password_prompt=None) -> MoveReport:
    """Copy the open database to ``target`` (``postgresql://…`` or a new ``.sqlite`` file) and prove it."""
    require(actor, "backup.manage")
    source = database.obj
    if source is None:
        raise MoveError(tr("Tidak ada basis data yang terbuka untuk dipindahkan."))
    proof: dict = {}

    def prove(src, dst) -> None:
        _audit_chain(src, tr("sumber"))
        before, after = transfer.fingerprint(src), transfer.fingerprint(dst)
        if set(before) != set(after):
            raise MoveError(tr("Tabel di tujuan berbeda dari sumber: {t}").format(
                t=", ".join(sorted(set(before) ^ set(after)))))
        for table, fp in before.items():
            if after[table] != fp:
                raise MoveError(tr("Tabel {t} berbeda setelah disalin (sumber {a} baris, tujuan {b} baris); "
                                   "tujuan dikosongkan kembali.").format(t=table, a=fp.rows, b=after[table].rows))
        verdicts_src, verdicts_dst = _verdicts(src), _verdicts(dst)
        if verdicts_src != verdicts_dst:
            bad = sorted(n for n in verdicts_src if verdicts_dst.get(n) != verdicts_src[n])
            raise MoveError(tr("Sertifikat tidak terverifikasi sama di tujuan: {n}").format(n=", ".join(bad[:5])))
        proof.update(tables=tuple(TableProof(t, fp.rows, fp.sha256) for t, fp in sorted(before.items())),
                     checked=len(verdicts_dst), valid=sum(1 for v in verdicts_dst.values() if v != "TIDAK VALID"),
                     audit=before["audit_event"].rows if "audit_event" in before else 0,
                     chain=_audit_chain(dst, tr("tujuan")))

    if is_server_location(target):
        try:
            dst = connect_server(str(target), password_prompt=password_prompt)
        except DatabaseError as exc:
            raise MoveError(str(exc)) from exc
        label = dst.address.label()
        try:
            transfer.copy_database(source, dst, inside=prove)
        except transfer.TransferError as exc:
            raise MoveError(exc.message) from exc
        except MoveError:
            raise
        except Exception as exc:  # the server went away, a privilege is missing, ...
            raise MoveError(tr("Penyalinan ke {t} gagal: {e}").format(t=label, e=str(exc).strip())) from exc
        finally:
            dst.close()
    else:
        path = Path(target).expanduser()
        label = str(path)
        if path.exists():
            raise MoveError(tr("Berkas '{p}' sudah ada; pindah hanya ke berkas baru agar tidak ada yang tertimpa.")
                            .format(p=path))
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(path.name + ".part")
        part.unlink(missing_ok=True)
        dst = transfer.open_new_sqlite(part)
        try:
            transfer.copy_database(source, dst, inside=prove)
        except transfer.TransferError as exc:
            raise MoveError(exc.message) from exc
        except MoveError:
            raise
        except Exception as exc:
            raise MoveError(tr("Penyalinan ke {t} gagal: {e}").format(t=label, e=str(exc).strip())) from exc
        finally:
            dst.close()
            if not proof:
                part.unlink(missing_ok=True)
        part.replace(path)
    return MoveReport(label, proof["tables"], proof["checked"], proof["valid"], proof["audit"], proof["chain"])
