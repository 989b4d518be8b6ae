"""Where a balai's server database is: its address, and what a person can do when it fails.

``postgresql://USER@HOST:PORT/DBNAME`` is parsed here (a password in it is refused: a
command line and a log show it); ``classify`` turns a driver error into the Indonesian
sentence and kind (unreachable, auth, no_database, refused) the connection test shows.
No driver is needed for any of it (``server.py`` imports psycopg on first connect).
"""

from __future__ import annotations

import dataclasses
from urllib.parse import parse_qsl, unquote, urlsplit

SCHEMES = ("postgresql", "postgres")
DEFAULT_PORT = 5432


class ServerError(Exception):
    """The server cannot be used; ``message`` is for the user, in Indonesian."""

    def __init__(self, message: str, kind: str = "other"):
        super().__init__(message)
        self.message = message
        self.kind = kind  # unreachable | auth | no_database | refused | other


@dataclasses.dataclass(frozen=True)
class ServerAddress:
    user: str
    host: str
    port: int
    dbname: str
    options: tuple[tuple[str, str], ...] = ()

    @property
    def url(self) -> str:
        """The address as typed, never with a password."""
        query = "&".join(f"{k}={v}" for k, v in self.options)
        return f"postgresql://{self.user}@{self.host}:{self.port}/{self.dbname}" + (f"?{query}" if query else "")

    def label(self) -> str:
        return f"{self.dbname} di {self.host}:{self.port}"


def is_server_url(value: object) -> bool:
    return isinstance(value, str) and value.split("://", 1)[0].lower() in SCHEMES and "://" in value


def parse_url(url: str) -> ServerAddress:
    """``postgresql://USER@HOST:PORT/DBNAME`` → ServerAddress; a password in it is refused."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in SCHEMES:
        raise ServerError(f"Alamat server '{url}' harus diawali postgresql://", "usage")
    if parts.password is not None:
        raise ServerError(
            "Jangan menulis kata sandi di alamat server (terlihat di layar dan di log). Gunakan "
            "postgresql://PENGGUNA@SERVER:PORT/BASISDATA; kata sandi dari prompt, PGPASSWORD atau berkas pgpass.",
            "usage")
    user = unquote(parts.username or "")
    host = parts.hostname or ""
    dbname = unquote(parts.path.lstrip("/"))
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        raise ServerError(f"Port pada alamat server '{url}' bukan angka.", "usage") from None
    missing = [name for name, value in (("PENGGUNA", user), ("SERVER", host), ("BASISDATA", dbname)) if not value]
    if missing:
        raise ServerError(
            f"Alamat server '{url}' tidak lengkap ({', '.join(missing)} kosong). "
            "Bentuknya: postgresql://PENGGUNA@SERVER:PORT/BASISDATA", "usage")
    options = tuple((k, v) for k, v in parse_qsl(parts.query) if k.lower() != "password")
    return ServerAddress(user, host, port, dbname, options)


def classify(exc: BaseException, address: ServerAddress) -> ServerError:
    """A driver error → what a person at the balai can act on, in Indonesian."""
    text = str(exc)
    low = text.lower()
    where = f"{address.host}:{address.port}"
    if "password authentication failed" in low or "no password supplied" in low or "password is required" in low:
        return ServerError(
            f"Server {where} menolak login pengguna '{address.user}': kata sandi salah atau belum diisi. "
            "Periksa nama pengguna dan kata sandi (atau berkas pgpass).", "auth")
    if "does not exist" in low and "database" in low:
        return ServerError(
            f"Basis data '{address.dbname}' tidak ada di server {where}. Buat dahulu basis data kosong untuk "
            "Balai (lihat README, bagian server), atau periksa ejaan namanya.", "no_database")
    if "role" in low and "does not exist" in low:
        return ServerError(f"Pengguna '{address.user}' tidak dikenal oleh server {where}.", "auth")
    if "pg_hba.conf" in low:
        return ServerError(
            f"Server {where} tidak mengizinkan komputer ini masuk (pg_hba.conf). Minta pengelola server "
            "menambahkan alamat jaringan kantor ke pg_hba.conf.", "refused")
    if "permission denied" in low:
        return ServerError(
            f"Pengguna '{address.user}' tidak punya hak atas basis data '{address.dbname}' di {where}.", "refused")
    if any(s in low for s in ("could not translate host name", "name or service not known", "nodename nor servname")):
        return ServerError(
            f"Nama server '{address.host}' tidak dikenal. Periksa ejaan nama atau alamat IP server.", "unreachable")
    if any(s in low for s in ("connection refused", "timeout", "timed out", "no route to host", "network is unreachable",
                              "could not connect", "connection to server", "server closed the connection")):
        return ServerError(
            f"Server basis data {where} tidak dapat dihubungi. Periksa bahwa komputer server menyala dan "
            f"PostgreSQL berjalan, kabel/jaringan tersambung, dan port {address.port} dibuka di firewall.",
            "unreachable")
    return ServerError(f"Server basis data {where} tidak dapat dipakai: {text.strip()}", "other")
