"""Mapping positions in markdown-it's view of a document back to the original text.

markdown-it normalises line endings (CR LF and CR → LF) and NUL characters before parsing, and
hands each inline rule the *content* of a block (container markers and indentation removed), not
the source. A position in an inline token's content is mapped to its source line (the token's
``map`` gives the first one) and column (where the content line sits in the source line).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from markdown_it.token import Token

_NEWLINE_RE = re.compile(r"\r\n?|\n")
_LF_RE = re.compile("\n")


class LineMap:
    """Offsets in the normalised text of `text` ↔ offsets in `text` itself."""

    def __init__(self, text: str) -> None:
        self.text = text
        normalized = _NEWLINE_RE.sub("\n", text).replace("\0", "\ufffd")
        self.lines = normalized.split("\n")
        self.normalized_starts = [0]
        for line in self.lines[:-1]:
            self.normalized_starts.append(self.normalized_starts[-1] + len(line) + 1)
        self.original_starts = [0] + [match.end() for match in _NEWLINE_RE.finditer(text)]
        self._line_cursor: dict[int, int] = {}
        self._token_columns: dict[int, list[int | None]] = {}
        self._token_line_starts: dict[int, list[int]] = {}

    def original(self, start: int, length: int) -> str:
        """The original text at `start` (an offset in `text`)."""
        return self.text[start : start + length]

    def to_original(self, offset: int) -> int:
        """An offset in the normalised text as an offset in `text`."""
        line = bisect_right(self.normalized_starts, offset) - 1
        return self.original_starts[line] + offset - self.normalized_starts[line]

    def prepare(self, tokens: list[Token]) -> None:
        """Place every inline token, in document order (table cells share their line)."""
        for token in tokens:
            self._columns(token)

    def _columns(self, token: Token) -> list[int | None]:
        """Where each content line of an inline token starts in its source line."""
        cached = self._token_columns.get(id(token))
        if cached is not None:
            return cached
        first_line = token.map[0] if token.map else -1
        columns: list[int | None] = []
        for index, content_line in enumerate(token.content.split("\n")):
            line_number = first_line + index
            if not 0 <= line_number < len(self.lines):
                columns.append(None)
                continue
            columns.append(self._column(line_number, content_line, first=index == 0))
        self._token_columns[id(token)] = columns
        return columns

    def _column(self, line_number: int, content_line: str, *, first: bool) -> int | None:
        """Where `content_line` starts in its source line. markdown-it may have expanded a tab
        of the indentation into spaces: the leading whitespace is matched loosely (no
        destination starts inside it)."""
        source = self.lines[line_number]
        core = content_line.strip()
        lead = len(content_line) - len(content_line.lstrip())
        stripped = source.rstrip()
        if not first and core and stripped.endswith(core):
            return len(stripped) - len(core) - lead  # a continuation line is a suffix of its line
        # A first line follows container markers; table cells share a line, left to right.
        # In a cell markdown-it turns "\\|" into "|": only the text before a pipe is verbatim.
        verbatim = (core or content_line).split("|")[0] or core or content_line
        column = source.find(verbatim, self._line_cursor.get(line_number, 0))
        if column < 0:
            return None
        self._line_cursor[line_number] = column + len(verbatim)
        return column - lead

    def _content_line_starts(self, token: Token) -> list[int]:
        """Where each line of `token.content` starts (cached: a token may hold many places)."""
        cached = self._token_line_starts.get(id(token))
        if cached is None:
            cached = [0] + [m.end() for m in _LF_RE.finditer(token.content)]
            self._token_line_starts[id(token)] = cached
        return cached

    def locate(self, start: int | None, token: Token | None, inline_start: int) -> int | None:
        """The original offset of a destination: `start` in the normalised text, or
        `inline_start` in `token`'s content; None when it cannot be placed."""
        if start is not None:
            return self.to_original(start)
        if token is None or not token.map:
            return None
        line_starts = self._content_line_starts(token)
        line_index = bisect_right(line_starts, inline_start) - 1
        column = self._columns(token)[line_index]
        if column is None:
            return None
        line_start = line_starts[line_index]
        normalized = self.normalized_starts[token.map[0] + line_index] + column
        return self.to_original(normalized + inline_start - line_start)
