"""Byte-level decoders with strict validation: percent, hex, base64url; and re-quoting.

Decoders return ``None`` instead of raising, so that a rule simply does not match on bad input.
Percent-decoding keeps undecodable bytes as lone surrogates (``surrogateescape``), so that
``requote`` can turn them back into the very same ``%XX`` escapes.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

_HEX_RE = re.compile(r"(?:[0-9a-fA-F]{2})+")
_B64_RE = re.compile(r"[A-Za-z0-9_+-]+={0,2}")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f]")
_ENCODED_URL_RE = re.compile(r"(?:https?%3a|%2f%2f)", re.IGNORECASE)
_VALID_ESCAPE_RE = re.compile(r"%[0-9A-Fa-f]{2}")

# RFC 3986 unreserved + reserved characters: everything else is escaped by `requote`.
_URI_SAFE = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;="
)


def percent_decode(value: str) -> str:
    """Decode ``%XX`` escapes once, byte-wise; malformed escapes stay literal."""
    if "%" not in value:
        return value
    return unquote(value, errors="surrogateescape")


def looks_encoded_url(value: str) -> bool:
    """Whether `value` is still a percent-encoded URL (``https%3A…``, ``%2F%2F…``)."""
    return _ENCODED_URL_RE.match(value) is not None


def decode_text(data: bytes) -> str | None:
    """`data` as UTF-8 text without control characters, else None."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return None if _CONTROL_RE.search(text) else text


def hex_decode(value: str) -> str | None:
    """Decode an even-length hex string to clean UTF-8 text, else None."""
    if not _HEX_RE.fullmatch(value):
        return None
    return decode_text(bytes.fromhex(value))


def b64_bytes(value: str) -> bytes | None:
    """Decode base64 or base64url, padding optional; None unless the alphabet is clean."""
    if not _B64_RE.fullmatch(value):
        return None
    core = value.rstrip("=").replace("+", "-")
    if len(core) % 4 == 1:
        return None
    try:
        return base64.urlsafe_b64decode(core + "=" * (-len(core) % 4))
    except (binascii.Error, ValueError):
        return None


def b64_decode(value: str) -> str | None:
    """Decode base64/base64url to clean UTF-8 text, else None."""
    data = b64_bytes(value)
    return None if data is None else decode_text(data)


def _quote_char(char: str) -> str:
    try:
        data = char.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that no percent-decoding produced
        data = char.encode("utf-8", "surrogatepass")
    return "".join(f"%{byte:02X}" for byte in data)


def requote(text: str) -> str:
    """Escape what may not appear in a URI; keep valid ``%XX`` escapes, a stray ``%`` → ``%25``."""
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == "%":
            if _VALID_ESCAPE_RE.match(text, index):
                out.append(text[index : index + 3])
                index += 3
                continue
            out.append("%25")
        elif char in _URI_SAFE:
            out.append(char)
        else:
            out.append(_quote_char(char))
        index += 1
    return "".join(out)
