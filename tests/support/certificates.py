"""Certificate test data, built straight from the models (``from support.certificates import ...``).

A balai profile, a program with units, a finished batch whose sessions are in
the past, attendance and unit verdicts chosen per participant, so that the
progress service finds exactly the eligibility a test wants.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

from balai_app.db.models import (
    Attendance,
    BalaiProfile,
    Batch,
    CompetencyUnit,
    Enrollment,
    Program,
    Resident,
    ResidentPhoto,
    TrainingSession,
    UnitAssessment,
    User,
)
from balai_app.services.context import Actor

_counter = iter(range(1, 1_000_000))


def make_profile(**overrides) -> BalaiProfile:
    data = dict(id=1, name="Balai Rehabilitasi Sosial \u201cPangudi Luhur\u201d", code="BRS-PL", city="Bekasi",
                address="Jl. H. Moeljadi Djojomartono No. 19", head_name="Dra. Sri Wahyuningsih, M.Si.",
                head_nip="196805121990032001", head_title="Kepala Balai")
    data.update(overrides)
    existing = BalaiProfile.get_or_none(BalaiProfile.id == 1)
    if existing:
        BalaiProfile.update(**{k: v for k, v in data.items() if k != "id"}).where(BalaiProfile.id == 1).execute()
        return BalaiProfile.get_by_id(1)
    return BalaiProfile.create(**data)


def make_admin() -> Actor:
    n = next(_counter)
    user = User.create(username=f"admin{n}", full_name=f"Admin {n}", role="admin", password_hash="x",
                       must_change_password=False)
    return Actor(user.id, user.username, "admin")


def make_staff() -> Actor:
    n = next(_counter)
    user = User.create(username=f"staf{n}", full_name=f"Staf {n}", role="staf", password_hash="x",
                       must_change_password=False)
    return Actor(user.id, user.username, "staf")


def jpeg(width: int = 450, height: int = 600) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (70, 110, 160))
    draw = ImageDraw.Draw(image)
    draw.ellipse([width * 0.25, height * 0.12, width * 0.75, height * 0.5], fill=(230, 190, 160))
    draw.rectangle([width * 0.15, height * 0.55, width * 0.85, height], fill=(40, 40, 60))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@dataclass
class Course:
    program: Program
    units: list[CompetencyUnit]
    batch: Batch
    enrollments: list[Enrollment] = field(default_factory=list)
    residents: list[Resident] = field(default_factory=list)


def build_course(
    make_resident,
    *,
    names: list[str] | None = None,
    eligible: list[bool] | None = None,
    units: int = 4,
    sessions: int = 5,
    code: str | None = None,
    photo: bool = False,
    end: dt.date | None = None,
) -> Course:
    """A finished batch. Participant i attends every session and is Kompeten in every unit
    when ``eligible[i]`` (default True); otherwise attends one session and is BK in unit 1."""
    n = next(_counter)
    names = names or [f"Peserta {n}-{i}" for i in range(1, 4)]
    eligible = eligible if eligible is not None else [True] * len(names)
    end = end or dt.date.today() - dt.timedelta(days=2)
    start = end - dt.timedelta(days=38)
    program = Program.create(code=code or f"M{n}", name=f"Menjahit {n}", hours=240, min_attendance=80)
    unit_rows = [CompetencyUnit.create(program=program, position=i + 1, code=f"C.141000.{i + 1:03d}.01",
                                       title=f"Unit kompetensi ke-{i + 1} program {n}") for i in range(units)]
    batch = Batch.create(program=program, name=f"Angkatan {n}", start_date=start, end_date=end, status="selesai")
    course = Course(program, unit_rows, batch)
    session_rows = [TrainingSession.create(batch=batch, date=start + dt.timedelta(days=3 * (i + 1)))
                    for i in range(sessions)]
    for index, name in enumerate(names):
        resident = make_resident(name=name, birth_place="Bogor")
        if photo:
            ResidentPhoto.create(resident=resident.id, image=jpeg())
        enrollment = Enrollment.create(batch=batch, resident=resident.id, start_date=start)
        course.residents.append(resident)
        course.enrollments.append(enrollment)
        ok = eligible[index]
        for s_index, session in enumerate(session_rows):
            Attendance.create(session=session, enrollment=enrollment, status="H" if ok or s_index == 0 else "A")
        for u_index, unit in enumerate(unit_rows):
            UnitAssessment.create(enrollment=enrollment, unit=unit, result="BK" if not ok and u_index == 0 else "K",
                                  date=end)
    return course


def make_legacy_certificate(enrollment: Enrollment, *, number: str, issued_on: dt.date, sequence: int,
                            url: str = "", photo: bytes | None = None):
    """A certificate as the program wrote them before signing (issue 14): snapshot format 1,
    an HMAC code keyed with the database's ``certificate_secret``, no signed payload."""
    import hashlib
    import json
    import secrets

    from balai_app.db.models import Certificate, Setting
    from balai_app.services.certificates_verify import KEY_SECRET, compute_code

    row = Setting.get_or_none(Setting.key == KEY_SECRET)
    if row is None:
        row = Setting.create(key=KEY_SECRET, value=secrets.token_bytes(32).hex())
    batch = enrollment.batch
    resident = enrollment.resident
    snapshot = {
        "format": 1,
        "holder": {"name": resident.name, "birth_place": resident.birth_place or "",
                   "birth_date": resident.birth_date.isoformat() if resident.birth_date else None},
        "photo_sha256": hashlib.sha256(photo).hexdigest() if photo else None,
        "program": {"code": batch.program.code, "name": batch.program.name, "field": "", "hours": 240},
        "units": [{"code": u.code, "title": u.title} for u in batch.program.units],
        "training": {"batch": batch.name, "start": batch.start_date.isoformat(), "end": batch.end_date.isoformat()},
        "issue": {"place": "Bekasi", "date": issued_on.isoformat()},
        "signatory": {"name": "Dra. Sri Wahyuningsih, M.Si.", "title": "Kepala Balai", "nip": "196805121990032001"},
        "second_signatory": None,
        "balai": {"name": "Balai Lama", "code": "BRS-PL", "address": "Bekasi", "logo_png": None},
        "bilingual": False,
        "verification_url": url,
    }
    code = compute_code(bytes.fromhex(row.value), snapshot, number)
    return Certificate.create(number=number, year=issued_on.year, sequence=sequence, resident=resident.id,
                              enrollment=enrollment.id, program=batch.program_id, batch=batch.id,
                              snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True), photo=photo,
                              verification_code=code, status="berlaku")
