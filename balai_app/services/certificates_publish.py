"""``certificates publish``: the folder an employer's phone verifies against, with no server.

The folder can go on any static web host, a USB stick or a shared folder:

- ``index.html``: the verification page (Bahasa Indonesia, English below). It reads
  the payload after ``#`` (never sent to a server) or from a field, and checks the
  Ed25519 signature in the browser (WebCrypto; ``noble-ed25519.js`` where the
  browser lacks it);
- ``keys.js`` / ``keys.json`` and ``kunci-publik-<id>.pem``: every public key of
  the balai, current and earlier, so old certificates keep verifying after a key change;
- ``revoked.js`` / ``revoked.json``: the list of revoked certificate numbers (competency
  and social-rehabilitation certificates, issue 15) with the date it was made, signed with the current key (the page ignores an unsigned or
  altered list);
- ``BACA-SAYA.txt``: what the folder is and how to refresh it.

``keys.js`` and ``revoked.js`` are scripts (not JSON read by ``fetch``) because a
browser refuses ``fetch`` on ``file://`` pages.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from balai_app.db.connection import write_transaction
from balai_app.db.models import BalaiProfile, Certificate, RehabCertificate
from balai_app.domain import signed_payload
from balai_app.domain.dates import format_short
from balai_app.domain.errors import ValidationError
from balai_app.i18n import tr
from balai_app.services import audit, signing_keys
from balai_app.services.certificates_issue import balai_today
from balai_app.services.context import Actor
from balai_app.services.permissions import require

STATIC_FILES = ("index.html", "noble-ed25519.js", "LICENSE-noble-ed25519.txt")


@dataclass(frozen=True)
class PublishResult:
    folder: Path
    files: tuple[str, ...]
    key_ids: tuple[str, ...]
    revoked: int
    list_date: dt.date
    revoked_rehab: int = 0  # social-rehabilitation certificates on the list


def revocation_document(kid: str, balai_code: str, on: dt.date, numbers: list[str],
                        rehab_numbers: list[str] | None = None) -> dict:
    """The signed revocation list: ``t`` = ``RL``, ``d`` its date, ``r`` the revoked competency
    certificate numbers, ``sr`` the revoked social-rehabilitation certificate numbers (issue 15)."""
    return {"v": signed_payload.FORMAT, "t": "RL", "k": kid, "c": balai_code, "d": on.isoformat(), "r": numbers,
            "sr": list(rehab_numbers or [])}


def _pem(raw: bytes) -> bytes:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    return Ed25519PublicKey.from_public_bytes(raw).public_bytes(serialization.Encoding.PEM,
                                                                serialization.PublicFormat.SubjectPublicKeyInfo)


def _script(name: str, value: dict) -> str:
    # "</" never appears in the JSON we write, but escape it anyway: the file is a script.
    body = json.dumps(value, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f"window.{name} = {body};\n"


def _write(path: Path, data: bytes | str) -> None:
    temp = path.with_name(path.name + ".tmp")
    if isinstance(data, str):
        temp.write_text(data, encoding="utf-8", newline="\n")
    else:
        temp.write_bytes(data)
    os.replace(temp, path)


def publish_folder_text(balai_name: str, on: dt.date, revoked: int, key_ids: list[str]) -> str:
    """BACA-SAYA.txt: what the folder is, where it goes, and when to publish it again."""
    return tr(
        "Folder verifikasi sertifikat {balai}.\n\n"
        "Letakkan seluruh isi folder ini di alamat web verifikasi (layanan web statis apa pun), di flashdisk, atau di "
        "folder bersama. Buka index.html untuk memeriksa sertifikat: halaman memeriksa tanda tangan digital di "
        "peramban sendiri, tanpa server dan tanpa internet.\n\n"
        "Daftar sertifikat yang dicabut dibuat {date} ({n} nomor). Terbitkan ulang folder ini (Pengaturan › "
        "Sertifikat › Terbitkan folder verifikasi, atau: balai-app certificates publish --out FOLDER) setiap kali "
        "ada sertifikat yang dicabut.\n\nKunci publik: {keys}.\n").format(
        balai=balai_name, date=format_short(on), n=revoked, keys=", ".join(key_ids))


def publish(actor: Actor, out: str | os.PathLike[str], *, on: dt.date | None = None) -> PublishResult:
    """Write (or refresh) the verification folder at ``out`` (admin: it signs the revocation list)."""
    require(actor, "certificates.issue")
    from balai_app.paths import resource_path

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ValidationError({"out": tr("{p} bukan folder.").format(p=folder)})
    folder.mkdir(parents=True, exist_ok=True)
    on = on or balai_today()
    kid, private_key = signing_keys.current_private_key(actor)
    profile = BalaiProfile.get_or_none(BalaiProfile.id == 1)
    balai_name = profile.name if profile else ""
    balai_code = profile.code if profile else ""
    numbers = [n for (n,) in Certificate.select(Certificate.number).where(Certificate.status == "dicabut")
               .order_by(Certificate.year, Certificate.sequence).tuples()]
    rehab_numbers = [n for (n,) in RehabCertificate.select(RehabCertificate.number)
                     .where(RehabCertificate.status == "dicabut").order_by(RehabCertificate.id).tuples()]
    keys = signing_keys.keys()
    written = []
    for name in STATIC_FILES:
        shutil.copyfile(resource_path("verification", name), folder / name)
        written.append(name)
    key_doc = {"balai": balai_name, "code": balai_code, "current": kid,
               "keys": {k.key_id: {"public": k.public_key, "created": k.created, "retired": k.retired} for k in keys}}
    _write(folder / "keys.json", json.dumps(key_doc, ensure_ascii=False, indent=1) + "\n")
    _write(folder / "keys.js", _script("BALAI_KEYS", key_doc))
    written += ["keys.json", "keys.js"]
    for k in keys:
        name = f"kunci-publik-{k.key_id}.pem"
        _write(folder / name, _pem(signed_payload.b64url_decode(k.public_key)))
        written.append(name)
    signed = signed_payload.sign(revocation_document(kid, balai_code, on, numbers, rehab_numbers), private_key)
    _write(folder / "revoked.json", json.dumps({"payload": signed}, indent=1) + "\n")
    _write(folder / "revoked.js", _script("BALAI_REVOKED", {"payload": signed}))
    written += ["revoked.json", "revoked.js"]
    _write(folder / "BACA-SAYA.txt", publish_folder_text(balai_name, on, len(numbers) + len(rehab_numbers),
                                                         [k.key_id for k in keys]))
    written.append("BACA-SAYA.txt")
    with write_transaction():
        audit.record(actor, "export", "certificate", None, tr("folder verifikasi {p}").format(p=folder),
                     {"dicabut": ["", len(numbers)], "dicabut_rehabilitasi_sosial": ["", len(rehab_numbers)],
                      "tanggal_daftar": ["", on.isoformat()]})
    return PublishResult(folder, tuple(written), tuple(k.key_id for k in keys), len(numbers), on,
                         len(rehab_numbers))
