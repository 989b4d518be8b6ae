"""Attendance rate over each participant's own enrollment period, verdicts and eligibility."""

from __future__ import annotations

import datetime as dt

import pytest

from balai_app.db.models import CompetencyUnit
from balai_app.domain.errors import PermissionDenied
from balai_app.services import progress, sessions
from balai_app.services import unit_assessments
from balai_app.services import attendance
from balai_app.services.unit_assessments import UnitVerdict
from support.sessions import DAY, actor_of, build_training, enroll, make_user

TODAY = dt.date.today()


def _sessions(actor, training, days_ago):
    return [sessions.create_session(actor, training.batch.id, {"date": TODAY - d * DAY, "topic": f"Sesi {d}"})
            for d in days_ago]


def _all_k(actor, training, enrollment):
    unit_assessments.add_unit_assessments(actor, training.batch.id,
                                  [UnitVerdict(enrollment.id, u.id, "K", TODAY - DAY) for u in training.units])


@pytest.fixture
def training(db, make_resident):
    return build_training(make_resident, participants=1, units=2, start=TODAY - 40 * DAY, min_attendance=75)


def test_rate_counts_only_sessions_inside_the_enrollment_period(training, system, make_resident):
    days = [30, 25, 20, 15, 10, 5]
    held = _sessions(system, training, days)
    future = sessions.create_session(system, training.batch.id, {"date": TODAY + 3 * DAY, "topic": "Nanti"})
    full = training.enrollments[0]
    late = enroll(training, make_resident(name="Terlambat"), TODAY - 17 * DAY)  # sessions 15, 10, 5
    left = enroll(training, make_resident(name="Mundur"), TODAY - 40 * DAY,
                  status="mengundurkan_diri", status_date=TODAY - 20 * DAY)  # sessions 30, 25, 20 (inclusive)
    ended = enroll(training, make_resident(name="Selesai Awal"), TODAY - 40 * DAY,
                   end_date=TODAY - 26 * DAY)  # session 30 only
    for s in held:
        sheet = {r.enrollment_id for r in attendance.attendance_sheet(system, s.id)}
        attendance.save_attendance(system, s.id, {e: "H" for e in sheet})
    attendance.save_attendance(system, held[0].id, {full.id: "I"})
    attendance.save_attendance(system, held[1].id, {full.id: "S"})
    assert future.id not in {r.id for r in sessions.list_sessions(system, training.batch.id) if r.marked}

    rows = {r.enrollment_id: r for r in progress.batch_progress(system, training.batch.id)}
    f = rows[full.id]
    assert (f.sessions_counted, f.present, f.excused, f.sick) == (6, 4, 1, 1)
    assert rows[full.id].attendance_rate == pytest.approx(4 / 6)
    assert (rows[late.id].sessions_counted, rows[late.id].present, rows[late.id].attendance_rate) == (3, 3, 1.0)
    assert (rows[left.id].sessions_counted, rows[left.id].present) == (3, 3)
    assert (rows[ended.id].sessions_counted, rows[ended.id].present) == (1, 1)
    assert progress.enrollment_progress(system, late.id) == rows[late.id]


def test_no_session_means_no_rate(training, system):
    (row,) = progress.batch_progress(system, training.batch.id)
    assert row.attendance_rate is None and row.sessions_counted == 0
    assert not row.eligible
    assert any("Belum ada sesi" in r for r in row.reasons)


def test_unmarked_session_counts_but_is_not_present(training, system):
    a, b = _sessions(system, training, [3, 2])
    attendance.save_attendance(system, a.id, {training.enrollments[0].id: "H"})
    (row,) = progress.batch_progress(system, training.batch.id)
    assert (row.sessions_counted, row.present, row.unmarked, row.rate_text) == (2, 1, 1, "50%")


def test_eligibility(training, system, make_resident):
    good = training.enrollments[0]
    weak = enroll(training, make_resident(name="Kurang Hadir"), training.batch.start_date)
    pending = enroll(training, make_resident(name="Belum Dinilai"), training.batch.start_date)
    quit_ = enroll(training, make_resident(name="Keluar"), training.batch.start_date,
                   status="mengundurkan_diri", status_date=TODAY - DAY)
    held = _sessions(system, training, [8, 7, 6, 5])
    for i, s in enumerate(held):
        attendance.save_attendance(system, s.id, {
            good.id: "H" if i else "A",  # 3/4 = 75% = minimum: eligible
            weak.id: "H" if i % 2 else "S",  # 2/4
            pending.id: "H", quit_.id: "H"})
    for e in (good, weak, pending, quit_):
        _all_k(system, training, e)
    # pending: re-assessed BK later on one unit; the latest verdict counts
    unit_assessments.add_unit_assessments(system, training.batch.id, [UnitVerdict(pending.id, training.units[1].id, "BK")])
    rows = {r.enrollment_id: r for r in progress.batch_progress(system, training.batch.id)}
    assert rows[good.id].eligible and rows[good.id].reasons == []
    assert rows[good.id].unit_results == {u.id: "K" for u in training.units}
    assert not rows[weak.id].eligible and "di bawah minimum 75%" in rows[weak.id].reasons[0]
    assert not rows[pending.id].eligible
    assert rows[pending.id].unit_results[training.units[1].id] == "BK"
    assert rows[pending.id].units_competent == 1 and rows[pending.id].units_total == 2
    assert "Belum kompeten" in rows[pending.id].reasons[0]
    assert not rows[quit_.id].eligible and "Mengundurkan diri" in rows[quit_.id].reasons[0]

    # a new active unit makes everyone "not yet assessed"; a retired unit stops counting
    extra = CompetencyUnit.create(program=training.program, position=3, code="NEW.01", title="Unit baru")
    (row,) = [r for r in progress.batch_progress(system, training.batch.id) if r.enrollment_id == good.id]
    assert not row.eligible and row.unit_results[extra.id] is None and "NEW.01" in row.reasons[0]
    extra.retired = True
    extra.save()
    (row,) = [r for r in progress.batch_progress(system, training.batch.id) if r.enrollment_id == good.id]
    assert row.eligible and extra.id not in row.unit_results


def test_instruktur_sees_only_own_batch_progress(training, system):
    stranger = actor_of(make_user("instruktur"))
    with pytest.raises(PermissionDenied):
        progress.batch_progress(stranger, training.batch.id)
    assert progress.batch_progress(training.trainer_actor, training.batch.id)


def test_month_grid_totals_add_up_to_progress(db, make_resident, system):
    start = TODAY - 75 * DAY
    training = build_training(make_resident, participants=3, units=2, start=start)
    late = enroll(training, make_resident(name="Masuk Tengah"), TODAY - 35 * DAY)
    gone = training.enrollments[1]
    gone.status, gone.status_date = "dikeluarkan", TODAY - 40 * DAY
    gone.save()
    cycle = "HHISAH"
    held = _sessions(system, training, range(70, 0, -4))
    for i, s in enumerate(held):
        sheet = [r.enrollment_id for r in attendance.attendance_sheet(system, s.id)]
        attendance.save_attendance(system, s.id, {e: cycle[(i + e) % len(cycle)] for e in sheet[:-1] if (i + e) % 7})
    months = progress.attendance_months(system, training.batch.id)
    assert len(months) >= 2
    totals: dict[int, list[int]] = {}
    for year, month in months:
        grid = progress.attendance_month(system, training.batch.id, year, month)
        for row in grid.rows:
            t = totals.setdefault(row.enrollment_id, [0, 0, 0, 0, 0])
            for k, value in enumerate((row.counted, row.present, row.excused, row.sick, row.absent)):
                t[k] += value
            assert row.counted == sum(1 for c in row.cells if c is not None)
    for p in progress.batch_progress(system, training.batch.id):
        assert totals[p.enrollment_id] == [p.sessions_counted, p.present, p.excused, p.sick, p.absent], p.name
    assert late.id in totals and gone.id in totals


def test_with_the_training_services_withdraw_and_complete(db, make_resident, system):
    """The same rules when programs, batches and enrollments come from services.training."""
    from balai_app.services import curriculum, enrollment as esvc, training as tsvc

    trainer = make_user("instruktur")
    program = curriculum.create_program(system, {"code": "LASX", "name": "Las", "min_attendance": 50},
                                  [{"code": "LAS.01", "title": "K3 las"}, {"code": "LAS.02", "title": "Las SMAW"}])
    batch = tsvc.create_batch(system, {"program": program.id, "name": "Angkatan Uji", "trainer": trainer.id,
                                       "start_date": TODAY - 30 * DAY, "end_date": TODAY + 30 * DAY,
                                       "status": "berjalan"})
    stay, quit_, late = (make_resident(name=n) for n in ("Tetap", "Mundur", "Telat"))
    e_stay = esvc.enroll(system, batch.id, stay.id, start_date=TODAY - 30 * DAY, confirm_warnings=True)
    e_quit = esvc.enroll(system, batch.id, quit_.id, start_date=TODAY - 30 * DAY, confirm_warnings=True)
    e_late = esvc.enroll(system, batch.id, late.id, start_date=TODAY - 9 * DAY, confirm_warnings=True)
    held = [sessions.create_session(system, batch.id, {"date": TODAY - d * DAY, "topic": f"S{d}"})
            for d in (25, 20, 15, 10, 5, 1)]
    for s in held:
        attendance.save_attendance(system, s.id, {r.enrollment_id: "H" for r in attendance.attendance_sheet(system, s.id)})
    esvc.withdraw(system, e_quit.id, TODAY - 12 * DAY, "Kembali ke keluarga")
    for e in (e_stay, e_quit, e_late):
        unit_assessments.add_unit_assessments(system, batch.id, [UnitVerdict(e.id, u.id, "K", TODAY - DAY)
                                                         for u in curriculum.active_units(program.id)])
    rows = {r.enrollment_id: r for r in progress.batch_progress(system, batch.id)}
    assert (rows[e_stay.id].sessions_counted, rows[e_stay.id].eligible) == (6, True)
    assert (rows[e_quit.id].sessions_counted, rows[e_quit.id].present) == (3, 3)  # 25, 20, 15
    assert not rows[e_quit.id].eligible
    assert (rows[e_late.id].sessions_counted, rows[e_late.id].attendance_rate) == (2, 1.0)
    trainer_view = progress.batch_progress(actor_of(trainer), batch.id)
    assert [r.enrollment_id for r in trainer_view] == [r.enrollment_id for r in rows.values()]


def test_todays_session_counts_once_its_attendance_is_recorded(training, system, make_resident):
    other = enroll(training, make_resident(name="Kedua"), training.batch.start_date)
    (past,) = _sessions(system, training, [2])
    attendance.save_attendance(system, past.id, {training.enrollments[0].id: "H", other.id: "H"})
    today = sessions.create_session(system, training.batch.id, {"date": TODAY, "topic": "Hari ini"})
    rows = progress.batch_progress(system, training.batch.id)
    assert [r.sessions_counted for r in rows] == [1, 1]  # still being taught: not counted yet
    assert progress.batch_matrix(system, training.batch.id).sessions_held == 1
    attendance.save_attendance(system, today.id, {other.id: "A"})
    rows = {r.enrollment_id: r for r in progress.batch_progress(system, training.batch.id)}
    assert rows[other.id].sessions_counted == 2 and rows[other.id].attendance_rate == 0.5
    assert rows[training.enrollments[0].id].sessions_counted == 2  # held for everyone enrolled that day
    grid = progress.attendance_month(system, training.batch.id, TODAY.year, TODAY.month)
    assert today.id in [c.session_id for c in grid.columns]
