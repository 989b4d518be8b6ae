"""Optimistic locking, written once.

Every editable row carries ``version``. A save names the version it started
from; when someone else saved in between, nothing is written and the caller
gets ``StaleRecord`` with its message (never a silent overwrite).
"""

from __future__ import annotations

from typing import Any

from balai_app.db.models import utcnow
from balai_app.domain.errors import StaleRecord


def versioned_update(model: Any, record_id: int, values: dict[str, Any], *, expected_version: int | None,
                     stale: str, where: Any = None) -> None:
    """``UPDATE model SET values, updated_at, version + 1 WHERE id AND version (AND where)``.

    ``expected_version`` None skips the version match (the caller checked otherwise,
    e.g. with ``where``); ``stale`` is the Indonesian message when no row matched."""
    condition = model.id == record_id
    if expected_version is not None:
        condition &= model.version == expected_version
    if where is not None:
        condition &= where
    changed = model.update(**values, updated_at=utcnow(), version=model.version + 1).where(condition).execute()
    if changed != 1:
        raise StaleRecord(stale)
