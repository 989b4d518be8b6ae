"""The command line: the same services as the window.

Exit codes (a contract scripts rely on): 0 done, 1 invalid data (with a
report), 2 usage error. Each area adds its commands in its own module listed
in ``COMMAND_MODULES``, through a ``register(subparsers)`` function whose
handlers take ``(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from balai_app import __version__
from balai_app.domain.errors import (
    BalaiError,
    NeedsConfirmation,
    PermissionDenied,
    ValidationError,
)

COMMAND_MODULES = [
    "balai_app.cli.accounts",
    "balai_app.cli.residents",
    "balai_app.cli.training",
    "balai_app.cli.demo",
    "balai_app.cli.backup",
    "balai_app.cli.sessions",
    "balai_app.cli.certificates",
    "balai_app.cli.aftercare",
    "balai_app.cli.monthly_report",
    "balai_app.cli.rehab_certificates",
    "balai_app.cli.office",
    "balai_app.cli.move",
]

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Wrong use of the command line (exit 2)."""


# argparse's own words, in Indonesian (it looks them up through gettext).
_ARGPARSE_TEXT = {
    "usage: ": "pemakaian: ",
    "options": "pilihan",
    "positional arguments": "argumen",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi program lalu keluar",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "pilihan tidak dikenal: %(value)r (pilih dari %(choices)s)",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "expected one argument": "perlu satu nilai",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak valid: %(value)r",
    "%(prog)s: error: %(message)s\n": "%(prog)s: kesalahan: %(message)s\n",
    "ambiguous option: %(option)s could match %(matches)s": "pilihan %(option)s ambigu: bisa %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
}


def _indonesian_argparse() -> None:
    original = argparse._

    def translate(text: str) -> str:
        return _ARGPARSE_TEXT.get(text, original(text))

    if getattr(argparse._, "__name__", "") != "translate":
        argparse._ = translate


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line's parser; ``commands=False``: only the options the window
    takes (the command modules and the services they import are not loaded)."""
    _indonesian_argparse()
    parser = argparse.ArgumentParser(
        prog="balai-app",
        description="Balai — register PM, pelatihan dan sertifikat kompetensi. Tanpa perintah: membuka jendela program.",
    )
    parser.add_argument("--version", action="version", version=f"balai-app {__version__}",
                        help="tampilkan versi program lalu keluar")
    parser.add_argument("--db", metavar="BASIS_DATA", help="berkas basis data, atau basis data di server "
                        "postgresql://PENGGUNA@SERVER:PORT/NAMA (bawaan: BALAI_DB atau folder data pengguna)")
    parser.add_argument("--user", metavar="NAMA", help="bertindak sebagai pengguna ini (kata sandi ditanyakan saat "
                        "dijalankan, atau dari BALAI_PASSWORD)")
    parser.add_argument("--self-test", action="store_true",
                        help="uji mandiri program terpasang (basis data sementara, PDF) lalu keluar: 0 lulus, 1 gagal")
    if not commands:
        parser.set_defaults(command=None)
        return parser
    subparsers = parser.add_subparsers(dest="command", metavar="<perintah>")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def wants_cli(argv: list[str]) -> bool:
    """True when the arguments name a command (or --help/--version), not just the window."""
    return any(not a.startswith("-") for a in _positional_candidates(argv)) or any(
        a in ("-h", "--help", "--version", "--self-test") for a in argv
    )


def _positional_candidates(argv: list[str]) -> list[str]:
    out, skip = [], False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in ("--db", "--user"):
            skip = True
            continue
        out.append(arg)
    return out


def main(argv: list[str]) -> int:
    # Without a command the window opens: its start-up does not wait for the
    # seven command modules (and every service they import) to load.
    parser = build_parser(commands=wants_cli(argv))
    args = parser.parse_args(argv)
    from balai_app import paths

    paths.set_database_path(args.db)
    if args.self_test:
        from balai_app import selftest

        return selftest.run()
    if not args.command:
        from balai_app.gui.app import run_gui

        return run_gui(args)
    if not hasattr(args, "func"):
        parser.parse_args([args.command, "--help"])
        return EXIT_USAGE
    from balai_app import log

    log.setup()
    # The command only: its arguments may hold a file name or a search for a person's name.
    log.get("cli").info("perintah: %s (%s)", args.command, getattr(args.func, "__name__", "?"))
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"balai-app: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        # Output piped into `head` and the like: stop quietly, like other tools. Windows
        # reports the closed pipe as EINVAL (ERROR_NO_DATA), not as BrokenPipeError.
        import errno
        import os

        if not isinstance(exc, BrokenPipeError) and not (sys.platform == "win32" and exc.errno == errno.EINVAL):
            raise
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except ValidationError as exc:
        # The messages name their field in Indonesian already; the internal key is not shown.
        for message in exc.errors.values():
            print(message, file=sys.stderr)
        return EXIT_INVALID
    except NeedsConfirmation as exc:
        for message in exc.warnings.values():
            print(f"peringatan: {message}", file=sys.stderr)
        print("Ulangi dengan --yes untuk tetap menyimpan.", file=sys.stderr)
        return EXIT_INVALID
    except PermissionDenied as exc:
        print(f"Ditolak: {exc.message}", file=sys.stderr)
        return EXIT_INVALID
    except BalaiError as exc:
        print(exc.message, file=sys.stderr)
        return EXIT_INVALID
    except Exception as exc:  # noqa: BLE001 (a busy database, or a fault: never a bare traceback)
        from balai_app.cli.common import unexpected_error

        print(unexpected_error(exc), file=sys.stderr)
        return EXIT_INVALID
