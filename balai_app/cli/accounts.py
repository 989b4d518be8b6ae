"""``balai-app init``, ``balai-app users ...`` and ``balai-app audit ...``."""

from __future__ import annotations

import argparse
from pathlib import Path

from balai_app.cli.common import actor, open_db, read_new_password, read_password
from balai_app.domain.dates import parse_date
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services import accounts, audit, profile
from balai_app.services.permissions import ROLES, role_label
from balai_app.domain.numbers import number


def register(subparsers) -> None:
    p = subparsers.add_parser("init", help="penyiapan awal: profil balai dan akun admin pertama")
    p.add_argument("--name", required=True, help="nama balai")
    p.add_argument("--code", required=True, help="kode singkat balai, mis. BRS-PL")
    p.add_argument("--admin", required=True, metavar="NAMA_PENGGUNA", help="nama pengguna admin pertama")
    p.add_argument("--admin-name", default="", help="nama lengkap admin (bawaan: nama pengguna)")
    p.add_argument("--address", default="")
    p.add_argument("--city", default="")
    p.add_argument("--phone", default="")
    p.add_argument("--head-name", default="", help="nama kepala balai")
    p.add_argument("--head-nip", default="", help="NIP kepala balai (18 digit)")
    p.add_argument("--head-title", default="")
    p.add_argument("--logo", type=Path, help="berkas logo PNG/JPEG")
    p.set_defaults(func=cmd_init)

    users = subparsers.add_parser("users", help="akun pengguna (admin); 'users password' untuk setiap pengguna")
    sub = users.add_subparsers(dest="users_command", metavar="<aksi>", required=True)
    p = sub.add_parser("list", help="daftar akun")
    p.set_defaults(func=cmd_users_list)
    p = sub.add_parser("add", help="buat akun (kata sandi ditanyakan saat dijalankan, atau dari BALAI_NEW_PASSWORD)")
    p.add_argument("username")
    p.add_argument("--name", required=True, help="nama lengkap")
    p.add_argument("--role", required=True, choices=sorted(ROLES))
    p.add_argument("--nip", default="")
    p.set_defaults(func=cmd_users_add)
    p = sub.add_parser("reset-password", help="atur kata sandi sementara (kata sandi ditanyakan saat dijalankan, atau dari BALAI_NEW_PASSWORD)")
    p.add_argument("username")
    p.set_defaults(func=cmd_users_reset)
    p = sub.add_parser("deactivate", help="nonaktifkan akun (akun tidak pernah dihapus)")
    p.add_argument("username")
    p.set_defaults(func=cmd_users_active, active=False)
    p = sub.add_parser("activate", help="aktifkan kembali akun")
    p.add_argument("username")
    p.set_defaults(func=cmd_users_active, active=True)
    p = sub.add_parser("password", help="ganti kata sandi sendiri (akun dari --user)")
    p.set_defaults(func=cmd_users_password)

    trail = subparsers.add_parser("audit", help="jejak audit (admin)")
    sub = trail.add_subparsers(dest="audit_command", metavar="<aksi>", required=True)
    for name, func, helptext in (("list", cmd_audit_list, "tampilkan jejak audit, terbaru dahulu"),
                                 ("export", cmd_audit_export, "ekspor jejak audit ke .csv atau .xlsx")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("--by", metavar="NAMA_PENGGUNA", help="hanya tindakan pengguna ini")
        p.add_argument("--action", metavar="TINDAKAN",
                       help="kode atau nama tindakan, mis. update atau Mengubah, login_failed atau 'Gagal masuk'")
        p.add_argument("--entity", metavar="JENIS_DATA",
                       help="kode atau nama jenis data, mis. resident atau 'Penerima Manfaat', user atau Akun")
        p.add_argument("--id", type=int, dest="entity_id", help="nomor data")
        p.add_argument("--from", dest="date_from", help="sejak tanggal")
        p.add_argument("--to", dest="date_to", help="sampai tanggal")
        if name == "list":
            p.add_argument("--limit", type=int, default=100)
        else:
            p.add_argument("--out", required=True, type=Path, help="berkas .csv atau .xlsx")
        p.set_defaults(func=func)


def cmd_init(args: argparse.Namespace) -> int:
    open_db(args, create=True)
    if profile.is_initialised() or accounts.has_accounts():
        raise BalaiError(tr("Basis data ini sudah disiapkan; 'init' hanya untuk basis data kosong."))
    password = read_new_password(tr("Kata sandi admin {name}: ").format(name=args.admin), "BALAI_ADMIN_PASSWORD")
    logo = args.logo.read_bytes() if args.logo else None
    data = {"name": args.name, "code": args.code, "address": args.address, "city": args.city, "phone": args.phone,
            "head_name": args.head_name, "head_nip": args.head_nip, "head_title": args.head_title}
    signed = profile.initialise(data, {"username": args.admin, "full_name": args.admin_name or args.admin},
                                password, logo=logo, require_head=False)
    info = profile.get_profile()
    print(tr("Balai '{name}' ({code}) disiapkan; admin: {user}").format(
        name=info.name, code=info.code, user=signed.actor.username))
    return 0


def cmd_users_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    for row in accounts.list_users(who):
        status = tr("aktif") if row.active else tr("nonaktif")
        if row.locked:
            status += ", " + tr("terkunci")
        if row.must_change_password:
            status += ", " + tr("wajib ganti kata sandi")
        print(f"{row.id}\t{row.username}\t{row.full_name}\t{role_label(row.role)}\t{status}")
    return 0


def cmd_users_add(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    password = read_new_password(tr("Kata sandi sementara untuk {name}: ").format(name=args.username),
                                 "BALAI_NEW_PASSWORD")
    user = accounts.create_user(who, {"username": args.username, "full_name": args.name, "role": args.role,
                                      "nip": args.nip}, password)
    print(tr("Akun {name} dibuat (No. {id}); kata sandi wajib diganti saat pertama masuk.").format(
        name=user.username, id=user.id))
    return 0


def cmd_users_reset(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    user = accounts.find_user(who, args.username)
    password = read_new_password(tr("Kata sandi sementara untuk {name}: ").format(name=user.username),
                                 "BALAI_NEW_PASSWORD")
    accounts.reset_password(who, user.id, password)
    print(tr("Kata sandi {name} diatur ulang; wajib diganti saat masuk berikutnya.").format(name=user.username))
    return 0


def cmd_users_active(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    user = accounts.find_user(who, args.username)
    accounts.set_active(who, user.id, args.active)
    print((tr("Akun {name} diaktifkan.") if args.active else tr("Akun {name} dinonaktifkan.")).format(
        name=user.username))
    return 0


def cmd_users_password(args: argparse.Namespace) -> int:
    open_db(args)
    if not args.user:
        from balai_app.cli import UsageError

        raise UsageError(tr("sebutkan akun Anda dengan --user NAMA"))
    old = read_password(tr("Kata sandi lama: "), "BALAI_PASSWORD")
    signed = accounts.authenticate(args.user, old)
    new = read_new_password(tr("Kata sandi baru: "), "BALAI_NEW_PASSWORD")
    accounts.change_password(signed.actor, old, new)
    print(tr("Kata sandi {name} diganti.").format(name=signed.actor.username))
    return 0


def _filter(args: argparse.Namespace) -> audit.AuditFilter:
    from balai_app.cli import UsageError
    from balai_app.services import audit_text

    try:
        date_from = parse_date(args.date_from) if args.date_from else None
        date_to = parse_date(args.date_to) if args.date_to else None
        action = audit_text.action_code(args.action) if args.action else None
        entity = audit_text.entity_code(args.entity) if args.entity else None
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return audit.AuditFilter(username=args.by, action=action, entity=entity, entity_id=args.entity_id,
                             date_from=date_from, date_to=date_to)


def cmd_audit_list(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    flt = _filter(args)
    from balai_app.services import audit_text

    here = audit.zone()
    for row in audit.list_events(who, flt, limit=args.limit):
        ref = audit.entity_label(row.entity) + (f" No. {row.entity_id}" if row.entity_id is not None else "")
        changes = audit_text.changes_text(row)
        print("\t".join([f"{audit.to_local(row.at, here):%d/%m/%Y %H:%M:%S} {here}", row.username or "-",
                         audit.action_label(row.action), ref, row.summary, changes]).rstrip())
    return 0


def cmd_audit_export(args: argparse.Namespace) -> int:
    open_db(args)
    who = actor(args, write=True)
    from balai_app.services import audit_text

    count = audit_text.export_events(who, _filter(args), args.out)
    print(tr("{n} baris jejak audit diekspor ke {file}").format(n=number(count), file=args.out))
    return 0
