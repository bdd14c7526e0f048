"""Whether an HTML region is written exactly as `parse_tree` + `inner_html` would give it back.

`pipeline.convert_regions` closes every region of a post (parses it and writes it out again)
before joining them, so that one region's open elements cannot swallow the next. Most regions
come back as they were (2,900 of the corpus's 3,471): `written_closed` recognises a strict
subset of those without parsing, and the region is used as it is: the same text, so the same
output.

The subset, each rule for a reason:

- complete tags and text only: no comment, no `<` or `>` in text or in a value (written
  `&lt;`, `&gt;`), no `&` but `&amp;`, no CR, nothing `xml_compatible` or `sanitize` changes
  (controls, U+FFFE/F, lone surrogates, `&#`), no leading white space nor BOM (libxml2 drops
  them), no tag of 8,000 characters or more (`cap_attributes`);
- lower-case names from the lists below; attributes written ` name="value"`, each name once,
  none that libxml2 writes without its value (`nowrap` …) or escapes (a `name`: `<a name>` is
  a URL to it), no tab or newline in a value; an element whose `href`, `src` or `action`
  `inner_html` protects from libxml2's escaping (`parse.tree.protect_uri_attributes`) has them
  last, in that order, as the renaming leaves them;
- every element closed by its own end tag, in order (voids never closed), at most 200 deep;
  phrasing elements and text only inside phrasing elements, paragraphs, headings, `<pre>`,
  `<dt>`, `<summary>` (of a `<details>`) and `<caption>`; lists hold `<li>` (`<dl>`: `<dt>`,
  `<dd>`), tables their caption, sections, rows and cells, with white space only between; no
  empty `<li>` (written without its end tag); no link in a link; `<li>`, `<dd>` and cells
  only in their lists and rows. So no start tag closes an open element (libxml2's implied end
  tags) and no element moves.

`tests/test_closed_regions.py` builds regions from this grammar and checks that closing gives
each back unchanged, and so for every corpus region it recognises. Linear: a few anchored or
possessive patterns and one pass over the tag names.
"""

from __future__ import annotations

import re

from scrapedown.safety import has_invalid_chars

PHRASING = frozenset(
    """a abbr b big cite code del dfn em font i ins kbd mark q s samp small span strike strong
    sub sup tt u var""".split()  # noqa: SIM905 (a list of names, one reading)
)
VOID = frozenset({"br", "img", "hr"})
_IN_PHRASING = PHRASING | {"br", "img"}
# Hold blocks, text and phrasing elements.
_FLOW_HOLDERS = frozenset(
    """div section article aside header footer nav main figure figcaption blockquote details li
    dd td th""".split()  # noqa: SIM905
)
# What may stand at the top (a body's content, as a region is parsed) and in a flow holder.
_FLOW = (
    (_FLOW_HOLDERS - {"li", "dd", "td", "th"})
    | PHRASING
    | VOID
    | {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "dl", "table"}
)
_ALLOWED: dict[str, frozenset[str]] = {
    **dict.fromkeys(PHRASING, _IN_PHRASING),
    **dict.fromkeys(("p", "h1", "h2", "h3", "h4", "h5", "h6", "pre"), _IN_PHRASING),
    **dict.fromkeys(("dt", "summary", "caption"), _IN_PHRASING),
    **dict.fromkeys(_FLOW_HOLDERS, _FLOW),
    "details": _FLOW | {"summary"},
    "ul": frozenset({"li"}),
    "ol": frozenset({"li"}),
    "dl": frozenset({"dt", "dd"}),
    "table": frozenset({"caption", "thead", "tbody", "tfoot", "tr"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
}
_MAX_DEPTH = 200

# Text (`&` only in `&amp;`) and strict tags, to the end. Each alternative starts with its own
# character, every quantifier possessive: one pass.
_VALUE = r'"[^"\t\n\r<>&]*+(?:&amp;[^"\t\n\r<>&]*+)*+"'
_START_TAG = rf"[a-z][a-z0-9]*+(?: [a-z][a-z0-9-]*+={_VALUE})*+"
_STRICT = re.compile(rf"(?:[^<>&\r]++|&amp;|<(?:/[a-z][a-z0-9]*+|{_START_TAG})>)*+")
_NAMES = re.compile(r"<(/?)([a-z][a-z0-9]*+)")
_LONG_TAG = re.compile(r"<[^>]{8000}")
# Text that is not white space where only elements may stand: after the start tag of a list,
# table or table part, or after the end tag of one of their children. And an empty `<li>`,
# which libxml2 writes without its end tag.
_TEXT_IN_STRUCTURE = re.compile(
    r"(?:<(?:ul|ol|dl|table|thead|tbody|tfoot|tr)(?: [^>]*+)?+>"
    r"|</(?:li|dt|dd|caption|thead|tbody|tfoot|tr|td|th)>)[ \t\n\f]*+[^ \t\n\f<]"
    r"|<li(?: [^>]*+)?+></li>"
)
# A tag with attributes: its name, and its attributes.
_WITH_ATTRIBUTES = re.compile(r'<([a-z][a-z0-9]*+)((?: [a-z][a-z0-9-]*+="[^"]*+")++)>')
_ATTRIBUTE_NAME = re.compile(r' ([a-z][a-z0-9-]*+)="')
# Written by libxml2 without their value, or escaped as a URL (`name` of an `<a>`).
_REFUSED = frozenset(
    """checked compact declare defer disabled ismap multiple nohref noresize noshade nowrap
    readonly selected""".split()  # noqa: SIM905
)
_URL_SAFE = r"A-Za-z0-9\-_.!~*'()@/:=?;#%&,+"
_PROTECTED = re.compile(rf' (?:href|src|action)="[{_URL_SAFE}]*+[^{_URL_SAFE}"]')
_URL_ORDER = ("href", "src", "action")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def written_closed(region: str) -> bool:
    """Whether `region` is in the subset of the module docstring (then closing it gives it
    back unchanged); False says nothing."""
    if not region or region[0] in " \t\n\f\r\ufeff" or "&#" in region or has_invalid_chars(region):
        return False
    if not region.isascii() and _LONE_SURROGATE.search(region):
        return False
    if _STRICT.fullmatch(region) is None or _LONG_TAG.search(region):
        return False
    if _TEXT_IN_STRUCTURE.search(region) or not _attributes_kept(region):
        return False
    return _well_nested(_NAMES.findall(region))


def _well_nested(tags: list[tuple[str, str]]) -> bool:
    """Whether the tags (closing slash, name) nest as the module docstring says."""
    stack: list[str] = []
    allowed = _FLOW
    in_link = False
    for slash, name in tags:
        if slash:
            if not stack or stack.pop() != name:
                return False
            in_link = in_link and name != "a"
        elif name not in allowed:
            return False
        elif name in VOID:
            continue
        else:
            if name == "a":
                if in_link:
                    return False
                in_link = True
            stack.append(name)
            if len(stack) > _MAX_DEPTH:
                return False
        allowed = _ALLOWED[stack[-1]] if stack else _FLOW
    return not stack


def _attributes_kept(region: str) -> bool:
    """Whether libxml2 writes every attribute back as it is, where it is."""
    for tag, attributes in _WITH_ATTRIBUTES.findall(region):
        if " " not in attributes[1:]:  # one attribute
            name = attributes[1 : attributes.index("=")]
            if name in _REFUSED or name.startswith("xmlns") or (tag == "a" and name == "name"):
                return False
            continue
        names = _ATTRIBUTE_NAME.findall(attributes)
        if len(set(names)) != len(names) or not _REFUSED.isdisjoint(names):
            return False
        if (tag == "a" and "name" in names) or any(n.startswith("xmlns") for n in names):
            return False
        if _PROTECTED.search(attributes):
            urls = [n for n in _URL_ORDER if n in names]
            if names[len(names) - len(urls) :] != urls:
                return False
    return True
