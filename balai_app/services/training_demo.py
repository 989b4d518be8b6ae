"""The demo's training: the four starter programs, batches (past, running, planned) and enrollments."""

from __future__ import annotations

import datetime as dt
import random

from balai_app.db.models import Enrollment, Resident
from balai_app.i18n import tr
from balai_app.services import audit, training
from balai_app.services import curriculum
from balai_app.services import enrollment
from balai_app.services.context import Actor
from balai_app.services.permissions import require

ROMAN = ["I", "II", "III", "IV", "V", "VI"]
ROOMS = {"MJH": "Ruang Jahit", "LAS": "Bengkel Las", "DG": "Lab Komputer 1", "CC": "Lab Komputer 2"}
SCHEDULES = ["Sen, Sel, Rab, Kam, Jum 08:00-12:00", "Sen, Rab, Jum 08:00-14:00", "Sel, Kam 13:00-16:00"]


def demo_training(actor: Actor, rng: random.Random, *, today: dt.date | None = None) -> str:
    """Per program: two finished batches, one running, one planned; participants from the residents.

    Trainers are the existing instruktur accounts (made by an earlier demo step); without
    any, batches are left without a trainer.
    """
    require(actor, "demo.create")  # a demo step runs only inside create_demo
    today = today or dt.date.today()
    programs = curriculum.create_sample_programs(actor)
    teachers = training.trainers()
    # Residents by entry date; those still aktif can join running batches.
    people = list(Resident.select(Resident.id, Resident.status, Resident.entry_date, Resident.exit_date,
                                  Resident.birth_date).order_by(Resident.id))

    def old_enough(person, program, on: dt.date) -> bool:
        """No child in a program for adults (welding): issue 14."""
        from balai_app.services.enrollment import MIN_ADULT_AGE, age_on

        age = age_on(person.birth_date, on)
        return not program.adults_only or age is None or age >= MIN_ADULT_AGE

    busy: set[int] = set()  # in a running batch already (one running program per resident in the demo)
    batches = enrolled = 0
    for index, program in enumerate(programs):
        weeks = program.weeks or 12
        plan = [  # (start offset in days from today, status)
            (-7 * (2 * weeks + 30) - 14 * index, "selesai"),
            (-7 * (weeks + 12) - 14 * index, "selesai"),
            (-7 * (weeks // 2) - 7 * index, "berjalan"),
            (21 + 14 * index, "direncanakan"),
        ]
        year_count: dict[int, int] = {}
        for offset, status in plan:
            start = today + dt.timedelta(days=offset)
            end = start + dt.timedelta(weeks=weeks)
            year_count[start.year] = year_count.get(start.year, 0) + 1
            name = f"Angkatan {ROMAN[year_count[start.year] - 1]} {start.year}"
            batch = training.create_batch(actor, {
                "program": program.id, "name": name, "start_date": start, "end_date": end,
                "trainer": teachers[(index + batches) % len(teachers)].id if teachers else None,
                "schedule": rng.choice(SCHEDULES), "room": ROOMS.get(program.code, ""),
                "capacity": rng.choice([15, 16, 20]), "status": "direncanakan",
            })
            batches += 1
            size = rng.randint(9, min(14, batch.capacity))
            if status == "selesai":
                pool = [p for p in people if p.entry_date <= start and (p.exit_date is None or p.exit_date >= end)
                        and old_enough(p, program, start)]
                chosen = rng.sample(pool, min(size, len(pool)))
                for person in chosen:
                    roll = rng.random()
                    if roll < 0.8:
                        final, when, reason = "lulus", end, ""
                    elif roll < 0.93:
                        final = "mengundurkan_diri"
                        when = start + dt.timedelta(days=rng.randint(7, weeks * 7 - 7))
                        reason = rng.choice([tr("Kembali ke keluarga"), tr("Sakit berkepanjangan"),
                                             tr("Pindah ke program lain")])
                    else:
                        final = "dikeluarkan"
                        when = start + dt.timedelta(days=rng.randint(7, weeks * 7 - 7))
                        reason = tr("Berulang kali alpa tanpa keterangan")
                    row = Enrollment.create(batch=batch.id, resident=person.id, start_date=start, end_date=when,
                                            status=final, status_date=when, status_reason=reason)
                    audit.record(actor, "create", "enrollment", row.id, tr("demo"))
                    enrolled += 1
                batch = training.set_batch_status(actor, batch.id, "berjalan", expected_version=batch.version)
                training.set_batch_status(actor, batch.id, "selesai", expected_version=batch.version)
            else:
                pool = [p for p in people if p.status == "aktif" and p.id not in busy
                        and p.entry_date <= max(start, today) and old_enough(p, program, max(start, p.entry_date))]
                count = size if status == "berjalan" else rng.randint(3, 6)
                chosen = rng.sample(pool, min(count, len(pool)))
                for person in chosen:
                    first_day = max(start, person.entry_date)
                    enrollment.enroll(actor, batch.id, person.id, start_date=min(first_day, end),
                                    confirm_warnings=True)
                    busy.add(person.id)
                    enrolled += 1
                if status == "berjalan":
                    training.set_batch_status(actor, batch.id, "berjalan", expected_version=batch.version)
    return tr("{p} program contoh, {b} angkatan dan {e} peserta pelatihan demo dibuat").format(
        p=len(programs), b=batches, e=enrolled)
