"""Signed certificate payloads: what the QR carries and anyone can verify offline.

The format is documented for outsiders in ``docs/verification.md``; keep the two
in step. In short::

    payload  = base64url(document) "." base64url(signature)      (no padding)
    document = UTF-8 JSON object, exactly the bytes that were signed
    signature = Ed25519 (RFC 8032) over those bytes, 64 bytes

The document's keys are short because the QR must stay small enough to scan
from paper. Every kind of document has ``v`` (format, 1), ``t`` (kind: ``SK``
competency certificate; other kinds add their own letters), ``k`` (key id of
the signing key), ``n`` (number), ``h`` (holder's name), ``d`` (issue date,
ISO) and ``c`` (the balai's code). The competency certificate adds ``b`` (birth
date or null), ``p`` (program), ``u`` (list of the units found Kompeten: the
official code, or the title when a unit has none), ``s`` and ``e`` (the
holder's own training period).

A QR holds either the bare payload or ``<verification address>#<payload>``:
what follows ``#`` is never sent to a server.

The key id is the first 8 hex digits of SHA-256 over the raw 32-byte public key.

This module is pure: no database, no files. It is document-kind-generic, so any
document the balai signs (the social-rehabilitation certificate too) uses it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

FORMAT = 1
KIND_COMPETENCY = "SK"
REQUIRED = ("v", "t", "k", "n", "h", "d", "c")
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str) -> bytes:
    if not text or any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for ch in text):
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if b64url(data) != text:  # non-canonical (unused low bits set): one text, one meaning
        raise ValueError("not canonical base64url")
    return data


def key_id(public_raw: bytes) -> str:
    """Short id of a public key: the first 8 hex digits of SHA-256 over its 32 raw bytes."""
    return hashlib.sha256(public_raw).hexdigest()[:8]


def document_bytes(document: Mapping[str, Any]) -> bytes:
    """The bytes that are signed: compact JSON, keys in the order given, UTF-8 (not escaped)."""
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign(document: Mapping[str, Any], private_key) -> str:
    """``private_key`` is a ``cryptography`` Ed25519PrivateKey; ``document['k']`` must be its key id."""
    message = document_bytes(document)
    return f"{b64url(message)}.{b64url(private_key.sign(message))}"


def typed_code(signature: bytes) -> str:
    """The short code printed for typing (``XXXX-XXXX-XXXX``, Crockford base32), derived from
    the signature: only the holder of the private key can make a matching one."""
    bits = int.from_bytes(hashlib.sha256(signature).digest()[:8], "big") >> 4
    chars = "".join(CROCKFORD[(bits >> (5 * i)) & 31] for i in reversed(range(12)))
    return f"{chars[0:4]}-{chars[4:8]}-{chars[8:12]}"


def qr_text(payload: str, verification_url: str) -> str:
    """What the QR holds: ``<address>#<payload>``, or the bare payload when no address is set."""
    if not verification_url:
        return payload
    return f"{verification_url.split('#', 1)[0]}#{payload}"


@dataclass(frozen=True)
class Decoded:
    payload: str  # the bare payload, as found
    message: bytes  # the signed bytes
    signature: bytes
    document: dict[str, Any]

    @property
    def key_id(self) -> str:
        return str(self.document.get("k", ""))

    @property
    def code(self) -> str:
        return typed_code(self.signature)


def extract(text: str) -> str:
    """The bare payload from what was scanned or pasted: a URL (everything after ``#``),
    or the payload itself. Surrounding white space is ignored, nothing else."""
    text = (text or "").strip()
    if "#" in text:
        text = text.rsplit("#", 1)[1]
    return text


def decode(text: str) -> Decoded | None:
    """Parse a payload (bare or URL form); None when it is not a well-formed one.
    Parsing says nothing about authenticity: see ``verify``."""
    payload = extract(text)
    parts = payload.split(".")
    if len(parts) != 2:
        return None
    try:
        message, signature = b64url_decode(parts[0]), b64url_decode(parts[1])
        document = json.loads(message.decode("utf-8"))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    if len(signature) != 64 or not isinstance(document, dict) or any(k not in document for k in REQUIRED):
        return None
    if document.get("v") != FORMAT:
        return None
    return Decoded(payload, message, signature, document)


def verify(text: str, public_keys: Mapping[str, bytes]) -> Decoded | None:
    """The decoded payload when its signature verifies with the public key its ``k`` names
    (``public_keys``: key id -> raw 32-byte Ed25519 public key); else None."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    decoded = decode(text)
    if decoded is None:
        return None
    raw = public_keys.get(decoded.key_id)
    if raw is None or key_id(raw) != decoded.key_id:
        return None
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(decoded.signature, decoded.message)
    except (InvalidSignature, ValueError):
        return None
    return decoded


def legacy_qr_payload(number: str, code: str, url: str) -> str:
    """The QR text of a certificate issued before signing (kept so that those still verify)."""
    from urllib.parse import quote

    if url:
        joiner = "&" if "?" in url else "?"
        return f"{url}{joiner}n={quote(number, safe='/')}&c={code}"
    return f"SERTIFIKAT KOMPETENSI\nNo: {number}\nKode: {code}"
