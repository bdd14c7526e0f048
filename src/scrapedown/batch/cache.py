"""A black-style cache: which inputs are already known to be clean, so re-runs skip them.

`clean()` is a pure function of (input text, options, code), so the cache maps the digest of a
file's bytes to the digest of the bytes scrapedown wrote (or would write) for it. One cache file
per key (scrapedown's version and sources, the versions of the libraries that shape the output,
the options, ``--no-verify``) lives in the user cache directory; it is written atomically, so
concurrent runs can at worst lose each other's entries, never corrupt them.

The cache must never make a dirty file look clean (the pre-commit hook trusts it), so:

- the directory is created private (0700) and not used when it belongs to another user or
  others can write to it (a shared ``SCRAPEDOWN_CACHE_DIR``);
- each cache file is sealed with an HMAC under a random per-user key (0600) kept outside the
  cache directory (`key_dir`): an entry written by anything but scrapedown on this account, or
  altered, or a cache directory restored from elsewhere (a CI cache of another branch's job),
  voids the whole file;
- on a hit under ``-o`` the output file's digest is compared with the entry's.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import hmac
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from scrapedown import __version__
from scrapedown.batch.io import write_atomic

ENV_VAR = "SCRAPEDOWN_CACHE_DIR"
DIGEST_SIZE = 16
_RECORD = 2 * DIGEST_SIZE
_MAC_SIZE = 32
_KEY_FILE = "key"
#: Oldest entries are dropped past this many (32 bytes each: 32 MB at most).
MAX_ENTRIES = 1_000_000
#: Distributions whose version changes what scrapedown writes (normalised names).
OUTPUT_DEPENDENCIES = frozenset(
    {
        "beautifulsoup4", "lxml", "markdownify", "markdown_it_py", "python_frontmatter",
        "ruamel_yaml", "pyyaml", "chardetng_py",
    }
)  # fmt: skip


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


def key_dir() -> Path:
    """Where the key sealing the cache files lives: apart from the cache, so that a cache
    directory copied or restored from elsewhere (a CI cache saved by another branch's job) is
    not trusted (``$XDG_STATE_HOME/scrapedown``, else the platform's per-user state place)."""
    state = os.environ.get("XDG_STATE_HOME")
    if state:
        return Path(state) / "scrapedown"
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / (
            "scrapedown-state"
        )
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "scrapedown"
    return Path.home() / ".local" / "state" / "scrapedown"


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


def _dependency_versions() -> list[str]:
    """The installed versions of `OUTPUT_DEPENDENCIES`, from the ``NAME-VERSION.dist-info``
    folder names on ``sys.path`` (one directory listing each: importlib.metadata would cost
    the pre-commit hook 0.2 s per call)."""
    found = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")  # noqa: PTH208 (names only, for speed)
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info"):
                project = name[: -len(".dist-info")].rpartition("-")[0]
                if project.lower().replace("-", "_").replace(".", "_") in OUTPUT_DEPENDENCIES:
                    found.append(f"{entry}:{name}")
    return sorted(found)


def cache_key(options: Any, *, verify: bool) -> str:
    """Key of everything besides the input that decides the output."""
    material = repr(
        [__version__, _code_fingerprint(), _dependency_versions(), _canonical(options), verify]
    )
    return hashlib.sha256(material.encode()).hexdigest()[:32]


class CacheProblemError(Exception):
    """Why the cache directory cannot be trusted (the run goes on without a cache)."""


def private_dir(path: Path) -> Path:
    """`path` created (mode 0700) or checked: ours, and writable by nobody else."""
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700, parents=True)
    info = path.lstat()
    if not stat.S_ISDIR(info.st_mode):
        raise CacheProblemError(f"{path} is not a directory")
    if hasattr(os, "getuid"):
        if info.st_uid != os.getuid():
            raise CacheProblemError(f"{path} belongs to another user")
        if info.st_mode & 0o077:
            path.chmod(0o700)  # ours: made private (older versions created it 0755)
    return path


def _secret(directory: Path) -> bytes:
    """The per-user HMAC key, created on first use; only ever readable by its owner."""
    path = directory / _KEY_FILE
    if not os.path.lexists(path):
        # Published whole (link, never replace): a concurrent run reads all of it or creates
        # its own, and the first one to link wins.
        fd, name = tempfile.mkstemp(prefix=".key.", dir=directory)  # mode 0600
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(os.urandom(32))
            with contextlib.suppress(FileExistsError):
                path.hardlink_to(name)
        finally:
            Path(name).unlink()
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as stream:
        info = os.fstat(stream.fileno())
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            raise CacheProblemError(f"{path} is not private to this user")
        key = stream.read()
    if len(key) < 32:
        raise CacheProblemError(f"{path} is damaged")
    return key


class Cache:
    """Input digest -> output digest, loaded at the start of a run and saved at its end."""

    def __init__(self, path: Path | None, secret: bytes = b"") -> None:
        self.path = path
        self._secret = secret
        self._entries: dict[bytes, bytes] = {}
        self._dirty = False
        self.problem = ""
        """Why the cache is not used or was discarded (shown with ``-v``)."""

    @classmethod
    def disabled(cls) -> Cache:
        return cls(None)

    @classmethod
    def open(cls, key: str) -> Cache:
        """The cache for `key`; an unreadable or unsealed cache file is treated as empty, and
        an untrustworthy cache directory disables the cache."""
        root = user_cache_dir()
        try:
            secret = _secret(private_dir(key_dir()))
            directory = private_dir(private_dir(root) / __version__)
        except (OSError, CacheProblemError) as exc:
            disabled = cls.disabled()
            disabled.problem = str(exc) if isinstance(exc, CacheProblemError) else _why(root, exc)
            return disabled
        cache = cls(directory / f"cache.{key}.bin", secret)
        with contextlib.suppress(OSError):
            cache._load(_read_private(cache.path))  # type: ignore[arg-type]
        return cache

    def _seal(self, records: bytes) -> bytes:
        # The file's name (its key) is sealed too: a file copied from another key (other
        # options, another version) does not verify.
        name = self.path.name.encode() if self.path is not None else b""
        return hmac.new(self._secret, name + b"\0" + records, hashlib.sha256).digest()

    def _load(self, data: bytes) -> None:
        mac, records = data[:_MAC_SIZE], data[_MAC_SIZE:]
        if not hmac.compare_digest(mac, self._seal(records)) or len(records) % _RECORD:
            self.problem = f"{self.path} was not written by scrapedown for this user; ignored"
            return
        for start in range(0, len(records), _RECORD):
            self._entries[records[start : start + DIGEST_SIZE]] = records[
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
        records = b"".join(key + value for key, value in items)
        with contextlib.suppress(OSError):
            write_atomic(self.path, self._seal(records) + records)
        self._dirty = False


def _read_private(path: Path) -> bytes:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as stream:
        return stream.read()


def _why(path: Path, exc: OSError) -> str:
    return f"{path}: {exc.strerror or exc}"
