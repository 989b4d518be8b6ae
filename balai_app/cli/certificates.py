"""``balai-app certificates ...``: issue, pdf, verify, revoke, reissue, list, publish, key."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from balai_app.cli.common import actor, open_db
from balai_app.domain import localtime
from balai_app.domain.dates import format_short
from balai_app.i18n import tr
from balai_app.domain.numbers import number


def register(subparsers) -> None:
    parser = subparsers.add_parser("certificates", help="sertifikat kompetensi")
    sub = parser.add_subparsers(dest="certificates_command", metavar="<aksi>", required=True)

    p = sub.add_parser("issue", help="terbitkan sertifikat untuk peserta yang memenuhi syarat")
    p.add_argument("--batch", type=int, required=True, metavar="ID", help="nomor angkatan")
    p.add_argument("--resident", metavar="NIK_ATAU_NO", help="hanya peserta ini (NIK 16 digit atau nomor PM)")
    p.add_argument("--override-reason", metavar="TEKS", default="",
                   help="alasan tertulis untuk menerbitkan walau belum memenuhi syarat (hanya dengan --resident)")
    p.set_defaults(func=cmd_issue)

    p = sub.add_parser("pdf", help="tulis sertifikat ke berkas PDF")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--number", metavar="NOMOR", help="nomor sertifikat")
    which.add_argument("--batch", type=int, metavar="ID", help="semua sertifikat berlaku dari angkatan ini")
    p.add_argument("--out", required=True, metavar="BERKAS.pdf", help="berkas PDF tujuan")
    p.set_defaults(func=cmd_pdf)

    p = sub.add_parser("verify", help="periksa keaslian: isi kode QR (alamat atau muatan), atau nomor dengan --code")
    p.add_argument("payload", metavar="ISI_QR",
                   help="teks hasil pindai kode QR (alamat dengan #muatan, atau muatannya saja), atau nomor sertifikat")
    p.add_argument("--code", metavar="KODE", help="kode verifikasi (bila ISI_QR adalah nomor sertifikat)")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("revoke", help="cabut sertifikat")
    p.add_argument("--number", required=True, metavar="NOMOR")
    p.add_argument("--reason", required=True, metavar="TEKS")
    p.set_defaults(func=cmd_revoke)

    p = sub.add_parser("reissue", help="terbitkan ulang (nomor baru); sertifikat lama dicabut")
    p.add_argument("--number", required=True, metavar="NOMOR", help="nomor sertifikat yang diganti")
    p.add_argument("--reason", required=True, metavar="TEKS", help="alasan penerbitan ulang")
    p.add_argument("--date", metavar="TANGGAL", help="tanggal terbit (HH/BB/TTTT; bawaan: hari ini)")
    p.set_defaults(func=cmd_reissue)

    p = sub.add_parser("publish", help="tulis folder verifikasi (index.html, kunci publik, daftar pencabutan)")
    p.add_argument("--out", required=True, metavar="FOLDER", help="folder tujuan (untuk web statis, flashdisk, folder bersama)")
    p.set_defaults(func=cmd_publish)

    p = sub.add_parser("key", help="kunci tanda tangan sertifikat: lihat, ekspor, pasang, ganti")
    p.add_argument("action", choices=["show", "export", "install", "rotate"],
                   help="show: kunci publik; export/install: berkas terenkripsi; rotate: kunci baru")
    p.add_argument("--file", metavar="BERKAS", help="berkas ekspor kunci (untuk export dan install)")
    p.set_defaults(func=cmd_key)

    p = sub.add_parser("list", help="register sertifikat")
    p.add_argument("--year", type=int)
    p.add_argument("--batch", type=int, metavar="ID")
    p.add_argument("--status", choices=["berlaku", "dicabut"])
    p.add_argument("--search", default="", help="cari nomor atau nama")
    p.add_argument("--limit", type=int, default=1000)
    p.set_defaults(func=cmd_list)


def cmd_issue(args: argparse.Namespace) -> int:
    from balai_app.cli import UsageError
    from balai_app.services import certificates, residents

    open_db(args)
    who = actor(args, write=True)
    if args.override_reason and not args.resident:
        raise UsageError(tr("--override-reason hanya dapat dipakai bersama --resident"))
    ids = [residents.find_resident(who, args.resident).id] if args.resident else None
    result = certificates.issue(who, args.batch, ids, override_reason=args.override_reason)
    for warning in result.warnings:
        print(tr("peringatan: {w}").format(w=warning), file=sys.stderr)
    for cert in result.issued:
        print(f"{cert.number}\t{cert.holder}")
    for name, why in result.refused:
        print(tr("DITOLAK\t{name}\t{why}").format(name=name, why=why))
    if not result.issued and not result.refused:
        print(tr("Tidak ada peserta di angkatan ini."))
    return 0 if result.issued or not result.refused else 1


def cmd_pdf(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    who = actor(args, write=True)
    if args.number:
        ids = [certificates.find(who, args.number).id]
    else:
        ids = certificates.ids_of_batch(who, args.batch)
        if not ids:
            print(tr("Angkatan No. {id} belum memiliki sertifikat yang berlaku.").format(id=args.batch))
            return 1
    out = Path(args.out)
    count = certificates.write_pdf(who, ids, out)
    print(tr("{n} sertifikat ditulis ke {path}").format(n=number(count), path=out))
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    if args.code is not None:
        verdict = certificates.verify_code(args.payload, args.code)
    else:
        verdict = certificates.verify(args.payload)
    print(verdict.text())
    return 0 if verdict.ok else 1


def cmd_revoke(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    who = actor(args, write=True)
    cert = certificates.revoke(who, certificates.find(who, args.number).id, args.reason)
    print(tr("{n} dicabut: {reason}").format(n=cert.number, reason=cert.revoke_reason))
    return 0


def _date_arg(text: str | None):
    import datetime as dt

    from balai_app.cli import UsageError

    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise UsageError(tr("Tanggal tidak dikenali: {x} (tulis HH/BB/TTTT)").format(x=text))


def cmd_reissue(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    who = actor(args, write=True)
    old = certificates.find(who, args.number)
    new = certificates.reissue(who, old.id, args.reason, issued_on=_date_arg(args.date))
    print(tr("{new}\t{holder}\tmenggantikan {old}").format(new=new.number, holder=new.holder, old=old.number))
    return 0


def cmd_publish(args: argparse.Namespace) -> int:
    from balai_app.services import certificates_publish

    open_db(args)
    who = actor(args, write=True)
    result = certificates_publish.publish(who, args.out)
    print(tr("Folder verifikasi ditulis ke {path}: {n} berkas, kunci {keys}, {r} sertifikat dicabut (daftar {date}).")
          .format(path=result.folder, n=number(len(result.files)), keys=", ".join(result.key_ids),
                  r=number(result.revoked + result.revoked_rehab),
                  date=format_short(result.list_date)))
    return 0


def _passphrase(prompt: str) -> str:
    import getpass
    import os

    return os.environ.get("BALAI_KEY_PASSPHRASE") or getpass.getpass(prompt)


def cmd_key(args: argparse.Namespace) -> int:
    from balai_app.cli import UsageError
    from balai_app.services import signing_keys

    open_db(args)
    if args.action == "show":
        infos = signing_keys.keys()
        if not infos:
            print(tr("Belum ada kunci tanda tangan; kunci dibuat saat sertifikat pertama diterbitkan."))
            return 1
        for key in infos:
            state = tr("berlaku") if key.current else tr("lama (sejak {d})").format(d=key.retired)
            here = tr("ada di komputer ini") if key.on_this_pc else tr("tidak ada di komputer ini")
            print(f"{key.key_id}\t{key.public_key}\t{state}\t{here}")
        return 0
    who = actor(args, write=True)
    if args.action == "rotate":
        key = signing_keys.rotate_key(who)
        print(tr("Kunci baru {k} dipakai untuk sertifikat berikutnya; kunci lama tetap untuk verifikasi.").format(
            k=key.key_id))
        return 0
    if not args.file:
        raise UsageError(tr("--file wajib untuk {a}").format(a=args.action))
    secret = _passphrase(tr("Kata sandi kunci: "))
    if args.action == "export":
        key = signing_keys.export_key(who, args.file, secret)
        print(tr("Kunci {k} diekspor (terenkripsi) ke {f}. Simpan berkas dan kata sandinya terpisah.").format(
            k=key.key_id, f=args.file))
    else:
        key = signing_keys.install_key(who, args.file, secret)
        print(tr("Kunci {k} terpasang di komputer ini.").format(k=key.key_id))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    from balai_app.services import certificates

    open_db(args)
    who = actor(args, write=False)
    flt = certificates.CertificateFilter(text=args.search, year=args.year, batch_id=args.batch, status=args.status)
    rows = certificates.list_certificates(who, flt, limit=args.limit)
    zone = certificates.zone()
    for row in rows:
        notes = []
        if row.status == "dicabut":
            notes.append(tr("dicabut {date}: {why}").format(date=localtime.format_local(row.revoked_at, zone),
                                                             why=row.revoke_reason))
        if row.override_reason:
            notes.append(tr("pengecualian: {why}").format(why=row.override_reason))
        if row.replaces:
            notes.append(tr("menggantikan {n}").format(n=row.replaces))
        print("\t".join([row.number, row.holder, row.program, row.batch, format_short(row.issued_on),
                         certificates.STATUS_LABELS.get(row.status, row.status), "; ".join(notes)]).rstrip("\t"))
    print(tr("{n} dari {total} sertifikat").format(n=number(len(rows)), total=number(certificates.count_certificates(who, flt))))
    return 0
