"""Sessions, attendance, verdicts and certificates are refused for a batch that has not started (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.db.models import Batch, Certificate, TrainingSession, UnitAssessment
from balai_app.domain.errors import ValidationError
from balai_app.domain.text import batch_phrase
from balai_app.services import attendance, certificates, sessions, unit_assessments
from balai_app.services.unit_assessments import UnitVerdict
from support.certificates import build_course, make_profile
from support.sessions import DAY, build_training

TODAY = dt.date.today()


@pytest.fixture
def training(db, make_resident):
    return build_training(make_resident, participants=2, units=1)


def _set(batch, **values):
    Batch.update(**values).where(Batch.id == batch.id).execute()


def test_planned_batch_refuses_sessions_attendance_and_verdicts(training, system):
    session = sessions.create_session(system, training.batch.id, {"date": TODAY - DAY, "topic": "Pola"})
    _set(training.batch, status="direncanakan")
    with pytest.raises(ValidationError) as err:
        sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "Jahit"})
    assert "masih berstatus Direncanakan" in err.value.errors["batch"]
    assert "Staf atau admin dapat mengubah statusnya menjadi Berjalan" in err.value.errors["batch"]
    with pytest.raises(ValidationError, match="presensi belum dapat dicatat"):
        attendance.save_attendance(system, session.id, {training.enrollments[0].id: "H"})
    with pytest.raises(ValidationError, match="penilaian unit kompetensi"):
        unit_assessments.add_unit_assessments(system, training.batch.id, [
            UnitVerdict(training.enrollments[0].id, training.units[0].id, "K", TODAY)])
    assert TrainingSession.select().count() == 1 and UnitAssessment.select().count() == 0


def test_batch_without_trainer_refuses_sessions(training, system):
    _set(training.batch, trainer=None)
    with pytest.raises(ValidationError) as err:
        sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "Jahit"})
    assert "belum memiliki instruktur" in err.value.errors["batch"]
    assert TrainingSession.select().count() == 0


def test_planned_batch_refuses_certificates(db, make_resident, system):
    make_profile()
    course = build_course(make_resident)
    _set(course.batch, status="direncanakan")
    with pytest.raises(ValidationError, match="sertifikat belum dapat dicatat"):
        certificates.issue(system, course.batch.id)
    _set(course.batch, status="selesai", trainer=None)
    # A batch whose sessions were held (its trainer since removed) can still be certified ...
    assert certificates.issue(system, course.batch.id).issued
    # ... but one that never had a trainer nor a session cannot.
    never = build_course(make_resident, sessions=0)
    _set(never.batch, trainer=None)
    with pytest.raises(ValidationError, match="belum memiliki instruktur"):
        certificates.issue(system, never.batch.id)
    assert Certificate.select().where(Certificate.batch == never.batch.id).count() == 0


def test_batch_phrase_never_doubles_the_word():
    assert batch_phrase("Angkatan II 2026", start=True) == "Angkatan II 2026"
    assert batch_phrase("angkatan uji") == "angkatan uji"
    assert batch_phrase("Las I") == "angkatan Las I"
    assert batch_phrase("Las I", start=True) == "Angkatan Las I"
