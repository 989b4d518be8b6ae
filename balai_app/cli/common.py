"""Helpers shared by the command modules."""

from __future__ import annotations

import argparse
import getpass
import os

from balai_app import paths
from balai_app.domain.errors import BalaiError
from balai_app.i18n import tr
from balai_app.services.context import SYSTEM, Actor
from balai_app.services.database import DatabaseError, open_database



def open_db(args: argparse.Namespace, *, create: bool = False, only_read: bool = False) -> None:
    """Open the database of ``--db``/``BALAI_DB``. Only ``create=True`` commands
    (demo, init) may make a new file: a mistyped path must not silently give an
    empty database that answers "0 PM" or "TIDAK VALID"."""
    from balai_app.services.backup_startup import refuse_if_damaged

    location = paths.database_location()
    if isinstance(location, str):  # postgresql://… : a database on a server
        try:
            return open_database(location, password_prompt=server_password_prompt, create=create,
                                 signing_key=not only_read)
        except DatabaseError as exc:
            raise BalaiError(str(exc)) from exc
    path = paths.database_path()
    if not create and not path.exists():
        raise BalaiError(tr("Basis data '{path}' tidak ditemukan. Periksa --db (atau BALAI_DB); basis data baru "
                            "dibuat dengan 'balai-app --db BERKAS init' atau 'demo'.").format(path=path))
    if not create and path.stat().st_size == 0:
        raise BalaiError(tr("Basis data '{path}' kosong (0 byte). Basis data baru dibuat dengan "
                            "'balai-app --db BERKAS init' atau 'demo'.").format(path=path))
    refuse_if_damaged(path)  # a damaged database is never opened for writing
    try:
        open_database(paths.database_path(), signing_key=not only_read)
    except DatabaseError as exc:
        raise BalaiError(str(exc)) from exc


def server_password_prompt(address) -> str | None:
    """The server password, asked without echo (PGPASSWORD and pgpass were tried first).
    Never asked when no one can answer (no terminal)."""
    import sys

    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        return getpass.getpass(tr("Kata sandi server untuk {user}@{host}: ").format(user=address.user, host=address.host))
    except (EOFError, KeyboardInterrupt):
        return None


def read_password(prompt: str, env: str) -> str:
    """From the environment variable ``env`` when set, else asked without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        raise BalaiError(tr("Kata sandi tidak dimasukkan.")) from None


def read_new_password(prompt: str, env: str) -> str:
    """A new password: from ``env``, else asked twice."""
    value = os.environ.get(env)
    if value is not None:
        return value
    first = read_password(prompt, env)
    if read_password(tr("Ulangi kata sandi: "), env) != first:
        raise BalaiError(tr("Kedua kata sandi tidak sama."))
    return first


def actor(args: argparse.Namespace, *, write: bool, allow_password_change: bool = False) -> Actor:
    """The acting user for a command.

    Until a database has accounts, the program itself acts (demo, set-up).
    Once it has accounts, EVERY command that reads or changes data needs
    ``--user NAME`` (an instruktur at the PC must not list every PM with klaster
    by leaving it out); the password comes from ``BALAI_PASSWORD`` or a prompt,
    and the person's role decides as in the window. Only ``--version``,
    ``--help``, ``check`` and ``certificates verify`` run without an account
    (they never call this). ``write`` is kept for the callers' documentation.
    """
    from balai_app.cli import UsageError
    from balai_app.services import accounts

    if not accounts.has_accounts():
        return SYSTEM
    name = getattr(args, "user", None)
    if not name:
        raise UsageError(tr("basis data ini memiliki akun: sebutkan --user NAMA (kata sandi ditanyakan saat "
                            "dijalankan, atau dari BALAI_PASSWORD). Tanpa akun hanya --version, --help, check dan "
                            "certificates verify yang dapat dipakai."))
    password = read_password(tr("Kata sandi {name}: ").format(name=name), "BALAI_PASSWORD")
    signed = accounts.authenticate(name, password)
    if signed.must_change_password and not allow_password_change:
        raise BalaiError(tr("Kata sandi akun {name} harus diganti dahulu: "
                            "balai-app --user {name} users password").format(name=signed.actor.username))
    return signed.actor


def busy_holder(path) -> str:
    """What holds the database's write lock, when the program can tell (a restore)."""
    from pathlib import Path

    from balai_app.services.backup_restore import restore_running

    pid = restore_running(Path(path))
    return tr("pemulihan cadangan oleh proses {pid}").format(pid=pid) if pid is not None else ""


def unexpected_error(exc: BaseException) -> str:
    """The message for an error no command expected: a database busy for longer than the
    wait (exit 1, in Indonesian, naming what holds it when known), else a fault, whose
    traceback goes to the log file rather than to the person."""
    import traceback

    from balai_app import log

    if "database is locked" in str(exc) or "database is busy" in str(exc):
        log.get("cli").warning("basis data sibuk: %s", exc)
        # A restore's staging file names the holder of a SQLite file; a server has no file.
        holder = "" if paths.database_is_on_server() else busy_holder(paths.database_path())
        return tr("Basis data sedang dipakai untuk menyimpan oleh program lain{by} lebih dari 15 detik. Tidak ada "
                  "yang diubah; coba lagi sebentar lagi.").format(by=f" ({holder})" if holder else
                                                                   tr(" (misalnya impor besar atau pemulihan)"))
    log.get("cli").error("Kesalahan tak terduga:\n%s", "".join(traceback.format_exception(exc)))
    return tr("Kesalahan tak terduga ({kind}: {msg}). Rincian dicatat di {log}.").format(
        kind=type(exc).__name__, msg=log.scrub(str(exc))[:200], log=log.log_file())



def command_group(subparsers, name: str, help_text: str):
    """The ``<aksi>`` sub-commands of command ``name`` (e.g. ``reports``), made once:
    several command modules may add actions to the same command."""
    parser = subparsers.choices.get(name)
    if parser is None:
        parser = subparsers.add_parser(name, help=help_text)
        parser.set_defaults(_actions=parser.add_subparsers(dest=f"{name}_command", metavar="<aksi>", required=True))
    return parser.get_default("_actions")
