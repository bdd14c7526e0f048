"""Benchmark inputs: the whole posts and their HTML bodies, read in place from a directory.

Every converter must see byte-for-byte the same HTML, so the bodies are extracted once, here, with
scrapedown's own stages 1–2 (front matter split, HTML/Markdown segmentation); the peers cannot
read front matter or mixed Markdown/HTML, and feeding them whole posts would time something else.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import cycle
from pathlib import Path

from scrapedown.errors import ScrapedownError
from scrapedown.frontmatter.block import split_post
from scrapedown.parse.detect import split_segments

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "corpus"
SUFFIXES = frozenset({".md", ".markdown", ".html", ".htm"})
MB = 1_000_000  # decimal megabytes of UTF-8, everywhere in the benchmarks


@dataclass(frozen=True)
class Inputs:
    """What one benchmark run converts."""

    posts: tuple[str, ...]
    """Every file's text, front matter included (the input of `scrapedown.clean`)."""
    bodies: tuple[str, ...]
    """The HTML segments of each file's body, joined; files with no HTML are left out."""
    skipped: tuple[str, ...]
    """`name: reason` for files whose front matter could not be split (kept in `posts`)."""

    @property
    def posts_mb(self) -> float:
        return size_mb(self.posts)

    @property
    def bodies_mb(self) -> float:
        return size_mb(self.bodies)


def size_mb(texts: Sequence[str]) -> float:
    """Total UTF-8 size of `texts` in MB (what MB/s figures are computed on)."""
    return sum(len(text.encode("utf-8")) for text in texts) / MB


def load(directory: Path) -> Inputs:
    """Read every post under `directory` (not recursive), in name order for stable runs."""
    posts: list[str] = []
    bodies: list[str] = []
    skipped: list[str] = []
    for path in sorted(directory.iterdir()):
        if not path.is_file() or path.suffix.lower() not in SUFFIXES:
            continue
        # Undecodable bytes replaced rather than skipped: a benchmark should not drop a file
        # that the CLI would convert after charset detection.
        text = path.read_text(encoding="utf-8", errors="replace")
        posts.append(text)
        try:
            body = html_body(text)
        except ScrapedownError as error:
            skipped.append(f"{path.name}: {error}")
            continue
        if body:
            bodies.append(body)
    return Inputs(tuple(posts), tuple(bodies), tuple(skipped))


def html_body(post: str) -> str:
    """The HTML parts of the post's body, joined by newlines ('' for a Markdown-only body)."""
    body = split_post(post)[1]
    return "\n".join(segment.text for segment in split_segments(body) if segment.is_html)


def repeated(texts: Sequence[str], times: int) -> list[str]:
    """The documents `times` over: the same content as more documents."""
    return list(texts) * times


def concatenated(texts: Sequence[str], target_mb: float) -> str:
    """One document of at least `target_mb`, made of whole `texts` cycled in order.

    Cut only between documents (never inside a tag), so the result is slightly over the target.
    """
    if not any(texts):
        raise ValueError("no HTML bodies to build a large document from")
    target = target_mb * MB
    parts: list[str] = []
    total = 0
    for text in _non_empty(cycle(texts)):
        parts.append(text)
        total += len(text.encode("utf-8")) + 1  # + the joining newline
        if total >= target:
            break
    return "\n".join(parts)


def _non_empty(texts: Iterator[str]) -> Iterator[str]:
    return (text for text in texts if text)
