"""``reports monthly --month YYYY-MM --out FILE.xlsx|.pdf`` (issue 15)."""

from __future__ import annotations

import argparse

from balai_app.cli import UsageError
from balai_app.cli.common import actor, open_db
from balai_app.domain.dates import parse_date
from balai_app.services import monthly_report
from balai_app.domain.numbers import number
from balai_app.i18n import tr


def register(subparsers) -> None:
    from balai_app.cli.common import command_group

    sub = command_group(subparsers, "reports", "laporan: PM dilayani (served) dan laporan bulanan (monthly)")
    p = sub.add_parser("monthly", help="laporan bulanan (atau periode) per klaster dan jenis kelamin, XLSX atau PDF")
    period = p.add_mutually_exclusive_group(required=True)
    period.add_argument("--month", metavar="YYYY-MM", help="bulan laporan, mis. 2026-11")
    period.add_argument("--from", dest="start", metavar="TANGGAL", help="awal periode (bersama --to)")
    p.add_argument("--to", dest="end", metavar="TANGGAL", help="akhir periode")
    p.add_argument("--out", metavar="BERKAS", required=True, help="berkas .xlsx atau .pdf")
    p.set_defaults(func=cmd_monthly)


def _period(args: argparse.Namespace):
    if args.month:
        if args.end:
            raise UsageError("--to hanya bersama --from")
        try:
            return monthly_report.parse_month(args.month)
        except ValueError as exc:
            raise UsageError(f"--month: {exc}") from None
    if not args.end:
        raise UsageError("--from memerlukan --to")
    try:
        return parse_date(args.start), parse_date(args.end)
    except ValueError as exc:
        raise UsageError(f"--from/--to: {exc}") from None


def cmd_monthly(args: argparse.Namespace) -> int:
    start, end = _period(args)
    if not str(args.out).lower().endswith((".xlsx", ".pdf")):
        raise UsageError("--out: gunakan berkas .xlsx atau .pdf")
    open_db(args)
    who = actor(args, write=True)
    report = monthly_report.monthly_report(who, start, end)
    path = monthly_report.export_monthly(who, report, args.out)
    served = report.line("residents", "served").total
    print(tr("{title} {period}: {n} PM dilayani, disimpan di {path}").format(
        title=report.title, period=report.period_text, n=number(served), path=path))
    return 0
