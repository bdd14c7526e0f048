"""One line of text as segments: editable text, protected text, and hidden Markdown syntax.

The rules never see Markdown syntax: they run on the line's *view*, the concatenation of its
visible segments (what a reader sees), so that context crosses inline syntax (``**４**．０``,
``1．[3G](http://x)bps``). An edit is a replacement of a view range; it is applied only when every
character it covers is editable, so code, URLs and link targets stay byte-identical while still
counting as context.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

EDIT = 0
"""Visible text the rules may change."""
KEEP = 1
"""Visible text that must not change (code, URLs, e-mails, escaped characters)."""
HIDE = 2
"""Invisible syntax (emphasis markers, brackets, link targets, tags): neither seen nor changed."""

Segment = tuple[int, str]
Replacement = str | tuple[Segment, ...]
Edit = tuple[int, int, Replacement]


class Line:
    """A line's segments plus its view and the lookup tables the rules need."""

    __slots__ = ("_hidden", "_keep_ends", "_keep_starts", "segments", "view")

    def __init__(self, segments: Iterable[Segment]) -> None:
        self.segments: list[Segment] = _merged(segments)
        self.view = ""
        self._keep_starts: list[int] = []
        self._keep_ends: list[int] = []
        self._hidden: dict[int, str] = {}
        self._refresh()

    @property
    def raw(self) -> str:
        """The line as written: every segment, hidden syntax included."""
        return "".join(text for _, text in self.segments)

    def _refresh(self) -> None:
        if len(self.segments) == 1 and self.segments[0][0] == EDIT:
            self.view = self.segments[0][1]
            self._keep_starts, self._keep_ends, self._hidden = [], [], {}
            return
        view: list[str] = []
        pos = 0
        self._keep_starts, self._keep_ends, self._hidden = [], [], {}
        for kind, text in self.segments:
            if kind == HIDE:
                self._hidden[pos] = self._hidden.get(pos, "") + text
                continue
            if kind == KEEP:
                self._keep_starts.append(pos)
                self._keep_ends.append(pos + len(text))
            view.append(text)
            pos += len(text)
        self.view = "".join(view)

    # --- lookups ---------------------------------------------------------------------------

    def editable(self, start: int, end: int) -> bool:
        """Whether the view range [start, end) may be replaced (an empty range: inserted at)."""
        index = bisect_right(self._keep_starts, start) - 1
        if index >= 0 and self._keep_ends[index] > start:
            if start == end:
                return self._keep_starts[index] == start
            return False
        nxt = index + 1
        return nxt >= len(self._keep_starts) or self._keep_starts[nxt] >= end

    def hidden_at(self, pos: int) -> bool:
        """Whether hidden syntax sits between view characters pos-1 and pos."""
        return pos in self._hidden

    def raw_before(self, pos: int) -> str | None:
        """The raw character just before view position pos (hidden syntax included)."""
        hidden = self._hidden.get(pos)
        if hidden:
            return hidden[-1]
        return self.view[pos - 1] if pos > 0 else None

    def raw_after(self, pos: int) -> str | None:
        """The raw character just after view position pos (pos = end of a replaced range)."""
        hidden = self._hidden.get(pos)
        if hidden:
            return hidden[0]
        return self.view[pos] if pos < len(self.view) else None

    def raw_from(self, pos: int) -> str:
        """The raw text from view position pos to the end (hidden syntax at pos included)."""
        parts: list[str] = []
        offset = 0
        for kind, text in self.segments:
            if kind == HIDE:
                if offset >= pos:
                    parts.append(text)
                continue
            if offset + len(text) > pos:
                parts.append(text[max(pos - offset, 0) :])
            offset += len(text)
        return "".join(parts)

    # --- changes ---------------------------------------------------------------------------

    def apply(self, edits: Sequence[Edit]) -> bool:
        """Apply sorted, non-overlapping edits; those touching protected text are dropped."""
        allowed = [edit for edit in edits if self.editable(edit[0], edit[1])]
        if not allowed:
            return False
        if len(self.segments) == 1 and all(isinstance(edit[2], str) for edit in allowed):
            self.segments = [(EDIT, _splice(self.view, allowed))]
        else:
            self.segments = _merged(_apply_to_segments(self.segments, allowed))
        self._refresh()
        return True

    def translate(self, table: dict[int, str]) -> None:
        """Map characters of the editable segments through a str.translate table."""
        translated = [
            (kind, text.translate(table) if kind == EDIT else text) for kind, text in self.segments
        ]
        if translated != self.segments:
            self.segments = _merged(translated)
            self._refresh()

    def protect(self, ranges: Iterable[tuple[int, int]]) -> None:
        """Mark view ranges as protected (they stay visible as context)."""
        marks = sorted(ranges)
        if not marks:
            return
        out: list[Segment] = []
        pos = 0
        for kind, text in self.segments:
            if kind != EDIT:
                out.append((kind, text))
                pos += 0 if kind == HIDE else len(text)
                continue
            out.extend(_split_protected(text, pos, marks))
            pos += len(text)
        self.segments = _merged(out)
        self._refresh()


def _splice(view: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    cur = 0
    for start, end, replacement in edits:
        parts.append(view[cur:start])
        parts.append(replacement if isinstance(replacement, str) else "")
        cur = end
    parts.append(view[cur:])
    return "".join(parts)


def _apply_to_segments(segments: Sequence[Segment], edits: Sequence[Edit]) -> list[Segment]:
    out: list[Segment] = []
    pos = index = 0
    skip_to = 0  # an edit that spans hidden syntax deletes the rest of its range
    for kind, text in segments:
        if kind == HIDE:
            out.append((kind, text))
            continue
        end = pos + len(text)
        if kind == KEEP:
            out.append((kind, text))
            pos = end
            continue
        cur = min(max(skip_to, pos), end)
        while index < len(edits):
            start, stop, replacement = edits[index]
            if start > end or (start == end and stop > start):
                break
            out.append((EDIT, text[cur - pos : start - pos]))
            out.extend(((EDIT, replacement),) if isinstance(replacement, str) else replacement)
            index += 1
            cur = min(stop, end)
            if stop > end:
                skip_to = stop
                break
        out.append((EDIT, text[cur - pos :]))
        pos = end
    return out


def _split_protected(text: str, pos: int, marks: Sequence[tuple[int, int]]) -> list[Segment]:
    out: list[Segment] = []
    cur = pos
    end = pos + len(text)
    for start, stop in marks:
        if stop <= cur or start >= end:
            continue
        lo, hi = max(start, cur), min(stop, end)
        out.append((EDIT, text[cur - pos : lo - pos]))
        out.append((KEEP, text[lo - pos : hi - pos]))
        cur = hi
    out.append((EDIT, text[cur - pos :]))
    return out


def _merged(segments: Iterable[Segment]) -> list[Segment]:
    """Drop empty segments and join neighbours of the same kind."""
    out: list[Segment] = []
    for kind, text in segments:
        if not text:
            continue
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + text)
        else:
            out.append((kind, text))
    return out
