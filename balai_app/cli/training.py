"""``balai-app programs list``, ``batches list|create``, ``enroll``."""

from __future__ import annotations

import argparse
import sys

from balai_app.cli import UsageError
from balai_app.cli.common import actor, open_db
from balai_app.domain import codes
from balai_app.domain.dates import format_short, parse_date
from balai_app.domain.errors import NeedsConfirmation
from balai_app.i18n import tr
from balai_app.services import residents, training
from balai_app.services import curriculum
from balai_app.services import enrollment
from balai_app.domain.numbers import number


def register(subparsers) -> None:
    parser = subparsers.add_parser("programs", help="program pelatihan (keterampilan)")
    sub = parser.add_subparsers(dest="programs_command", metavar="<aksi>", required=True)
    p = sub.add_parser("list", help="daftar program dan jumlah unit kompetensi")
    p.add_argument("--all", action="store_true", help="termasuk program nonaktif")
    p.set_defaults(func=cmd_programs_list)
    p = sub.add_parser("show", help="satu program dan unit kompetensinya (No., kode, judul)")
    p.add_argument("code", metavar="KODE", help="kode program, mis. MJH")
    p.set_defaults(func=cmd_programs_show)

    parser = subparsers.add_parser("batches", help="angkatan pelatihan")
    sub = parser.add_subparsers(dest="batches_command", metavar="<aksi>", required=True)
    p = sub.add_parser("list", help="daftar angkatan")
    p.add_argument("--program", metavar="KODE", help="hanya program ini")
    p.add_argument("--status", choices=sorted(codes.BATCH_STATUS))
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_batches_list)
    p = sub.add_parser("create", help="buat angkatan baru; mencetak nomornya")
    p.add_argument("--program", metavar="KODE", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--start", metavar="TANGGAL", required=True, help="HH/BB/TTTT atau TTTT-BB-HH")
    p.add_argument("--end", metavar="TANGGAL", required=True)
    p.add_argument("--capacity", metavar="N", type=int, default=20)
    p.set_defaults(func=cmd_batches_create)

    p = subparsers.add_parser("enroll", help="daftarkan PM ke angkatan")
    p.add_argument("--batch", metavar="ID", type=int, required=True)
    p.add_argument("--resident", metavar="NIK_ATAU_NO", required=True)
    p.add_argument("--date", metavar="TANGGAL", help="tanggal mulai (bawaan: mulai angkatan atau hari ini)")
    p.add_argument("--yes", action="store_true", help="jangan tampilkan peringatan (mis. belum diasesmen); tanpa ini peringatan ditampilkan lalu tetap didaftarkan")
    p.add_argument("--reason", default="", help="alasan tertulis, wajib untuk PM di bawah 15 tahun pada program "
                                                 "khusus dewasa (mis. las); dicatat di riwayat perubahan")
    p.set_defaults(func=cmd_enroll)


def _date(value: str | None, option: str):
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError as exc:
        raise UsageError(f"{option}: {exc}") from None


def cmd_programs_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    programs = curriculum.list_programs(who, include_inactive=args.all)
    for program in programs:
        units = curriculum.active_units(program.id)
        flags = []
        if program.is_sample:
            flags.append(curriculum.SAMPLE_NOTE)
        if not program.active:
            flags.append("nonaktif")
        print(f"{program.code}\t{program.name}\t{number(len(units))} unit\tmin. hadir {program.min_attendance}%"
              + (f"\t({'; '.join(flags)})" if flags else ""))
    print(f"{number(len(programs))} program")
    return 0


def cmd_programs_show(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    program = curriculum.get_program(who, args.code)
    print(f"{program.code}\t{program.name}")
    print(tr("Jam pelajaran: {h}; minimal kehadiran {m}%").format(h=program.hours or "-", m=program.min_attendance))
    if program.is_sample:
        print(training.SAMPLE_NOTE)
    units = curriculum.units_of(who, program.id, include_retired=True)
    print(tr("No.\tKode\tJudul unit"))
    number = 0
    for unit in units:
        if unit.retired:
            print(f"-\t{unit.code or '-'}\t{unit.title} ({tr('nonaktif')})")
            continue
        number += 1
        print(f"{number}\t{unit.code or '-'}\t{unit.title}")
    print(tr("{n} unit aktif. Pada 'assess --unit' sebutkan kode atau No. unit di atas.").format(n=number))
    return 0


def cmd_batches_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    program_id = curriculum.get_program(who, args.program).id if args.program else None
    rows = training.list_batches(who, program_id=program_id, status=args.status, year=args.year)
    for row in rows:
        print(f"{row.id}\t{row.program_code}\t{row.name}\t{format_short(row.start_date)}-{format_short(row.end_date)}"
              f"\t{codes.label(codes.BATCH_STATUS, row.status)}\t{row.participants}/{row.capacity}"
              f"\t{row.trainer_name or '-'}")
    print(f"{number(len(rows))} angkatan")
    return 0


def cmd_batches_create(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    start, end = _date(args.start, "--start"), _date(args.end, "--end")
    program = curriculum.get_program(who, args.program)
    batch = training.create_batch(who, {"program": program.id, "name": args.name, "start_date": start,
                                        "end_date": end, "capacity": args.capacity})
    print(batch.id)
    return 0


def cmd_enroll(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    start = _date(args.date, "--date")
    resident = residents.find_resident(who, args.resident)
    try:
        row = enrollment.enroll(who, args.batch, resident.id, start_date=start, confirm_warnings=args.yes,
                                reason=args.reason)
    except NeedsConfirmation as exc:
        # The contract: a warning, not a refusal. Say it, then enroll.
        for message in exc.warnings.values():
            print(f"peringatan: {message}", file=sys.stderr)
        row = enrollment.enroll(who, args.batch, resident.id, start_date=start, confirm_warnings=True,
                                reason=args.reason)
    batch = training.get_batch(who, args.batch)
    print(f"{resident.name} terdaftar di {batch.name} mulai {format_short(row.start_date)} (No. {row.id})")
    return 0
