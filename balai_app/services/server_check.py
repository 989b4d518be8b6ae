"""The connection test for a balai's database on a server, explained in Indonesian.

``check_server(url, password)`` answers what a person at the balai needs to
know before using a server address: it works (and holds N PMs, or is empty and
ready to be filled), or why not -- server not reachable, wrong password,
database missing, not a Balai database, written by a newer Balai, the account
may not upgrade it. Nothing is changed on the server. The password is used for
this one connection and kept nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from balai_app.db import dialect, migrations, server
from balai_app.i18n import tr


@dataclass(frozen=True)
class ServerCheck:
    ok: bool
    kind: str  # ready | empty | unreachable | auth | no_database | not_balai | too_new | needs_owner | usage | other
    message: str
    residents: int | None = None


def check_server(url: str, password: str | None = None) -> ServerCheck:
    try:
        address = server.parse_url(url)
    except server.ServerError as exc:
        return ServerCheck(False, "usage", exc.message)
    try:
        db = server.connect(address, password=password)
    except server.ServerError as exc:
        return ServerCheck(False, exc.kind, exc.message)
    finally:
        server.remember_password(address, None)
    try:
        try:
            version = dialect.schema_version(db)
        except dialect.NotBalaiDatabase as exc:
            return ServerCheck(False, "not_balai", tr(
                "Basis data '{db}' bukan basis data Balai (berisi tabel lain: {t}). Pilih basis data kosong "
                "untuk Balai.").format(db=address.dbname, t=exc))
        latest = migrations.latest_version()
        if version > latest:
            return ServerCheck(False, "too_new", tr(
                "Basis data di server dibuat oleh versi Balai yang lebih baru (skema {v}, program ini sampai {l}). "
                "Perbarui program Balai di komputer ini.").format(v=version, l=latest))
        if version == 0:
            if not dialect.owns_schema(db):
                return ServerCheck(False, "needs_owner", tr(
                    "Basis data '{db}' masih kosong dan akun '{u}' tidak berhak membuat tabel. Isi sekali dengan "
                    "akun pemilik (lihat README).").format(db=address.dbname, u=address.user))
            return ServerCheck(True, "empty", tr(
                "Tersambung. Basis data '{db}' masih kosong: siap diisi (balai baru, atau pindahkan data dari "
                "komputer ini).").format(db=address.dbname))
        if version < latest and not dialect.owns_schema(db):
            return ServerCheck(False, "needs_owner", tr(
                "Tersambung, tetapi skema perlu diperbarui (skema {v} → {l}) oleh akun pemilik basis data "
                "sebelum komputer ini dapat memakainya.").format(v=version, l=latest))
        count = db.execute_sql('SELECT COUNT(*) FROM "resident"').fetchone()[0]
        return ServerCheck(True, "ready", tr(
            "Tersambung ke basis data Balai '{db}' di {h}: {n} PM.").format(db=address.dbname, h=address.host, n=count),
            residents=count)
    except Exception as exc:  # noqa: BLE001 - the server went away during the check
        return ServerCheck(False, "unreachable", server.classify(exc, address).message)
    finally:
        db.close()


def server_url(host: str, port: int | str, dbname: str, user: str) -> str:
    """The address typed into the set-up wizard's fields → ``postgresql://USER@HOST:PORT/DBNAME``.
    Raises ``ValidationError`` naming each empty or wrong field (host, port, dbname, user)."""
    from balai_app.domain.errors import ValidationError

    values = {"host": host.strip(), "dbname": dbname.strip(), "user": user.strip()}
    labels = {"host": tr("Server"), "dbname": tr("Nama basis data"), "user": tr("Pengguna")}
    errors = {k: tr("{field} wajib diisi.").format(field=labels[k]) for k, v in values.items() if not v}
    for key in ("host", "dbname", "user"):
        if key not in errors and any(c in values[key] for c in " /@:?#"):
            errors[key] = tr("{field} tidak boleh berisi spasi atau / @ : ? #.").format(field=labels[key])
    try:
        port_number = int(str(port).strip())
        if not 1 <= port_number <= 65535:
            raise ValueError
    except ValueError:
        errors["port"] = tr("Port harus angka 1–65535 (bawaan PostgreSQL: 5432).")
        port_number = 0
    if errors:
        raise ValidationError(errors)
    return f"postgresql://{values['user']}@{values['host']}:{port_number}/{values['dbname']}"


def use_server(url: str, password: str | None) -> None:
    """Switch this process to the server database at ``url`` (an empty one is set up
    with the Balai schema) and remember the address for the next starts of this PC.
    The password is kept in this process only (to reconnect), never written.
    The connection keeps the window's short lock wait (GUI_BUSY_MS) for the rest of the
    session: the set-up wizard calls this, and the window must never freeze behind another
    PC's lock. Raises ``DatabaseError`` with the reason in Indonesian;
    nothing is remembered then."""
    from balai_app import paths
    from balai_app.db.connection import GUI_BUSY_MS, close_database, open_database

    address = server.parse_url(url)
    if password:
        server.remember_password(address, password)
    previous = paths.database_location()
    close_database()
    open_database(url, migrate=True, create=True, busy_ms=GUI_BUSY_MS)
    if not isinstance(previous, str):
        _local_before.append(previous)
    paths.save_server(address.url)
    paths.set_database_path(address.url)


_local_before: list = []  # the file this process used before use_server


def use_local() -> None:
    """Back to the database file this process used before ``use_server`` (the set-up
    wizard's "< Kembali" then "Di komputer ini"); the server address is forgotten. The
    window's short lock wait, as in ``use_server``."""
    from balai_app import paths
    from balai_app.db.connection import GUI_BUSY_MS, close_database, open_database

    close_database()
    paths.save_server(None)
    # Never the server address again (BALAI_DB may name it): the file used before, else the
    # default file in the data folder.
    local = _local_before.pop() if _local_before else paths.local_database_path()
    paths.set_database_path(local)
    open_database(local, migrate=True, busy_ms=GUI_BUSY_MS)
