"""A black-style cache: which inputs are already known to be clean, so re-runs skip them.

`clean()` is a pure function of (input text, options, code), so the cache maps the digest of a
file's bytes to the digest of the bytes scrapedown wrote (or would write) for it. One cache file
per (version, code, options, verify) key lives in the user cache directory; it is written
atomically, so concurrent runs can at worst lose each other's entries, never corrupt them.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import sys
from pathlib import Path
from typing import Any

from scrapedown._io import write_atomic

ENV_VAR = "SCRAPEDOWN_CACHE_DIR"
DIGEST_SIZE = 16
_RECORD = 2 * DIGEST_SIZE
#: Oldest entries are dropped past this many (32 bytes each: 32 MB at most).
MAX_ENTRIES = 1_000_000


def digest(data: bytes) -> bytes:
    """The cache's fingerprint of a file's bytes."""
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).digest()


def user_cache_dir() -> Path:
    """``$SCRAPEDOWN_CACHE_DIR``, else the platform's per-user cache directory + ``scrapedown``."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "scrapedown"


def _canonical(value: Any) -> Any:
    """A stable, hash-seed-independent form of `value` (frozenset order varies between runs)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        pairs = ((f.name, getattr(value, f.name)) for f in dataclasses.fields(value))
        return [type(value).__name__, [[name, _canonical(item)] for name, item in pairs]]
    if isinstance(value, set | frozenset):
        return sorted((_canonical(item) for item in value), key=repr)
    if isinstance(value, tuple | list):
        return [_canonical(item) for item in value]
    if isinstance(value, dict):
        return sorted(([_canonical(k), _canonical(v)] for k, v in value.items()), key=repr)
    return repr(value)


def _code_fingerprint() -> str:
    # The package's own sources (size and mtime): an upgrade, or an edit in a development
    # checkout, starts a fresh cache instead of trusting results of other code.
    package = Path(__file__).parent
    stamps = sorted(
        f"{path.relative_to(package)}:{st.st_size}:{st.st_mtime_ns}"
        for path in package.rglob("*.py")
        for st in (path.stat(),)
    )
    return "\n".join(stamps)


def cache_key(options: Any, *, verify: bool) -> str:
    """Key of everything besides the input that decides the output."""
    from scrapedown import __version__

    material = repr([__version__, _code_fingerprint(), _canonical(options), verify])
    return hashlib.sha256(material.encode()).hexdigest()[:32]


class Cache:
    """Input digest -> output digest, loaded at the start of a run and saved at its end."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[bytes, bytes] = {}
        self._dirty = False

    @classmethod
    def disabled(cls) -> Cache:
        return cls(None)

    @classmethod
    def open(cls, key: str) -> Cache:
        """The cache for `key`; an unreadable cache file is treated as empty."""
        from scrapedown import __version__

        cache = cls(user_cache_dir() / __version__ / f"cache.{key}.bin")
        with contextlib.suppress(OSError):
            cache._load(cache.path.read_bytes())  # type: ignore[union-attr]
        return cache

    def _load(self, data: bytes) -> None:
        usable = len(data) - len(data) % _RECORD
        for start in range(0, usable, _RECORD):
            self._entries[data[start : start + DIGEST_SIZE]] = data[
                start + DIGEST_SIZE : start + _RECORD
            ]

    @property
    def enabled(self) -> bool:
        return self.path is not None

    def lookup(self, source_digest: bytes) -> bytes | None:
        """Digest of the output known for this input, if any."""
        return self._entries.get(source_digest)

    def add(self, source_digest: bytes, output_digest: bytes) -> None:
        if self.path is not None and self._entries.get(source_digest) != output_digest:
            self._entries.pop(source_digest, None)  # re-insert: newest entries are kept longest
            self._entries[source_digest] = output_digest
            self._dirty = True

    def save(self) -> None:
        """Write the cache atomically; a failure to write it never fails the run."""
        if self.path is None or not self._dirty:
            return
        items = list(self._entries.items())[-MAX_ENTRIES:]
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, b"".join(key + value for key, value in items))
        self._dirty = False
