"""Bytes on disk <-> text for the pipeline, and writes that are atomic or nothing.

The pipeline only ever sees ``str`` with ``\\n`` line ends and no BOM. This module remembers what
the file looked like (BOM, CRLF) so that a rewritten file keeps its conventions, and it decodes
legacy-encoded ``.html`` pages (declared ``<meta charset>`` first, then the detector browsers use).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scrapedown.batch.signals import deferred
from scrapedown.errors import ScrapedownError

UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_SNIFF_BYTES = 8192
# The WHATWG MIME Sniffing standard's "binary data bytes" and how far it looks for one: control
# characters no text file holds. Checked only when the bytes are not UTF-8, before a detector
# would read any bytes as some legacy text.
_BINARY_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_BINARY_SNIFF = 1445

# <meta charset="gbk"> or <meta http-equiv="Content-Type" content="text/html; charset=gbk">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)

# Labels that browsers (WHATWG Encoding) decode with a superset codec: a page labelled gb2312 is
# really GBK, latin-1 pages are really windows-1252, Shift_JIS is Microsoft's cp932, EUC-KR is
# cp949 and Big5 is Big5-HKSCS. GB18030 is a superset of GBK.
_SUPERSET_CODECS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "big5": "big5hkscs",
    "tis_620": "cp874",
    "iso8859_11": "cp874",
}
# WHATWG labels Python's codec registry does not know.
_WHATWG_LABELS = {
    "windows-874": "cp874",
    "iso-8859-8-i": "iso8859_8",
    "x-mac-cyrillic": "mac_cyrillic",
}


@dataclass(frozen=True)
class Decoded:
    """A file's text as the pipeline wants it, plus the conventions needed to write it back."""

    text: str
    """Content with ``\\n`` line ends and without a BOM."""

    bom: bool = False
    """The file started with a UTF-8 BOM."""

    newline: str = "\n"
    """Line end to write back: ``\\r\\n`` when the file's first line ended with CRLF."""

    encoding: str = "utf-8"
    """Codec the bytes were decoded with (output is always UTF-8)."""

    def encode(self, text: str) -> bytes:
        """`text` (``\\n`` line ends) as bytes in this file's conventions."""
        if self.newline != "\n":
            text = text.replace("\n", self.newline)
        data = text.encode("utf-8")
        return UTF8_BOM + data if self.keeps_bom(text) else data

    def keeps_bom(self, text: str) -> bool:
        """Whether the BOM is written back in front of `text`.

        A BOM is kept, except in front of YAML front matter: Jekyll does not see front matter
        that does not start at byte 0 (the DESIGN "Minimal diff" contract removes it there).
        """
        return self.bom and not text.startswith("---")

    def is_unchanged_by(self, cleaned: str) -> bool:
        """Whether writing `cleaned` back would leave the file as it is (so it is not written)."""
        return cleaned == self.text and self.keeps_bom(cleaned) == self.bom


def decode(data: bytes, *, html: bool) -> Decoded:
    """Decode a file's bytes; Markdown must be UTF-8, HTML may declare or imply a legacy charset.

    Raises `ScrapedownError` with a one-line reason for binary or undecodable input.
    """
    if data.startswith(_UTF16_BOMS):
        if not html:
            raise ScrapedownError("UTF-16 encoded; scrapedown reads Markdown as UTF-8")
        return _split_newlines(data.decode("utf-16"), bom=False, encoding="utf-16")
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise ScrapedownError("binary file (contains NUL bytes), not text")
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    try:
        return _split_newlines(body.decode("utf-8"), bom=bom, encoding="utf-8")
    except UnicodeDecodeError as exc:
        if not html:
            bad = body[exc.start]
            raise ScrapedownError(
                f"not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start + len(data) - len(body)})"
            ) from None
    text, encoding = _decode_legacy_html(body)
    return _split_newlines(text, bom=False, encoding=encoding)


def _split_newlines(text: str, *, bom: bool, encoding: str) -> Decoded:
    first = text.find("\n")
    if first > 0 and text[first - 1] == "\r":
        return Decoded(text.replace("\r\n", "\n"), bom, "\r\n", encoding)
    return Decoded(text, bom, "\n", encoding)


def _decode_legacy_html(data: bytes) -> tuple[str, str]:
    """Not valid UTF-8: decode as a browser would, never failing on a stray byte (browsers show
    U+FFFD there): the declared charset, else UTF-8 with a few damaged sequences, else the
    encoding Firefox's detector names."""
    if _BINARY_BYTES.search(data, 0, _BINARY_SNIFF):
        raise ScrapedownError("binary file (control bytes, not UTF-8), not text")
    declared = _declared_charset(data[:_SNIFF_BYTES])
    if declared is not None:
        return data.decode(declared, errors="replace"), declared
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    # Imported only here: most inputs are UTF-8 and never pay for the detector. chardetng is
    # Firefox's detector: it reads short pages right where statistical detectors guess wildly.
    from chardetng_py import detect

    label = detect(data, allow_utf8=False)
    codec = _codec_name(label)
    if codec is None:
        raise ScrapedownError(f"cannot decode: detected encoding {label!r} is not supported")
    return data.decode(codec, errors="replace"), codec


def _damaged_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 when its valid multi-byte characters outnumber the bad bytes ten to one
    (a UTF-8 page with a truncated character); a legacy page has almost none of the former."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    valid_non_ascii = len(text) - len(text.encode("ascii", errors="ignore")) - bad
    return text if valid_non_ascii >= 10 * bad else None


def _declared_charset(head: bytes) -> str | None:
    match = _META_CHARSET.search(head)
    return _codec_name(match.group(1).decode("ascii")) if match else None


def _codec_name(label: str) -> str | None:
    try:
        name = codecs.lookup(_WHATWG_LABELS.get(label.lower(), label)).name.replace("-", "_")
    except LookupError:
        return None
    return _SUPERSET_CODECS.get(name, name)


# --- writing ---------------------------------------------------------------------------------


@functools.cache
def _new_file_mode() -> int:
    # The umask can only be read by setting it; this runs once per process, before any thread.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def ensure_writable(path: Path) -> None:
    """Refuse to replace a read-only file (os.replace would silently bypass its mode)."""
    mode = path.stat().st_mode
    # Root passes os.access() for every file, so a file with no write bit at all counts too.
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        raise ScrapedownError("file is read-only; not modified")


class ChangedOnDiskError(ScrapedownError):
    """The file changed after it was read: someone else's edit wins, nothing is written."""


def write_atomic(path: Path, data: bytes, *, unchanged: Callable[[], bool] | None = None) -> None:
    """Replace `path` by `data` via a temporary file in the same directory.

    The file's permissions are kept (new files get the umask default). `unchanged`, when given,
    is asked just before the replace whether `path` still holds what was read (an editor may
    have saved it meanwhile); if not, `ChangedOnDiskError` is raised and `path` is left alone. On
    any error or KeyboardInterrupt the temporary file is removed and `path` is left as it was.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    with deferred():  # Ctrl-C lands before or after, never between mkstemp and the clean-up
        fd, name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".scrapedown-tmp", dir=path.parent
        )
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(data)
            tmp.chmod(mode)
            if unchanged is not None and not unchanged():
                raise ChangedOnDiskError("changed on disk while it was being cleaned; not written")
            tmp.replace(path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise


def read_output(dest: Path, out_root: Path) -> bytes | None:
    """What an output file under `out_root` holds, never read through a symlink.

    None when there is nothing to compare with: no file, or something a write replaces rather
    than writes through (a symlink, a FIFO, a device). A parent directory that leads outside
    `out_root` is an error, as it is for writes.
    """
    parent = dest.parent
    with contextlib.suppress(OSError):
        if not parent.resolve().is_relative_to(out_root.resolve()):
            raise ScrapedownError(f"refusing to read outside the output directory ({parent})")
    if dest.is_symlink():
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(dest, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENOTDIR):
            return None
        raise
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):  # (os.fdopen would raise and leave the descriptor open)
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(dest))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as stream:
        return stream.read() if stat.S_ISREG(mode) else None


def ensure_output_writable(dest: Path) -> None:
    """An existing read-only output file is an error, as a read-only input is in place."""
    try:
        mode = dest.lstat().st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        ensure_writable(dest)


def prepare_output_parent(dest: Path, out_root: Path) -> None:
    """Create `dest`'s parent directories under `out_root`, never leaving `out_root`.

    Each existing component is resolved: a symlink (or anything else) leading outside the
    output directory makes the write fail instead of landing elsewhere on disk.
    """
    out_root.mkdir(parents=True, exist_ok=True)
    real_root = out_root.resolve()
    current = out_root
    for part in dest.parent.relative_to(out_root).parts:
        current = current / part
        if current.exists() or current.is_symlink():
            real = current.resolve()
            if not real.is_relative_to(real_root):
                raise ScrapedownError(
                    f"refusing to write outside the output directory ({current} -> {real})"
                )
        else:
            current.mkdir(exist_ok=True)
    if not dest.parent.resolve().is_relative_to(real_root):
        raise ScrapedownError(f"refusing to write outside the output directory ({dest.parent})")
