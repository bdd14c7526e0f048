"""`normalize_text`: the whole specification on plain text, line by line."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from scrapedown.punct.candidates import candidate_lines, document_may_change
from scrapedown.punct.engine import normalize_line
from scrapedown.punct.options import PunctOptions
from scrapedown.punct.protect import Span, find_protected_spans
from scrapedown.punct.rules import Pass
from scrapedown.punct.segments import EDIT, KEEP, Line, Segment

#: Runs after the first one, at most, before the result is taken as it is (see `until_stable`).
EXTRA_RUNS = 2


def until_stable(normalize: Callable[[str], str], text: str) -> str:
    """Run `normalize` until its output no longer changes (at most 1 + EXTRA_RUNS times).

    Protected spans are found before anything is converted. In rare inputs a conversion creates
    a new one (``＜ps:```>`` becomes an autolink that swallows a code span's backticks), so a
    second run would see different protections; running to a fixed point keeps ``f(f(x)) ==
    f(x)``. Only a run that created a ``<`` or a ``](`` is checked by running again.
    """
    result = normalize(text)
    for _ in range(EXTRA_RUNS):
        if result is text or not _may_protect_more(text, result):
            return result
        again = normalize(result)
        if again == result:
            return result
        text, result = result, again
    return result


def _may_protect_more(before: str, after: str) -> bool:
    """Whether a run created the start of a protected span (``<`` of an autolink, ``](``)."""
    return after.count("<") > before.count("<") or after.count("](") > before.count("](")


def normalize_text(text: str, options: PunctOptions, *, check_lines: bool = True) -> str:
    """Normalise plain text; the input object itself is returned when nothing changes.

    ``check_lines=False`` runs the rules on every line instead of only on the lines the cheap
    candidate search reports (used by tests to prove that search conservative).
    """
    return until_stable(lambda current: normalize_text_once(current, options, check_lines), text)


def normalize_text_once(text: str, options: PunctOptions, check_lines: bool = True) -> str:
    """One run of the rules over the text (`normalize_text` runs it to a fixed point)."""
    if not options.enabled or (check_lines and not document_may_change(text, options)):
        return text
    lines = candidate_lines(text, options, markdown=False, every_line=not check_lines)
    if not lines:
        return text
    run = Pass(options, markdown=False)
    spans = find_protected_spans(text)
    span_starts = [start for start, _ in spans]
    out: list[str] = []
    cur = 0
    for start, end in lines:
        content = text[start:end]
        if content.endswith("\r"):
            content, end = content[:-1], end - 1
        line = Line(_segments(content, start, spans, bisect_right(span_starts, start) - 1))
        normalize_line(line, run)
        new = line.raw
        if new != content:
            out.extend((text[cur:start], new))
            cur = end
    if not out:
        return text
    out.append(text[cur:])
    return "".join(out)


def _segments(content: str, pos: int, spans: list[Span], index: int) -> list[Segment]:
    """The line's text split into editable and protected segments."""
    segments: list[Segment] = []
    cur = pos
    end = pos + len(content)
    index = max(index, 0)
    while index < len(spans) and spans[index][0] < end:
        start, stop = max(spans[index][0], cur), min(spans[index][1], end)
        if start < stop:
            segments.append((EDIT, content[cur - pos : start - pos]))
            segments.append((KEEP, content[start - pos : stop - pos]))
            cur = stop
        index += 1
    segments.append((EDIT, content[cur - pos :]))
    return segments
