"""Coded values and their Indonesian labels (the codes are what the database stores)."""

from __future__ import annotations

from balai_app.i18n import tr

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
    "aktif": "Aktif",
    "selesai": "Selesai/Terminasi",
    "kembali_keluarga": "Kembali ke keluarga",
    "dirujuk": "Dirujuk",
    "keluar": "Keluar",
    "meninggal": "Meninggal",
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

# The five service kinds of schema v1-v4 -> the regulation's forms (migration v5).
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
    "direncanakan": "Direncanakan",
    "berjalan": "Berjalan",
    "selesai": "Selesai",
    "dibatalkan": "Dibatalkan",
}

ENROLLMENT_STATUS = {
    "aktif": "Aktif",
    "lulus": "Lulus",
    "mengundurkan_diri": "Mengundurkan diri",
    "dikeluarkan": "Dikeluarkan",
}

ATTENDANCE = {"H": "Hadir", "I": "Izin", "S": "Sakit", "A": "Alpa"}

UNIT_RESULT = {"K": "Kompeten", "BK": "Belum Kompeten"}

ASSESSMENT_METHODS = {
    "observasi": "Observasi",
    "praktik": "Demonstrasi/praktik",
    "tertulis": "Tes tertulis",
    "portofolio": "Portofolio",
}

CERTIFICATE_STATUS = {"berlaku": "Berlaku", "dicabut": "Dicabut"}


def label(mapping: dict[str, str], code: str | None) -> str:
    """The translated label of a code, or the code itself when unknown."""
    if code is None:
        return ""
    text = mapping.get(code)
    return tr(text) if text else code


def service_label(kind: str, subkind: str = "") -> str:
    """'Terapi — Terapi psikososial', or the form's label alone."""
    text = label(SERVICE_KINDS, kind)
    if kind == "terapi" and subkind:
        text += " — " + label(THERAPY_KINDS, subkind)
    return text


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
