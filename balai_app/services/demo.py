"""A realistic demo balai, for trying the program and for screenshots.

``create_demo`` fills an empty database. Each area adds its part through a
function in ``DEMO_STEPS`` (called in order with the same random generator),
so the demo grows with the program.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from balai_app.db.connection import write_transaction
from balai_app.db.models import Assessment, BalaiProfile, Resident, ServiceRecord
from balai_app.domain import codes
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import audit
from balai_app.services.accounts_demo import demo_accounts
from balai_app.services.aftercare_demo import demo_aftercare
from balai_app.services.certificates_demo import demo_certificates
from balai_app.services.context import Actor
from balai_app.services.permissions import require
from balai_app.services.residents import search_key
from balai_app.services.sessions_demo import demo_sessions
from balai_app.services.training_demo import demo_training

MALE = ["Agus", "Budi", "Slamet", "Joko", "Ahmad", "Muhammad", "Rudi", "Hendra", "Wahyu", "Eko", "Dedi",
        "Yusuf", "Rizky", "Bayu", "Fajar", "Made", "Ketut", "Andi", "Yohanes", "La Ode", "Iwan", "Sutrisno"]
FEMALE = ["Siti", "Sri", "Dewi", "Nur", "Ayu", "Rina", "Wati", "Fitri", "Lestari", "Ni Luh Putu", "Maria",
          "Aisyah", "Yuliani", "Kartini", "Endang", "Rahmawati", "Putri", "Indah", "Dwi", "Theresia"]
SURNAMES = ["Santoso", "Wijaya", "Saputra", "Hidayat", "Pratama", "Nugroho", "Kurniawan", "Siregar", "Nainggolan",
            "Ma'ruf", "Setiawan", "Lubis", "Harahap", "Sembiring", "Wulandari", "Permata", "Rahayu", "Susanti", ""]
PLACES = [("3201", "Bogor"), ("3171", "Jakarta"), ("3273", "Bandung"), ("3374", "Semarang"), ("3578", "Surabaya"),
          ("1271", "Medan"), ("7371", "Makassar"), ("5171", "Denpasar"), ("6471", "Balikpapan"), ("3275", "Bekasi")]
REFERRALS = ["Dinas Sosial Kab. Bogor", "Satpol PP", "Kepolisian", "Rumah sakit", "Keluarga", "LKS mitra",
             "Penjangkauan", "Dinas Sosial DKI Jakarta"]


def _nik(rng: random.Random, region: str, birth: dt.date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    district = f"{rng.randint(1, 30):02d}"
    return f"{region}{district}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


def _profile(actor: Actor, rng: random.Random) -> str:
    BalaiProfile.create(
        id=1,
        name="Balai Rehabilitasi Sosial \u201cHarapan Mulia\u201d (DEMO)",
        code="BRS-HM",
        address="Jl. Raya Cibinong No. 12",
        city="Bogor",
        phone="(021) 8750000",
        head_name="Dra. Sri Wahyuningsih, M.Si.",
        head_nip="196805121990032001",
        head_title="Kepala Balai",
        is_demo=True,
    )
    audit.record(actor, "create", "balai_profile", 1, tr("profil balai demo"))
    return tr("profil balai demo dibuat")


# An exit reason that fits each way a stay ends (a referred PM was referred somewhere).
EXIT_REASONS = {
    "selesai": "Selesai program rehabilitasi sosial; fungsi sosial membaik",
    "kembali_keluarga": "Dikembalikan kepada keluarga setelah reunifikasi",
    "dirujuk": "Dirujuk ke rumah sakit jiwa daerah untuk perawatan lanjutan",
}


def _residents(actor: Actor, rng: random.Random, count: int) -> str:
    today = dt.date.today()
    ages = {"anak": (8, 17), "disabilitas": (18, 45), "lansia": (60, 85), "napza": (18, 40), "tuna_sosial": (17, 50)}
    klasters = list(codes.KLASTER)
    for index in range(count):
        klaster = klasters[index % len(klasters)]
        sex = rng.choice("LP")
        given = rng.choice(MALE if sex == "L" else FEMALE)
        surname = rng.choice(SURNAMES)
        name = f"{given} {surname}".strip()
        low, high = ages[klaster]
        birth = today - dt.timedelta(days=rng.randint(low * 365, high * 365))
        region, place = rng.choice(PLACES)
        no_nik = klaster == "tuna_sosial" and rng.random() < 0.3
        entry = today - dt.timedelta(days=rng.randint(5, 900))
        if entry < birth:
            entry = today
        nik = None if no_nik else _nik(rng, region, birth, sex, index + 1)
        status = "aktif" if rng.random() < 0.75 else rng.choice(["selesai", "kembali_keluarga", "dirujuk"])
        exit_date = None
        if status != "aktif":
            exit_date = min(today, entry + dt.timedelta(days=rng.randint(30, 180)))
        data = dict(
            nik=nik,
            nik_missing_reason="" if nik else tr("Tidak memiliki KTP (hasil penjangkauan jalanan)"),
            no_kk="" if not nik else f"{region}{rng.randint(10, 99)}{rng.randint(1000000000, 9999999999)}",
            name=name,
            sex=sex,
            birth_place=place if nik or rng.random() < 0.5 else "",
            birth_date=birth,
            klaster=klaster,
            disabilities=rng.choice(list(codes.DISABILITIES)) if klaster == "disabilitas" else "",
            religion=rng.choice(codes.RELIGIONS[:6]),
            education=rng.choice(codes.EDUCATION[:4]),
            address=f"Jl. {rng.choice(['Melati', 'Mawar', 'Kenanga', 'Flamboyan', 'Cempaka'])} No. {rng.randint(1, 120)}, {place}",
            guardian_name=f"{rng.choice(MALE + FEMALE)} {rng.choice(SURNAMES)}".strip() if rng.random() < 0.8 else "",
            guardian_relation=rng.choice(["Ayah", "Ibu", "Kakak", "Paman", "Anak"]),
            guardian_phone=f"08{rng.randint(11, 99)}{rng.randint(10000000, 99999999)}",
            entry_date=entry,
            referral_source=rng.choice(REFERRALS),
            status=status,
            exit_date=exit_date,
            exit_reason=tr(EXIT_REASONS[status]) if status != "aktif" else "",
            notes="",
        )
        data["search_text"] = search_key(name, nik, place if data["birth_place"] else "")
        resident = Resident.create(**data)
        if rng.random() < 0.85:
            Assessment.create(
                resident=resident,
                date=min(today, entry + dt.timedelta(days=rng.randint(0, 7))),
                assessor=rng.choice(["Rina Pekerja Sosial, S.Tr.Sos.", "Budi Santoso, S.Sos."]),
                physical=tr("Kondisi fisik umumnya baik."),
                mental=tr("Perlu pendampingan psikososial."),
                social=tr("Mampu berinteraksi dengan teman sebaya."),
                family=tr("Keluarga dapat dihubungi.") if data["guardian_name"] else tr("Keluarga belum ditemukan."),
                vocational_interest=rng.choice(["Menjahit", "Las", "Desain grafis", "Contact center", "Komputer"]),
                summary=tr("Direkomendasikan mengikuti layanan ATENSI dan pelatihan vokasional."),
                recommendation=tr("Terapi psikososial, pelatihan vokasional"),
            )
            for _ in range(rng.randint(0, 3)):
                kind = rng.choice(list(codes.SERVICE_KINDS))
                ServiceRecord.create(
                    resident=resident,
                    date=min(today, entry + dt.timedelta(days=rng.randint(1, 60))),
                    kind=kind,
                    # Not drawn from rng: the rest of the demo stays as it was.
                    subkind=("fisik", "psikososial", "mental_spiritual")[resident.id % 3] if kind == "terapi" else "",
                    description=tr("Layanan rutin sesuai rencana intervensi."),
                    staff="Rina Pekerja Sosial, S.Tr.Sos.",
                )
    audit.record(actor, "create", "resident", None, tr("{n} PM demo dibuat").format(n=count))
    return tr("{n} PM demo dibuat (semua lima klaster)").format(n=count)


# Areas append (name, function(actor, rng) -> summary line) here.
DEMO_STEPS: list[Callable[[Actor, random.Random], str]] = [demo_accounts]
DEMO_STEPS.append(demo_training)
DEMO_STEPS.append(demo_sessions)
DEMO_STEPS.append(demo_certificates)
DEMO_STEPS.append(demo_aftercare)


def create_demo(actor: Actor, *, residents: int = 150, seed: int = 2026) -> list[str]:
    require(actor, "demo.create")
    if Resident.select().exists() or BalaiProfile.select().exists():
        raise BalaiError(tr("Basis data ini sudah berisi data; data demo hanya dibuat pada basis data kosong."))
    rng = random.Random(seed)
    lines = []
    with write_transaction():
        lines.append(_profile(actor, rng))
        lines.append(_residents(actor, rng, residents))
        for step in DEMO_STEPS:
            lines.append(step(actor, rng))
    return lines
