"""The balai's local time: Indonesia's three zones, without daylight saving.

Every time is stored in UTC (``db.models.utcnow``); every time shown to a person
is shown in the balai's zone (a profile setting, WIB by default), so that a
revocation at 04:20 WIB reads the same day it happened.
"""

from __future__ import annotations

import datetime as dt

ZONES: dict[str, int] = {"WIB": 7, "WITA": 8, "WIT": 9}  # hours east of UTC
ZONE_LABELS = {
    "WIB": "WIB (UTC+7) — Sumatera, Jawa, Kalimantan Barat dan Tengah",
    "WITA": "WITA (UTC+8) — Bali, Nusa Tenggara, Sulawesi, Kalimantan Selatan, Timur dan Utara",
    "WIT": "WIT (UTC+9) — Maluku dan Papua",
}
DEFAULT_ZONE = "WIB"
SETTING_KEY = "profile.timezone"  # the Setting row that holds the balai's zone


def offset(zone: str) -> dt.timedelta:
    return dt.timedelta(hours=ZONES.get(zone, ZONES[DEFAULT_ZONE]))


def to_local(utc: dt.datetime | None, zone: str) -> dt.datetime | None:
    """A stored (naive UTC, or aware) time as the balai's naive local time."""
    if utc is None:
        return None
    if utc.tzinfo is not None:
        utc = utc.astimezone(dt.timezone.utc).replace(tzinfo=None)
    return utc + offset(zone)


def local_date(utc: dt.datetime | None, zone: str) -> dt.date | None:
    local = to_local(utc, zone)
    return local.date() if local else None


def _formatted(utc: dt.datetime | None, zone: str, pattern: str) -> str:
    local = to_local(utc, zone)
    if local is None:
        return ""
    return f"{local:{pattern}} {zone if zone in ZONES else DEFAULT_ZONE}"


def format_local(utc: dt.datetime | None, zone: str) -> str:
    """``22/11/2026 04:20 WIB``; empty for None."""
    return _formatted(utc, zone, "%d/%m/%Y %H:%M")


def format_clock(utc: dt.datetime | None, zone: str) -> str:
    """``04:20 WIB`` (the time of day only, for a sentence that already names the date)."""
    return _formatted(utc, zone, "%H:%M")


def today(zone: str, now_utc: dt.datetime | None = None) -> dt.date:
    """Today's date at the balai (the PC's clock read as UTC, shifted to the zone)."""
    now = now_utc or dt.datetime.now(dt.timezone.utc)
    local = to_local(now, zone)
    assert local is not None
    return local.date()
