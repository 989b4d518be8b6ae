"""What a batch's progress is made of: plain values computed by ``services.progress``
and rendered by the recaps in ``documents/`` (which import no service)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class ParticipantProgress:
    enrollment_id: int
    resident_id: int
    name: str
    sessions_counted: int
    present: int
    excused: int
    sick: int
    absent: int
    attendance_rate: float | None  # 0..1, None when no session counted
    units_total: int
    units_competent: int
    unit_results: dict[int, str | None]  # unit id -> "K" | "BK" | None (not assessed yet)
    eligible: bool
    reasons: list[str] = field(default_factory=list)  # Indonesian: why not eligible

    @property
    def unmarked(self) -> int:
        return self.sessions_counted - self.present - self.excused - self.sick - self.absent

    @property
    def rate_text(self) -> str:
        return percent(self.attendance_rate)


def percent(rate: float | None) -> str:
    """0.8333 -> '83,3%' (Indonesian decimal comma); None -> '—'."""
    if rate is None:
        return "—"
    text = f"{rate * 100:.1f}".replace(".", ",")
    return f"{text.removesuffix(',0')}%"


@dataclass
class UnitInfo:
    id: int
    position: int
    code: str
    title: str

    @property
    def short(self) -> str:
        return self.code or f"Unit {self.position}"


@dataclass
class BatchProgress:
    """The matrix of one batch: participants × active units, plus attendance."""

    batch_id: int
    batch_name: str
    program_id: int
    program_code: str
    program_name: str
    trainer_name: str
    start_date: dt.date
    end_date: dt.date
    min_attendance: int
    units: list[UnitInfo]
    sessions_held: int
    rows: list[ParticipantProgress]

    @property
    def eligible_count(self) -> int:
        return sum(1 for r in self.rows if r.eligible)


@dataclass
class MonthColumn:
    session_id: int
    date: dt.date
    start_time: str
    topic: str


@dataclass
class MonthRow:
    enrollment_id: int
    resident_id: int
    name: str
    cells: list[str | None]  # per column: "H"/"I"/"S"/"A", "" (counted, unmarked), None (outside his period)
    present: int = 0
    excused: int = 0
    sick: int = 0
    absent: int = 0
    counted: int = 0

    @property
    def unmarked(self) -> int:
        return self.counted - self.present - self.excused - self.sick - self.absent


@dataclass
class AttendanceMonth:
    batch: BatchProgress  # carries the cumulative figures (the same as ``progress``)
    year: int
    month: int
    columns: list[MonthColumn]
    rows: list[MonthRow]
