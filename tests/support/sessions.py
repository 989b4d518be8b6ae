"""Training data for the sessions/attendance/progress tests, built straight from the models.

Used by tests/unit, tests/gui and tests/cli (``from support.sessions import ...``:
``tests/`` is on sys.path through its conftest). Rows are created directly so
these tests do not depend on the training service's validation rules.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from balai_app.db.models import Batch, CompetencyUnit, Enrollment, Program, User
from balai_app.services.context import Actor

DAY = dt.timedelta(days=1)


@dataclass
class Training:
    program: Program
    units: list[CompetencyUnit]
    batch: Batch
    trainer: User
    trainer_actor: Actor
    enrollments: list[Enrollment] = field(default_factory=list)
    residents: list = field(default_factory=list)


_counter = iter(range(1, 1_000_000))


def make_user(role: str = "instruktur", name: str | None = None, password: str | None = None) -> User:
    """An account; with ``password`` one that can sign in (CLI ``--user``)."""
    n = next(_counter)
    if password:
        from balai_app.services.accounts import hash_password

        password_hash = hash_password(password)
    else:
        password_hash = "x"
    return User.create(username=f"{role}{n}", full_name=name or f"{role.title()} {n}", role=role,
                       password_hash=password_hash, must_change_password=False)


def actor_of(user: User) -> Actor:
    return Actor(user.id, user.username, user.role)


def build_training(
    make_resident,
    *,
    participants: int = 3,
    units: int = 3,
    start: dt.date | None = None,
    end: dt.date | None = None,
    min_attendance: int = 80,
    names: list[str] | None = None,
    password: str | None = None,
) -> Training:
    """A program with ``units`` units, a batch over [start, end], ``participants`` enrolled from the start."""
    n = next(_counter)
    start = start or dt.date.today() - dt.timedelta(days=60)
    end = end or dt.date.today() + dt.timedelta(days=30)
    trainer = make_user("instruktur", name=f"Instruktur Menjahit {n}", password=password)
    program = Program.create(code=f"P{n}", name=f"Menjahit {n}", min_attendance=min_attendance)
    unit_rows = [
        CompetencyUnit.create(program=program, position=i + 1, code=f"C.{n}.{i + 1:02d}", title=f"Unit ke-{i + 1}")
        for i in range(units)
    ]
    batch = Batch.create(program=program, name=f"Angkatan {n}", trainer=trainer.id, start_date=start, end_date=end,
                         status="berjalan")
    training = Training(program, unit_rows, batch, trainer, actor_of(trainer))
    for i in range(participants):
        name = names[i] if names and i < len(names) else f"Peserta {n}-{i + 1:02d}"
        resident = make_resident(name=name)
        training.residents.append(resident)
        training.enrollments.append(Enrollment.create(batch=batch, resident=resident.id, start_date=start))
    return training


def enroll(training: Training, resident, start: dt.date, **extra) -> Enrollment:
    enrollment = Enrollment.create(batch=training.batch, resident=resident.id, start_date=start, **extra)
    training.residents.append(resident)
    training.enrollments.append(enrollment)
    return enrollment
