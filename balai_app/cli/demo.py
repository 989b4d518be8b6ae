"""``balai-app demo``: fill an empty database with a realistic demo balai."""

from __future__ import annotations

import argparse

from balai_app.cli.common import open_db
from balai_app.services import demo
from balai_app.services.context import SYSTEM


def register(subparsers) -> None:
    p = subparsers.add_parser("demo", help="isi basis data kosong dengan data contoh (balai DEMO)")
    p.add_argument("--residents", type=int, default=150, help="jumlah PM contoh (bawaan 150)")
    p.add_argument("--seed", type=int, default=2026)
    p.set_defaults(func=cmd_demo)


def cmd_demo(args: argparse.Namespace) -> int:
    open_db(args, create=True)
    summary = demo.create_demo(SYSTEM, residents=args.residents, seed=args.seed)
    for line in summary:
        print(line)
    return 0
