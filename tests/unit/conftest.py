"""Fixtures of the unit tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

import pytest
from support.rehab import make_terminated


@pytest.fixture
def terminated(db, system, make_resident):
    """A PM at termination whose file holds what a rehabilitation certificate must never print."""
    return make_terminated(system, make_resident)
