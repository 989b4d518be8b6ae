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
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring
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


def _json(value: Any) -> str:
    """One value of the hashed text as ``json.dumps(..., ensure_ascii=False)`` writes it,
    after the event's normalising: None, a bool, an int, else the value's text."""
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return int.__repr__(value)
    return encode_basestring(str(value))  # the C string encoder json.dumps itself uses


def canonical_text(prev_hash: str, content: Sequence[Any]) -> str:
    """The text an event's hash is taken over: ``json.dumps([prev_hash, *values],
    ensure_ascii=False, separators=(",", ":"))``, written without building a JSON encoder
    per event (that cost more than the hashing: an import hashes one event per row)."""
    values = list(content)
    values[1] = format_at(values[1])
    return "[" + ",".join(map(_json, [prev_hash, *values])) + "]"


def event_hash(prev_hash: str, content: Sequence[Any]) -> str:
    """SHA-256 of the previous hash and the event's content (``CONTENT_COLUMNS`` order)."""
    return hashlib.sha256(canonical_text(prev_hash, content).encode("utf-8")).hexdigest()


def chained_hashes(previous: str, contents: Sequence[Sequence[Any]]) -> list[str]:
    """``event_hash`` of each content, each event chained after the one before it (the first
    after ``previous``). An import chains one event per row, all at one time, by one user,
    with one action: the text of those values is written once, for as long as they are the
    very same objects (identity, so that ``1`` and ``True`` are never mistaken for each other)."""
    hashes = []
    same: tuple[Any, ...] = ()
    middle = tail = ""
    for content in contents:
        at, user_id, username, action, entity, changes = (content[1], content[2], content[3], content[4],
                                                          content[5], content[8])
        if not (same and at is same[0] and user_id is same[1] and username is same[2] and action is same[3]
                and entity is same[4] and changes is same[5]):
            same = (at, user_id, username, action, entity, changes)
            middle = ",".join(map(_json, [format_at(at), user_id, username, action, entity]))
            tail = _json(changes)
        text = f"[{_json(previous)},{_json(content[0])},{middle},{_json(content[6])},{_json(content[7])},{tail}]"
        previous = hashlib.sha256(text.encode("utf-8")).hexdigest()
        hashes.append(previous)
    return hashes


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
