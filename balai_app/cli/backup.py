"""``balai-app backup [--out FILE]``, ``balai-app restore FILE``, ``balai-app check``."""

from __future__ import annotations

import argparse
import sys

from balai_app import paths
from balai_app.cli.common import actor, open_db
from balai_app.domain.numbers import number
from balai_app.i18n import tr
from balai_app.services import backup, backup_files, backup_restore, integrity
from balai_app.services.context import SYSTEM


def register(subparsers) -> None:
    p = subparsers.add_parser("backup", help="cadangkan basis data sekarang (diperiksa setelah ditulis)")
    p.add_argument("--out", metavar="BERKAS",
                   help="tulis cadangan ke berkas ini (bawaan: folder cadangan, dengan rotasi)")
    p.set_defaults(func=cmd_backup)

    p = subparsers.add_parser("restore",
                              help="pulihkan basis data dari berkas cadangan (basis data sekarang disimpan dulu)")
    p.add_argument("file", metavar="BERKAS", help="berkas cadangan (.sqlite)")
    p.set_defaults(func=cmd_restore)

    p = subparsers.add_parser("check", help="periksa keutuhan basis data dan rujukan antartabel (tanpa mengubahnya)")
    p.set_defaults(func=cmd_check)


def _describe(info: backup_files.BackupInfo) -> str:
    return tr("{path}\n  tanggal: {date}; {res} PM, {cert} sertifikat; skema {v}; {size} bita").format(
        path=info.path, date=info.taken_at.strftime("%d/%m/%Y %H:%M:%S"),
        res="?" if info.residents is None else number(info.residents),
        cert="?" if info.certificates is None else number(info.certificates),
        v=info.schema_version, size=number(info.size))


def cmd_backup(args: argparse.Namespace) -> int:
    open_db(args)
    result = backup.create_backup(actor(args, write=True), out=args.out)
    print(tr("Cadangan dibuat dan diperiksa (utuh):"))
    print(_describe(result.info))
    for removed in result.removed:
        print(tr("  rotasi: dihapus {name}").format(name=removed.name))
    if result.second_path:
        print(tr("Salinan kedua: {path}").format(path=result.second_path))
    if result.second_error:
        print(tr("PERINGATAN: {msg}").format(msg=result.second_error), file=sys.stderr)
        return 1
    return 0


def _restore_server(args: argparse.Namespace) -> int:
    """A backup file (SQLite) into the server database, whole or not at all; the server's
    current data is first kept as a backup file like any other."""
    from balai_app.services import server_backup

    open_db(args)
    who = actor(args, write=True)
    try:
        result = server_backup.restore_into_server(who, args.file)
    except server_backup.ServerRestoreRefused as exc:
        print(tr("Pemulihan dibatalkan, data server tidak berubah: {msg}").format(msg=exc.message), file=sys.stderr)
        return 1
    print(tr("Data server sebelumnya disimpan di: {path}").format(path=result.safety_copy))
    print(tr("Dipulihkan dari cadangan ke server:"))
    print(_describe(result.restored))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    if paths.database_is_on_server():
        return _restore_server(args)
    db_path = paths.database_path()
    current = integrity.check_file(db_path, quick=True, foreign_keys=False) if db_path.exists() else None
    if current is not None and not current.damaged and not current.refusals:
        open_db(args)
        who = actor(args, write=True)  # an admin account, as in the window
    else:
        # Missing or damaged: it is never opened (nor its accounts read); the damaged
        # file itself is kept as rusak-*.sqlite in the backups folder.
        who = SYSTEM
        if current is not None:
            print(tr("Basis data sekarang rusak; disimpan sebagai salinan rusak-* lalu diganti."), file=sys.stderr)
    result = backup_restore.restore_backup(who, args.file, db_path=db_path)
    print(tr("Dipulihkan dari cadangan:"))
    print(_describe(result.restored))
    if result.safety_copy:
        print(tr("Basis data sebelumnya disimpan di: {path}").format(path=result.safety_copy))
    return 0


def _check_server(args: argparse.Namespace) -> int:
    from balai_app.services import server_backup

    open_db(args)  # version checked (a newer schema is refused), upgraded by the owner
    result = server_backup.check_open_server()
    if result.problems:
        print(tr("Basis data server {label} BERMASALAH:").format(label=result.label))
        for problem in result.problems:
            print(f"- {problem}")
        return 1
    print(tr("Basis data server {label} dapat dipakai: skema {v}, {res} PM, {cert} sertifikat, rantai jejak audit "
             "utuh (keutuhan dan rujukan antartabel dijaga oleh server).").format(
        label=result.label, v=result.schema_version, res=number(result.residents), cert=number(result.certificates)))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    if paths.database_is_on_server():
        return _check_server(args)
    db_path = paths.database_path()
    stray = integrity.stray_wal_warning(db_path)  # before our own connection holds the file
    if stray:
        print(tr("PERINGATAN: {msg}").format(msg=stray), file=sys.stderr)
    result = integrity.check_file(db_path, quick=False, foreign_keys=True, audit=True)
    warning = integrity.one_pc_warning(db_path)
    if warning:
        print(tr("PERINGATAN: {msg}").format(msg=warning), file=sys.stderr)
    if result.damaged:
        print(tr("Basis data {path} BERMASALAH:").format(path=db_path))
        for problem in result.problems:
            print(f"- {problem}")
        return 1
    for refusal in result.refusals:
        print(f"- {refusal}")
    if result.refusals:
        return 1
    print(tr("Basis data {path} sehat: isi berkas utuh, rujukan antartabel tanpa masalah, rantai jejak audit utuh "
             "({res} PM, {cert} sertifikat, skema {v}).").format(
        path=db_path, res=number(result.residents), cert=number(result.certificates), v=result.schema_version))
    return 0
