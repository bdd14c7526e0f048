"""One file, start to finish: read, decode, clean, verify, compare, write (or diff).

`process` runs in a worker process as well as in the main one, so everything it takes and
returns is a small picklable dataclass, and it never prints: the main process reports.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from scrapedown.batch.cache import digest
from scrapedown.batch.io import (
    Decoded,
    decode,
    ensure_output_writable,
    ensure_writable,
    prepare_output_parent,
    read_output,
    write_atomic,
)
from scrapedown.errors import ScrapedownError
from scrapedown.options import Options


class Status(enum.Enum):
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    FAILED = "failed"


@dataclass(frozen=True)
class Task:
    """A file to process. `dest` is None in place, else the mirrored path under `out_root`.
    An ``.html`` task without `dest` is only checked (``--check``/``--diff`` without ``-o``)."""

    source: Path
    html: bool
    dest: Path | None = None
    out_root: Path | None = None

    @property
    def target(self) -> Path:
        """The file that is compared against, and written to."""
        return self.source if self.dest is None else self.dest

    @property
    def new_file(self) -> bool:
        """Whether the output is a new file rather than the input rewritten (a page)."""
        return self.dest is None and self.html

    @property
    def shown_target(self) -> Path:
        """The output as named in messages and diffs (a checked page: its would-be .md)."""
        return self.source.with_suffix(".md") if self.new_file else self.target


@dataclass(frozen=True)
class Settings:
    """What every task of a run shares."""

    options: Options
    write: bool
    diff: bool
    verify: bool


@dataclass(frozen=True)
class Outcome:
    """What happened to one task; digests feed the cache (empty when unknown)."""

    task: Task
    status: Status
    message: str = ""
    diff: str = ""
    source_digest: bytes = b""
    output_digest: bytes = b""
    data: bytes | None = None
    """Bytes the main process writes to the target (a change, in a writing run)."""
    target_digest: bytes | None = None
    """Digest of the target as it was read (None: absent); it must still hold that when the
    new content replaces it, or the write is refused (someone saved it meanwhile)."""


def prepare(text: str, *, html: bool, options: Options) -> str:
    """The post the pipeline cleans: an ``.html`` page becomes a post (front matter from its
    metadata, the article as its body); fragments and Markdown files are taken as they are."""
    if not html:
        return text
    from scrapedown.page import page_to_post  # the heavy pipeline: imported once there is work

    return page_to_post(text, options)


def convert(post: str, *, options: Options) -> str:
    """The one call into the pipeline, on a prepared post."""
    from scrapedown.api import clean

    cleaned: str = clean(post, options)
    return cleaned


def verify(original: str, cleaned: str, *, options: Options) -> None:
    """Fidelity safety net run before anything is written (``--no-verify`` skips it).

    Raises `ScrapedownError` when `cleaned` lost article text, images or links of `original`
    (measured by `scrapedown.safety.fidelity`), so the file is reported and left as it was.
    """
    if cleaned == original:
        return
    from scrapedown.safety.fidelity import compare

    loss = compare(original, cleaned, options)  # the net reads the cleaner's policy
    if loss:
        raise ScrapedownError(f"not written, the conversion {loss.describe()}")


def process(task: Task, settings: Settings) -> Outcome:
    """Run one task; every failure becomes a FAILED outcome with a one-line reason."""
    try:
        return _process(task, settings)
    except Exception as exc:  # a bug in a rule must not stop the other 4,999 files
        return Outcome(task, Status.FAILED, failure_reason(exc))


def failure_reason(exc: Exception) -> str:
    """The ``reason`` of a ``path: reason`` line."""
    if isinstance(exc, ScrapedownError):
        return _one_line(str(exc))
    if isinstance(exc, OSError):
        return _os_reason(exc)
    if isinstance(exc, RecursionError):
        return "nesting too deep to convert"
    return _one_line(f"internal error: {type(exc).__name__}: {exc}")


def transform(data: bytes, *, html: bool, settings: Settings) -> tuple[Decoded, str, bytes]:
    """Bytes in -> (how they decoded, the cleaned text, the bytes to write)."""
    decoded = decode(data, html=html)
    prepared = prepare(decoded.text, html=html, options=settings.options)
    cleaned = convert(prepared, options=settings.options)
    if settings.verify:  # against the prepared post: a page's menus are not article text
        verify(prepared, cleaned, options=settings.options)
    return decoded, cleaned, decoded.encode(cleaned)


def _process(task: Task, settings: Settings) -> Outcome:
    try:
        data = task.source.read_bytes()
    except OSError as exc:
        raise ScrapedownError(f"cannot read: {_os_reason(exc)}") from None
    source_digest = digest(data)
    target_digest: bytes | None = source_digest
    current = None
    if task.dest is not None:  # read before converting: a write later must find it unchanged
        assert task.out_root is not None
        try:
            current = read_output(task.dest, task.out_root)
        except OSError as exc:  # named: "is a directory" alone would seem to be the input
            raise ScrapedownError(f"output {task.dest}: {_os_reason(exc)}") from None
        target_digest = None if current is None else digest(current)
    decoded, cleaned, new_bytes = transform(data, html=task.html, settings=settings)
    output_digest = digest(new_bytes)
    before: str | None
    if task.new_file:
        before, unchanged = None, False
    elif task.dest is None:
        before, unchanged = decoded.text, decoded.is_unchanged_by(cleaned)
        if unchanged:
            output_digest = source_digest  # what is on disk is the output (EOLs as they were)
    else:
        before, unchanged = _compare_existing(current, new_bytes)
    diff = ""
    if not unchanged and settings.diff:
        diff = unified_diff(before, cleaned, display_name(task.shown_target), new=before is None)
    status = Status.UNCHANGED if unchanged else Status.CHANGED
    write = new_bytes if settings.write and not unchanged else None
    return Outcome(task, status, "", diff, source_digest, output_digest, write, target_digest)


def commit(outcome: Outcome) -> Outcome:
    """Write what a worker computed (main process only: an interrupted run writes nothing
    more once it stops). A failure to write turns the outcome into a FAILED one."""
    if outcome.data is None:
        return outcome
    try:
        _write(outcome.task, outcome.data, expected=outcome.target_digest)
    except Exception as exc:
        return Outcome(outcome.task, Status.FAILED, failure_reason(exc))
    return dataclasses.replace(outcome, data=None)


def _compare_existing(current: bytes | None, new_bytes: bytes) -> tuple[str | None, bool]:
    if current is None:
        return None, False
    if current == new_bytes:
        return "", True
    return current.decode("utf-8", errors="replace").replace("\r\n", "\n"), False


def _read_existing(
    dest: Path, new_bytes: bytes, out_root: Path | None = None
) -> tuple[str | None, bool]:
    """An output file's current text (None when missing) and whether it already equals."""
    return _compare_existing(read_output(dest, out_root or dest.parent), new_bytes)


_ANY: bytes = b"any"


def _write(task: Task, data: bytes, *, expected: bytes | None = _ANY) -> None:
    """Write `data` to the task's target unless the target no longer holds `expected` (its
    digest as read, None for absent). Through a symlink in place, the real file is rewritten
    and the link kept; under ``-o`` a symlink is replaced, never followed."""
    target = Path(os.path.realpath(task.source)) if task.dest is None else task.dest
    unchanged = None if expected is _ANY else functools.partial(_holds, task, target, expected)
    try:
        if task.dest is None:
            ensure_writable(target)
        else:
            assert task.out_root is not None
            prepare_output_parent(task.dest, task.out_root)
            ensure_output_writable(task.dest)
        write_atomic(target, data, unchanged=unchanged)
    except ScrapedownError as exc:
        if task.dest is None:
            raise
        raise ScrapedownError(f"output {task.dest}: {exc}") from None
    except OSError as exc:
        raise ScrapedownError(f"cannot write {target}: {_os_reason(exc)}") from None


def _holds(task: Task, target: Path, expected: bytes | None) -> bool:
    try:
        if task.dest is None:
            current: bytes | None = target.read_bytes()
        else:
            assert task.out_root is not None
            current = read_output(target, task.out_root)
    except OSError:
        return False
    return (None if current is None else digest(current)) == expected


def display_name(path: Path | str) -> str:
    """A path as shown in messages: undecodable bytes of a file name as ``\\xNN``."""
    text = str(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", errors="backslashreplace")
    return text


def unified_diff(before: str | None, after: str, name: str, *, new: bool = False) -> str:
    """A ``git apply``-able unified diff; ``/dev/null`` as the old side of a new file."""
    import difflib

    old_lines = (before or "").splitlines(keepends=True)
    new_lines = after.splitlines(keepends=True)
    old_name = "/dev/null" if new else _label("a/", name)
    lines = difflib.unified_diff(old_lines, new_lines, old_name, _label("b/", name))
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )


def _label(prefix: str, name: str) -> str:
    # git's a/ and b/ prefixes go before a relative path only: an absolute path is shown as it
    # is (no "b//tmp/out/x.md"), and stdin as black shows it.
    if name == "-":
        return "STDIN" if prefix == "a/" else "STDOUT"
    return name if Path(name).is_absolute() else prefix + name


def _one_line(message: str) -> str:
    return " ".join(message.split()) or "cannot convert"


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return reason[0].lower() + reason[1:] if reason else "input/output error"


def unchanged_from_cache(task: Task, cached: bytes, source_digest: bytes) -> bool:
    """Whether a cache hit proves the target is already what scrapedown would write."""
    if task.new_file:
        return False
    if task.dest is None:
        return cached == source_digest
    assert task.out_root is not None
    try:
        current = read_output(task.dest, task.out_root)
    except (OSError, ScrapedownError):
        return False
    return current is not None and digest(current) == cached
