"""The two page sets of ``../shared/pages`` and their own metrics, for `bench_extraction.py`:
reading the pages and references in place, the text a tool's output shows, and the scores
(trafilatura-eval's snippets; readability-pages' token F1, structure recall and metadata).
"""

from __future__ import annotations

import json
import re
import tarfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "pages"
STRUCTURE = {
    "headings": ("h1", "h2", "h3", "h4", "h5", "h6"),
    "list items": ("li",),
    "table cells": ("td", "th"),
    "pre blocks": ("pre",),
    "images": ("img",),
    "links": ("a",),
}
_BLOCKS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "table", "tr", "td", "th", "pre", "h1", "h2", "h3", "h4",
        "h5", "h6", "blockquote", "br", "hr", "section", "article", "figure", "figcaption",
        "dd", "dt", "dl", "header", "footer", "main", "aside", "nav",
    }
)  # fmt: skip
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class Output:
    """One tool's article: rendered HTML (or plain text) and metadata."""

    html: str = ""
    text: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    error: str = ""
    raw: str = ""
    low: bool | None = None
    """Reported as a doubtful extraction (scrapedown only)."""


# ---------------------------------------------------------------- text


def html_text(html: str) -> str:
    """The text of `html`, a newline between blocks."""
    from lxml import html as lxml_html

    html = _CONTROL.sub("", html)
    if not html.strip():
        return ""
    try:
        root = lxml_html.fragment_fromstring(html, create_parent="div")
    except Exception:
        return ""
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCKS:
            element.tail = "\n" + (element.tail or "")
            element.text = "\n" + (element.text or "")
    return str(root.text_content())


def text_of(out: Output) -> str:
    return out.text if out.text is not None else html_text(out.html)


def squash(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


# ---------------------------------------------------------------- pages


def eval_pages(root: Path | None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(name, page text, reference) of trafilatura-eval."""
    for name, files in _members("trafilatura-eval", root):
        refs = json.loads(files["evaldata.json"])
        by_file = {ref["file"]: ref for ref in refs.values()}
        for path, data in files.items():
            ref = by_file.get(path.rsplit("/", 1)[-1])
            if ref is not None and path.endswith(".html"):
                yield path, _decode(data), ref
        del name


def readability_pages(root: Path | None) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(name, page text, reference) of readability-pages."""
    for _, files in _members("readability-pages", root):
        folders = sorted({path.split("/")[0] for path in files if "/" in path})
        for folder in folders:
            source = files.get(f"{folder}/source.html")
            if source is None:
                continue
            ref = {
                "expected": files[f"{folder}/expected.html"].decode("utf-8"),
                "meta": json.loads(files[f"{folder}/expected-metadata.json"]),
            }
            yield folder, _decode(source), ref


def _decode(data: bytes) -> str:
    from scrapedown.batch.io import decode

    return decode(data, html=True).text


def _members(archive: str, root: Path | None) -> Iterator[tuple[str, dict[str, bytes]]]:
    """All files of a set (paths relative to the set's folder), from an unpacked folder
    (`--pages`) or read in place from the archive."""
    files: dict[str, bytes] = {}
    if root is not None and (root / archive).is_dir():
        base = root / archive
        for path in sorted(base.rglob("*")):
            if path.is_file():
                files[str(path.relative_to(base))] = path.read_bytes()
    else:
        path = SHARED / f"{archive}.tar.xz"
        if not path.is_file():
            return
        with tarfile.open(path) as tar:
            for member in tar:
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is not None:
                    files[member.name.split("/", 1)[1]] = handle.read()
    yield archive, files


# ---------------------------------------------------------------- scoring


def score_eval(out: Output, ref: dict[str, Any]) -> dict[str, Any]:
    text = squash(text_of(out))
    missed = [s for s in ref["with"] if squash(s) not in text]
    leaked = [s for s in ref["without"] if squash(s) in text]
    return {
        "tp": len(ref["with"]) - len(missed), "fn": len(missed),
        "fp": len(leaked), "tn": len(ref["without"]) - len(leaked),
        "missed": missed, "leaked": leaked, "empty": not text,
    }  # fmt: skip


def score_readability(out: Output, ref: dict[str, Any]) -> dict[str, Any]:
    from lxml import html as lxml_html

    got = Counter(_WORD.findall(text_of(out).lower()))
    want = Counter(_WORD.findall(html_text(ref["expected"]).lower()))
    common = sum((got & want).values())
    precision = common / sum(got.values()) if got else 0.0
    recall = common / sum(want.values()) if want else 1.0
    f1 = 2 * precision * recall / (precision + recall) if common else 0.0
    held = " " + words(text_of(out) + " " + out.meta.get("title", "")) + " "
    images = {_file_name(src) for src in re.findall(r"src=\"([^\"]+)\"", out.html)}
    expected = lxml_html.fragment_fromstring(ref["expected"], create_parent="div")
    structure: dict[str, list[int]] = {}
    for kind, tags in STRUCTURE.items():
        found = total = 0
        for element in expected.iter(*tags):
            if kind == "images":
                key = _file_name(str(element.get("src") or ""))
                hit = key in images or not images.isdisjoint(_candidates(element))
            else:
                key = words(str(element.text_content()))
                hit = f" {key} " in held
            if key:
                total += 1
                found += hit
        structure[kind] = [found, total]
    return {
        "p": precision, "r": recall, "f1": f1, "structure": structure,
        "meta": _meta_hits(out.meta, ref["meta"]), "empty": not got and bool(want),
    }  # fmt: skip


def _candidates(image: Any) -> set[str]:
    """File names of an image's `srcset` candidates: the same picture at other sizes (a tool
    that keeps the largest candidate keeps the picture)."""
    srcset = str(image.get("srcset") or "")
    return {_file_name(part.split()[0]) for part in srcset.split(",") if part.split()}


def _file_name(src: str) -> str:
    return src.split("?")[0].rstrip("/").rsplit("/", 1)[-1].lower()


def _title_hit(ours: str, want: str) -> int:
    """Right when the words are the same, or the reference is ours plus the site's name
    before or after it (scrapedown strips a site name on evidence; Readability keeps it)."""
    if not ours:
        return 0
    return int(ours == want or want.startswith(ours + " ") or want.endswith(" " + ours))


def _meta_hits(got: dict[str, str], want: dict[str, Any]) -> dict[str, int | None]:
    """1 right, 0 wrong, None when the reference has no value (or the tool has no such field)."""

    def norm(value: str) -> str:
        return words(re.sub(r"^\s*by\s+", "", value, flags=re.I))

    hits: dict[str, int | None] = {}
    title = str(want.get("title") or "")
    hits["title"] = _title_hit(norm(got.get("title", "")), norm(title)) if title else None
    byline, ours = norm(str(want.get("byline") or "")), norm(got.get("author", ""))
    hits["author"] = int(bool(ours) and (ours in byline or byline in ours)) if byline else None
    date = str(want.get("publishedTime") or "")[:10]
    hits["date"] = int(got.get("date", "")[:10] == date) if date else None
    if "author" not in got:
        hits["author"] = hits["date"] = None
    return hits
