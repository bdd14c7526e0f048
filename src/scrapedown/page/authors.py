"""Who wrote the article: author names from JSON-LD, `<meta>`, marked elements and the byline,
each cleaned to the name alone, or left out when it is no name.

What surrounds a name on real pages, and what becomes of it (patterns below, as data):
`By Jane Doe`, `Autor: Jane Doe`, `Text und Interview: Jane Doe` → `Jane Doe` (a label
before a colon); `View all posts by Jane Doe →`, `Zeige alle Beiträge von Jane Doe` →
`Jane Doe` (an author link's text); `Jane Doe @jdoe`, `Jane Doe jd@example.org`,
`Jane Doe (https://…)`, `<a href=…>Jane Doe</a>` written into a meta → `Jane Doe`.
Left out: a comment's author (`Jane says:`, `sarah sagt:`), a profile URL, a placeholder
(`admin`, `publisher`), a copyright line, a button (`View my complete profile`), and a byline
that runs on into the text after it (more than 8 words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from scrapedown.page import jsonld
from scrapedown.page.chrome import Element
from scrapedown.page.nearby import nearest_byline
from scrapedown.page.title import normalize_space

# `byl` is the byline as printed ("By Jane Doe"), which the New York Times states in a meta.
AUTHOR_KEYS = (
    "dc.creator", "dcterms.creator", "author", "article:author", "og:article:author",
    "citation_author", "parsely-author", "sailthru.author", "byl",
)  # fmt: skip
#: Link texts around an author's name (the start, lower-case), in the languages of the sets.
LINK_PREFIXES = (
    "view all posts by ", "all posts by ", "more posts by ", "posts by ", "articles by ",
    "stories by ", "more from ", "zeige alle beiträge von ", "alle beiträge von ",
    "alle artikel von ", "alles von ", "voir tous les articles de ", "tous les articles de ",
    "ver todas las entradas de ", "todas las entradas de ", "written by ", "beitrag von ",
)  # fmt: skip
#: Buttons an author box prints where a second name would stand (Blogger's profile link).
BUTTONS = (
    "view my complete profile", "afficher mon profil complet", "mein vollständiges profil",
    "ver todo mi perfil", "visualizza il mio profilo completo",
)  # fmt: skip
#: Values an author field holds that name no one.
PLACEHOLDERS = frozenset(
    {"admin", "administrator", "publisher", "webmaster", "author", "unknown", "root", "user"}
)
# "By Jane Doe" (a byline printed in a meta): the name alone. Not "von": von der Leyen.
_BY = re.compile(r"\A(?:by|par|por)\s+", re.IGNORECASE)
# A label before the name: up to three words and a colon (`Autor:`, `Text und Interview:`);
# the name after it starts with a capital.
_LABEL = re.compile(r"\A(?:[^\s:]++\s){0,2}[^\s:]++:\s")
# Markup written into a `content` attribute (`&lt;a href=…&gt;Jane Doe&lt;/a&gt;`).
_TAG = re.compile(r"<[^<>]*+>")
# A handle or an e-mail address after the name.
# Each part stops at the first `@` or `[` of a word and runs to its end once: linear.
_CONTACT = re.compile(r"\s(?:[^\s@]*+@|[^\s\[]*+\[at\])\S*+\Z")
# Not a name: a button, a copyright line; a comment's author ends in a verb and a colon.
_NOT_NAME = re.compile(r"\A(?:view|see|follow|subscribe|contact|more|copyright|©)\b|:\Z", re.I)
_MAX_NAME = 100
# The most words of a byline's name ("María de los Ángeles García López" has 6; two names
# with "and" 5 or 6); more is a name run into the text after it.
_MAX_NAME_WORDS = 8


def read_authors(
    doc: Element, article: Element, meta: dict[str, list[str]], node: jsonld.Node
) -> tuple[str, ...]:
    """Author names: JSON-LD, else the first author `<meta>` key, else `itemprop=author` or
    `rel=author` elements, else the article's byline."""
    for names in _sources(doc, meta, node):
        usable = [name for name in map(name_only, names) if name]
        if usable:
            return _without_wrappers(tuple(dict.fromkeys(usable)))
    byline = name_only(nearest_byline(doc, article))  # the last resort: a walk over the page
    if len(byline.split()) > _MAX_NAME_WORDS:
        return ()  # a name run into a headline or a comment: no author beats a wrong one
    return (byline,) if byline else ()


def _sources(doc: Element, meta: dict[str, list[str]], node: jsonld.Node) -> Iterator[list[str]]:
    """The names each source states, best first (the page is searched only when reached)."""
    yield jsonld.texts(node.get("author"))
    for key in AUTHOR_KEYS:
        yield meta.get(key, [])
    marked = doc.xpath("//*[@itemprop='author']|//a[contains(concat(' ',@rel,' '),' author ')]")
    yield [str(element.text_content()) for element in marked]


def name_only(value: str) -> str:
    """The name in an author value (see the module docstring), or an empty string."""
    name = _BY.sub("", normalize_space(_TAG.sub(" ", value)))
    lowered = name.casefold()
    if lowered.startswith(BUTTONS):
        return ""
    prefix = next((p for p in LINK_PREFIXES if lowered.startswith(p)), "")
    name = name[len(prefix) :].rstrip(" →»>›").strip()
    label = _LABEL.match(name)
    if label and name[label.end() :][:1].isupper():  # not `Jane Doe TOPICS: gas pipeline`
        name = name[label.end() :]
    cut = name.rfind("(")
    if name.endswith(")") and cut > 0 and "://" in name[cut:]:
        name = name[:cut].rstrip()
    name = _CONTACT.sub("", name).strip()
    if "://" in name or "@" in name or "[at]" in name or len(name) > _MAX_NAME:
        return ""  # a profile URL, an e-mail address alone
    if name.casefold() in PLACEHOLDERS:
        return ""
    return "" if _NOT_NAME.search(name) else name


def _without_wrappers(names: Sequence[str]) -> tuple[str, ...]:
    """`names` without those that hold another of them: the text of a link around the name
    (`Jane Doe – all her articles` beside `Jane Doe`)."""
    folded = [name.casefold() for name in names]
    return tuple(
        name
        for name, own in zip(names, folded, strict=True)
        if not any(other != own and other in own for other in folded)
    )
