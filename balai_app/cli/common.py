"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse

from balai_app import paths
from balai_app.db.connection import DatabaseError, open_database
from balai_app.domain.errors import BalaiError
from balai_app.services.context import SYSTEM, Actor


def open_db(args: argparse.Namespace):
    try:
        return open_database(paths.database_path())
    except DatabaseError as exc:
        raise BalaiError(str(exc)) from exc


def actor(args: argparse.Namespace, *, write: bool) -> Actor:
    """The acting user for a command.

    Until a database has accounts, the program itself acts (demo, set-up).
    """
    return SYSTEM
