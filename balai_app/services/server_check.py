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
