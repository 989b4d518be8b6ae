"""Sessions, attendance and unit assessments: the rules of services.sessions."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from balai_app.db.models import Attendance, AuditEvent, UnitAssessment
from balai_app.domain.errors import NotFound, PermissionDenied, StaleRecord, ValidationError
from balai_app.services import sessions
from balai_app.services import unit_assessments
from balai_app.services import attendance
from balai_app.services.unit_assessments import UnitVerdict
from support.sessions import DAY, actor_of, build_training, enroll, make_user

TODAY = dt.date.today()


@pytest.fixture
def training(db, make_resident):
    return build_training(make_resident, participants=4, units=3)


def test_create_session_with_units_by_code(training, system):
    s = sessions.create_session(system, training.batch.id, {
        "date": TODAY - 3 * DAY, "start_time": "8.00", "end_time": "12:00", "topic": "Pola dasar",
        "units": [training.units[0].code, str(training.units[2].id)],
    })
    assert s.start_time == "08:00"
    assert sessions.session_unit_ids(s.id) == [training.units[0].id, training.units[2].id]
    rows = sessions.list_sessions(system, training.batch.id)
    assert [r.id for r in rows] == [s.id]
    assert rows[0].units == f"{training.units[0].code}, {training.units[2].code}"


def test_session_validation(training, system):
    with pytest.raises(ValidationError) as err:
        sessions.create_session(system, training.batch.id, {
            "date": training.batch.start_date - DAY, "topic": "", "start_time": "25:00", "units": ["XX"]})
    assert set(err.value.errors) >= {"date", "topic", "start_time", "units"}
    sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "A", "start_time": "08:00"})
    with pytest.raises(ValidationError) as err:
        sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "B", "start_time": "08:00"})
    assert "start_time" in err.value.errors
    sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "B", "start_time": "13:00"})


def test_update_session_is_versioned(training, system):
    s = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "A"})
    after = sessions.update_session(system, s.id, {"topic": "A revisi"}, expected_version=1)
    assert after.topic == "A revisi" and after.version == 2
    with pytest.raises(StaleRecord):
        sessions.update_session(system, s.id, {"topic": "X"}, expected_version=1)


def test_sheet_lists_only_participants_enrolled_on_that_day(training, system, make_resident):
    late = enroll(training, make_resident(name="Datang Belakangan"), TODAY - 5 * DAY)
    gone = training.enrollments[0]
    gone.status, gone.status_date = "mengundurkan_diri", TODAY - 20 * DAY
    gone.save()
    early = sessions.create_session(system, training.batch.id, {"date": TODAY - 30 * DAY, "topic": "Awal"})
    recent = sessions.create_session(system, training.batch.id, {"date": TODAY - 2 * DAY, "topic": "Baru"})
    early_ids = {r.enrollment_id for r in attendance.attendance_sheet(system, early.id)}
    recent_ids = {r.enrollment_id for r in attendance.attendance_sheet(system, recent.id)}
    assert gone.id in early_ids and late.id not in early_ids
    assert gone.id not in recent_ids and late.id in recent_ids
    with pytest.raises(ValidationError):
        attendance.save_attendance(system, recent.id, {gone.id: "H"})


def test_save_attendance_in_one_go_and_statuses_checked(training, system):
    s = sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "A"})
    e = [x.id for x in training.enrollments]
    assert attendance.save_attendance(system, s.id, {e[0]: "H", e[1]: ("s", "demam"), e[2]: None}) == 2
    sheet = {r.enrollment_id: r for r in attendance.attendance_sheet(system, s.id)}
    assert sheet[e[0]].status == "H" and sheet[e[1]].status == "S" and sheet[e[1]].note == "demam"
    assert sheet[e[2]].status is None
    with pytest.raises(ValidationError) as err:
        attendance.save_attendance(system, s.id, {e[2]: "X", e[3]: "H"})
    assert Attendance.select().where(Attendance.enrollment == e[3]).count() == 0  # nothing half-saved
    who = training.enrollments[2].resident
    assert err.value.errors[f"status_{e[2]}"] == f"{who.name}: status presensi harus H, I, S atau A (bukan 'X')."


def test_a_participant_of_another_batch_is_named_by_the_pm_number(training, system, make_resident):
    other = build_training(make_resident, participants=1, units=1)
    s = sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "A"})
    stranger = other.enrollments[0]
    with pytest.raises(ValidationError) as err:
        attendance.save_attendance(system, s.id, {stranger.id: "H"})
    message = err.value.errors[f"enrollment_{stranger.id}"]
    assert message == f"{stranger.resident.name} (No. {stranger.resident.id}) tidak terdaftar di angkatan ini pada tanggal sesi."


def test_future_session_takes_no_attendance(training, system):
    s = sessions.create_session(system, training.batch.id, {"date": TODAY + 2 * DAY, "topic": "Nanti"})
    with pytest.raises(ValidationError):
        attendance.save_attendance(system, s.id, {training.enrollments[0].id: "H"})


def test_fill_unmarked_never_overwrites():
    marks = {1: "A", 2: None, 3: "S", 4: None, 5: "I"}
    assert attendance.fill_unmarked(marks) == {1: "A", 2: "H", 3: "S", 4: "H", 5: "I"}


def test_changing_an_earlier_day_is_audited_with_old_and_new(training, system):
    s = sessions.create_session(system, training.batch.id, {"date": TODAY - 7 * DAY, "topic": "Lalu"})
    e = training.enrollments
    attendance.save_attendance(system, s.id, {e[0].id: "A", e[1].id: "H"})
    attendance.save_attendance(system, s.id, {e[0].id: "S", e[1].id: "H"})  # only e[0] changes
    event = AuditEvent.select().where(AuditEvent.entity == "attendance").order_by(AuditEvent.id.desc()).first()
    changes = json.loads(event.changes)
    assert event.action == "update" and event.entity_id == s.id
    assert list(changes.values()) == [["A", "S"]]
    assert e[0].resident.name in next(iter(changes))
    assert "sebelumnya" in event.summary


def test_instruktur_only_for_own_batches(training, make_resident, db):
    other_trainer = actor_of(make_user("instruktur"))
    staf = actor_of(make_user("staf"))
    with pytest.raises(PermissionDenied):
        sessions.create_session(other_trainer, training.batch.id, {"date": TODAY, "topic": "A"})
    s = sessions.create_session(training.trainer_actor, training.batch.id, {"date": TODAY, "topic": "A"})
    with pytest.raises(PermissionDenied):
        attendance.save_attendance(other_trainer, s.id, {training.enrollments[0].id: "H"})
    attendance.save_attendance(staf, s.id, {training.enrollments[0].id: "H"})
    assert [b.id for b in sessions.visible_batches(other_trainer)] == []
    assert [b.id for b in sessions.visible_batches(training.trainer_actor)] == [training.batch.id]
    assert training.batch.id in [b.id for b in sessions.visible_batches(staf)]


def test_reassessment_keeps_history(training, system):
    e, u = training.enrollments[0], training.units[0]
    unit_assessments.add_unit_assessments(system, training.batch.id, [
        UnitVerdict(e.id, u.id, "BK", TODAY - 10 * DAY, method="praktik", score=55, evidence="jahitan miring")])
    unit_assessments.assess(system, training.batch.id, e.resident_id, u.code, "K", TODAY - 2 * DAY)
    history = unit_assessments.assessment_history(system, e.id, u.id)
    assert [h.result for h in history] == ["K", "BK"]
    assert history[1].score == 55 and history[1].method == "praktik"
    assert UnitAssessment.select().count() == 2


def test_assessment_validation(training, system):
    e, u = training.enrollments[0], training.units[0]
    with pytest.raises(ValidationError) as err:
        unit_assessments.add_unit_assessments(system, training.batch.id, [
            UnitVerdict(e.id, u.id, "GAGAL", TODAY + DAY, method="tebak", score=101)])
    assert set(err.value.errors) >= {"result", "date", "method", "score"}
    with pytest.raises(ValidationError):
        unit_assessments.assess(system, training.batch.id, e.resident_id, "BUKAN-UNIT", "K")
    with pytest.raises(NotFound):
        unit_assessments.assess(system, training.batch.id, 99999, u.code, "K")


def test_bulk_assessment_for_one_unit_is_all_or_nothing(training, system):
    u = training.units[1]
    items = [UnitVerdict(e.id, u.id, "K") for e in training.enrollments]
    items[-1].result = "?"
    with pytest.raises(ValidationError):
        unit_assessments.add_unit_assessments(system, training.batch.id, items)
    assert UnitAssessment.select().count() == 0
    items[-1].result = "BK"
    assert len(unit_assessments.add_unit_assessments(system, training.batch.id, items)) == 4
