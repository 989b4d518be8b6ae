"""An instruktur reaches only the batches they train, and sees participants' name, photo and sex only."""

from __future__ import annotations

import datetime as dt
import inspect
import itertools

import pytest
from support.sessions import actor_of, build_training, make_user

from balai_app.domain.errors import PermissionDenied
from balai_app.services import enrollment, permissions, progress, sessions, training
from balai_app.services import attendance
from balai_app.services.context import Actor


@pytest.fixture
def two_batches(db, make_resident):
    own = build_training(make_resident, participants=2)
    other = build_training(make_resident, participants=2)
    return own, other


HOURS = itertools.cycle(range(7, 20))

SCOPED_CALLS = [
    ("training.get_batch", lambda a, b: training.get_batch(a, b.id)),
    ("enrollment.batch_participants", lambda a, b: enrollment.batch_participants(a, b.id)),
    ("sessions.list_sessions", lambda a, b: sessions.list_sessions(a, b.id)),
    ("sessions.participants", lambda a, b: sessions.participants(a, b.id)),
    ("sessions.create_session", lambda a, b: sessions.create_session(
        a, b.id, {"date": dt.date.today(), "topic": "x", "start_time": f"{next(HOURS):02d}:00"})),
    ("progress.batch_matrix", lambda a, b: progress.batch_matrix(a, b.id)),
]


@pytest.mark.parametrize(("name", "func"), SCOPED_CALLS, ids=[n for n, _ in SCOPED_CALLS])
def test_instruktur_reaches_own_batch_only(two_batches, name, func):
    own, other = two_batches
    func(own.trainer_actor, own.batch)
    with pytest.raises(PermissionDenied):
        func(own.trainer_actor, other.batch)


@pytest.mark.parametrize(("name", "func"), SCOPED_CALLS, ids=[n for n, _ in SCOPED_CALLS])
def test_office_roles_reach_every_batch(two_batches, name, func):
    _own, other = two_batches
    for role in ("admin", "staf"):
        func(actor_of(make_user(role)), other.batch)


def test_batch_lists_of_an_instruktur_hold_only_their_batches(two_batches):
    own, other = two_batches
    ids = {row.id for row in training.list_batches(own.trainer_actor)}
    assert own.batch.id in ids and other.batch.id not in ids


def test_participants_reach_an_instruktur_without_nik_or_klaster(two_batches):
    own, _other = two_batches
    rows = enrollment.batch_participants(own.trainer_actor, own.batch.id)
    assert rows and all(r.nik is None and r.klaster is None for r in rows)
    assert {r.name for r in rows} == {r.name for r in own.residents}
    assert {r.sex for r in rows} <= {"L", "P"}
    staff_rows = enrollment.batch_participants(actor_of(make_user("staf")), own.batch.id)
    assert all(r.nik for r in staff_rows)


def test_session_lists_reach_an_instruktur_without_nik(two_batches):
    own, _other = two_batches
    people = sessions.participants(own.trainer_actor, own.batch.id)
    assert people and all(p.nik is None for p in people)
    session = sessions.create_session(own.trainer_actor, own.batch.id, {"date": dt.date.today(), "topic": "Pola"})
    sheet = attendance.attendance_sheet(own.trainer_actor, session.id)
    assert sheet and all(row.nik is None for row in sheet)


def test_instruktur_finds_own_participant_by_nik_without_being_shown_it(two_batches):
    own, _other = two_batches
    resident = own.residents[0]
    found = sessions.find_participant(own.trainer_actor, own.batch.id, resident.nik)
    assert found.resident_id == resident.id


def test_require_trainer_scope():
    trainer = Actor(7, "joko", "instruktur")
    permissions.require_trainer_scope(trainer, "sessions.view", 7)
    with pytest.raises(PermissionDenied, match="hanya dapat membuka angkatan yang Anda latih"):
        permissions.require_trainer_scope(trainer, "sessions.view", 8)
    permissions.require_trainer_scope(Actor(1, "rina", "staf"), "sessions.view", 8)


# Every function the matrix opens to an instruktur (ALL) that takes a batch, session or
# enrollment is refused on another trainer's batch: derived from the matrix, so a new
# scoped function is covered without being listed by hand.
BATCH_KEYS = ("batch_id", "session_id", "enrollment_id")


def _scoped_functions() -> list[str]:
    from unit.test_permissions_matrix import ALL, EXPECTED, FUNCTIONS

    names = []
    for name, func in FUNCTIONS.items():
        params = list(inspect.signature(func).parameters)
        if EXPECTED.get(name) == ALL and any(key in params for key in BATCH_KEYS):
            names.append(name)
    return sorted(names)


SCOPED_BY_MATRIX = _scoped_functions()


def test_the_matrix_finds_the_scoped_functions():
    assert {"training.get_batch", "attendance.save_attendance", "progress.enrollment_progress",
            "exports.participants_pdf"} <= set(SCOPED_BY_MATRIX)


@pytest.mark.parametrize("name", SCOPED_BY_MATRIX)
def test_every_scoped_function_refuses_another_trainers_batch(two_batches, name, tmp_path):
    from unit.test_permissions_matrix import FUNCTIONS, placeholder

    own, other = two_batches
    session = sessions.create_session(other.trainer_actor, other.batch.id, {"date": dt.date.today(), "topic": "x"})
    ids = {"batch_id": other.batch.id, "session_id": session.id, "enrollment_id": other.enrollments[0].id,
           "resident_id": other.residents[0].id}
    func = FUNCTIONS[name]
    args, kwargs = [own.trainer_actor], {}
    for index, (param, spec) in enumerate(inspect.signature(func).parameters.items()):
        if index == 0 or spec.default is not inspect.Parameter.empty:
            continue
        value = ids[param] if param in ids else placeholder(param, spec.annotation, tmp_path)
        if spec.kind is inspect.Parameter.KEYWORD_ONLY:
            kwargs[param] = value
        else:
            args.append(value)
    with pytest.raises(PermissionDenied, match="hanya dapat membuka angkatan yang Anda latih"):
        func(*args, **kwargs)
