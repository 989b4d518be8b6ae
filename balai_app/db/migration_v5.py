"""Frozen for schema step 5 (the audit chain): the event hash exactly as step 5
released it. ``domain.audit_chain`` is the live rule; a test checks that the two
still agree, and this copy is never edited."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import Any

GENESIS = "0" * 64
AT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"
CONTENT_COLUMNS = ("id", "at", "user_id", "username", "action", "entity", "entity_id", "summary", "changes")


def _format_at(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return value.strftime(AT_FORMAT)
    text = str(value)
    if len(text) == 19:
        text += ".000000"
    return text


def event_hash(prev_hash: str, content: Sequence[Any]) -> str:
    values = list(content)
    values[1] = _format_at(values[1])
    values = [None if v is None else (v if isinstance(v, int) else str(v)) for v in values]
    text = json.dumps([prev_hash, *values], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_PG_REFUSE_FUNCTION = """CREATE OR REPLACE FUNCTION balai_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation'; END $$"""

# PostgreSQL form of step 5's triggers: no update, no delete, append at the end only, every
# event continues the hash chain (SQLite's are in ``migrations.AUDIT_TRIGGERS_SQLITE``).
PG_TRIGGERS = [
    _PG_REFUSE_FUNCTION,
    'DROP TRIGGER IF EXISTS "audit_event_no_update" ON "audit_event"',
    'CREATE TRIGGER "audit_event_no_update" BEFORE UPDATE ON "audit_event" FOR EACH ROW '
    "EXECUTE FUNCTION balai_refuse('audit_event is append-only')",
    'DROP TRIGGER IF EXISTS "audit_event_no_delete" ON "audit_event"',
    'CREATE TRIGGER "audit_event_no_delete" BEFORE DELETE ON "audit_event" FOR EACH ROW '
    "EXECUTE FUNCTION balai_refuse('audit_event is append-only')",
    f"""CREATE OR REPLACE FUNCTION balai_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE last_id integer; last_hash text;
    BEGIN
      SELECT id, hash INTO last_id, last_hash FROM "audit_event" ORDER BY id DESC LIMIT 1;
      IF NEW.id IS NOT NULL AND NEW.id <= COALESCE(last_id, 0) THEN
        RAISE EXCEPTION 'audit_event is append-only' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      IF NEW.hash IS NULL OR NEW.prev_hash IS DISTINCT FROM COALESCE(last_hash, '{GENESIS}') THEN
        RAISE EXCEPTION 'audit_event must continue the hash chain' USING ERRCODE = 'integrity_constraint_violation';
      END IF;
      RETURN NEW;
    END $$""",
    'DROP TRIGGER IF EXISTS "audit_event_chained" ON "audit_event"',
    'CREATE TRIGGER "audit_event_chained" BEFORE INSERT ON "audit_event" FOR EACH ROW '
    "EXECUTE FUNCTION balai_audit_chain()",
]
