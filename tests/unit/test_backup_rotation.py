"""The backup rotation policy (domain/backup_rotation.py): pure, names in, names out."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from balai_app.domain.backup_rotation import Rotation, backup_name, choose_kept, doomed, is_regular, stamp_of


def test_names_and_stamps_round_trip():
    when = dt.datetime(2026, 12, 2, 3, 4, 5)
    assert backup_name("balai-", when) == "balai-20261202-030405.sqlite"
    assert backup_name("balai-", when, 3) == "balai-20261202-030405-3.sqlite"
    assert stamp_of(backup_name("balai-", when, 3)) == when
    assert stamp_of("balai-20261399-030405.sqlite") is None  # month 13: not a stamp
    assert is_regular("balai-20261202-030405-2.sqlite")
    assert not is_regular("sebelum-pemulihan-20261202-030405.sqlite")
    assert not is_regular("balai-kantor.sqlite")


def test_doomed_never_names_safety_copies_or_other_files():
    names = [backup_name("balai-", dt.datetime(2026, 1, 1, 16) + dt.timedelta(days=n)) for n in range(40)]
    others = ["sebelum-pemulihan-20250101-100000.sqlite", "sebelum-migrasi-v1-20250101-100000.sqlite",
              "rusak-20250101-100000.sqlite", "balai-kantor.sqlite"]
    gone = doomed(names + others, Rotation(daily=3, weekly=2, monthly=2))
    assert not set(gone) & set(others)
    kept = sorted(set(names) - set(gone))
    assert kept[-1] == names[-1]  # the newest always stays
    assert 3 <= len(kept) <= 3 + 2 + 2


def test_same_second_keeps_the_last_written_even_past_nine():
    when = dt.datetime(2026, 12, 2, 8, 0, 0)
    names = [backup_name("balai-", when, n) for n in range(1, 12)]
    gone = doomed(names, Rotation())
    assert sorted(set(names) - set(gone)) == [backup_name("balai-", when, 11)]


def test_zero_keeps_only_the_newest():
    names = [backup_name("balai-", dt.datetime(2026, 1, 1) + dt.timedelta(days=n)) for n in range(10)]
    assert sorted(set(names) - set(doomed(names, Rotation(0, 0, 0)))) == [names[-1]]
    assert choose_kept([], Rotation()) == set()


@pytest.mark.parametrize("cls", ["BackupInfo", "BackupResult", "RestoreResult", "StartupState"])
def test_the_backup_service_hands_out_frozen_records(cls):
    from balai_app.services import backup, backup_files, backup_restore, backup_startup

    found = next(getattr(m, cls) for m in (backup_files, backup, backup_restore, backup_startup) if hasattr(m, cls))
    assert dataclasses.is_dataclass(found) and found.__dataclass_params__.frozen
