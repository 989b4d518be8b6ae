"""Property tests for ``domain.nik.check_nik``: valid NIKs pass clean, mismatches warn,
malformed ones are errors, and nothing ever raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from balai_app.domain.nik import NikCheck, birth_date_from_nik, check_nik, mask

# Regency codes (first 4 digits) known to python-stdnum, plus provinces it lacks
# (65 Kalimantan Utara, 92 and 96 the newer Papua provinces) that we accept.
KNOWN_REGIONS = ["3201", "3271", "3171", "5101", "3505", "1101", "7371", "6471", "9101", "6501", "9201", "9601"]

birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2026, 11, 1))
sexes = st.sampled_from(["L", "P"])
regions = st.tuples(st.sampled_from(KNOWN_REGIONS), st.integers(1, 99)).map(lambda t: f"{t[0]}{t[1]:02d}")
serials = st.integers(1, 9999)


def make_nik(region: str, birth: dt.date, sex: str, serial: int) -> str:
    day = birth.day + (40 if sex == "P" else 0)
    return f"{region}{day:02d}{birth.month:02d}{birth.year % 100:02d}{serial:04d}"


@settings(deadline=None)
@given(regions, birth_dates, sexes, serials)
@example("320101", dt.date(2000, 2, 29), "P", 1)  # 29 Feb: only 2000 fits "00"
@example("650101", dt.date(1950, 12, 31), "L", 9999)  # Kalimantan Utara, unknown to stdnum
def test_generated_nik_for_matching_birth_date_and_sex_is_clean(region, birth, sex, serial):
    nik = make_nik(region, birth, sex, serial)
    result = check_nik(nik, birth, sex)
    assert result.errors == [] and result.warnings == [], (nik, result)
    assert result.ok and result.nik == nik
    # Separators people type are accepted.
    spaced = f"{nik[:6]} {nik[6:12]}-{nik[12:]}"
    assert check_nik(spaced, birth, sex).nik == nik
    # The encoded date is read back in the century that is not in the future.
    decoded = birth_date_from_nik(nik, reference=dt.date(2026, 11, 24))
    assert decoded is not None and (decoded.day, decoded.month, decoded.year % 100) == (
        birth.day, birth.month, birth.year % 100)
    assert mask(nik) == nik[:4] + "*" * 10 + nik[-2:]


@settings(deadline=None)
@given(regions, birth_dates, birth_dates, sexes, serials)
def test_other_birth_date_is_a_warning_not_an_error(region, birth, other, sex, serial):
    assume((other.day, other.month, other.year % 100) != (birth.day, birth.month, birth.year % 100))
    result = check_nik(make_nik(region, birth, sex, serial), other, sex)
    assert result.errors == []
    assert len(result.warnings) == 1 and "berbeda dengan tanggal lahir" in result.warnings[0]


@settings(deadline=None)
@given(regions, birth_dates, sexes, serials)
def test_other_sex_is_a_warning_not_an_error(region, birth, sex, serial):
    other = "P" if sex == "L" else "L"
    result = check_nik(make_nik(region, birth, sex, serial), birth, other)
    assert result.errors == []
    assert len(result.warnings) == 1 and "jenis kelamin" in result.warnings[0]


@settings(deadline=None)
@given(birth_dates, sexes, serials, st.sampled_from(["9901", "0001", "1001", "9999"]))
def test_unknown_region_is_a_warning_not_an_error(birth, sex, serial, region):
    result = check_nik(make_nik(region + "01", birth, sex, serial), birth, sex)
    assert result.errors == []
    assert len(result.warnings) == 1 and "tidak dikenal" in result.warnings[0]


@settings(deadline=None)
@given(st.text(alphabet="0123456789", min_size=0, max_size=30).filter(lambda s: len(s) != 16))
def test_wrong_length_is_an_error(digits):
    result = check_nik(digits)
    assert result.errors and not result.ok


@settings(deadline=None)
@given(regions, birth_dates, sexes, serials, st.integers(0, 15),
       st.characters(blacklist_categories=["Nd"], blacklist_characters=" -."))
def test_a_non_digit_anywhere_is_an_error(region, birth, sex, serial, position, char):
    nik = make_nik(region, birth, sex, serial)
    bad = nik[:position] + char + nik[position + 1:]
    result = check_nik(bad, birth, sex)
    assert result.errors, bad


@settings(deadline=None)
@given(st.text(alphabet="\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\uff10\uff11", min_size=16,
               max_size=16))
def test_non_ascii_digits_are_an_error(text):
    assert check_nik(text).errors == ["NIK hanya boleh berisi angka."]


@settings(deadline=None)
@given(regions, birth_dates, sexes)
def test_serial_0000_is_an_error(region, birth, sex):
    result = check_nik(make_nik(region, birth, sex, 1)[:12] + "0000", birth, sex)
    assert any("0000" in e for e in result.errors)


@settings(deadline=None)
@given(regions, st.integers(0, 99), st.integers(0, 99), st.integers(0, 99), serials)
def test_impossible_encoded_date_is_an_error(region, day, month, yy, serial):
    real_day = day - 40 if day > 40 else day

    def exists(year: int) -> bool:
        try:
            dt.date(year, month, real_day)
        except ValueError:
            return False
        return True

    possible = (1 <= day <= 31 or 41 <= day <= 71) and (exists(1900 + yy) or exists(2000 + yy))
    result = check_nik(f"{region}{day:02d}{month:02d}{yy:02d}{serial:04d}")
    if possible:
        assert result.errors == []
    else:
        assert result.errors and "tidak mungkin" in result.errors[0]


@given(
    st.one_of(st.text(max_size=40), st.integers(), st.from_regex(r"[0-9 .\-]{10,24}", fullmatch=True)),
    st.one_of(st.none(), birth_dates),
    st.one_of(st.none(), st.sampled_from(["L", "P", "", "X"])),
)
@settings(max_examples=300, deadline=None)
def test_never_raises(value, birth, sex):
    result = check_nik(value, birth, sex)
    assert isinstance(result, NikCheck)
    assert all(isinstance(m, str) and m for m in result.errors + result.warnings)
    if result.ok:
        assert len(result.nik) == 16 and result.nik.isascii() and result.nik.isdigit()


def test_the_birth_date_warning_writes_both_dates_day_first():
    result = check_nik(make_nik("320101", dt.date(2001, 3, 17), "L", 1), dt.date(2001, 3, 18), "L")
    assert result.warnings == ["Tanggal lahir dalam NIK (17/03/01) berbeda dengan tanggal lahir 18/03/2001."]
