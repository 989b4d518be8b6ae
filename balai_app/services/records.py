"""The plain, frozen records services hand out instead of peewee rows.

A screen, a CLI command or a document receives one of these and can do nothing
with it but read: no lazy relation walks a query on the GUI thread outside the
permission checks, and nothing above ``services/`` needs ``balai_app.db``.

Field names follow the table columns; a foreign key appears as ``<name>_id``
(``Batch.program`` -> ``BatchRecord.program_id``). ``of(row)`` builds a record
from a model row. Secrets (``User.password_hash``) and internal columns
(``Resident.search_text``) are left out.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any, TypeVar

T = TypeVar("T")


def build(cls: type[T], row: Any, **extra: Any) -> T:
    """A ``cls`` record from a peewee row: each field from the row's column of the same
    name (``x_id`` from the foreign key ``x``), unless given in ``extra``."""
    data = row.__data__
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = field.name
        if name in extra:
            values[name] = extra[name]
        elif name in data:
            values[name] = data[name]
        elif name.endswith("_id") and name[:-3] in data:
            values[name] = data[name[:-3]]
        elif field.default is not dataclasses.MISSING:
            values[name] = field.default
        else:
            values[name] = getattr(row, name)
    return cls(**values)


@dataclasses.dataclass(frozen=True, slots=True)
class ProgramRecord:
    id: int
    code: str
    name: str
    description: str
    field: str
    hours: int | None
    weeks: int | None
    min_attendance: int
    is_sample: bool
    active: bool
    version: int
    adults_only: bool = False  # enrolling a PM under 15 needs a written reason (issue 14)

    @classmethod
    def of(cls, row: Any) -> ProgramRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class UnitRecord:
    """A competency unit of a program."""

    id: int
    program_id: int
    position: int
    code: str
    title: str
    hours: int | None
    retired: bool
    version: int

    @classmethod
    def of(cls, row: Any) -> UnitRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class BatchRecord:
    """An angkatan, with its program's code and name and its trainer's name."""

    id: int
    program_id: int
    name: str
    trainer_id: int | None
    start_date: dt.date
    end_date: dt.date
    schedule: str
    room: str
    capacity: int
    status: str
    version: int
    program_code: str = ""
    program_name: str = ""
    trainer_name: str = ""

    @classmethod
    def of(cls, row: Any) -> BatchRecord:
        program = row.program
        trainer = row.trainer
        return build(cls, row, program_code=program.code, program_name=program.name,
                     trainer_name=trainer.full_name if trainer is not None else "")


@dataclasses.dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    username: str
    full_name: str
    role: str
    nip: str
    active: bool
    must_change_password: bool
    failed_logins: int
    locked_until: dt.datetime | None
    version: int

    @classmethod
    def of(cls, row: Any) -> UserRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class ResidentRecord:
    """A Penerima Manfaat (PM), every column but the search key."""

    id: int
    nik: str | None
    nik_missing_reason: str
    no_kk: str
    name: str
    sex: str
    birth_place: str
    birth_date: dt.date | None
    klaster: str
    disabilities: str
    religion: str
    education: str
    address: str
    guardian_name: str
    guardian_relation: str
    guardian_phone: str
    entry_date: dt.date
    referral_source: str
    status: str
    exit_date: dt.date | None
    exit_reason: str
    notes: str
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, row: Any) -> ResidentRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class AssessmentRecord:
    """An asesmen of a resident."""

    id: int
    resident_id: int
    date: dt.date
    assessor: str
    physical: str
    mental: str
    social: str
    family: str
    vocational_interest: str
    summary: str
    recommendation: str
    created_by_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, row: Any) -> AssessmentRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class ServiceRecordData:
    """A service given under ATENSI."""

    id: int
    resident_id: int
    date: dt.date
    kind: str
    subkind: str  # codes.THERAPY_KINDS for terapi, else ""
    description: str
    staff: str
    created_by_id: int | None
    created_at: dt.datetime
    version: int

    @classmethod
    def of(cls, row: Any) -> ServiceRecordData:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class EnrollmentRecord:
    id: int
    batch_id: int
    resident_id: int
    start_date: dt.date
    end_date: dt.date | None
    status: str
    status_date: dt.date | None
    status_reason: str
    version: int

    @classmethod
    def of(cls, row: Any) -> EnrollmentRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class SessionRecord:
    """A training session (one meeting of a batch)."""

    id: int
    batch_id: int
    date: dt.date
    start_time: str
    end_time: str
    topic: str
    trainer_id: int | None
    notes: str
    version: int

    @classmethod
    def of(cls, row: Any) -> SessionRecord:
        return build(cls, row)


@dataclasses.dataclass(frozen=True, slots=True)
class ProfileRecord:
    """The balai's profile (one row)."""

    id: int
    name: str
    code: str
    address: str
    city: str
    phone: str
    logo: bytes | None
    head_name: str
    head_nip: str
    head_title: str
    is_demo: bool
    updated_at: dt.datetime
    version: int

    @classmethod
    def of(cls, row: Any) -> ProfileRecord:
        return build(cls, row)
