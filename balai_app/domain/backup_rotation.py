"""Which backups to keep (pure: names and dates in, names out; no files touched).

Regular backups are named ``balai-YYYYMMDD-HHMMSS.sqlite`` (local time), with
``-2``, ``-3`` ... when several are taken in the same second; only those are
rotated. Safety copies (``sebelum-pemulihan-*``, ``sebelum-migrasi-*``,
``rusak-*``) are kept until someone deletes them.

The policy is grandfather-father-son: the newest backup of each of the last
``daily`` days that have one, of the last ``weekly`` ISO weeks and of the last
``monthly`` months; the newest backup is always kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from pathlib import PurePath

REGULAR_PREFIX = "balai-"
SAFETY_PREFIX = "sebelum-pemulihan-"
MIGRATION_PREFIX = "sebelum-migrasi-"
DAMAGED_PREFIX = "rusak-"
SUFFIX = ".sqlite"
_STAMP = re.compile(r"(\d{8})-(\d{6})")


@dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


def _name(path: str | PurePath) -> str:
    return path.name if isinstance(path, PurePath) else PurePath(path).name


def stamp_of(path: str | PurePath) -> dt.datetime | None:
    """The time written in a backup's name (``...-YYYYMMDD-HHMMSS...``), else None."""
    match = _STAMP.search(_name(path))
    if not match:
        return None
    try:
        return dt.datetime.strptime("".join(match.groups()), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def is_regular(path: str | PurePath) -> bool:
    """A regular (rotated) backup: ``balai-<stamp>[-n].sqlite``."""
    name = _name(path)
    return name.startswith(REGULAR_PREFIX) and name.endswith(SUFFIX) and stamp_of(name) is not None


def backup_name(prefix: str, when: dt.datetime, n: int = 1) -> str:
    """The file name of the ``n``-th backup taken in the second ``when``."""
    base = f"{prefix}{when:%Y%m%d-%H%M%S}"
    return f"{base}{SUFFIX}" if n <= 1 else f"{base}-{n}{SUFFIX}"


def choose_kept(stamps: Iterable[dt.datetime], policy: Rotation) -> set[dt.datetime]:
    """The stamps the policy keeps (see the module docstring)."""
    ordered = sorted(set(stamps), reverse=True)
    kept: set[dt.datetime] = set(ordered[:1])
    periods: tuple[tuple[int, Callable[[dt.datetime], Hashable]], ...] = (
        (policy.daily, lambda t: t.date()),
        (policy.weekly, lambda t: tuple(t.isocalendar())[:2]),
        (policy.monthly, lambda t: (t.year, t.month)),
    )
    for keep, period in periods:
        seen: list[Hashable] = []
        for stamp in ordered:
            key = period(stamp)
            if key in seen:
                continue
            if len(seen) >= keep:
                break
            seen.append(key)
            kept.add(stamp)
    return kept


def doomed(names: Iterable[str], policy: Rotation) -> list[str]:
    """The regular backups among ``names`` that the policy no longer keeps, sorted.

    Several files of the same second: only the last written (the highest name) of a
    kept second stays. Names that are not regular backups are never returned."""
    by_stamp: dict[dt.datetime, list[str]] = {}
    for name in names:
        stamp = stamp_of(name)
        if stamp is not None and is_regular(name):
            by_stamp.setdefault(stamp, []).append(name)
    kept = choose_kept(by_stamp, policy)
    out: list[str] = []
    for stamp, files in by_stamp.items():
        files.sort(key=_order_in_second)
        out.extend(files if stamp not in kept else files[:-1])
    return sorted(out)


def _order_in_second(name: str) -> tuple[int, str]:
    """``balai-X.sqlite`` before ``balai-X-2.sqlite`` before ``balai-X-10.sqlite``."""
    stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else name
    match = re.search(r"-\d{6}-(\d+)$", stem)
    return (int(match.group(1)) if match else 1, name)
