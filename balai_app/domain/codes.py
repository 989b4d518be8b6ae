"""Coded values and their Indonesian labels (the codes are what the database stores).

The status and kind codes are ``StrEnum``s: a member *is* its code string (it
compares, hashes and stores as the text), so the label dicts below, keyed by
members, still answer a plain code, and a misspelt member fails the type check
before release instead of silently matching nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from balai_app.i18n import tr


class ResidentStatus(StrEnum):
    ACTIVE = "aktif"
    COMPLETED = "selesai"
    RETURNED_HOME = "kembali_keluarga"
    REFERRED = "dirujuk"
    LEFT = "keluar"
    DIED = "meninggal"


class BatchStatus(StrEnum):
    PLANNED = "direncanakan"
    RUNNING = "berjalan"
    FINISHED = "selesai"
    CANCELLED = "dibatalkan"


class EnrollmentStatus(StrEnum):
    ACTIVE = "aktif"
    PASSED = "lulus"
    WITHDRAWN = "mengundurkan_diri"
    REMOVED = "dikeluarkan"


class Attendance(StrEnum):
    PRESENT = "H"
    EXCUSED = "I"
    SICK = "S"
    ABSENT = "A"


class UnitResult(StrEnum):
    COMPETENT = "K"
    NOT_YET = "BK"


class CertificateStatus(StrEnum):
    VALID = "berlaku"
    REVOKED = "dicabut"

# Klaster: exactly the five of the Kemensos rehabilitation clusters.
KLASTER = {
    "anak": "Anak",
    "disabilitas": "Penyandang Disabilitas",
    "lansia": "Lanjut Usia",
    "napza": "Korban Penyalahgunaan NAPZA",
    "tuna_sosial": "Tuna Sosial dan Korban Perdagangan Orang",
}

# Short forms for narrow places (column headers of reports).
KLASTER_SHORT = {
    "anak": "Anak",
    "disabilitas": "Disabilitas",
    "lansia": "Lanjut Usia",
    "napza": "NAPZA",
    "tuna_sosial": "Tuna Sosial/KPO",
}

SEX = {"L": "Laki-laki", "P": "Perempuan"}

RESIDENT_STATUS = {
    ResidentStatus.ACTIVE: "Aktif",
    ResidentStatus.COMPLETED: "Selesai/Terminasi",
    ResidentStatus.RETURNED_HOME: "Kembali ke keluarga",
    ResidentStatus.REFERRED: "Dirujuk",
    ResidentStatus.LEFT: "Keluar",
    ResidentStatus.DIED: "Meninggal",
}

DISABILITIES = {
    "fisik": "Disabilitas fisik",
    "intelektual": "Disabilitas intelektual",
    "mental": "Disabilitas mental",
    "sensorik_netra": "Sensorik netra",
    "sensorik_rungu": "Sensorik rungu",
    "sensorik_wicara": "Sensorik wicara",
    "ganda": "Disabilitas ganda/multi",
}

RELIGIONS = ["Islam", "Kristen", "Katolik", "Hindu", "Buddha", "Khonghucu", "Kepercayaan", "Lainnya"]

EDUCATION = [
    "Tidak/belum sekolah",
    "SD/sederajat",
    "SMP/sederajat",
    "SMA/SMK/sederajat",
    "D1-D3",
    "S1/D4",
    "S2/S3",
]

SERVICE_KINDS = {
    "kebutuhan_dasar": "Pemenuhan kebutuhan dasar",
    "terapi": "Terapi",
    "pengasuhan": "Perawatan/pengasuhan sosial",
    "dukungan_keluarga": "Dukungan keluarga",
    "vokasional": "Pelatihan vokasional",
}

BATCH_STATUS = {
    BatchStatus.PLANNED: "Direncanakan",
    BatchStatus.RUNNING: "Berjalan",
    BatchStatus.FINISHED: "Selesai",
    BatchStatus.CANCELLED: "Dibatalkan",
}

ENROLLMENT_STATUS = {
    EnrollmentStatus.ACTIVE: "Aktif",
    EnrollmentStatus.PASSED: "Lulus",
    EnrollmentStatus.WITHDRAWN: "Mengundurkan diri",
    EnrollmentStatus.REMOVED: "Dikeluarkan",
}

ATTENDANCE = {Attendance.PRESENT: "Hadir", Attendance.EXCUSED: "Izin", Attendance.SICK: "Sakit",
              Attendance.ABSENT: "Alpa"}

UNIT_RESULT = {UnitResult.COMPETENT: "Kompeten", UnitResult.NOT_YET: "Belum Kompeten"}

ASSESSMENT_METHODS = {
    "observasi": "Observasi",
    "praktik": "Demonstrasi/praktik",
    "tertulis": "Tes tertulis",
    "portofolio": "Portofolio",
}

CERTIFICATE_STATUS = {CertificateStatus.VALID: "Berlaku", CertificateStatus.REVOKED: "Dicabut"}


def label(mapping: Mapping[Any, str], code: str | None) -> str:
    """The translated label of a code, or the code itself when unknown."""
    if code is None:
        return ""
    text = mapping.get(code)
    return tr(text) if text else code


def klaster_from_text(text: str) -> str | None:
    """Accept a klaster code or its label (case-insensitive); None if unknown."""
    key = " ".join(str(text).strip().lower().replace("_", " ").split())
    for code, name in KLASTER.items():
        if key in (code.replace("_", " "), name.lower()):
            return code
    aliases = {
        "lanjut usia": "lansia",
        "penyandang disabilitas": "disabilitas",
        "korban penyalahgunaan napza": "napza",
        "tuna sosial": "tuna_sosial",
        "korban perdagangan orang": "tuna_sosial",
    }
    return aliases.get(key)


def sex_from_text(text: str) -> str | None:
    key = str(text).strip().lower()
    if key in ("l", "laki-laki", "laki laki", "lk", "pria"):
        return "L"
    if key in ("p", "perempuan", "pr", "wanita"):
        return "P"
    return None
