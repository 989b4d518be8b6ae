"""Bad input everywhere, part 2: training, sessions, assessments, enrolment, certificates.

Each property takes a valid call and replaces some of its values with hostile
ones (see ``proofs/hostile.py``). Every call must either store something
sane (every column holds its declared kind of value) or be refused with a
BalaiError carrying an Indonesian message, leaving the database exactly as it
was (every table compared).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from balai_app.db.models import CompetencyUnit
from balai_app.services import certificates, sessions, training
from balai_app.services import unit_assessments
from balai_app.services import attendance
from balai_app.services import curriculum
from balai_app.services import enrollment as enrol
from proofs.hostile import ANY_HOSTILE, BAD_DATES, HOSTILE_TEXT, HYPOTHESIS, attempt
from support.certificates import build_course, make_admin, make_profile


@pytest.fixture
def course(db, make_resident):
    make_profile()
    admin = make_admin()
    built = build_course(make_resident, names=["Rina Wati", "Muh. Ma'ruf"])
    return admin, built, Path(db.database)


def mutate(draw, base: dict, keys: list[str]) -> dict:
    data = dict(base)
    for name in draw(st.lists(st.sampled_from(keys), min_size=1, max_size=min(4, len(keys)), unique=True)):
        data[name] = draw(ANY_HOSTILE)
    return data


PROGRAM = {"code": "LAS", "name": "Las listrik", "description": "Pengelasan", "field": "Logam", "hours": 240,
           "weeks": 12, "min_attendance": 80}


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_programs_and_units(course, data):
    admin, built, path = course
    program_data = mutate(data.draw, {**PROGRAM, "code": f"P{data.draw(st.integers(0, 10**6))}"}, list(PROGRAM))
    unit = mutate(data.draw, {"code": "C.1", "title": "Menyiapkan mesin las", "hours": 8}, ["code", "title", "hours"])
    attempt(path, lambda: curriculum.create_program(admin, program_data, [unit]))
    program = built.program
    attempt(path, lambda: curriculum.update_program(admin, program.id, program_data,
                                                  expected_version=curriculum.get_program(admin, program.id).version))
    attempt(path, lambda: curriculum.add_unit(admin, program.id, unit))
    target = built.units[-1]
    attempt(path, lambda: curriculum.update_unit(admin, target.id, unit,
                                               expected_version=CompetencyUnit.get_by_id(target.id).version))


BATCH_KEYS = ["program", "name", "trainer", "start_date", "end_date", "schedule", "room", "capacity", "status"]


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_batches(course, data):
    admin, built, path = course
    base = {"program": built.program.id, "name": "Angkatan Uji", "trainer": None, "start_date": "2026-02-01",
            "end_date": "2026-04-30", "schedule": "Sen-Jum 08:00-12:00", "room": "Bengkel 1", "capacity": 20,
            "status": "direncanakan"}
    batch_data = mutate(data.draw, base, BATCH_KEYS)
    attempt(path, lambda: training.create_batch(admin, batch_data))
    batch = training.get_batch(admin, built.batch.id)
    attempt(path, lambda: training.update_batch(admin, batch.id, batch_data, expected_version=batch.version,
                                                confirm_warnings=data.draw(st.booleans())))


SESSION_KEYS = ["date", "start_time", "end_time", "topic", "notes", "units"]


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_sessions_and_attendance(course, data):
    admin, built, path = course
    day = built.batch.start_date + dt.timedelta(days=data.draw(st.integers(0, 30)))
    base = {"date": day, "start_time": "13:00", "end_time": "15:00", "topic": "Praktik menjahit",
            "notes": "baris 1\nbaris 2", "units": [built.units[0].id]}
    session_data = mutate(data.draw, base, SESSION_KEYS)
    created = attempt(path, lambda: sessions.create_session(admin, built.batch.id, session_data))
    existing = sessions.list_sessions(admin, built.batch.id)[0]
    session = sessions.get_session(admin, existing.id)
    attempt(path, lambda: sessions.update_session(admin, session.id, session_data, expected_version=session.version))
    status = data.draw(st.one_of(st.sampled_from(["H", "I", "S", "A", None]), ANY_HOSTILE))
    note = data.draw(st.one_of(st.none(), HOSTILE_TEXT, ANY_HOSTILE))
    enrollment = built.enrollments[0].id
    key = data.draw(st.one_of(st.just(enrollment), ANY_HOSTILE.filter(lambda k: k.__hash__ is not None)))
    marks = {key: (status, note) if data.draw(st.booleans()) else status}
    attempt(path, lambda: attendance.save_attendance(admin, (created or session).id, marks))
    attempt(path, lambda: attendance.set_attendance(admin, session.id, built.residents[1].id, status, note))


@pytest.mark.slow
@HYPOTHESIS
@given(data=st.data())
def test_unit_assessments(course, data):
    admin, built, path = course
    values = {
        "result": data.draw(st.one_of(st.sampled_from(["K", "BK"]), ANY_HOSTILE)),
        "date": data.draw(st.one_of(st.none(), BAD_DATES, ANY_HOSTILE, st.dates())),
        "method": data.draw(st.one_of(st.just("observasi"), ANY_HOSTILE)),
        "score": data.draw(st.one_of(st.none(), st.integers(-10, 200), ANY_HOSTILE)),
        "evidence": data.draw(st.one_of(st.just(""), ANY_HOSTILE)),
        "assessor_name": data.draw(st.one_of(st.just(""), ANY_HOSTILE)),
    }
    unit_key = data.draw(st.one_of(st.just(built.units[1].id), st.just(built.units[1].code), ANY_HOSTILE))
    attempt(path, lambda: unit_assessments.assess(admin, built.batch.id, built.residents[0].id, unit_key, **values))
    item = unit_assessments.UnitVerdict(built.enrollments[1].id, built.units[2].id, **values)
    attempt(path, lambda: unit_assessments.add_unit_assessments(admin, built.batch.id, [item]))


@pytest.mark.slow
@HYPOTHESIS
@given(start=st.one_of(st.none(), BAD_DATES, ANY_HOSTILE, st.dates()), confirm=st.booleans())
def test_enrolment(course, make_resident, start, confirm):
    admin, built, path = course
    batch = training.create_batch(admin, {"program": built.program.id, "name": "Terbuka", "start_date": "2026-01-01",
                                          "end_date": "2026-12-31", "status": "berjalan"})
    resident = make_resident(nik=None, nik_missing_reason="belum ada")
    attempt(path, lambda: enrol.enroll(admin, batch.id, resident.id, start_date=start, confirm_warnings=confirm))


@pytest.mark.slow
@HYPOTHESIS
@given(reason=ANY_HOSTILE, issued_on=st.one_of(st.none(), st.dates(), BAD_DATES), settings=st.data())
def test_certificates(course, reason, issued_on, settings):
    admin, built, path = course
    first = attempt(path, lambda: certificates.issue(admin, built.batch.id, [built.residents[0].id],
                                                     override_reason=reason, issued_on=issued_on))
    held = certificates.list_certificates(admin)
    if held:
        cert_id = held[0].id
        attempt(path, lambda: certificates.reissue(admin, cert_id, reason, issued_on=issued_on))
        attempt(path, lambda: certificates.revoke(admin, certificates.list_certificates(admin)[0].id, reason))
    keys = ["number_template", "verification_url", "bilingual", "lsp_enabled", "lsp_org", "lsp_name", "lsp_title",
            "lsp_number"]
    changes = {k: settings.draw(ANY_HOSTILE) for k in settings.draw(st.lists(st.sampled_from(keys), min_size=1,
                                                                             max_size=3, unique=True))}
    attempt(path, lambda: certificates.save_settings(admin, changes))
    assert first is None or len(first.issued) <= 1


@pytest.mark.parametrize("key", ["²", "١٢", "9" * 30, "\udcff", ""])
def test_unit_keys_found_by_the_deep_runs(course, key):
    """Regressions from long hypothesis runs: digits that int() refuses, huge numbers, surrogates."""
    admin, built, path = course
    attempt(path, lambda: unit_assessments.assess(admin, built.batch.id, built.residents[0].id, key, "K"))
    attempt(path, lambda: training.create_batch(admin, {"program": key, "name": "X", "start_date": "2026-01-01",
                                                        "end_date": "2026-02-01", "trainer": key}))
