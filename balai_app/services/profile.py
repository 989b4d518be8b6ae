"""The balai's profile (name, code, head) and settings."""

from __future__ import annotations

from balai_app.db.models import BalaiProfile, Setting


def get_profile() -> BalaiProfile | None:
    """Public facts about the balai (shown on every screen and document)."""
    return BalaiProfile.get_or_none(BalaiProfile.id == 1)


def get_setting(key: str, default: str = "") -> str:
    row = Setting.get_or_none(Setting.key == key)
    return row.value if row else default
