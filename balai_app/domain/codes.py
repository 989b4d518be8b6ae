"""Coded values and their Indonesian labels (the codes are what the database stores).

The status and kind codes are ``StrEnum``s: a member *is* its code string (it
compares, hashes and stores as the text), so the label dicts below, keyed by
members, still answer a plain code, and a misspelt member fails the type check
before release instead of silently matching nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

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

# The forms of ATENSI as Permensos 7/2021 (amended by Permensos 7/2022) names them.
SERVICE_KINDS = {
    "hidup_layak": "Dukungan pemenuhan kebutuhan hidup layak",
    "perawatan_sosial": "Perawatan sosial dan/atau pengasuhan anak",
    "dukungan_keluarga": "Dukungan keluarga",
    "terapi": "Terapi",
    "vokasional": "Pelatihan vokasional dan/atau pembinaan kewirausahaan",
    "bantuan_sosial": "Bantuan sosial dan asistensi sosial",
    "aksesibilitas": "Dukungan aksesibilitas",
}

# Terapi is given as one of three sub-kinds; records from before the regulation's
# forms were adopted carry "belum_dirinci" (not yet specified).
THERAPY_KINDS = {
    "fisik": "Terapi fisik",
    "psikososial": "Terapi psikososial",
    "mental_spiritual": "Terapi mental spiritual",
    "belum_dirinci": "Belum dirinci",
}

# The five service kinds of schema v1-v6 -> the regulation's forms (migration v7).
LEGACY_SERVICE_KINDS = {
    "kebutuhan_dasar": "hidup_layak",
    "terapi": "terapi",
    "pengasuhan": "perawatan_sosial",
    "dukungan_keluarga": "dukungan_keluarga",
    "vokasional": "vokasional",
}

# --- after training: partners, outcomes, aftercare (issue 15) --------------------

PARTNER_KINDS = {
    "perusahaan": "Perusahaan",
    "lks": "LKS",
    "lsp": "LSP",
    "instansi": "Instansi pemerintah",
    "lainnya": "Lainnya",
}

OUTCOME_KINDS = {
    "bekerja": "Bekerja",
    "magang": "Magang",
    "wirausaha": "Wirausaha",
    "pendidikan": "Melanjutkan pendidikan",
    "keluarga": "Kembali ke keluarga tanpa pekerjaan",
    "belum": "Belum bekerja",
}

WAGE_BANDS = {
    "lt_umk": "Di bawah UMK",
    "umk": "Setara UMK",
    "gt_umk": "Di atas UMK",
}

FOLLOWUP_HOW = {
    "kunjungan": "Kunjungan",
    "telepon": "Telepon",
    "lks": "Melalui LKS",
}

FOLLOWUP_STATUS = {
    "rencana": "Direncanakan",
    "selesai": "Dilaksanakan",
    "terlewat": "Terlewat",
}

# Resident statuses after which aftercare is planned (not "meninggal", not "aktif").
AFTERCARE_STATUSES = ("selesai", "kembali_keluarga", "dirujuk", "keluar")

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


def service_label(kind: str, subkind: str = "") -> str:
    """'Terapi psikososial' (the sub-kind names the form already), 'Terapi (jenis belum dirinci)' for
    records migrated without one, or the form's label alone."""
    if kind == "terapi" and subkind == "belum_dirinci":
        return tr("Terapi (jenis belum dirinci)")
    if kind == "terapi" and subkind:
        return label(THERAPY_KINDS, subkind)
    return label(SERVICE_KINDS, kind)


_Code = TypeVar("_Code", bound=str)
_LOOKUPS: dict[tuple[int, str], tuple[Mapping[Any, str], dict[str, Any]]] = {}


def _typed_key(text: str) -> str:
    """How a code or a label is compared: case, repeated spaces and '_' ignored."""
    return " ".join(text.casefold().replace("_", " ").split())


def code_from_text(table: Mapping[_Code, str], text: str) -> _Code | None:
    """The code of ``table`` that ``text`` names -- the code itself or its label, as written
    or as translated -- with case, repeated spaces and '_' ignored ("Kembali ke keluarga",
    "KEMBALI_KELUARGA"); None when it names none (the caller says so in its own words).

    ``table`` is a constant (a module's label dict): its lookup is built once per language,
    as the importer asks for every row."""
    language = tr(next(iter(table.values()), ""))
    cached = _LOOKUPS.get((id(table), language))
    if cached is None or cached[0] is not table:
        lookup: dict[str, Any] = {}
        for code, name in table.items():
            for written in (code, name, tr(name)):
                lookup.setdefault(_typed_key(written), code)
        cached = _LOOKUPS[(id(table), language)] = (table, lookup)
    return cached[1].get(_typed_key(text))


def klaster_from_text(text: str) -> str | None:
    """A klaster from its code, its label or the name of its second group (case-insensitive);
    None if unknown."""
    key = str(text)
    return code_from_text(KLASTER, key) or {"korban perdagangan orang": "tuna_sosial"}.get(_typed_key(key))


def sex_from_text(text: str) -> str | None:
    key = str(text).strip().lower()
    if key in ("l", "laki-laki", "laki laki", "lk", "pria"):
        return "L"
    if key in ("p", "perempuan", "pr", "wanita"):
        return "P"
    return None
