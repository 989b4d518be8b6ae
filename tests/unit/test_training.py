"""Programs, competency units, batches and enrollment: every rule of issue 3."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from balai_app.db.models import (
    AuditEvent,
    Certificate,
    CompetencyUnit,
    Enrollment,
    UnitAssessment,
    User,
)
from balai_app.domain.errors import (
    BalaiError,
    NeedsConfirmation,
    NotFound,
    PermissionDenied,
    StaleRecord,
    ValidationError,
)
from balai_app.services import training
from balai_app.services import casework
from balai_app.services import curriculum
from balai_app.services import enrollment as enrol
from balai_app.services.context import Actor

TODAY = dt.date.today()


def user(role: str, name: str) -> Actor:
    row = User.create(username=name, full_name=name.title(), role=role, password_hash="x")
    return Actor(row.id, name, role)


@pytest.fixture
def program(db, system):
    return curriculum.create_program(system, {"code": "mjh", "name": "Menjahit"},
                                   [{"title": "K3"}, {"code": "C.14.01", "title": "Mengukur badan"}])


@pytest.fixture
def batch(program, system):
    return training.create_batch(system, {"program": program.id, "name": "Angkatan I", "capacity": 2,
                                          "start_date": TODAY - dt.timedelta(days=30),
                                          "end_date": TODAY + dt.timedelta(days=60)})


def assessed(make_resident, system, **kw):
    r = make_resident(**kw)
    casework.add_assessment(system, r.id, {"date": TODAY - dt.timedelta(days=40) if r.entry_date else None,
                                            "assessor": "Rina", "summary": "Siap pelatihan"})
    return r


# --- programs -----------------------------------------------------------------------


def test_program_code_upper_unique_and_units_ordered(program, system):
    assert program.code == "MJH" and program.min_attendance == 80
    with pytest.raises(ValidationError) as err:
        curriculum.create_program(system, {"code": "MJH", "name": "Lain"})
    assert "code" in err.value.errors
    with pytest.raises(ValidationError) as err:
        curriculum.create_program(system, {"code": "", "name": ""})
    assert set(err.value.errors) == {"code", "name"}
    assert [u.title for u in curriculum.active_units(program.id)] == ["K3", "Mengukur badan"]
    assert curriculum.get_program(system, "mjh").id == program.id


def test_unit_codes_are_free_text(program, system):
    for code in ("J.620100.017.02", "TIK.DG01.001.01", "abc 1"):
        assert curriculum.add_unit(system, program.id, {"code": code, "title": f"Unit {code}"}).code == code


def test_update_program_stale_version(program, system):
    curriculum.update_program(system, program.id, {"name": "Menjahit Busana"}, expected_version=1)
    with pytest.raises(StaleRecord):
        curriculum.update_program(system, program.id, {"name": "X"}, expected_version=1)


def test_sample_programs_have_no_codes(db, system):
    created = curriculum.create_sample_programs(system)
    assert [p.code for p in created] == ["MJH", "LAS", "DG", "CC"]
    assert all(p.is_sample for p in created)
    units = CompetencyUnit.select()
    assert units.count() >= 20 and all(u.code == "" for u in units)
    assert curriculum.create_sample_programs(system) == []  # idempotent


def test_move_retire_and_delete_unit(program, system):
    first, second = curriculum.active_units(program.id)
    curriculum.move_unit(system, second.id, -1)
    assert [u.id for u in curriculum.active_units(program.id)] == [second.id, first.id]
    curriculum.move_unit(system, second.id, -1)  # already first: nothing
    curriculum.set_unit_retired(system, first.id, True)
    assert [u.id for u in curriculum.active_units(program.id)] == [second.id]
    assert len(curriculum.units_of(system, program.id)) == 2
    curriculum.delete_unit(system, first.id)  # never used: may be deleted
    assert len(curriculum.units_of(system, program.id)) == 1


def test_assessed_unit_cannot_be_deleted_or_renamed(program, batch, make_resident, system):
    unit = curriculum.active_units(program.id)[0]
    enrollment = enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    UnitAssessment.create(enrollment=enrollment.id, unit=unit.id, result="K", date=TODAY)
    with pytest.raises(BalaiError, match="tidak dapat dihapus"):
        curriculum.delete_unit(system, unit.id)
    with pytest.raises(ValidationError) as err:
        curriculum.update_unit(system, unit.id, {"title": "K3 baru"}, expected_version=unit.version)
    assert "nonaktifkan" in err.value.errors["title"]
    # An empty code may still be completed, and the unit retired.
    done = curriculum.update_unit(system, unit.id, {"code": "C.14.00"}, expected_version=unit.version)
    assert done.code == "C.14.00"
    with pytest.raises(ValidationError):
        curriculum.update_unit(system, unit.id, {"code": "X"}, expected_version=done.version)
    assert curriculum.set_unit_retired(system, unit.id, True).retired


def test_unit_on_certificate_snapshot_is_history(program, make_resident, system):
    unit = curriculum.active_units(program.id)[1]
    r = make_resident()
    Certificate.create(number="1/2026", year=2026, sequence=1, resident=r.id, program=program.id,
                       snapshot=json.dumps({"units": [{"code": unit.code, "title": unit.title}]}),
                       verification_code="abc")
    with pytest.raises(BalaiError, match="sertifikat"):
        curriculum.delete_unit(system, unit.id)
    first = curriculum.active_units(program.id)[0]  # "K3", printed with an empty code
    Certificate.create(number="2/2026", year=2026, sequence=2, resident=r.id, program=program.id,
                       snapshot=json.dumps({"units": [{"code": "", "title": "K3"}]}), verification_code="def")
    first = curriculum.update_unit(system, first.id, {"code": "C.14.00"}, expected_version=first.version)
    with pytest.raises(ValidationError):  # still printed: the title stays
        curriculum.update_unit(system, first.id, {"title": "K3 lain"}, expected_version=first.version)


def test_program_with_batches_cannot_be_deleted(program, batch, system):
    with pytest.raises(BalaiError, match="nonaktifkan"):
        curriculum.delete_program(system, program.id)


# --- batches --------------------------------------------------------------------------


def test_batch_validation(program, system):
    with pytest.raises(ValidationError) as err:
        training.create_batch(system, {"program": program.id, "name": "", "start_date": "2026-05-01",
                                       "end_date": "2026-04-01", "capacity": 0})
    assert {"name", "end_date", "capacity"} <= set(err.value.errors)
    staf = user("staf", "staf")
    with pytest.raises(ValidationError) as err:
        training.create_batch(system, {"program": program.id, "name": "A", "start_date": "2026-01-01",
                                       "end_date": "2026-02-01", "trainer": staf.user_id})
    assert "instruktur" in err.value.errors["trainer"]


def test_batch_status_transitions(batch, make_resident, system):
    b = training.set_batch_status(system, batch.id, "berjalan", expected_version=batch.version)
    with pytest.raises(StaleRecord):
        training.set_batch_status(system, b.id, "selesai", expected_version=b.version - 1)
    enrol.enroll(system, b.id, make_resident().id, confirm_warnings=True)
    with pytest.raises(ValidationError, match="peserta aktif"):
        training.set_batch_status(system, b.id, "dibatalkan", expected_version=b.version)
    with pytest.raises(NeedsConfirmation):
        training.set_batch_status(system, b.id, "selesai", expected_version=b.version)
    b = training.set_batch_status(system, b.id, "selesai", expected_version=b.version, confirm_warnings=True)
    with pytest.raises(ValidationError, match="tidak dapat diubah"):
        training.set_batch_status(system, b.id, "dibatalkan", expected_version=b.version)


def test_capacity_cannot_shrink_below_participants(batch, make_resident, system):
    enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    with pytest.raises(ValidationError) as err:
        training.update_batch(system, batch.id, {"capacity": 1}, expected_version=batch.version)
    assert "capacity" in err.value.errors


def test_batch_list_filters(program, batch, system):
    other = curriculum.create_program(system, {"code": "LAS", "name": "Las"})
    training.create_batch(system, {"program": other.id, "name": "Las 2020", "start_date": "2020-01-06",
                                   "end_date": "2020-04-06"})
    assert {b.name for b in training.list_batches(system)} == {"Angkatan I", "Las 2020"}
    assert [b.name for b in training.list_batches(system, program_id=other.id)] == ["Las 2020"]
    assert [b.name for b in training.list_batches(system, year=2020)] == ["Las 2020"]
    assert training.list_batches(system, status="berjalan") == []
    assert 2020 in training.batch_years(system)


def test_instruktur_sees_only_own_batches(program, make_resident, system):
    joko, ani = user("instruktur", "joko"), user("instruktur", "ani")
    mine = training.create_batch(system, {"program": program.id, "name": "Milik Joko", "trainer": joko.user_id,
                                          "start_date": TODAY, "end_date": TODAY + dt.timedelta(days=30)})
    theirs = training.create_batch(system, {"program": program.id, "name": "Milik Ani", "trainer": ani.user_id,
                                            "start_date": TODAY, "end_date": TODAY + dt.timedelta(days=30)})
    r = make_resident(address="Jl. Rahasia 1", no_kk="3201011234567890")
    enrol.enroll(system, mine.id, r.id, confirm_warnings=True)
    assert [b.name for b in training.list_batches(joko)] == ["Milik Joko"]
    training.get_batch(joko, mine.id)
    with pytest.raises(PermissionDenied):
        training.get_batch(joko, theirs.id)
    with pytest.raises(PermissionDenied):
        enrol.batch_participants(joko, theirs.id)
    (row,) = enrol.batch_participants(joko, mine.id)
    assert row.name == r.name and row.nik is None and row.klaster is None
    assert not hasattr(row, "address") and not hasattr(row, "no_kk")
    with pytest.raises(PermissionDenied):
        enrol.enroll(joko, mine.id, make_resident().id)
    with pytest.raises(PermissionDenied):
        training.create_batch(joko, {"program": program.id, "name": "X", "start_date": TODAY, "end_date": TODAY})
    assert [e.batch_name for e in enrol.enrollments_of_resident(joko, r.id)] == ["Milik Joko"]
    assert [t.username for t in training.trainers()] == ["ani", "joko"]


# --- enrollment -----------------------------------------------------------------------------


def test_enroll_defaults_and_warning_without_assessment(batch, make_resident, system):
    r = make_resident()
    with pytest.raises(NeedsConfirmation) as err:
        enrol.enroll(system, batch.id, r.id)
    assert "asesmen" in err.value.warnings["assessment"]
    e = enrol.enroll(system, batch.id, r.id, confirm_warnings=True)
    assert e.status == "aktif" and e.start_date == TODAY  # batch started: today is later
    assert enrol.enrollment_period(e) == (TODAY, batch.end_date)
    assert AuditEvent.select().where(AuditEvent.entity == "enrollment").count() == 1


def test_enroll_assessed_resident_needs_no_confirmation(batch, make_resident, system):
    r = assessed(make_resident, system, entry_date=(TODAY - dt.timedelta(days=40)).isoformat())
    assert enrol.enroll(system, batch.id, r.id).status == "aktif"


def test_future_batch_starts_on_its_start(program, make_resident, system):
    start = TODAY + dt.timedelta(days=10)
    b = training.create_batch(system, {"program": program.id, "name": "B", "start_date": start,
                                       "end_date": start + dt.timedelta(days=30)})
    assert enrol.enroll(system, b.id, make_resident().id, confirm_warnings=True).start_date == start


def test_capacity_refused(batch, make_resident, system):
    enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    with pytest.raises(ValidationError, match="penuh"):
        enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)


def test_withdrawn_frees_a_seat(batch, make_resident, system):
    a = enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    enrol.withdraw(system, a.id, TODAY, "Kembali ke keluarga")
    enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)


def test_second_open_enrollment_in_same_program_refused(program, batch, make_resident, system):
    r = make_resident()
    enrol.enroll(system, batch.id, r.id, confirm_warnings=True)
    other = training.create_batch(system, {"program": program.id, "name": "Angkatan II", "start_date": TODAY,
                                           "end_date": TODAY + dt.timedelta(days=30)})
    with pytest.raises(ValidationError, match="program yang sama"):
        enrol.enroll(system, other.id, r.id, confirm_warnings=True)
    with pytest.raises(ValidationError, match="sudah terdaftar"):
        enrol.enroll(system, batch.id, r.id, confirm_warnings=True)
    # Another program is fine.
    las = curriculum.create_program(system, {"code": "LAS", "name": "Las"})
    b3 = training.create_batch(system, {"program": las.id, "name": "Las I", "start_date": TODAY,
                                        "end_date": TODAY + dt.timedelta(days=30)})
    enrol.enroll(system, b3.id, r.id, confirm_warnings=True)


def test_after_completion_the_same_program_may_be_taken_again(program, batch, make_resident, system):
    r = make_resident()
    e = enrol.enroll(system, batch.id, r.id, confirm_warnings=True)
    enrol.complete(system, e.id, TODAY)
    other = training.create_batch(system, {"program": program.id, "name": "II", "start_date": TODAY,
                                           "end_date": TODAY + dt.timedelta(days=30)})
    enrol.enroll(system, other.id, r.id, confirm_warnings=True)


def test_non_aktif_resident_refused(batch, make_resident, system):
    r = make_resident(status="kembali_keluarga", exit_date="2026-02-01")
    with pytest.raises(ValidationError, match="Aktif"):
        enrol.enroll(system, batch.id, r.id, confirm_warnings=True)


def test_closed_batch_refuses_enrollment(batch, make_resident, system):
    training.set_batch_status(system, batch.id, "dibatalkan", expected_version=batch.version)
    with pytest.raises(ValidationError, match="ditutup"):
        enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)


def test_start_date_must_be_within_batch(batch, make_resident, system):
    with pytest.raises(ValidationError) as err:
        enrol.enroll(system, batch.id, make_resident().id, start_date=batch.end_date + dt.timedelta(days=1),
                        confirm_warnings=True)
    assert "start_date" in err.value.errors


def test_status_changes(batch, make_resident, system):
    a = enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    with pytest.raises(ValidationError) as err:
        enrol.withdraw(system, a.id, TODAY, "")
    assert "reason" in err.value.errors
    w = enrol.withdraw(system, a.id, TODAY, "Pindah kota")
    assert (w.status, w.status_date, w.status_reason, w.end_date) == ("mengundurkan_diri", TODAY, "Pindah kota", TODAY)
    assert enrol.enrollment_period(w) == (a.start_date, TODAY)
    with pytest.raises(ValidationError, match="sudah berstatus"):
        enrol.complete(system, a.id, TODAY)
    b = enrol.enroll(system, batch.id, make_resident().id, confirm_warnings=True)
    with pytest.raises(ValidationError):
        enrol.remove(system, b.id, TODAY + dt.timedelta(days=1), "x")  # future date
    assert enrol.remove(system, b.id, TODAY, "Melanggar tata tertib").status == "dikeluarkan"
    again = enrol.reactivate(system, b.id, "Salah catat")
    assert again.status == "aktif" and again.end_date is None
    assert enrol.complete(system, b.id, TODAY).status == "lulus"


def test_enroll_many_all_or_nothing(batch, make_resident, system):
    a, b, c = make_resident(), make_resident(), make_resident()
    with pytest.raises(ValidationError) as err:
        enrol.enroll_many(system, batch.id, [a.id, b.id, c.id], confirm_warnings=True)
    assert str(c.id) in err.value.errors  # the third exceeds capacity 2
    assert Enrollment.select().count() == 0
    with pytest.raises(NeedsConfirmation):
        enrol.enroll_many(system, batch.id, [a.id, b.id])
    assert len(enrol.enroll_many(system, batch.id, [a.id, b.id], confirm_warnings=True)) == 2


def test_close_open_enrollments_when_leaving(program, batch, make_resident, system):
    r = make_resident()
    e = enrol.enroll(system, batch.id, r.id, confirm_warnings=True)
    las = curriculum.create_program(system, {"code": "LAS", "name": "Las"})
    b2 = training.create_batch(system, {"program": las.id, "name": "Las I", "start_date": TODAY,
                                        "end_date": TODAY + dt.timedelta(days=30)})
    enrol.enroll(system, b2.id, r.id, confirm_warnings=True)
    assert len(enrol.open_enrollments_of_resident(system, r.id)) == 2
    with pytest.raises(ValidationError):
        enrol.close_open_enrollments(system, r.id, TODAY, "mengundurkan_diri", "")
    assert enrol.close_open_enrollments(system, r.id, TODAY, "mengundurkan_diri", "Kembali ke keluarga") == 2
    assert enrol.open_enrollments_of_resident(system, r.id) == []
    assert Enrollment.get_by_id(e.id).status_reason == "Kembali ke keluarga"


def test_candidates_exclude_enrolled_and_non_aktif(batch, make_resident, system):
    a = make_resident(name="Siti Aminah")
    make_resident(name="Siti Keluar", status="selesai", exit_date="2026-02-01")
    b = make_resident(name="Budi")
    enrol.enroll(system, batch.id, b.id, confirm_warnings=True)
    names = [c.name for c in enrol.enroll_candidates(system, batch.id)]
    assert names == ["Siti Aminah"]
    assert enrol.enroll_candidates(system, batch.id, "amin")[0].id == a.id
    assert enrol.enroll_candidates(system, batch.id, "zzz") == []


def test_unknown_things(db, system):
    with pytest.raises(NotFound):
        training.get_batch(system, 99)
    with pytest.raises(NotFound):
        curriculum.get_program(system, "XX")
    with pytest.raises(NotFound):
        enrol.enroll(system, 99, 1)
