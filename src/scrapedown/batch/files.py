"""Which files a run touches: directory walks, ``--exclude``, ``.gitignore``, hidden directories.

Directories are walked in sorted order (so every run lists the same files in the same order);
explicitly named files are always taken, unless ``--force-exclude`` says their exclude rules
apply too (pre-commit passes every staged file by name). A path that cannot be walked (a
symlink loop, a folder that cannot be listed, a name that is not UTF-8) is an error of its own,
reported as ``path: reason`` and counted as failed; the walk goes on.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
#: Directories never walked into, besides hidden ones (dependency trees of Hexo/Hugo themes).
DEFAULT_EXCLUDES = ("node_modules/",)


def absolute(path: Path) -> Path:
    """`path` made absolute with ``..`` folded lexically: unlike resolve(), symlinks are kept,
    so a walked link is judged (and shown) as the link it is."""
    return Path(os.path.abspath(path))  # noqa: PTH100


def is_html(path: Path) -> bool:
    """Whether `path` names an HTML page (which needs ``-o``: it becomes a new ``.md`` file)."""
    return path.suffix.lower() in HTML_SUFFIXES


@dataclass(frozen=True)
class Found:
    """A file to process, with the path shown to the user (as typed or as walked)."""

    path: Path
    explicit: bool


#: Skip reasons left out of the summary's counts: hidden directories (``.git``) are not news.
#: (An .html file in a walk without -o has its own note.)
HTML_NEEDS_OUTPUT = "HTML input needs -o DIR"
QUIET_REASONS = frozenset({"hidden", HTML_NEEDS_OUTPUT})


@dataclass
class Discovery:
    """The walk's result: files in order, what was left out (counted in the summary, listed
    with ``-v``) and the paths that could not be walked (failures)."""

    files: list[Found] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[tuple[Path, str]] = field(default_factory=list)
    html_skipped: int = 0


@dataclass(frozen=True)
class _Ignore:
    """One .gitignore file: its patterns match paths relative to its directory."""

    base: Path
    spec: GitIgnoreSpec


class Walker:
    """Collects input files under the exclude rules of one run."""

    def __init__(
        self,
        *,
        root: Path,
        excludes: Sequence[str],
        force_exclude: bool,
        want_html: bool,
        skip_dir: Path | None = None,
        respect_gitignore: bool = True,
    ) -> None:
        self.root = root.absolute()
        self.force_exclude = force_exclude
        self.want_html = want_html
        self.respect_gitignore = respect_gitignore
        self._patterns = list(excludes)
        self._exclude_spec: GitIgnoreSpec | None = None
        self._skip_dir = Path(os.path.realpath(skip_dir)) if skip_dir is not None else None
        self.result = Discovery()
        self._seen: set[Path] = set()
        self._tree = self.root

    def collect(self, paths: Iterable[Path]) -> Discovery:
        """Walk every path argument, in order, without duplicates."""
        for path in paths:
            if not _utf8(path):
                self.result.errors.append((path, "the name is not valid UTF-8; rename it"))
            elif is_dir(path):
                self._tree = Path(os.path.realpath(path))
                self._walk(path, self._ancestor_ignores(path))
            else:
                self._add_explicit(path)
        return self.result

    def _add_explicit(self, path: Path) -> None:
        if self.force_exclude and self._excluded(path, is_dir=False):
            self.result.skipped.append((path, "excluded (--force-exclude)"))
            return
        self._add(path, explicit=True)

    def _add(self, path: Path, *, explicit: bool) -> None:
        key = absolute(path)
        if key not in self._seen:
            self._seen.add(key)
            self.result.files.append(Found(path, explicit))

    def _walk(self, top: Path, ignores: list[_Ignore]) -> None:
        local = _load_gitignore(top) if self.respect_gitignore else None
        if local is not None:
            ignores = [*ignores, local]
        try:
            with os.scandir(top) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            self.result.errors.append((top, f"cannot list the directory: {_os_reason(exc)}"))
            return
        for entry in entries:
            path = top / entry.name
            try:
                self._visit(path, entry, ignores)
            except OSError as exc:  # a symlink loop, a permission, a file gone meanwhile
                self.result.errors.append((path, _os_reason(exc)))

    def _visit(self, path: Path, entry: os.DirEntry[str], ignores: list[_Ignore]) -> None:
        is_dir = entry.is_dir(follow_symlinks=False)
        reason = self._walk_skip_reason(path, entry, is_dir, ignores)
        if reason is not None:
            if reason:
                self.result.skipped.append((path, reason))
        elif not _utf8(path):
            self.result.errors.append((path, "the name is not valid UTF-8; rename it"))
        elif is_dir:
            self._walk(path, ignores)
        elif entry.is_file():
            self._add(path, explicit=False)
        elif entry.is_symlink():
            path.stat()  # raises the reason (a loop, a missing target)

    def _walk_skip_reason(
        self, path: Path, entry: os.DirEntry[str], is_dir: bool, ignores: list[_Ignore]
    ) -> str | None:
        """Why a walked entry is left out ("" = silently: not a file type we handle)."""
        if entry.name.startswith("."):
            return "hidden" if is_dir else ""
        reason = self._kind_reason(path, entry, is_dir)
        if reason is not None:
            return reason
        if self.respect_gitignore and _gitignored(path, is_dir, ignores):
            return "ignored by .gitignore"
        if self._excluded(path, is_dir=is_dir):
            return "excluded"
        return None

    def _kind_reason(self, path: Path, entry: os.DirEntry[str], is_dir: bool) -> str | None:
        """Left out for what it is: the output directory, another suffix, a symlink, HTML."""
        if is_dir:
            if self._skip_dir is not None and Path(os.path.realpath(path)) == self._skip_dir:
                return "the output directory"
            return None
        suffix = path.suffix.lower()
        if suffix not in MARKDOWN_SUFFIXES | HTML_SUFFIXES:
            return ""
        if entry.is_symlink():
            path.stat()  # a loop or a dangling link is an error, not a skip
            if entry.is_dir():
                return "symlinked directory (not followed)"
            if not Path(os.path.realpath(path)).is_relative_to(self._tree):
                return "symlink to a file outside the tree"
        if suffix in HTML_SUFFIXES and not self.want_html:
            self.result.html_skipped += 1
            return HTML_NEEDS_OUTPUT
        return None

    def _excluded(self, path: Path, *, is_dir: bool) -> bool:
        if self._exclude_spec is None:
            from pathspec import GitIgnoreSpec

            self._exclude_spec = GitIgnoreSpec.from_lines(self._patterns)
        relative = _relative_posix(path, self.root)
        return self._exclude_spec.match_file(relative + "/" if is_dir else relative)

    def _ancestor_ignores(self, top: Path) -> list[_Ignore]:
        """.gitignore files between the project root and a walked directory (the root's first)."""
        top_path = absolute(top)
        if not self.respect_gitignore or not top_path.is_relative_to(self.root):
            return []
        ignores = []
        for directory in reversed(top_path.parents):
            if directory.is_relative_to(self.root):
                found = _load_gitignore(directory)
                if found is not None:
                    ignores.append(found)
        return ignores


def _load_gitignore(directory: Path) -> _Ignore | None:
    gitignore = directory / ".gitignore"
    try:
        lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    from pathspec import GitIgnoreSpec

    return _Ignore(absolute(directory), GitIgnoreSpec.from_lines(lines))


def _gitignored(path: Path, is_dir: bool, ignores: list[_Ignore]) -> bool:
    path = absolute(path)
    # The deepest .gitignore that has an opinion wins, as in git (a nested "!x" re-includes x).
    for ignore in reversed(ignores):
        relative = path.relative_to(ignore.base).as_posix()
        verdict = ignore.spec.check_file(relative + "/" if is_dir else relative).include
        if verdict is not None:
            return verdict
    return False


def _relative_posix(path: Path, root: Path) -> str:
    path = absolute(path)
    if path.is_relative_to(root):
        return path.relative_to(root).as_posix()
    return path.as_posix().lstrip("/")


def is_dir(path: Path) -> bool:
    """Whether `path` is a directory; False when it cannot be told (the read then fails with
    the reason, as one per-file error), where `Path.is_dir` raises for a permission."""
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def _utf8(path: Path) -> bool:
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:  # undecodable bytes of a POSIX name, kept as surrogates
        return False
    return True


def _os_reason(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return reason[0].lower() + reason[1:] if reason else "input/output error"


def skip_counts(skipped: Sequence[tuple[Path, str]]) -> dict[str, int]:
    """How many paths were left out for each reason, in first-seen order (for the summary)."""
    counts: dict[str, int] = {}
    for _path, reason in skipped:
        if reason not in QUIET_REASONS:
            counts[reason] = counts.get(reason, 0) + 1
    return counts


def find_repo_root(start: Path) -> Path | None:
    """The nearest directory upward holding ``.git`` or ``.hg``."""
    for directory in (start, *start.parents):
        # os.path.exists: False (not PermissionError) inside a folder that cannot be searched
        if any(os.path.exists(directory / name) for name in (".git", ".hg")):  # noqa: PTH110
            return directory
    return None


def common_parent(paths: Sequence[Path]) -> Path:
    """The deepest directory containing every path (a file's own directory for one file)."""
    directories = [path if is_dir(path) else path.parent for path in map(absolute, paths)]
    return Path(os.path.commonpath(directories)) if directories else Path.cwd()


def iter_markdown_dest(found: Sequence[Found], base: Path, out_root: Path) -> Iterator[Path]:
    """The mirrored output path of each input under ``-o`` (``.html``/``.htm`` -> ``.md``)."""
    for item in found:
        relative = absolute(item.path).relative_to(base)
        yield out_root / (relative.with_suffix(".md") if is_html(item.path) else relative)
