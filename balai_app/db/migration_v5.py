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
