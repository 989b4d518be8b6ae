"""The tamper-evident chain of the audit trail (pure: no database).

Each event stores ``prev_hash`` (the ``hash`` of the event before it, or
``GENESIS`` for the first) and its own ``hash``: SHA-256 over the previous hash
and a canonical text of the event's content (id, time, user, action, entity,
summary, changes). Changing, removing or inserting any event breaks the chain
at that event, so ``check`` can name the first broken one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

GENESIS = "0" * 64
AT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"

# The columns that make up an event's content, in hashing order.
CONTENT_COLUMNS = ("id", "at", "user_id", "username", "action", "entity", "entity_id", "summary", "changes")


def format_at(value: Any) -> str:
    """The stored text of an event time (a datetime or the text SQLite returns)."""
    if isinstance(value, dt.datetime):
        return value.strftime(AT_FORMAT)
    text = str(value)
    if len(text) == 19:  # written without microseconds by an older program
        text += ".000000"
    return text


# json.dumps(..., ensure_ascii=False, separators=(",", ":")), without building an encoder per event.
_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def event_hash(prev_hash: str, content: Sequence[Any]) -> str:
    """SHA-256 of the previous hash and the event's content (``CONTENT_COLUMNS`` order)."""
    values = list(content)
    values[1] = format_at(values[1])
    values = [None if v is None else (v if isinstance(v, int) else str(v)) for v in values]
    text = _JSON.encode([prev_hash, *values])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Broken(NamedTuple):
    event_id: int
    reason: str  # "hash" (content changed), "link" (an event removed or inserted)


def first_break(rows: Iterable[Sequence[Any]]) -> Broken | None:
    """The first event whose chain does not hold; rows are ``CONTENT_COLUMNS`` +
    (prev_hash, hash), in id order."""
    previous = GENESIS
    for row in rows:
        content, prev_hash, own = row[: len(CONTENT_COLUMNS)], row[-2], row[-1]
        if prev_hash != previous:
            return Broken(int(content[0]), "link")
        if own != event_hash(prev_hash, content):
            return Broken(int(content[0]), "hash")
        previous = own
    return None
