"""Property tests for ``domain.dates``: the three accepted spellings round-trip, impossible
dates raise ValueError with an Indonesian message, and nothing else is ever raised."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from balai_app.domain.dates import MONTHS, format_long, format_short, parse_date, roman_month

dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@settings(deadline=None)
@given(dates)
@example(dt.date(2000, 2, 29))
@example(dt.date(2026, 11, 22))
def test_round_trip_of_every_accepted_spelling(day):
    assert parse_date(format_short(day)) == day  # 22/11/2026
    assert parse_date(day.isoformat()) == day  # 2026-11-22
    assert parse_date(day.strftime("%d-%m-%Y")) == day  # 22-11-2026
    assert parse_date(f"{day.day}/{day.month}/{day.year}") == day  # without leading zeros
    assert parse_date(f"  {format_short(day)} ") == day
    assert parse_date(day) == day
    assert parse_date(dt.datetime(day.year, day.month, day.day, 13, 45)) == day


@settings(deadline=None)
@given(dates)
def test_format_long_uses_indonesian_month_names(day):
    text = format_long(day)
    assert text == f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    assert format_short(day) == f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def test_format_none_and_roman_months():
    assert format_long(None) == format_short(None) == ""
    assert [roman_month(m) for m in (1, 4, 9, 12)] == ["I", "IV", "IX", "XII"]
    assert format_long(dt.date(2026, 11, 22)) == "22 November 2026"


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


@settings(deadline=None)
@given(st.integers(1, 9999), st.integers(0, 99), st.integers(0, 99), st.sampled_from(["{d}-{m}-{y}", "{d}/{m}/{y}",
                                                                                     "{y}-{m}-{d}"]))
@example(2026, 2, 31, "{d}-{m}-{y}")
@example(2025, 2, 29, "{d}/{m}/{y}")
@example(1900, 2, 29, "{y}-{m}-{d}")
def test_impossible_dates_raise_value_error_in_indonesian(year, month, day, pattern):
    text = pattern.format(d=f"{day:02d}", m=f"{month:02d}", y=f"{year:04d}")
    if _exists(year, month, day):
        assert parse_date(text) == dt.date(year, month, day)
    else:
        with pytest.raises(ValueError, match="tanggal tidak ada di kalender") as info:
            parse_date(text)
        assert text in str(info.value)


def test_31_february_names_the_text():
    with pytest.raises(ValueError) as info:
        parse_date("31-02-2026")
    assert str(info.value) == "tanggal tidak ada di kalender: '31-02-2026'"


@given(st.text(max_size=30))
@settings(max_examples=300, deadline=None)
def test_arbitrary_text_gives_a_date_or_an_indonesian_value_error(text):
    try:
        result = parse_date(text)
    except ValueError as exc:
        message = str(exc)
        assert "tanggal" in message  # "format tanggal tidak dikenal" / "tanggal tidak ada di kalender"
    else:
        assert isinstance(result, dt.date)


@settings(deadline=None)
@given(st.one_of(st.none(), st.integers(), st.floats(), st.booleans(), st.binary(max_size=10),
                 st.lists(st.integers(), max_size=3), st.times()))
def test_other_types_raise_value_error(value):
    with pytest.raises(ValueError, match="bukan tanggal"):
        parse_date(value)


@given(st.from_regex(r"\d{1,5}[-/.]\d{1,5}[-/.]\d{1,6}", fullmatch=True))
@settings(max_examples=300, deadline=None)
def test_date_shaped_strings_never_raise_anything_but_value_error(text):
    try:
        result = parse_date(text)
    except ValueError as exc:
        assert "tanggal" in str(exc)
    else:
        assert isinstance(result, dt.date)


def _by_pattern(text: str) -> dt.date | str:
    """What parse_date gives by its two patterns alone (the message's first words when it refuses)."""
    from balai_app.domain import dates

    text = text.strip()
    match = dates._ISO.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = dates._DMY.match(text)
        if not match:
            return "format tanggal tidak dikenal"
        day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return "tanggal tidak ada di kalender"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789/-. \t2٣x", min_size=8, max_size=12))
@example("31/02/1990")
@example("01.02-1990")
@example("1990-02-01")
@example("01/02/199٣")
def test_the_shortcut_for_dd_mm_yyyy_gives_what_the_patterns_give(text):
    """parse_date reads a plain DD/MM/YYYY by position (an import has one per cell): for any
    text it must give the date, or refuse with the message, that its patterns give."""
    expected = _by_pattern(text)
    try:
        got: dt.date | str = parse_date(text)
    except ValueError as exc:
        got = str(exc).split(":")[0]
    assert got == expected
