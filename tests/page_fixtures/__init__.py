"""Whole-page test data: hand-written pages (`*.html` here), a small page builder for unit
tests, and (in `builder.py`) corpus articles wrapped in page chrome at test time."""

from __future__ import annotations

from pathlib import Path

from scrapedown.frontmatter.block import split_post

HERE = Path(__file__).resolve().parent

#: A paragraph long enough to be article text by any measure.
LONG = (
    "Consensus protocols trade latency for safety, and every knob that shortens a timeout "
    "also widens the window in which a slow network looks like a dead leader."
)


def load(name: str) -> str:
    """The text of a hand-written fixture page."""
    return (HERE / name).read_text(encoding="utf-8")


def page(head: str = "", body: str = "", html_attrs: str = "") -> str:
    """A minimal whole page with `head` and `body` markup."""
    return f"<!DOCTYPE html>\n<html{html_attrs}><head>{head}</head><body>{body}</body></html>"


def article(*paragraphs: str) -> str:
    """An `<article>` of the given paragraphs (the long default when none)."""
    inner = "".join(f"<p>{p}</p>" for p in (paragraphs or (LONG, LONG)))
    return f"<article>{inner}</article>"


def front(post: str) -> dict[str, object]:
    """The front matter of a post, parsed by a YAML 1.1 reader (as Jekyll and PyYAML read it)."""
    matter, _ = split_post(post)
    assert matter is not None, post
    return dict(matter.data)


def body(post: str) -> str:
    return split_post(post)[1]
