"""``balai-app residents ...``"""

from __future__ import annotations

import argparse

from balai_app.cli.common import actor, open_db
from balai_app.domain import codes
from balai_app.domain.dates import format_short
from balai_app.domain.nik import mask
from balai_app.services import residents


def register(subparsers) -> None:
    parser = subparsers.add_parser("residents", help="data Penerima Manfaat")
    sub = parser.add_subparsers(dest="residents_command", metavar="<aksi>", required=True)

    p = sub.add_parser("list", help="daftar PM (NIK disamarkan)")
    p.add_argument("--search", default="", help="cari nama, NIK atau tempat lahir")
    p.add_argument("--klaster", choices=sorted(codes.KLASTER))
    p.add_argument("--status", choices=sorted(codes.RESIDENT_STATUS))
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=cmd_list)


def cmd_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=False)
    flt = residents.ResidentFilter(text=args.search, klaster=args.klaster, status=args.status)
    rows = residents.list_residents(who, flt, limit=args.limit)
    for row in rows:
        print(f"{row.id}\t{mask(row.nik) or '-'}\t{row.name}\t{row.sex}\t{codes.label(codes.KLASTER, row.klaster)}\t"
              f"{codes.label(codes.RESIDENT_STATUS, row.status)}\t{format_short(row.entry_date)}")
    total = residents.count_residents(who, flt)
    print(f"{len(rows)} dari {total} PM")
    return 0
