#!/usr/bin/env python3
"""A throw-away PostgreSQL server for tests and CI (Debian's ``postgresql`` package).

    python3 scripts/pgtemp.py start DIR   # initdb into DIR, start on a free 127.0.0.1 port
    python3 scripts/pgtemp.py stop DIR    # stop it (DIR can then be deleted)
    python3 scripts/pgtemp.py env DIR     # the shell lines that point the tests at it
    python3 scripts/pgtemp.py bindir      # where initdb/pg_ctl are (exit 1: not installed)

Nothing outside DIR is touched. The server runs as the calling user, or as
``nobody`` when called as root (PostgreSQL refuses to run as root). Roles made:

- ``pgadmin``: superuser (set-up only, never used by tests of the program);
- ``balai_admin``: may create databases; owns the test databases and runs
  migrations, as the balai's own administrator account would;
- ``balai_pengguna``: group role the program's privileges are granted to;
- ``balai_pc``: a login in ``balai_pengguna``, the everyday account of an office PC.

Passwords are in ``DIR/pgpass`` (libpq's format); ``env`` prints
``PGPASSFILE`` for it and ``BALAI_TEST_PG`` (the server's address). Only the
standard library is used. fsync is off: the server is thrown away, and an
immediate stop (what the proofs do) loses nothing the OS already has. synchronous_commit
stays on: with it off, a commit returns before its WAL reaches the OS, so an immediate stop
right after it loses a committed row (a test then saw its PM vanish after a restart).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

PASSWORDS = {"pgadmin": "pgadmin-temp", "balai_admin": "admin-temp", "balai_pc": "pc-temp"}
APP_GROUP_ROLE = "balai_pengguna"


def bindir() -> Path | None:
    # Debian's layout on POSIX only: a Windows Python (CI's, under Wine) sees the Linux programs
    # through its Z: drive as \usr\lib\postgresql and cannot start them.
    debian = glob.glob("/usr/lib/postgresql/*/bin") if os.name == "posix" else []
    for candidate in sorted(debian, key=lambda p: int(Path(p).parent.name)
                            if Path(p).parent.name.isdigit() else 0, reverse=True):
        if (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).resolve().parent
    return None


def _as_owner() -> dict:
    """Popen arguments that run a command as the server's owner."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return {"user": "nobody", "group": "nogroup", "extra_groups": []}
    return {}


def _run(args: list, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, text=True,
                          cwd="/", **_as_owner(), **kw)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port(folder: Path) -> int:
    return int((folder / "port").read_text())


def start(folder: Path, *, roles: bool = True) -> int:
    """Make and start the server; ``roles=False``: only the superuser ``pgadmin`` (a bare
    server, as PostgreSQL's installer leaves it: the README's set-up SQL is tested on one)."""
    bins = bindir()
    if bins is None:
        sys.exit("pgtemp: PostgreSQL not found (Debian: apt-get install postgresql)")
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    data, sock = folder / "data", folder / "socket"
    sock.mkdir(exist_ok=True)
    pwfile = folder / "pwfile"
    pwfile.write_text(PASSWORDS["pgadmin"] + "\n")
    if _as_owner():
        for path in (folder, sock, pwfile):
            shutil.chown(path, "nobody", "nogroup")
    _run([bins / "initdb", "-D", data, "-U", "pgadmin", "--pwfile", pwfile, "--auth-local=trust",
          "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"])
    port = _free_port()
    (folder / "port").write_text(str(port))
    options = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB")
    _run([bins / "pg_ctl", "-D", data, "-l", folder / "server.log", "-o", options, "-w", "-t", "60", "start"])
    if not roles:
        pgpass = folder / "pgpass"
        pgpass.write_text(f"127.0.0.1:{port}:*:pgadmin:{PASSWORDS['pgadmin']}\n")
        pgpass.chmod(0o600)
        return port
    _psql(folder, "postgres", f"""
        CREATE ROLE balai_admin LOGIN CREATEDB PASSWORD '{PASSWORDS['balai_admin']}';
        CREATE ROLE {APP_GROUP_ROLE} NOLOGIN;
        CREATE ROLE balai_pc LOGIN PASSWORD '{PASSWORDS['balai_pc']}' IN ROLE {APP_GROUP_ROLE};
        GRANT {APP_GROUP_ROLE} TO balai_admin WITH ADMIN OPTION;
        GRANT pg_signal_backend TO balai_admin;  -- tests drop a database an office login still holds
    """)
    lines = [f"127.0.0.1:{port}:*:{user}:{password}" for user, password in PASSWORDS.items()]
    pgpass = folder / "pgpass"
    pgpass.write_text("\n".join(lines) + "\n")
    pgpass.chmod(0o600)
    return port


def _psql(folder: Path, dbname: str, sql: str) -> None:
    bins = bindir()
    psql = bins / "psql" if (bins / "psql").exists() else Path(shutil.which("psql") or "psql")
    _run([psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", folder / "socket", "-p", _port(folder), "-U", "pgadmin",
          "-d", dbname, "-c", sql])


def stop(folder: Path, mode: str = "fast") -> None:
    folder = folder.resolve()
    if not (folder / "data" / "postmaster.pid").exists():
        return
    _run([bindir() / "pg_ctl", "-D", folder / "data", "-m", mode, "-w", "-t", "60", "stop"])


def restart(folder: Path) -> None:
    """Start a stopped server again on the same port (after an immediate stop)."""
    folder = folder.resolve()
    port = _port(folder)
    sock = folder / "socket"
    options = (f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=off "
               "-c full_page_writes=off -c max_connections=200 -c shared_buffers=32MB")
    deadline = time.monotonic() + 60
    while True:
        try:
            _run([bindir() / "pg_ctl", "-D", folder / "data", "-l", folder / "server.log", "-o", options,
                  "-w", "-t", "60", "start"])
            return
        except subprocess.CalledProcessError:
            if time.monotonic() > deadline:
                raise


def url(folder: Path, user: str = "balai_admin", dbname: str = "postgres") -> str:
    return f"postgresql://{user}@127.0.0.1:{_port(folder.resolve())}/{dbname}"


def env_lines(folder: Path) -> list[str]:
    folder = folder.resolve()
    return [f"export BALAI_TEST_PG={url(folder)}", f"export BALAI_TEST_PG_DIR={folder}",
            f"export PGPASSFILE={folder / 'pgpass'}"]


def main(argv: list[str]) -> int:
    if argv == ["bindir"]:  # exit 0 and the folder when PostgreSQL's server programs are installed
        found = bindir()
        if found is None:
            return 1
        print(found)
        return 0
    if len(argv) != 2 or argv[0] not in ("start", "stop", "env"):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        start(folder)
        print("\n".join(env_lines(folder)))
    elif argv[0] == "env":
        print("\n".join(env_lines(folder)))
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
