"""Checking a certificate: the signed payload (Ed25519), or number + typed code.

Certificates issued since issue 14 carry an Ed25519-signed payload
(``domain.signed_payload``); their typed code is derived from the signature, so
only the PC holding the private key can make a certificate that verifies.
Older certificates keep verifying with their HMAC code (keyed with the
per-database secret ``certificate_secret``) and their old QR texts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from balai_app.db.models import Certificate, Setting
from balai_app.domain import localtime, signed_payload
from balai_app.domain.dates import format_long
from balai_app.domain.signed_payload import legacy_qr_payload  # noqa: F401 (part of this module's interface)
from balai_app.i18n import tr
from balai_app.services import audit, certificates_settings, signing_keys

KEY_SECRET = "certificate_secret"
CROCKFORD = signed_payload.CROCKFORD
_LOOKALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})

VALID, REVOKED, INVALID = "VALID", "DICABUT", "TIDAK VALID"


# --- the older HMAC codes (certificates issued before signing) ----------------------------


def canonical(snapshot: dict[str, Any]) -> bytes:
    return json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def compute_code(secret: bytes, snapshot: dict[str, Any], number: str) -> str:
    digest = hmac.new(secret, canonical(snapshot) + b"\n" + number.encode("utf-8"), hashlib.sha256).digest()
    bits = int.from_bytes(digest[:8], "big") >> 4  # 60 bits -> 12 characters of 5 bits
    chars = "".join(CROCKFORD[(bits >> (5 * i)) & 31] for i in reversed(range(12)))
    return f"{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


def _secret_readonly() -> bytes:
    row = Setting.get_or_none(Setting.key == KEY_SECRET)
    return bytes.fromhex(row.value) if row else secrets.token_bytes(32)  # no secret: nothing verifies


_PLAIN = re.compile(r"^SERTIFIKAT KOMPETENSI\nNo: (?P<n>[^\n]+)\nKode: (?P<c>[^\n]+)$")


def parse_legacy(payload: str) -> tuple[str, str] | None:
    """(number, code) from an older QR text, or None."""
    match = _PLAIN.match(payload)
    if match:
        return match.group("n"), match.group("c")
    if payload.startswith(("http://", "https://")) and "#" not in payload:
        query = parse_qs(urlsplit(payload).query, keep_blank_values=True)
        if len(query.get("n", [])) == 1 and len(query.get("c", [])) == 1:
            return query["n"][0], query["c"][0]
    return None


def normalise_code(code: str) -> str:
    """What a person typed, in canonical form: case, spaces and hyphens ignored, and
    Crockford's look-alikes read as the digits the alphabet uses (O -> 0, I/L -> 1)."""
    raw = re.sub(r"[\s\-]", "", code or "").upper().translate(_LOOKALIKES)
    if len(raw) != 12:
        return raw
    return f"{raw[0:4]}-{raw[4:8]}-{raw[8:12]}"


# --- the verdict ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Verdict:
    status: str  # VALID | DICABUT | TIDAK VALID
    number: str = ""
    holder: str = ""
    program: str = ""
    issued_on: dt.date | None = None
    units: tuple[str, ...] = ()
    revoked_at: dt.datetime | None = None  # UTC as stored
    revoke_reason: str = ""
    replaced_by: str = ""  # the number of the certificate that replaces a revoked one
    zone: str = localtime.DEFAULT_ZONE
    signed: bool = False  # Ed25519 (True) or an older HMAC code (False)
    key_id: str = ""
    reasons: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return self.status == VALID

    @property
    def revoked_on(self) -> dt.date | None:
        """The revocation's date at the balai (its time zone), not in UTC."""
        return localtime.local_date(self.revoked_at, self.zone)

    def text(self) -> str:
        if self.status == VALID:
            return tr("VALID — No. {n}, atas nama {holder}, program {program}, terbit {date}.").format(
                n=self.number, holder=self.holder, program=self.program, date=format_long(self.issued_on))
        if self.status == REVOKED:
            when = localtime.format_clock(self.revoked_at, self.zone)
            text = tr("DICABUT — No. {n} atas nama {holder} dicabut pada {date} pukul {time}. Alasan: {reason}").format(
                n=self.number, holder=self.holder, date=format_long(self.revoked_on), time=when,
                reason=self.revoke_reason.rstrip("."))
            text = text.rstrip(".") + "."
            if self.replaced_by:
                text += " " + tr("Diganti oleh No. {n}.").format(n=self.replaced_by)
            return text
        return tr("TIDAK VALID — sertifikat tidak dikenal, tanda tangan tidak cocok, atau isinya telah diubah.")


def _with_status(cert: Certificate, **fields) -> Verdict:
    zone = certificates_settings.zone()
    recorded = audit.revocation_of(cert.id)  # the chained audit trail: an UPDATE of status cannot un-revoke
    if cert.status != "dicabut" and recorded is None:
        return Verdict(VALID, zone=zone, **fields)
    successor = Certificate.select(Certificate.number).where(Certificate.replaces == cert.id).first()
    return Verdict(REVOKED, revoked_at=cert.revoked_at or (recorded.at if recorded else None),
                   revoke_reason=cert.revoke_reason or (recorded.reason if recorded else ""),
                   replaced_by=successor.number if successor else "", zone=zone, **fields)


def _legacy_check(cert: Certificate | None, code: str, payload: str | None) -> Verdict:
    if cert is None or cert.payload:
        return Verdict(INVALID)
    snapshot = json.loads(cert.snapshot)
    expected = compute_code(_secret_readonly(), snapshot, cert.number)
    if not (hmac.compare_digest(expected, cert.verification_code) and hmac.compare_digest(expected, code)):
        return Verdict(INVALID)
    photo_hash = hashlib.sha256(bytes(cert.photo)).hexdigest() if cert.photo is not None else None
    if photo_hash != snapshot.get("photo_sha256"):  # the photo is kept beside the snapshot, covered by its hash
        return Verdict(INVALID)
    if payload is not None:
        exact = legacy_qr_payload(cert.number, expected, snapshot.get("verification_url", ""))
        if not hmac.compare_digest(exact.encode("utf-8"), payload.encode("utf-8")):
            return Verdict(INVALID)
    units = tuple(u.get("code") or u.get("title", "") for u in snapshot.get("units", []))
    return _with_status(cert, number=cert.number, holder=snapshot["holder"]["name"],
                        program=snapshot["program"]["name"],
                        issued_on=dt.date.fromisoformat(snapshot["issue"]["date"]), units=units)


def _signed_verdict(decoded: signed_payload.Decoded, cert: Certificate | None) -> Verdict:
    doc = decoded.document
    fields: dict[str, Any] = dict(number=str(doc["n"]), holder=str(doc["h"]), program=str(doc.get("p", "")),
                  issued_on=dt.date.fromisoformat(doc["d"]), units=tuple(str(u) for u in doc.get("u", [])),
                  signed=True, key_id=decoded.key_id)
    if cert is None:
        # Signed by this balai but unknown to this database (a copy from before it was issued):
        # the signature is genuine, the revocation status cannot be known here.
        return Verdict(VALID, zone=certificates_settings.zone(),
                       reasons=(tr("Nomor ini tidak ada di basis data ini; status pencabutan tidak diketahui."),),
                       **fields)
    if cert.payload != decoded.payload or not _row_intact(cert, decoded):
        return Verdict(INVALID)
    return _with_status(cert, **fields)


def _row_intact(cert: Certificate, decoded: signed_payload.Decoded) -> bool:
    """The stored snapshot and photo (what a reprint shows) still say what was signed."""
    from balai_app.services.certificates_snapshot import signed_document

    snapshot = json.loads(cert.snapshot)
    photo_hash = hashlib.sha256(bytes(cert.photo)).hexdigest() if cert.photo is not None else None
    return (photo_hash == snapshot.get("photo_sha256")
            and signed_document(snapshot, cert.number, decoded.key_id) == decoded.document)


def verify(payload: str) -> Verdict:
    """Check what a QR holds (URL form or bare payload, or an older certificate's text) exactly:
    any changed character gives TIDAK VALID. Anyone signed in may verify."""
    text = (payload or "").strip()
    legacy = parse_legacy(payload or "")
    if legacy is not None:
        number, code = legacy
        return _legacy_check(Certificate.get_or_none(Certificate.number == number), code, payload)
    decoded = signed_payload.verify(text, signing_keys.public_keys())
    if decoded is None:
        return Verdict(INVALID)
    return _signed_verdict(decoded, Certificate.get_or_none(Certificate.number == str(decoded.document["n"])))


def verify_code(number: str, code: str) -> Verdict:
    """Check a number and the code printed beside the QR, as a person typed them."""
    cert = Certificate.get_or_none(Certificate.number == (number or "").strip())
    code = normalise_code(code)
    if cert is None:
        return Verdict(INVALID)
    if not cert.payload:
        return _legacy_check(cert, code, None)
    decoded = signed_payload.verify(cert.payload, signing_keys.public_keys())
    if decoded is None or not hmac.compare_digest(decoded.code, code) or decoded.document.get("n") != cert.number:
        return Verdict(INVALID)
    return _signed_verdict(decoded, cert)
