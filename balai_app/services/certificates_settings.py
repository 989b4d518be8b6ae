"""Certificate settings: numbering, title, header lines, time zone, verification address, LSP.

All are key/value rows of ``Setting``; they apply to certificates issued
afterwards (an issued certificate keeps what its snapshot says).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import string
from dataclasses import dataclass
from typing import Any

from balai_app.db.connection import write_transaction
from balai_app.db.models import Setting
from balai_app.domain import localtime
from balai_app.domain.dates import roman_month
from balai_app.i18n import tr
from balai_app.services import audit, validation as v
from balai_app.services.context import Actor
from balai_app.services.permissions import require

KEY_TEMPLATE = "certificate.number_template"
KEY_URL = "certificate.verification_url"
KEY_BILINGUAL = "certificate.bilingual"
KEY_TITLE = "certificate.title"
KEY_HEADER = "profile.header_lines"
KEY_TIMEZONE = localtime.SETTING_KEY
KEY_LSP_ENABLED = "certificate.lsp_enabled"
KEY_LSP_ORG = "certificate.lsp_org"
KEY_LSP_NAME = "certificate.lsp_name"
KEY_LSP_TITLE = "certificate.lsp_title"
KEY_LSP_NUMBER = "certificate.lsp_number"  # the LSP's BNSP licence number (not a person's)
KEY_LSP_SCHEME = "certificate.lsp_scheme"

DEFAULT_TEMPLATE = "{seq:04d}/SK-{program}/{balai}/{month}/{year}"
TEMPLATE_FIELDS = {"seq", "program", "balai", "month", "year"}
DEFAULT_HEADER = "KEMENTERIAN SOSIAL REPUBLIK INDONESIA\nDIREKTORAT JENDERAL REHABILITASI SOSIAL"
MAX_HEADER_LINES = 3

# The document's title: (Indonesian, English subtitle)
TITLES = {
    "kompetensi": ("SERTIFIKAT KOMPETENSI", "CERTIFICATE OF COMPETENCE"),
    "pelatihan": ("SERTIFIKAT PELATIHAN", "CERTIFICATE OF TRAINING"),
}
TITLE_LABELS = {"kompetensi": "Sertifikat Kompetensi", "pelatihan": "Sertifikat Pelatihan"}

# What a person types in the number format (Indonesian) and what the program stores.
PLACEHOLDERS_ID = {"urut": "seq", "program": "program", "balai": "balai", "bulan": "month", "tahun": "year"}


@dataclass(frozen=True)
class CertificateSettings:
    number_template: str = DEFAULT_TEMPLATE
    verification_url: str = ""
    bilingual: bool = False
    title: str = "kompetensi"
    header_lines: str = DEFAULT_HEADER
    timezone: str = localtime.DEFAULT_ZONE
    lsp_enabled: bool = False
    lsp_org: str = ""
    lsp_name: str = ""
    lsp_title: str = ""
    lsp_number: str = ""
    lsp_scheme: str = ""

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


_SETTING_KEYS = {
    "number_template": KEY_TEMPLATE,
    "verification_url": KEY_URL,
    "bilingual": KEY_BILINGUAL,
    "title": KEY_TITLE,
    "header_lines": KEY_HEADER,
    "timezone": KEY_TIMEZONE,
    "lsp_enabled": KEY_LSP_ENABLED,
    "lsp_org": KEY_LSP_ORG,
    "lsp_name": KEY_LSP_NAME,
    "lsp_title": KEY_LSP_TITLE,
    "lsp_number": KEY_LSP_NUMBER,
    "lsp_scheme": KEY_LSP_SCHEME,
}

SETTING_LABELS = {
    "number_template": "Format nomor sertifikat",
    "verification_url": "Alamat web verifikasi",
    "bilingual": "Dwibahasa (Indonesia/Inggris)",
    "title": "Jenis sertifikat",
    "header_lines": "Kop di atas nama balai",
    "timezone": "Zona waktu balai",
    "lsp_enabled": "Penanda tangan kedua (LSP)",
    "lsp_org": "Nama LSP",
    "lsp_name": "Nama penanda tangan LSP",
    "lsp_title": "Jabatan penanda tangan LSP",
    "lsp_number": "Nomor lisensi LSP (BNSP)",
    "lsp_scheme": "Skema sertifikasi",
}


def read_settings() -> CertificateSettings:
    """The settings as stored, without a permission check (issuing and verifying read them)."""
    rows = {row.key: row.value for row in Setting.select().where(Setting.key.in_(list(_SETTING_KEYS.values())))}
    values: dict[str, Any] = {}
    defaults = CertificateSettings()
    for name, key in _SETTING_KEYS.items():
        if key not in rows:
            continue
        values[name] = rows[key] == "1" if isinstance(getattr(defaults, name), bool) else rows[key]
    out = dataclasses.replace(defaults, **values)
    if not out.number_template:
        out = dataclasses.replace(out, number_template=DEFAULT_TEMPLATE)
    if out.title not in TITLES:
        out = dataclasses.replace(out, title="kompetensi")
    if out.timezone not in localtime.ZONES:
        out = dataclasses.replace(out, timezone=localtime.DEFAULT_ZONE)
    return out


def get_settings(actor: Actor) -> CertificateSettings:
    require(actor, "certificates.view")
    return read_settings()


def zone() -> str:
    """The balai's time zone (WIB, WITA or WIT), for showing stored times."""
    row = Setting.get_or_none(Setting.key == KEY_TIMEZONE)
    return row.value if row and row.value in localtime.ZONES else localtime.DEFAULT_ZONE


def header_lines(settings: CertificateSettings) -> list[str]:
    return [line.strip() for line in settings.header_lines.splitlines() if line.strip()][:MAX_HEADER_LINES]


def template_to_indonesian(template: str) -> str:
    """``{seq:04d}/SK-{program}`` -> ``{urut:04d}/SK-{program}``: what the settings screen shows."""
    reverse = {eng: ind for ind, eng in PLACEHOLDERS_ID.items()}
    return re.sub(r"\{(\w+)", lambda m: "{" + reverse.get(m.group(1), m.group(1)), template)


def template_from_indonesian(text: str) -> str:
    """The stored form of a format typed with Indonesian placeholders (English ones are accepted too)."""
    return re.sub(r"\{(\w+)", lambda m: "{" + PLACEHOLDERS_ID.get(m.group(1), m.group(1)), text)


def check_template(template: str) -> str | None:
    """An Indonesian message when ``template`` cannot make unique numbers, else None."""
    template = template_from_indonesian(template)
    shown = ", ".join("{" + n + "}" for n in PLACEHOLDERS_ID)
    try:
        names = {fname.split(".")[0].split("[")[0] for _, fname, _, _ in string.Formatter().parse(template) if fname}
    except ValueError:
        return tr("Format nomor tidak dapat dibaca (periksa tanda kurung kurawal).")
    unknown = names - TEMPLATE_FIELDS
    if unknown:
        return tr("Format nomor memuat isian tak dikenal: {x}. Yang tersedia: {ok}.").format(
            x=", ".join(sorted(unknown)), ok=shown)
    if "seq" not in names or "year" not in names:
        return tr("Format nomor wajib memuat {urut} (nomor urut) dan {tahun} (tahun) agar nomor tidak kembar.")
    try:
        template.format(seq=7, program="MJH", balai="BRS", month="XI", year=2026)
    except (ValueError, KeyError, IndexError):
        return tr("Format nomor tidak valid; contoh yang benar: {x}").format(x=template_to_indonesian(DEFAULT_TEMPLATE))
    return None


def format_number(template: str, *, seq: int, program_code: str, balai_code: str, issued: dt.date) -> str:
    return template_from_indonesian(template).format(seq=seq, program=program_code, balai=balai_code,
                                                     month=roman_month(issued.month), year=issued.year)


def save_settings(actor: Actor, data: dict[str, Any]) -> CertificateSettings:
    """Change some or all certificate settings (admin). Applies to certificates issued afterwards."""
    require(actor, "certificates.issue")
    before = read_settings()
    merged = {**before.as_dict(), **{k: val for k, val in data.items() if k in _SETTING_KEYS}}
    c = v.Collector()

    def label(name: str) -> str:
        return tr(SETTING_LABELS[name])

    cleaned: dict[str, Any] = {}
    template = c.take("number_template", v.text, merged["number_template"] or DEFAULT_TEMPLATE,
                      label("number_template"), required=True, max_length=80)
    if template:
        problem = check_template(template)
        if problem:
            c.error("number_template", problem)
        template = template_from_indonesian(template)
    cleaned["number_template"] = template
    url = c.take("verification_url", v.text, merged["verification_url"], label("verification_url"), max_length=200)
    if url and not re.match(r"^https?://[^\s?#]+(\?[^\s#]*)?$", url):
        c.error("verification_url", tr("Alamat web verifikasi harus diawali http:// atau https:// tanpa spasi "
                                       "dan tanpa tanda #."))
    cleaned["verification_url"] = url or ""
    cleaned["bilingual"] = bool(merged["bilingual"])
    cleaned["title"] = merged["title"] if merged["title"] in TITLES else None
    if cleaned["title"] is None:
        c.error("title", tr("Jenis sertifikat harus Sertifikat Kompetensi atau Sertifikat Pelatihan."))
    header = c.take("header_lines", v.text, merged["header_lines"], label("header_lines"), max_length=400,
                    multiline=True) or ""
    if len([x for x in header.splitlines() if x.strip()]) > MAX_HEADER_LINES:
        c.error("header_lines", tr("Kop paling banyak {n} baris.").format(n=MAX_HEADER_LINES))
    cleaned["header_lines"] = "\n".join(x.strip() for x in header.splitlines() if x.strip())
    cleaned["timezone"] = merged["timezone"] if merged["timezone"] in localtime.ZONES else None
    if cleaned["timezone"] is None:
        c.error("timezone", tr("Zona waktu harus WIB, WITA atau WIT."))
    cleaned["lsp_enabled"] = bool(merged["lsp_enabled"])
    for name in ("lsp_org", "lsp_name", "lsp_title", "lsp_number", "lsp_scheme"):
        cleaned[name] = c.take(name, v.text, merged[name], label(name), max_length=200) or ""
    if cleaned["lsp_enabled"]:
        for name in ("lsp_name", "lsp_org"):
            if not cleaned.get(name):
                c.error(name, tr("Isi {what}, atau matikan penanda tangan kedua.").format(what=label(name).lower()))
    c.raise_if_any(confirm_warnings=True)
    with write_transaction():
        for name, key in _SETTING_KEYS.items():
            value = cleaned[name]
            text = ("1" if value else "0") if isinstance(value, bool) else value
            Setting.insert(key=key, value=text).on_conflict_replace().execute()
        changes = audit.diff(before.as_dict(), cleaned)
        if changes:
            audit.record(actor, "update", "setting", None, tr("pengaturan sertifikat"), changes)
    return read_settings()


def next_number_example(actor: Actor, template: str | None = None, program_code: str = "MJH",
                        on: dt.date | None = None) -> str:
    """The number the next certificate would get (for the settings screen's live example);
    an Indonesian message when the format is not valid."""
    require(actor, "certificates.view")
    from balai_app.db.models import BalaiProfile, Certificate
    from peewee import fn

    settings = read_settings()
    template = settings.number_template if template is None else template
    problem = check_template(template)
    if problem:
        return problem
    on = on or localtime.today(settings.timezone)
    seq = (Certificate.select(fn.MAX(Certificate.sequence)).where(Certificate.year == on.year).scalar() or 0) + 1
    profile = BalaiProfile.get_or_none(BalaiProfile.id == 1)
    return format_number(template, seq=seq, program_code=program_code, balai_code=profile.code if profile else "BRS",
                         issued=on)
