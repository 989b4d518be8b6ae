"""Decoding a CSV file's bytes (pure).

UTF-8 strictly (with or without BOM; UTF-16 with BOM). A file that is not valid
UTF-8 is read as Windows-1252 (Excel's "CSV" on an Indonesian Windows) only when
the whole file looks like it: not one valid multi-byte UTF-8 sequence in it. A
file that mixes both (a UTF-8 file with one bad byte) is refused, naming where
the bad byte is -- decoding it all as Windows-1252 would turn every accented
name into mojibake ("Maâ€™ruf") without a word.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# One valid multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates).
_UTF8_MULTIBYTE = re.compile(
    rb"[\xC2-\xDF][\x80-\xBF]|\xE0[\xA0-\xBF][\x80-\xBF]|[\xE1-\xEC\xEE\xEF][\x80-\xBF]{2}"
    rb"|\xED[\x80-\x9F][\x80-\xBF]|\xF0[\x90-\xBF][\x80-\xBF]{2}|[\xF1-\xF3][\x80-\xBF]{3}"
    rb"|\xF4[\x80-\x8F][\x80-\xBF]{2}"
)


@dataclass(frozen=True)
class BadByte(Exception):
    """A UTF-8 file with an invalid byte: where it is (1-based line, the text before it on that line)."""

    offset: int
    line: int
    line_prefix: str
    byte: int

    def __str__(self) -> str:
        return f"invalid byte 0x{self.byte:02X} at line {self.line}"


def looks_like_utf8(data: bytes) -> bool:
    return _UTF8_MULTIBYTE.search(data) is not None


def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises ``BadByte`` for a UTF-8 file with invalid bytes."""
    if data.startswith(codecs.BOM_UTF8):
        body = data[len(codecs.BOM_UTF8):]
        try:
            return body.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as exc:
            raise _bad_byte(body, exc.start) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError as exc:
        if looks_like_utf8(data):
            raise _bad_byte(data, exc.start) from None
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        # Bytes cp1252 leaves undefined (0x81, 0x8D, ...): latin-1 maps every byte.
        return data.decode("latin-1"), "Windows-1252"


def _bad_byte(data: bytes, offset: int) -> BadByte:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    prefix = data[line_start:offset].decode("utf-8", errors="replace")
    return BadByte(offset, line, prefix, data[offset])
