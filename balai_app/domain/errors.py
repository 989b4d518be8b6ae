"""Errors that carry a message for the user (Bahasa Indonesia, through ``tr``)."""

from __future__ import annotations


class BalaiError(Exception):
    """Base of every error whose message is meant for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(BalaiError):
    """Invalid input. ``errors`` maps a field name to its message."""

    def __init__(self, errors: dict[str, str], message: str | None = None):
        self.errors = dict(errors)
        text = message or "; ".join(f"{msg}" for msg in self.errors.values())
        super().__init__(text)


class NeedsConfirmation(BalaiError):
    """The input is valid but has warnings the user must confirm first.

    Call again with ``confirm_warnings=True`` once the user agreed.
    ``warnings`` maps a field name to its message.
    """

    def __init__(self, warnings: dict[str, str]):
        self.warnings = dict(warnings)
        super().__init__("; ".join(self.warnings.values()))


class PermissionDenied(BalaiError):
    pass


class NotFound(BalaiError):
    pass


class StaleRecord(BalaiError):
    """The record was changed elsewhere after the form was opened."""
