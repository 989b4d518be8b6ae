"""``balai-app --db SOURCE move-to TARGET``: a balai's whole database to a server, or back to a file."""

from __future__ import annotations

import argparse
import sys

from balai_app.cli.common import actor, open_db, server_password_prompt
from balai_app.i18n import tr
from balai_app.services import server_move


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "move-to",
        help="pindahkan seluruh basis data ke server (postgresql://PENGGUNA@SERVER:PORT/NAMA, basis data kosong) "
             "atau ke berkas .sqlite baru; dalam satu transaksi, dibuktikan, sumber tidak diubah")
    p.add_argument("target", metavar="TUJUAN", help="postgresql://PENGGUNA@SERVER:PORT/NAMA atau BERKAS.sqlite")
    p.set_defaults(func=cmd_move)


def cmd_move(args: argparse.Namespace) -> int:
    open_db(args, only_read=True)  # the source stays byte for byte as it was (no signing key made)
    who = actor(args, write=True)
    print(tr("Memindahkan basis data ke {t} …").format(t=args.target), flush=True)
    try:
        report = server_move.move_database(who, args.target, password_prompt=server_password_prompt)
    except server_move.MoveError as exc:
        print(tr("Pemindahan dibatalkan, tujuan tidak diubah: {msg}").format(msg=exc.message), file=sys.stderr)
        return 1
    width = max(len(t.table) for t in report.tables)
    print(tr("Bukti per tabel (jumlah baris, checksum SHA-256 sama di sumber dan tujuan):"))
    for t in report.tables:
        print(f"  {t.table:<{width}}  {t.rows:>8}  {t.checksum[:16]}  {tr('sama')}")
    print(tr("Sertifikat diverifikasi di tujuan: {n} (sama dengan sumber; {v} berlaku/dicabut sah).").format(
        n=report.certificates_checked, v=report.certificates_valid))
    print(tr("Jejak audit: {n} baris sama; rantai: {c}.").format(n=report.audit_rows, c=report.audit_chain))
    print(tr("Selesai: basis data ada di {t}. Sumber tidak diubah oleh pemindahan.").format(t=report.target))
    return 0
