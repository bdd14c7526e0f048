"""Stage 6: a cleaned tree to Markdown, with a `markdownify.MarkdownConverter` subclass.

markdownify does the walking; the overrides give the conventions of docs/conventions.md: ATX
headings, `-` bullets, backslash hard breaks, fenced code with its language, pipe tables (or
minimal HTML), escaping only where text would become Markdown syntax, and safe link/image
destinations.
"""

from __future__ import annotations

import re
from typing import Any

from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
    Tag,
)
from markdownify import ATX, BACKSLASH, STRIP

from scrapedown import commonmark
from scrapedown.chars import CJK_WIDE_CLASS
from scrapedown.convert.blocks import WHITESPACE, ListAndTableMarkup, ParentTags
from scrapedown.convert.breaks import SYNTAX as _SYNTAX
from scrapedown.convert.breaks import break_markdown
from scrapedown.convert.definitions import escape_accidental_definitions
from scrapedown.convert.escape import (
    drop_end_escape,
    escape_destination,
    escape_label,
    escape_line_start,
    escape_text,
    escape_title,
    resolve_emphasis_markers,
)
from scrapedown.convert.loose import loose_list_gaps
from scrapedown.convert.walk import (
    LIST_SEPARATOR,
    at_line_start,
    bare_entity_start,
    chomp,
    follows_space,
    ignorable_space,
    join_blocks,
    pre_text,
    separates_adjacent_lists,
    writes_nothing,
)
from scrapedown.options import Options
from scrapedown.parse.soup import is_blank_text
from scrapedown.tags import BLOCK_TAGS, HEADINGS, LISTS, TRIM_INSIDE, TRIM_OUTSIDE

_SKIPPED = (Comment, Doctype, CData, ProcessingInstruction, Declaration)
_NO_TAGS: ParentTags = frozenset()
_UNKNOWN = object()  # (a tag name whose conversion function is not looked up yet)

_CJK = CJK_WIDE_CLASS
# A line break between two CJK characters is not a space (CSS Text segment-break rules).
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n\s*(?=[{_CJK}])")
_AUTOLINKABLE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>\\]*$")
_UNESCAPE = re.compile(r"\\(.)")
_BACKTICKS = re.compile(r"`+")
_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")
_HEADING_CLOSER = re.compile(r"(\s)(#+)$")
_EDGE_BREAKS = re.compile(r"^(?:\\\n)+|(?:\\\n)+$")
_URL_SPACE = re.compile(r"[\t\n\r]")  # browsers drop these from URLs


_markdown_it = commonmark.text_renderer


_CODE_SPANS = frozenset({"code", "kbd", "samp"})


def _first_text_char(node: object) -> str:
    """The first character of text at `node`, looking into elements written as their bare
    content (unknown ones: `<b">…` is the element `b"`; `<u>`, `<rt>`); "" for anything else."""
    for _ in range(8):
        if not (isinstance(node, Tag) and node.name not in _SYNTAX and node.contents):
            break
        node = node.contents[0]
    if isinstance(node, Tag) and node.name in _CODE_SPANS and node.get_text():
        return "`"  # a code span starts with its backtick: `--` then code is no setext line
    return str(node)[:1] if type(node) is NavigableString else ""


def _next_char(text: NavigableString) -> str | None:
    """The character a reader meets after `text` in its block ("" at its end), looking through
    blank text, elements that write nothing and wrappers written as their content; None when
    an element written as syntax comes first (or the walk gives up)."""
    node: Tag | NavigableString = text
    for _ in range(64):
        sibling = node.next_sibling
        while sibling is not None and (is_blank_text(sibling) or writes_nothing(sibling)):
            sibling = sibling.next_sibling
        if sibling is not None:
            if isinstance(sibling, Tag) and sibling.name in BLOCK_TAGS:
                return ""
            if isinstance(sibling, Tag) and sibling.name == "a" and _written_as_link(sibling):
                return "["  # a link starts `[` or `<` (autolink): the same to both escapes
            if _space_moves_out(sibling):
                return " "  # `<del>\ne` is written ` ~~e~~`: the space comes first
            first = _first_text_char(sibling)
            return first or None
        parent = node.parent
        if parent is None or parent.name in BLOCK_TAGS or parent.name == "[document]":
            return ""
        if parent.name in _SYNTAX:
            return None  # its closing syntax follows
        node = parent
    return None


def _space_moves_out(node: object) -> bool:
    """Whether `node` is emphasis whose text starts with a space, which the converter writes
    before its delimiters (markdownify's chomp), looking into nested emphasis and elements
    written as their bare content."""
    for _ in range(8):
        if not (isinstance(node, Tag) and node.contents):
            break
        if node.name in _SYNTAX and node.name not in _CHOMPED:
            break
        node = node.contents[0]
    return type(node) is NavigableString and node[:1].isspace()


_CHOMPED = frozenset({"b", "strong", "i", "em", "del", "s", "strike"})


def _written_as_link(link: Tag) -> bool:
    """Whether `convert_a` writes `link` as link syntax: a target and visible text."""
    return bool(str(link.get("href") or "").strip()) and bool(link.get_text().strip())


def _word_follows(text: NavigableString) -> bool:
    """Whether what follows is text starting with a character a backslash before it cannot
    escape (not ASCII punctuation, nor a space or line end), elements written as their bare
    content looked into."""
    node = text.next_sibling
    for _ in range(64):
        if type(node) is NavigableString:
            char = node[:1]
            return bool(char) and not (char.isspace() or char in _ESCAPABLE)
        if not isinstance(node, Tag) or node.name in _SYNTAX or not node.contents:
            return False
        node = node.contents[0]
    return False


# (and the noncharacters that stand for markers, tokens and kept escapes: escape.py)
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~") | frozenset(
    map(chr, range(0xFDD0, 0xFDF0))
)


def _unescaped(text: str) -> str:
    """`text` with its backslash escapes undone."""
    return _UNESCAPE.sub(r"\1", text) if "\\" in text else text


def _collapse_space(text: str) -> str:
    """`text` with each run of HTML white space one space, a line break between two CJK
    characters none. (Tabs, returns, newlines and form feeds are not printable: text without
    them and without two spaces in a row is already collapsed, and skips both patterns.)"""
    if "\n" in text:
        text = _CJK_BREAK.sub("", text)
    if "  " in text or not text.isprintable():
        text = WHITESPACE.sub(" ", text)
    return text


def _render(markdown: str) -> str:
    html: str = _markdown_it().render(markdown)
    return html


class Converter(ListAndTableMarkup):
    """markdownify with scrapedown's output conventions."""

    def __init__(self, options: Options) -> None:
        super().__init__(
            heading_style=ATX,
            bullets=options.bullet,
            strong_em_symbol="*",
            escape_asterisks=False,
            escape_underscores=False,
            escape_misc=False,
            newline_style=BACKSLASH,
            strip_document=STRIP,
            sub_symbol="<sub>",
            sup_symbol="<sup>",
            table_infer_header=True,
        )
        self._list_positions: dict[int, int] = {}
        self._contexts: dict[tuple[ParentTags, str], tuple[ParentTags, bool]] = {}
        self._table_shapes: dict[int, tuple[int, int]] = {}
        self._convert_fns: dict[str, Any] = {}

    def convert_tree(self, root: Tag) -> str:
        """Markdown for everything under `root`, without surrounding blank lines."""
        text: str = self.process_tag(root, parent_tags=frozenset())
        markdown = resolve_emphasis_markers(text.strip("\n"), _render)
        return escape_accidental_definitions(loose_list_gaps(markdown))

    # --- walking ----------------------------------------------------------------------------
    # markdownify's walker looks up the <pre> ancestor and copies the parent-tag set for every
    # element; this one carries both in an interned frozenset (same output, about half the time).

    def process_tag(self, node: Tag, parent_tags: ParentTags | None = None) -> str:
        name = node.name
        parent_tags = parent_tags or _NO_TAGS
        found = self._contexts.get((parent_tags, name))
        context, separates_lists = found or self._child_context(parent_tags, name)
        trim_inside = name in TRIM_INSIDE
        children = node.contents
        last = len(children) - 1
        parts: list[str] = []
        last_list = ""  # the kind of list of the last part not blank (an emptied list is)
        starts_line = False  # a part after the first starts a line: blocks to collapse
        for index, child in enumerate(children):
            if isinstance(child, Tag):
                part = self.process_tag(child, context)
                if part and child.name == last_list and separates_lists and not part.isspace():
                    parts.append(LIST_SEPARATOR)
                    starts_line = True
                child_list = last_list if part.isspace() else child.name * (child.name in LISTS)
            elif isinstance(child, NavigableString) and (
                type(child) is NavigableString or not isinstance(child, _SKIPPED)
            ):
                blank = not child or child.isspace()  # (`not child.strip()`, without a copy)
                if blank and ignorable_space(child, index, last, trim_inside):
                    continue
                part = self.process_text(child, context)
                child_list = ""
            else:
                continue
            if part:
                starts_line = starts_line or (part[0] == "\n" and bool(parts))
                parts.append(part)
                last_list = child_list
        text = join_blocks(parts) if starts_line and "pre" not in context else "".join(parts)
        convert = self._convert_fns.get(name, _UNKNOWN)
        if convert is _UNKNOWN:
            convert = self._convert_fns[name] = self.get_conv_fn_cached(name)
        return text if convert is None else convert(node, text, parent_tags=parent_tags)

    def _child_context(self, parent_tags: ParentTags, name: str) -> tuple[ParentTags, bool]:
        """The context of the children of a `name` element under `parent_tags`, and whether
        two adjacent lists there need `LIST_SEPARATOR` (kept per converter, looked up once)."""
        extra = {name}
        if name in HEADINGS or name in ("td", "th"):
            extra.add("_inline")
        if name in ("pre", "code", "kbd", "samp"):
            extra.add("_noformat")
        context = frozenset(parent_tags | extra)
        found = self._contexts[(parent_tags, name)] = (context, separates_adjacent_lists(context))
        return found

    # --- text -------------------------------------------------------------------------------

    def process_text(self, el: NavigableString, parent_tags: ParentTags | None = None) -> str:
        parent_tags = parent_tags or _NO_TAGS
        text = str(el)
        if "pre" not in parent_tags:
            text = _collapse_space(text)
            if text.startswith(" ") and follows_space(el):
                text = text[1:]  # `a <i> b</i>` shows one space (and a second pass sees one)
        formatted = "_noformat" not in parent_tags
        if formatted:
            in_table = "td" in parent_tags or "th" in parent_tags
            text = escape_text(text, in_link="a" in parent_tags, in_table=in_table)
        previous, following = el.previous_sibling, el.next_sibling
        parent_trims = el.parent is not None and el.parent.name in TRIM_INSIDE
        # (`trims_outside` written out: it runs twice per text node)
        if (isinstance(previous, Tag) and previous.name in TRIM_OUTSIDE) or (
            parent_trims and not previous
        ):
            text = text.lstrip(" \t\r\n")
        if (isinstance(following, Tag) and following.name in TRIM_OUTSIDE) or (
            parent_trims and not following
        ):
            text = text.rstrip()
        if not formatted:
            return text
        if text.endswith("\\\\") and el.endswith("\\") and _word_follows(el):
            text = text[:-1]  # doubled in case the next node began with punctuation: it does not
        # (escaped in case the next node continued it, `](`, `<b`, `&amp;`: bare when it does not)
        text = drop_end_escape(text, el, lambda: _next_char(el))
        text = bare_entity_start(text, el)  # (a `&` at the end: the next node may end it)
        if "_inline" not in parent_tags and at_line_start(el):
            # Text split in two nodes (an unwrapped element between) reads as one line start:
            # `-` then `…` is no list marker (escaped, the next pass drops the escape).
            peek = _first_text_char(following)
            escaped = escape_line_start(text.lstrip() + peek) if text.strip() else text.lstrip()
            text = escaped[: len(escaped) - len(peek)]
        if text.endswith("!") and isinstance(following, Tag) and following.name == "a":
            text = text[:-1] + "\\!"  # `!` then `[label](url)` would read as an image
        return text

    # --- inline -----------------------------------------------------------------------------

    def convert_a(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        if "_noformat" in parent_tags:
            return text
        if "\\\n" in text:
            text = _EDGE_BREAKS.sub("", text)
        prefix, suffix, text = chomp(text)
        if not text:
            return ""
        href = str(el.get("href") or "").strip()
        if not href.isprintable():  # (tab, CR and LF are not)
            href = _URL_SPACE.sub("", href)
        if not href:
            return prefix + text + suffix
        title = str(el.get("title") or "")
        if not title and _unescaped(text) == href and _AUTOLINKABLE.match(href):
            return f"{prefix}<{href}>{suffix}"
        title_part = f' "{escape_title(title)}"' if title.strip() else ""
        return f"{prefix}[{text}]({escape_destination(href)}{title_part}){suffix}"

    def convert_img(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        src = str(el.get("src") or "").strip()
        if not src:
            return ""
        alt = escape_label(str(el.get("alt") or ""))
        title = str(el.get("title") or "")
        title_part = f' "{escape_title(title)}"' if title.strip() else ""
        return f"![{alt}]({escape_destination(src)}{title_part})"

    def convert_code(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        # markdownify's: one backtick more than the longest run inside (spaced if it holds one)
        if "_noformat" in parent_tags:
            return text
        prefix, suffix, text = chomp(text)
        if not text:
            return ""
        longest = max(map(len, _BACKTICKS.findall(text))) if "`" in text else 0
        fence = "`" * (longest + 1)
        markdown = f"{prefix}{fence}{f' {text} ' if longest else text}{fence}{suffix}"
        if "td" in parent_tags or "th" in parent_tags:
            markdown = markdown.replace("|", "\\|")  # GFM splits cells even inside code spans
        return markdown

    convert_kbd = convert_samp = convert_code

    def convert_br(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        if "_noformat" in parent_tags:
            return "\n" if "pre" in parent_tags else " "
        if "td" in parent_tags or "th" in parent_tags:
            return "<br>"
        if "_inline" in parent_tags:
            return " "
        return break_markdown(el)

    # --- blocks -----------------------------------------------------------------------------

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: ParentTags) -> str:  # noqa: N802
        if "_inline" in parent_tags:
            return text
        text = WHITESPACE.sub(" ", text).strip()
        if not text:
            return ""
        text = _HEADING_CLOSER.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
        if text.startswith("#") and not text.strip("#"):
            text = "\\" + text  # `# #` would be an empty heading
        return f"\n\n{'#' * max(1, min(6, n))} {text}\n\n"

    def convert_pre(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        code = _LEADING_BLANK_LINES.sub("", pre_text(el)).rstrip()
        if not code:
            return ""
        fence = "`" * max(3, 1 + max((len(r) for r in _BACKTICKS.findall(code)), default=0))
        declared = el.get("class") or ""
        classes = declared.split() if isinstance(declared, str) else list(declared)
        language = next((c[9:] for c in classes if c.startswith("language-")), "")
        return f"\n\n{fence}{language}\n{code}\n{fence}\n\n"

    def convert_blockquote(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        markdown: str = super().convert_blockquote(el, text, parent_tags)
        # markdownify starts it with one newline: after inline text (`a<t><blockquote>`) the
        # quote would start on the next line, which the next pass reads as a new block
        return "\n" + markdown if markdown.startswith("\n>") else markdown

    def convert_hr(self, el: Tag, text: str, parent_tags: ParentTags) -> str:
        return "" if "_inline" in parent_tags else "\n\n---\n\n"
