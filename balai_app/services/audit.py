"""The audit trail: who did what, when, with old and new values.

Rows are only ever inserted (triggers in the schema refuse UPDATE/DELETE).
Call ``record`` inside the same transaction as the change it describes.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from balai_app.db.models import AuditEvent
from balai_app.services.context import Actor


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, bytes):
        return f"<{len(value)} byte>"
    return value


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """{field: [old, new]} for every field whose value changed."""
    return {
        key: [_plain(old.get(key)), _plain(new.get(key))]
        for key in sorted(set(old) | set(new))
        if old.get(key) != new.get(key)
    }


def record(
    actor: Actor,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    summary: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEvent:
    return AuditEvent.create(
        user=actor.user_id,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=entity_id,
        summary=summary,
        changes=json.dumps({k: _plain(v) if not isinstance(v, list) else [_plain(x) for x in v] for k, v in (changes or {}).items()}, ensure_ascii=False),
    )
