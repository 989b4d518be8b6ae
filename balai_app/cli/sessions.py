"""``balai-app sessions add``, ``attendance set``, ``assess``, ``progress`` (and ``sessions recap``)."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from pathlib import Path

from balai_app.cli import UsageError
from balai_app.cli.common import actor, open_db
from balai_app.domain import codes
from balai_app.domain.dates import format_short, parse_date
from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
from balai_app.services import progress, sessions
from balai_app.services import unit_assessments
from balai_app.services import attendance
from balai_app.domain.numbers import number


def register(subparsers) -> None:
    parser = subparsers.add_parser("sessions", help="sesi pelatihan")
    sub = parser.add_subparsers(dest="sessions_command", metavar="<aksi>", required=True)
    p = sub.add_parser("add", help="catat sesi baru; mencetak nomor sesi")
    p.add_argument("--batch", type=int, required=True, metavar="ID", help="nomor angkatan")
    p.add_argument("--date", required=True, metavar="TANGGAL", help="tanggal sesi (HH/BB/TTTT atau TTTT-BB-HH)")
    p.add_argument("--topic", required=True, metavar="TEKS", help="topik/materi")
    p.add_argument("--units", default="", metavar="KODE,...", help="kode unit kompetensi yang dibahas")
    p.add_argument("--start", default="", metavar="JJ:MM", help="jam mulai")
    p.add_argument("--end", default="", metavar="JJ:MM", help="jam selesai")
    p.set_defaults(func=cmd_sessions_add)

    p = sub.add_parser("list", help="daftar sesi sebuah angkatan")
    p.add_argument("--batch", type=int, required=True, metavar="ID")
    p.set_defaults(func=cmd_sessions_list)

    p = sub.add_parser("recap", help="rekap presensi bulanan atau rekap progres (PDF/XLSX)")
    p.add_argument("--batch", type=int, required=True, metavar="ID")
    p.add_argument("--month", metavar="TTTT-BB", help="bulan rekap presensi; tanpa ini: rekap progres")
    p.add_argument("--out", required=True, metavar="BERKAS", help="berkas keluaran .pdf atau .xlsx")
    p.set_defaults(func=cmd_sessions_recap)

    parser = subparsers.add_parser("attendance", help="presensi sesi")
    sub = parser.add_subparsers(dest="attendance_command", metavar="<aksi>", required=True)
    p = sub.add_parser("set", help="isi presensi seorang peserta")
    p.add_argument("--session", type=int, required=True, metavar="ID")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.add_argument("--status", required=True, choices=list(codes.ATTENDANCE), type=str.upper,
                   help="H=Hadir, I=Izin, S=Sakit, A=Alpa")
    p.add_argument("--note", default=None, help="keterangan")
    p.set_defaults(func=cmd_attendance_set)

    p = subparsers.add_parser("assess", help="catat penilaian unit kompetensi (K/BK)")
    p.add_argument("--batch", type=int, required=True, metavar="ID")
    p.add_argument("--resident", required=True, metavar="NIK_ATAU_NO")
    p.add_argument("--unit", required=True, metavar="KODE_ATAU_NO",
                   help="kode unit, atau No. unit dalam program seperti pada 'programs show KODE'")
    p.add_argument("--result", required=True, choices=list(codes.UNIT_RESULT), type=str.upper,
                   help="K=Kompeten, BK=Belum Kompeten")
    p.add_argument("--date", default=None, metavar="TANGGAL")
    p.add_argument("--method", default="observasi", choices=list(codes.ASSESSMENT_METHODS))
    p.add_argument("--score", type=int, default=None)
    p.add_argument("--evidence", default="")
    p.set_defaults(func=cmd_assess)

    p = subparsers.add_parser("progress", help="kehadiran, unit kompeten dan kelayakan sertifikat per peserta")
    p.add_argument("--batch", type=int, required=True, metavar="ID")
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.set_defaults(func=cmd_progress)


def cmd_sessions_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    units = [u.strip() for u in args.units.split(",") if u.strip()]
    session = sessions.create_session(who, args.batch, {
        "date": args.date, "topic": args.topic, "units": units, "start_time": args.start, "end_time": args.end})
    print(session.id)
    return 0


def cmd_sessions_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    for row in sessions.list_sessions(who, args.batch):
        print(f"{row.id}\t{format_short(row.date)}\t{row.time or '-'}\t{row.topic}\t{row.units or '-'}\t"
              f"H {row.present} I {row.excused} S {row.sick} A {row.absent}")
    return 0


def cmd_attendance_set(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    session = sessions.get_session(who, args.session)
    enrollment = sessions.find_participant(who, session.batch_id, args.resident)
    attendance.save_attendance(who, session.id, {enrollment.id: (args.status, args.note)})
    print(f"{codes.label(codes.ATTENDANCE, args.status)}")
    return 0


def cmd_assess(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    enrollment = sessions.find_participant(who, args.batch, args.resident)
    unit = unit_by_code_or_number(who, args.batch, args.unit)
    record_id = unit_assessments.assess(who, args.batch, enrollment.resident_id, unit, args.result, args.date,
                                method=args.method, score=args.score, evidence=args.evidence)
    print(record_id)
    return 0


def unit_by_code_or_number(who, batch_id: int, key: str) -> int | str:
    """The unit ``assess --unit`` names: its code, or its No. among the program's active units
    (as ``programs show CODE`` numbers them). Anything else goes to the service, which names the problem."""
    text = key.strip()
    units = sessions.batch_units(who, batch_id)
    by_code = {u.code.strip().casefold(): u.id for u in units if u.code.strip()}
    if text.casefold() in by_code:
        return by_code[text.casefold()]
    if text.isascii() and text.isdigit():
        position = int(text)
        if 1 <= position <= len(units):
            return units[position - 1].id
        raise UsageError(tr("--unit {n}: program ini memiliki {k} unit aktif (No. 1-{k}); lihat "
                            "'balai-app programs show KODE'.").format(n=position, k=number(len(units))))
    return text


def cmd_progress(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    matrix = progress.batch_matrix(who, args.batch)
    if args.json:
        out = {
            "batch": {"id": matrix.batch_id, "name": matrix.batch_name, "program": matrix.program_name,
                      "min_attendance": matrix.min_attendance, "sessions_held": matrix.sessions_held,
                      "units": [{"id": u.id, "code": u.code, "title": u.title} for u in matrix.units]},
            "participants": [
                {**asdict(p), "unit_results": {str(k): r for k, r in p.unit_results.items()}} for p in matrix.rows
            ],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    print(f"{matrix.batch_name} — {matrix.program_name}; {matrix.sessions_held} sesi terlaksana; "
          f"minimum kehadiran {matrix.min_attendance}%")
    for p in matrix.rows:
        verdict = "LAYAK" if p.eligible else "belum layak"
        print(f"{p.resident_id}\t{p.name}\thadir {progress.describe(p)}\t{verdict}"
              + ("" if p.eligible else f"\t{' '.join(p.reasons)}"))
    print(f"{number(matrix.eligible_count)} dari {number(len(matrix.rows))} peserta layak sertifikat")
    return 0


def cmd_sessions_recap(args: argparse.Namespace) -> int:
    from balai_app.services import exports

    open_db(args)
    who = actor(args, write=True)
    target = Path(args.out)
    kind = target.suffix.lower()
    if kind not in (".pdf", ".xlsx"):
        raise UsageError("--out harus berakhiran .pdf atau .xlsx")
    if args.month:
        try:
            first = parse_date(f"{args.month.strip()}-01")
        except ValueError as exc:
            raise ValidationError({"month": f"--month: {exc}"}) from None
        exports.attendance_recap(who, args.batch, first.year, first.month, target)
    else:
        exports.progress_recap(who, args.batch, target)
    print(target)
    return 0
