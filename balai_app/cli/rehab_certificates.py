"""``rehab-certificates issue|pdf|verify|revoke|list`` (issue 15)."""

from __future__ import annotations

import argparse

from balai_app.cli import UsageError
from balai_app.cli.common import actor, open_db
from balai_app.domain.dates import format_short, parse_date
from balai_app.services import rehab_certificates as rc, residents
from balai_app.domain.numbers import number


def register(subparsers) -> None:
    parser = subparsers.add_parser("rehab-certificates", help="sertifikat rehabilitasi sosial (saat terminasi)")
    sub = parser.add_subparsers(dest="rehab_command", metavar="<aksi>", required=True)
    p = sub.add_parser("issue", help="terbitkan sertifikat untuk PM berstatus Selesai/Terminasi; mencetak nomornya")
    p.add_argument("--resident", metavar="NIK_ATAU_NO", required=True)
    p.add_argument("--with-services", action="store_true", help="cantumkan daftar layanan (nama netral)")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal terbit (bawaan: hari ini)")
    p.set_defaults(func=cmd_issue)
    p = sub.add_parser("pdf", help="tulis sertifikat ke berkas PDF")
    p.add_argument("--number", metavar="N", required=True)
    p.add_argument("--out", metavar="BERKAS.pdf", required=True)
    p.set_defaults(func=cmd_pdf)
    p = sub.add_parser("verify", help="periksa keaslian: isi kode QR (atau nomor dengan --code)")
    p.add_argument("payload", metavar="ISI_QR")
    p.add_argument("--code", help="kode verifikasi yang diketik; ISI_QR lalu berisi nomor sertifikat")
    p.set_defaults(func=cmd_verify)
    p = sub.add_parser("revoke", help="cabut sertifikat")
    p.add_argument("--number", metavar="N", required=True)
    p.add_argument("--reason", required=True)
    p.set_defaults(func=cmd_revoke)
    p = sub.add_parser("list", help="sertifikat rehabilitasi sosial seorang PM")
    p.add_argument("--resident", metavar="NIK_ATAU_NO", required=True)
    p.set_defaults(func=cmd_list)


def cmd_issue(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    try:
        issued_on = parse_date(args.date) if args.date else None
    except ValueError as exc:
        raise UsageError(f"--date: {exc}") from None
    resident = residents.find_resident(who, args.resident)
    print(rc.issue(who, resident.id, with_services=args.with_services, issued_on=issued_on).number)
    return 0


def cmd_pdf(args: argparse.Namespace) -> int:
    if not args.out.lower().endswith(".pdf"):
        raise UsageError("--out: gunakan berkas .pdf")
    open_db(args)
    who = actor(args, write=True)
    print(rc.write_pdf(who, args.number, args.out))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    open_db(args)
    verdict = rc.verify_code(args.payload, args.code) if args.code else rc.verify(args.payload)
    print(verdict.text())
    return 0 if verdict.ok else 1


def cmd_revoke(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    cert = rc.revoke(who, rc.find(who, args.number).id, args.reason)
    print(f"{cert.number} dicabut")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    resident = residents.find_resident(who, args.resident)
    rows = rc.of_resident(who, resident.id)
    for r in rows:
        print(f"{r.number}\t{format_short(r.issued_on)}\t{'berlaku' if r.valid else 'dicabut'}")
    print(f"{number(len(rows))} sertifikat")
    return 0
