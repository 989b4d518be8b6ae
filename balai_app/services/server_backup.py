"""``check`` and ``restore`` of a balai's database on a server (issue 16).

A server keeps its own integrity (types, references, transactions); what the
program adds is what it adds on SQLite: the audit trail's hash chain is
verified, and a restore takes a backup FILE (SQLite, same schema: what
``backup`` writes for a server database too) into the server database whole
or not at all, after the server's current data has been kept as a backup file
like any other.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from balai_app.db import dialect, transfer
from balai_app.db.connection import backup_to, close_database, open_database
from balai_app.db.models import Certificate, Resident, database
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import backup, backup_files
from balai_app.services.context import Actor
from balai_app.services.permissions import require


class ServerRestoreRefused(BalaiError):
    """The backup file cannot be restored into the server; nothing changed there."""


@dataclass(frozen=True)
class ServerCheck:
    label: str  # "balai di 192.168.1.10:5432"
    schema_version: int
    residents: int
    certificates: int
    problems: tuple[str, ...]  # empty: sound


@dataclass(frozen=True)
class ServerRestore:
    restored: backup_files.BackupInfo
    safety_copy: Path


def _chain_problems(db) -> list[str]:
    from balai_app.db import migrations
    from balai_app.domain.audit_chain import CONTENT_COLUMNS, first_break

    if dialect.schema_version(db) < migrations.AUDIT_CHAIN_VERSION:
        return []
    columns = ", ".join(f'"{c}"' for c in CONTENT_COLUMNS)
    broken = first_break(db.execute_sql(f'SELECT {columns}, prev_hash, hash FROM "audit_event" ORDER BY id'))
    if broken is None:
        return []
    why = tr("isinya diubah") if broken.reason == "hash" else tr("peristiwa sebelumnya dihapus atau disisipkan")
    return [tr("Rantai jejak audit putus pada peristiwa No. {id}: {why}.").format(id=broken.event_id, why=why)]


def check_open_server() -> ServerCheck:
    """The open server database: schema, counts, and the audit chain verified."""
    db = database.obj
    return ServerCheck(db.address.label(), dialect.schema_version(db), Resident.select().count(),
                       Certificate.select().count(), tuple(_chain_problems(db)))


def restore_into_server(actor: Actor, file: str | Path) -> ServerRestore:
    """Replace the open server database's contents with the backup ``file``, in one
    transaction; raises ``ServerRestoreRefused`` (nothing changed on the server)."""
    require(actor, "backup.restore")
    db = database.obj
    try:
        transfer.require_owner(db, tr("Pemulihan cadangan ke server"))  # before the safety copy is made
    except transfer.TransferError as exc:
        raise ServerRestoreRefused(exc.message) from None
    source_file = Path(file).expanduser()
    info = backup_files.inspect_backup(source_file, full=True)
    if not info.sound:
        raise ServerRestoreRefused(tr("Berkas '{name}' tidak dapat dipulihkan: {problems}").format(
            name=source_file.name, problems="; ".join(info.problems[:3])))
    safety = backup.create_backup(actor, second=False)
    with tempfile.TemporaryDirectory(prefix="balai-pulih-") as folder:
        staging = backup_to(source_file, Path(folder) / "cadangan.sqlite")  # the chosen file stays as it is
        source = open_database(staging, backup_dir=Path(folder))  # an older backup is upgraded first
        try:
            transfer.replace_server_contents(db, source)
        except transfer.TransferError as exc:
            raise ServerRestoreRefused(exc.message) from exc
        finally:
            close_database()
            database.initialize(db)
    return ServerRestore(info, safety.info.path)
