"""NIK (Nomor Induk Kependudukan) rules.

python-stdnum checks the format, but: its region table lacks province 65
(Kalimantan Utara) and the newer Papua provinces (92-96), it reads any day
value modulo 40 and guesses the century as 19xx. So we use it for what it
does well and check the encoded date ourselves:

- malformed (length, non-digits, impossible date, serial 0000) -> error;
- unknown region -> warning;
- birth date or sex not matching the entered ones -> warning to confirm.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from stdnum.id import nik as stdnum_nik
from stdnum.util import clean

from balai_app.i18n import tr

# Provinces newer than python-stdnum's table (checked: stdnum 2.x).
EXTRA_PROVINCES = {"65", "92", "93", "94", "95", "96"}


@dataclass
class NikCheck:
    nik: str
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def compact(value: str) -> str:
    """Digits only as typed or pasted: spaces, line breaks, '-' and '.' removed."""
    if value.__class__ is str and value.isascii() and value.isdigit():  # as typed or imported: nothing to remove
        return value
    text = "".join(str(value).split())
    if text.isascii() and text.isdigit():  # the usual NIK: nothing to clean (python-stdnum's clean is costly per row)
        return text
    return clean(text, " -.").strip()


def encoded_day_month_year(nik: str) -> tuple[int, int, int]:
    """(day as encoded, month, two-digit year)."""
    return int(nik[6:8]), int(nik[8:10]), int(nik[10:12])


@functools.lru_cache(maxsize=4096)
def _place_known(place: str) -> bool:
    """The first six digits name a known province/regency/district (looked up once per code:
    an import of 10,000 rows would otherwise search python-stdnum's table 10,000 times)."""
    if place[:2] in EXTRA_PROVINCES:
        return True
    try:
        stdnum_nik._check_registration_place(place + "0" * 10)
    except Exception:  # noqa: BLE001 (a private python-stdnum helper: any failure means "not a known place")
        return False
    return True


def check_nik(value: str, birth_date: dt.date | None = None, sex: str | None = None) -> NikCheck:
    nik = compact(value)
    result = NikCheck(nik)
    if not nik.isdigit() or not nik.isascii():
        result.errors.append(tr("NIK hanya boleh berisi angka."))
        return result
    if len(nik) != 16:
        result.errors.append(tr("NIK harus 16 digit (sekarang {n} digit).").format(n=len(nik)))
        return result
    if nik[12:] == "0000":
        result.errors.append(tr("Nomor urut NIK (4 digit terakhir) tidak boleh 0000."))
    day, month, yy = encoded_day_month_year(nik)
    real_day = day - 40 if day > 40 else day
    if not (1 <= day <= 31 or 41 <= day <= 71) or not 1 <= month <= 12:
        result.errors.append(tr("Tanggal lahir dalam NIK tidak mungkin (digit 7-12: {d})." ).format(d=nik[6:12]))
        return result
    if not _date_possible(yy, month, real_day):
        result.errors.append(tr("Tanggal lahir dalam NIK tidak mungkin (digit 7-12: {d}).").format(d=nik[6:12]))
        return result
    if not _place_known(nik[:6]):
        result.warnings.append(tr("Kode wilayah NIK {code} tidak dikenal; periksa kembali.").format(code=nik[:6]))
    if sex in ("L", "P"):
        encoded_sex = "P" if day > 40 else "L"
        if encoded_sex != sex:
            result.warnings.append(
                tr("NIK menunjukkan jenis kelamin {a}, tetapi data berisi {b}.").format(
                    a="perempuan" if encoded_sex == "P" else "laki-laki",
                    b="perempuan" if sex == "P" else "laki-laki",
                )
            )
    if birth_date is not None:
        if (real_day, month, yy) != (birth_date.day, birth_date.month, birth_date.year % 100):
            result.warnings.append(
                tr("Tanggal lahir dalam NIK ({nik_date}) berbeda dengan tanggal lahir {bd}.").format(
                    nik_date=f"{real_day:02d}/{month:02d}/{yy:02d}", bd=birth_date.strftime("%d/%m/%Y")
                )
            )
    return result


@functools.lru_cache(maxsize=None)  # at most 100 years x 12 months x 31 days: looked up once per date, not per NIK
def _date_possible(yy: int, month: int, day: int) -> bool:
    """A date must exist in at least one century (29 Feb needs a leap year)."""
    return any(_valid_date(century + yy, month, day) for century in (1900, 2000))


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def birth_date_from_nik(nik: str, reference: dt.date | None = None) -> dt.date | None:
    """The birth date encoded in a NIK, taking the latest century not in the future."""
    nik = compact(nik)
    day, month, yy = encoded_day_month_year(nik)
    day = day - 40 if day > 40 else day
    today = reference or dt.date.today()
    for century in (2000, 1900):
        if _valid_date(century + yy, month, day):
            candidate = dt.date(century + yy, month, day)
            if candidate <= today:
                return candidate
    return None


def mask(value: str | None) -> str:
    """3201**********01: region's first four and last two digits only."""
    if not value:
        return ""
    value = str(value)
    if len(value) <= 6:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 6) + value[-2:]
