"""The one optimistic-locking update every service uses (services/versioning.py)."""

from __future__ import annotations

import pytest

from balai_app.db.models import Program
from balai_app.domain.errors import StaleRecord
from balai_app.services.versioning import versioned_update


def test_a_matching_version_saves_and_counts_up(db):
    program = Program.create(code="MJH", name="Menjahit")
    versioned_update(Program, program.id, {"name": "Menjahit Busana"}, expected_version=1, stale="basi")
    after = Program.get_by_id(program.id)
    assert (after.name, after.version) == ("Menjahit Busana", 2)
    assert after.updated_at >= program.updated_at


def test_an_old_version_changes_nothing(db):
    program = Program.create(code="MJH", name="Menjahit")
    versioned_update(Program, program.id, {"name": "Orang lain"}, expected_version=1, stale="basi")
    with pytest.raises(StaleRecord, match="telah diubah"):
        versioned_update(Program, program.id, {"name": "Saya"}, expected_version=1, stale="Program telah diubah")
    after = Program.get_by_id(program.id)
    assert (after.name, after.version) == ("Orang lain", 2)


def test_an_extra_condition_must_hold_too(db):
    program = Program.create(code="LAS", name="Las", active=False)
    with pytest.raises(StaleRecord):
        versioned_update(Program, program.id, {"name": "Las SMAW"}, expected_version=None, stale="basi",
                         where=Program.active == True)  # noqa: E712
    assert Program.get_by_id(program.id).name == "Las"
    versioned_update(Program, program.id, {"name": "Las SMAW"}, expected_version=None, stale="basi",
                     where=Program.active == False)  # noqa: E712
    assert Program.get_by_id(program.id).version == 2


def test_a_missing_row_is_stale(db):
    with pytest.raises(StaleRecord):
        versioned_update(Program, 987654, {"name": "x"}, expected_version=1, stale="basi")
