"""The properties every input must keep, as one function the fuzz tests (tests/test_fuzz.py) and
the standalone driver (benchmarks/fuzz_driver.py) share.

`failures(text)` runs `clean` and `clean_html` on `text` and returns what went wrong, as
(kind, detail) pairs, each kind one of:

- ``crash``: an exception other than `ScrapedownError` (or one without a message);
- ``slow``: one call took over `BUDGET_SECONDS` of CPU time (CPU, not wall clock: the machine
  may be loaded);
- ``idempotent``: ``clean(clean(x)) != clean(x)``;
- ``idempotent_html``: ``clean(clean_html(x)) != clean_html(x)`` (the Markdown `clean_html`
  writes is a post body a hook sees again);
- ``lost``: letters or digits a reader sees in the input are missing from what a reader sees of
  the output, and so are images and links, both measured independently of the library
  (tests/fuzz_lost.py: what both an HTML and a Markdown reading of the input show, against the
  output rendered by markdown-it with ``html=True``, each read as tests/fuzz_reading.py reads
  it);
- ``injected``: the output, rendered by markdown-it with ``html=True``, holds a script-capable
  element, an event-handler attribute or a `javascript:`/`vbscript:`/`data:text/html` URL
  (`injected`, below).

The oracle is split by concern: this module runs the calls and checks time, idempotency and
injection; tests/fuzz_lost.py counts what a reader sees; tests/fuzz_reading.py says how a
reader's software reads Markdown and HTML (markdown-it, lxml made to read as a browser).
"""

from __future__ import annotations

import contextlib
import html
import time
import warnings
from collections.abc import Callable

from lxml import etree

from scrapedown import ScrapedownError, clean, clean_html
from tests.fuzz_lost import input_visible, lost, visible
from tests.fuzz_reading import IGNORED_IN_URL, UNSAFE_URL, fragment, markdown_it

__all__ = ["failures", "injected", "input_visible", "visible"]
_lost = lost  # (the name tests/test_loss_regressions.py reads)

BUDGET_SECONDS = 2.0
Failure = tuple[str, str]


def _timed(function: Callable[[str], str], text: str) -> tuple[str | None, list[Failure]]:
    """`function(text)`, or None when it raised a `ScrapedownError` with a message."""
    start = time.process_time()
    name = function.__name__
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # bs4's XML-looking-input warning is not our concern
        try:
            result: str | None = function(text)
            problems: list[Failure] = []
        except ScrapedownError as error:
            result = None
            problems = [] if str(error) else [("crash", f"{name}: ScrapedownError without text")]
        except Exception as error:  # the property: nothing else escapes
            return None, [("crash", f"{name}: {type(error).__name__}: {error}")]
    spent = time.process_time() - start
    if spent > BUDGET_SECONDS:
        spent = min(spent, _best_of(function, text, _RETIMES))
    if spent > BUDGET_SECONDS:
        problems.append(("slow", f"{name}: {spent:.1f} s CPU (best of {1 + _RETIMES})"))
    return result, problems


# A call over budget is timed again: the input is slow only when every run is. A garbage
# collection of the fuzzer's own heap or a first-call import lands in one call's CPU time:
# the three "slow" documents of the seed-12 run took 2.2-3.3 s there and 2-4 ms alone.
_RETIMES = 2


def _best_of(function: Callable[[str], str], text: str, runs: int) -> float:
    best = float("inf")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(runs):
            start = time.process_time()
            with contextlib.suppress(Exception):  # (the first run reported it)
                function(text)
            best = min(best, time.process_time() - start)
    return best


def failures(text: str, *, full: bool = True) -> list[Failure]:
    """Every property `text` breaks (empty when it keeps them all). Without `full`, only
    `clean` is checked (no crash, in budget, idempotent, nothing injected): a third of the
    cost, for long runs on a loaded machine."""
    found: list[Failure] = []
    out = _converted_twice(clean, text, "idempotent", "clean(clean(x))", found)
    if out is not None and full:
        found += lost(text, out)
    if full:
        _converted_twice(clean_html, text, "idempotent_html", "clean of it", found)
    return found


def _converted_twice(
    convert: Callable[[str], str], text: str, kind: str, again_name: str, found: list[Failure]
) -> str | None:
    """`convert(text)`, then `clean` of that: timing problems, a second pass that differs (as
    `kind`) and injections go into `found`; the first output is returned (None on a crash)."""
    out, problems = _timed(convert, text)
    found += problems
    if out is None:
        return None
    again, problems = _timed(clean, out)
    found += problems
    if again is not None and again != out:
        name = convert.__name__
        found.append((kind, f"{name}(x) = {out[:3000]!r}, {again_name} = {again[:3000]!r}"))
    found += _injected(out)
    return out


# --- nothing injected ---------------------------------------------------------------------------


# Elements that run code or load active content when the output is rendered.
_ACTIVE = frozenset(
    {
        "script", "style", "iframe", "object", "embed", "frame", "frameset", "applet", "base",
        "meta", "link", "form", "plaintext", "xmp", "noembed",
    }
)  # fmt: skip


_URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "srcdoc", "xlink:href", "poster", "data", "srcset"}
)


def injected(markdown: str) -> list[str]:
    """What is active in `markdown` once rendered: elements, handlers, unsafe URLs."""
    rendered = markdown_it().render(markdown)
    if "<" not in rendered:
        return []
    try:
        root = fragment(rendered)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        tag = element.tag.lower()
        if tag in _ACTIVE:
            found.append(f"<{tag}>")
        for name, value in element.attrib.items():
            name = name.lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}=>")
            elif name in _URL_ATTRIBUTES and _is_unsafe_url(value):
                found.append(f"<{tag} {name}={value[:40]!r}>")
    return found


def _is_unsafe_url(value: str) -> bool:
    """Unsafe as written, or once a renderer that decodes entities late has decoded it."""
    for candidate in (value, html.unescape(value), html.unescape(html.unescape(value))):
        if UNSAFE_URL.match(IGNORED_IN_URL.sub("", candidate)):
            return True
    return False


def _injected(out: str) -> list[Failure]:
    found = injected(out)
    return [("injected", f"{', '.join(found)}: {out[:2000]!r}")] if found else []
