"""The audit trail: who did what, when, with old and new values.

Rows are only ever appended: triggers refuse UPDATE, DELETE, an INSERT with an
existing or older id (REPLACE INTO) and an event that does not continue the
hash chain (``domain.audit_chain``). This module is the ONE writer of the
trail: ``record`` for one event, ``record_many`` for many (the importer), and
``append_events`` for a raw DB-API cursor (the restore writes its event into
the staging copy before the switch). A big batch (the importer) is chained before
the write lock is taken (``chain_events``, optionally ``stage_chain``) and appended
inside it (``append_chain``), after checking that the trail has not moved. Call them inside the same transaction as
the change they describe.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, NamedTuple

from peewee import fn

from balai_app.db.connection import write_transaction
from balai_app.db.models import AuditEvent, database, utcnow
from balai_app.domain import localtime
from balai_app.domain.audit_chain import AT_FORMAT, CONTENT_COLUMNS, GENESIS, chained_hashes
from balai_app.i18n import tr
from balai_app.services.context import Actor
from balai_app.services.permissions import require


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} bita>"
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changed."""
    return {
        key: [_plain(old.get(key)), _plain(new.get(key))]
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    }


def changes_json(changes: dict[str, Any] | None) -> str:
    return json.dumps(
        {k: _plain(v) if not isinstance(v, list) else [_plain(x) for x in v] for k, v in (changes or {}).items()},
        ensure_ascii=False)


class NewEvent(NamedTuple):
    """One event to append (``changes`` already as JSON text)."""

    user_id: int | None
    username: str
    action: str
    entity: str = ""
    entity_id: int | None = None
    summary: str = ""
    changes: str = "{}"


@dataclass(frozen=True)
class Recorded:
    """What was appended: the last event's id and hash, and how many."""

    id: int
    hash: str
    count: int = 1


_INSERT = ('INSERT INTO "audit_event" ({cols}, "prev_hash", "hash") VALUES ({marks})').format(
    cols=", ".join(f'"{c}"' for c in CONTENT_COLUMNS), marks=", ".join(["?"] * (len(CONTENT_COLUMNS) + 2)))


class Chain(NamedTuple):
    """Events chained after a known last event (``after_id``, ``after_hash``), ready to append:
    computed before the write lock is taken (``chain_events``), appended inside it
    (``append_chain``) when the trail has not moved meanwhile."""

    after_id: int
    after_hash: str
    rows: list[tuple[Any, ...]]  # CONTENT_COLUMNS + (prev_hash, hash)


def last_event(cursor) -> tuple[int, str]:
    """(id, hash) of the last event of the trail, (0, GENESIS) when it is empty."""
    last = cursor.execute('SELECT id, hash FROM "audit_event" ORDER BY id DESC LIMIT 1').fetchone()
    return (int(last[0]), last[1] or GENESIS) if last else (0, GENESIS)


def chain_events(events: list[NewEvent], after: tuple[int, str], *, at: dt.datetime | None = None) -> Chain:
    """The rows of ``events`` chained after the event ``after`` = (id, hash); pure computing."""
    stamp = (at or utcnow()).strftime(AT_FORMAT)
    contents = [(next_id, stamp, event.user_id, event.username, event.action, event.entity, event.entity_id,
                 event.summary, event.changes) for next_id, event in enumerate(events, start=after[0] + 1)]
    hashes = chained_hashes(after[1], contents)
    rows = [(*content, previous, own) for content, previous, own in zip(contents, [after[1], *hashes], hashes)]
    return Chain(after[0], after[1], rows)


def chain_holds(cursor, chain: Chain) -> bool:
    """Inside the write lock: whether ``chain`` still continues the trail (no event appended since)."""
    return last_event(cursor) == (chain.after_id, chain.after_hash)


STAGE_COLUMNS = (*CONTENT_COLUMNS, "prev_hash", "hash")


def stage_chain(cursor, chain: Chain, table: str) -> None:
    """Copy ``chain``'s rows into the caller's TEMP ``table`` (SQLite; no lock on the database):
    ``append_chain(..., staged=table)`` then appends them with one statement."""
    columns = ", ".join(f'"{c}"' for c in STAGE_COLUMNS)
    cursor.execute(f'CREATE TEMP TABLE IF NOT EXISTS "{table}" ({columns})')
    cursor.execute(f'DELETE FROM "{table}"')
    cursor.executemany(f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join(["?"] * len(STAGE_COLUMNS))})',
                       chain.rows)


def append_chain(cursor, chain: Chain, *, staged: str | None = None) -> Recorded:
    """Inside the caller's write transaction: append ``chain`` (refused by the triggers, and
    by this check first, unless it continues the trail's last event). ``staged``: the TEMP
    table ``stage_chain`` filled, appended with one INSERT ... SELECT (SQLite)."""
    if not chain_holds(cursor, chain):
        raise RuntimeError("audit chain computed for another last event: chain it again inside the lock")
    return _insert_chain(cursor, chain, staged)


def _insert_chain(cursor, chain: Chain, staged: str | None) -> Recorded:
    if chain.rows:
        if staged:
            columns = ", ".join(f'"{c}"' for c in STAGE_COLUMNS)
            cursor.execute(f'INSERT INTO "audit_event" ({columns}) SELECT {columns} FROM "{staged}" ORDER BY "id"')
        else:
            cursor.executemany(_INSERT, chain.rows)
    last = chain.rows[-1] if chain.rows else None
    return Recorded(last[0] if last else chain.after_id, last[-1] if last else chain.after_hash, len(chain.rows))


def append_events(cursor, events: list[NewEvent], *, at: dt.datetime | None = None) -> Recorded:
    """Append ``events`` to the chain through a DB-API ``cursor`` (qmark style), in the
    caller's transaction, which must hold the write lock (the next id and the last hash
    are read first)."""
    return _insert_chain(cursor, chain_events(events, last_event(cursor), at=at), None)  # chained just now


def record_many(events: list[NewEvent], *, at: dt.datetime | None = None) -> Recorded:
    """Append many events at once (the bulk form: one prepared INSERT)."""
    with write_transaction():
        return append_events(database.obj.cursor(), events, at=at)


def record(
    actor: Actor,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> Recorded:
    return record_many([NewEvent(actor.user_id, actor.username, action, entity, entity_id, summary,
                                 changes_json(changes))])


# --- reading the trail (admin) -------------------------------------------------------

ACTIONS: dict[str, str] = {
    "create": "Membuat",
    "update": "Mengubah",
    "delete": "Menghapus",
    "login": "Masuk",
    "login_failed": "Gagal masuk",
    "logout": "Keluar",
    "export": "Ekspor",
    "print": "Cetak",
    "import": "Impor",
    "issue": "Menerbitkan",
    "revoke": "Mencabut",
    "activate": "Mengaktifkan akun",
    "deactivate": "Menonaktifkan akun",
    "reset_password": "Mengatur ulang kata sandi",
    "change_password": "Mengganti kata sandi",
}

ENTITIES: dict[str, str] = {
    "resident": "Penerima Manfaat",
    "assessment": "Asesmen",
    "service": "Layanan",
    "program": "Program",
    "unit": "Unit kompetensi",
    "competency_unit": "Unit kompetensi",
    "training_session": "Sesi pelatihan",
    "report": "Laporan",
    "batch": "Angkatan",
    "enrollment": "Peserta angkatan",
    "session": "Sesi pelatihan",
    "attendance": "Presensi",
    "unit_assessment": "Penilaian unit",
    "certificate": "Sertifikat",
    "user": "Akun",
    "balai_profile": "Profil balai",
    "setting": "Pengaturan",
    "backup": "Cadangan",
    "audit_event": "Jejak audit",
    "partner": "Mitra",
    "outcome": "Hasil setelah pelatihan",
    "follow_up": "Bimbingan lanjut",
    "profile_consent": "Persetujuan profil lulusan",
    "rehab_certificate": "Sertifikat rehabilitasi sosial",
}


def action_label(action: str) -> str:

    return tr(ACTIONS[action]) if action in ACTIONS else action


def same_kind(entity: str) -> list[str]:
    """``entity`` and every other code stored for the same kind of data (an older name:
    "unit" beside "competency_unit"): a filter by either label finds the events of both."""
    label = ENTITIES.get(entity)
    return [code for code, other in ENTITIES.items() if other == label] if label else [entity]


def entity_label(entity: str) -> str:

    return tr(ENTITIES[entity]) if entity in ENTITIES else entity


def zone() -> str:
    """The balai's time zone (WIB, WITA or WIT: a profile setting), in which every stored
    time is shown -- not the PC's own zone, which on a shared PC is often left at UTC."""
    from balai_app.db.models import Setting

    row = Setting.get_or_none(Setting.key == localtime.SETTING_KEY)
    return row.value if row and row.value in localtime.ZONES else localtime.DEFAULT_ZONE


def to_local(at: dt.datetime, zone_name: str | None = None) -> dt.datetime:
    """A stored UTC time as the balai's local time (naive); pass ``zone_name`` in loops."""
    local = localtime.to_local(at, zone_name or zone())
    assert local is not None
    return local


def _local_midnight_utc(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()) - localtime.offset(zone())


@dataclass
class AuditFilter:
    username: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: int | None = None
    date_from: dt.date | None = None  # local calendar dates, both inclusive
    date_to: dt.date | None = None
    text: str = ""


class AuditRow(NamedTuple):
    id: int
    at: dt.datetime  # UTC
    username: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    changes: str  # JSON

    def changes_dict(self) -> dict[str, Any]:
        try:
            value = json.loads(self.changes or "{}")
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}


def _filtered(query, flt: AuditFilter):
    if flt.username:
        query = query.where(AuditEvent.username == flt.username)
    if flt.action:
        query = query.where(AuditEvent.action == flt.action)
    if flt.entity:
        query = query.where(AuditEvent.entity.in_(same_kind(flt.entity)))
    if flt.entity_id is not None:
        query = query.where(AuditEvent.entity_id == flt.entity_id)
    if flt.date_from:
        query = query.where(AuditEvent.at >= _local_midnight_utc(flt.date_from))
    if flt.date_to:
        query = query.where(AuditEvent.at < _local_midnight_utc(flt.date_to + dt.timedelta(days=1)))
    for word in flt.text.split():
        query = query.where(AuditEvent.summary.contains(word) | AuditEvent.changes.contains(word))
    return query


def list_events(actor: Actor, flt: AuditFilter | None = None, *, limit: int = 500, offset: int = 0,
                after: AuditRow | None = None) -> list[AuditRow]:
    """Newest first. ``after``: the last row of the previous page (keyset paging)."""
    require(actor, "audit.view")
    query = _filtered(AuditEvent.select(*(getattr(AuditEvent, name) for name in AuditRow._fields)),
                      flt or AuditFilter())
    if after is not None:
        query = query.where(AuditEvent.id < after.id)
    query = query.order_by(AuditEvent.id.desc()).limit(limit).offset(offset)
    return [AuditRow(*row) for row in query.tuples()]


def count_events(actor: Actor, flt: AuditFilter | None = None) -> int:
    require(actor, "audit.view")
    return _filtered(AuditEvent.select(fn.COUNT(AuditEvent.id)), flt or AuditFilter()).scalar() or 0


def filter_choices(actor: Actor) -> dict[str, list[str]]:
    """The usernames, actions and entities present in the trail, for the filter lists."""
    require(actor, "audit.view")

    def distinct(field) -> list[str]:
        return sorted(value for (value,) in AuditEvent.select(fn.DISTINCT(field)).tuples() if value)

    return {"username": distinct(AuditEvent.username), "action": distinct(AuditEvent.action),
            "entity": distinct(AuditEvent.entity)}


# --- revocations, as the chained trail records them ---------------------------------------


@dataclass(frozen=True)
class Revocation:
    at: dt.datetime  # UTC
    reason: str


def revocation_of(certificate_id: int) -> Revocation | None:
    """The revocation of a certificate as recorded in the (append-only, chained) trail.

    Verification asks this besides the certificate's status column: one SQL UPDATE of
    the status cannot make a revoked certificate valid again."""
    row = (AuditEvent.select(AuditEvent.at, AuditEvent.changes)
           .where((AuditEvent.action == "revoke") & (AuditEvent.entity == "certificate")
                  & (AuditEvent.entity_id == certificate_id))
           .order_by(AuditEvent.id).first())
    if row is None:
        return None
    try:
        reason = json.loads(row.changes or "{}").get("alasan", ["", ""])[1]
    except (ValueError, AttributeError, IndexError, TypeError):
        reason = ""
    return Revocation(row.at, str(reason or ""))
