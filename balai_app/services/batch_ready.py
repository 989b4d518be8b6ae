"""When a batch takes sessions, attendance, verdicts and certificates: once it runs and has a trainer.

``require_ready`` is called by ``sessions``, ``attendance``, ``unit_assessments`` and
``certificates_issue``; ``batch_choice`` names one batch with its program (the session dialog).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from peewee import JOIN, fn

from balai_app.db.models import Batch, Program, TrainingSession, User
from balai_app.domain import codes
from balai_app.domain.errors import ValidationError
from balai_app.domain.text import batch_phrase
from balai_app.i18n import tr
from balai_app.services.context import Actor
from balai_app.domain.dates import format_short
from balai_app.domain.errors import NotFound
from balai_app.services.permissions import require, require_trainer_scope


class BatchChoice(NamedTuple):
    """A batch with its program and trainer (the fields of ``sessions.BatchChoice``)."""

    id: int
    name: str
    program_id: int
    program_code: str
    program_name: str
    trainer_id: int | None
    trainer_name: str
    start_date: dt.date
    end_date: dt.date
    status: str

    @property
    def label(self) -> str:
        return f"{self.name} — {self.program_name} ({format_short(self.start_date)}–{format_short(self.end_date)})"


def require_ready(batch: Batch, what: str, *, trainer_or_sessions: bool = False) -> None:
    """Refuse ``what`` (sessions, attendance, verdicts, certificates) for a batch that has not started.

    A batch still "Direncanakan", a cancelled one, or one without a trainer has
    no classes yet; the window hides such batches, and this keeps the CLI and
    every other caller to the same rule. For certificates
    (``trainer_or_sessions``) a batch whose trainer was removed after its
    sessions were held is still certifiable: only one that never had classes is refused.
    """
    name = batch_phrase(batch.name, start=True)
    if batch.status in ("direncanakan", "dibatalkan"):
        hint = (tr("Staf atau admin dapat mengubah statusnya menjadi Berjalan (Pelatihan › Angkatan).") if batch.status == "direncanakan"
                else "")
        raise ValidationError({"batch": (tr("{name} masih berstatus {status}: {what} belum dapat dicatat.").format(
            name=name, status=codes.label(codes.BATCH_STATUS, batch.status), what=what) + " " + hint).strip()})
    if batch.trainer_id is None and not (
            trainer_or_sessions and TrainingSession.select().where(TrainingSession.batch == batch.id).exists()):
        raise ValidationError({"batch": tr(
            "{name} belum memiliki instruktur: {what} belum dapat dicatat. Staf atau admin dapat menetapkan "
            "instruktur (Pelatihan › Angkatan).").format(name=name, what=what)})


def batch_choice(actor: Actor, batch_id: int) -> BatchChoice:
    """One batch with its program and trainer, as the session dialog names it."""
    require(actor, "sessions.view")
    batch = Batch.get_or_none(Batch.id == batch_id)
    if batch is None:
        raise NotFound(tr("Angkatan No. {id} tidak ditemukan.").format(id=batch_id))
    require_trainer_scope(actor, "sessions.view", batch.trainer_id)
    row = (Batch.select(Batch.id, Batch.name, Program.id, Program.code, Program.name, Batch.trainer,
                        fn.COALESCE(User.full_name, ""), Batch.start_date, Batch.end_date, Batch.status)
           .join(Program, on=(Batch.program == Program.id)).switch(Batch)
           .join(User, join_type=JOIN.LEFT_OUTER, on=(Batch.trainer == User.id))
           .where(Batch.id == batch_id).tuples().get())
    return BatchChoice(*row)
