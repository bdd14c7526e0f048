"""Which ``<noscript>`` fallback belongs to a scripted (lazy) image, for the URL stage
(`urls/tree.py`): the ``<noscript>`` holding one image next to the image, next to its sole-child
wrapper, or alone with it in a small wrapper such as a ``<figure>``.

Split from `urls/tree.py`, which rewrites the sources; this module only finds and reads.
"""

from __future__ import annotations

from lxml import etree

from scrapedown.parse.tree import Element, is_element

_MAX_WRAPPER_LEVELS = 3
_MAX_WRAPPER_CHILDREN = 3  # a figure: the image, its noscript copy, a caption
_TOP = frozenset({"body", "html"})


def elements_under(element: Element, name: str) -> list[Element]:
    """The elements named `name` under `element` (itself excluded), in document order."""
    return [e for e in element.iter(name) if e is not element]


def ancestor_named(element: Element, name: str) -> Element | None:
    return next(element.iterancestors(name), None)


def noscript_images(noscript: Element) -> list[Element]:
    """The images of a ``<noscript>``; its text is parsed first when a parser kept it as text."""
    images = elements_under(noscript, "img")
    if not images and "<img" in "".join(noscript.itertext()).lower():
        text = "".join(noscript.itertext())
        noscript.text = None
        for child in list(noscript):
            noscript.remove(child)
        parsed = _parse_fragment(text)
        for image in list(parsed.iter("img")) if parsed is not None else ():
            image.tail = None
            noscript.append(image)
        images = elements_under(noscript, "img")
    return images


def _parse_fragment(text: str) -> Element | None:
    if not text.strip():
        return None
    try:
        return etree.fromstring(text, etree.HTMLParser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def _blank_text(text: str | None) -> bool:
    return text is None or not text.strip()


def _element_neighbours(node: Element) -> list[Element]:
    """The previous and next element siblings, across whitespace and comments only."""
    found: list[Element] = []
    sibling = node.getprevious()
    text = sibling.tail if sibling is not None else _parent_text(node)
    while _blank_text(text) and sibling is not None:
        if is_element(sibling):
            found.append(sibling)
            break
        sibling = sibling.getprevious()
        text = sibling.tail if sibling is not None else _parent_text(node)
    text, sibling = node.tail, node.getnext()
    while _blank_text(text) and sibling is not None:
        if is_element(sibling):
            found.append(sibling)
            break
        text, sibling = sibling.tail, sibling.getnext()
    return found


def _parent_text(node: Element) -> str | None:
    parent = node.getparent()
    return parent.text if parent is not None else None


def _one_image_noscripts(parent: Element, images_of: dict[Element, list[Element]]) -> list[Element]:
    return [
        child for child in parent.iterchildren("noscript") if len(images_of.get(child, ())) == 1
    ]


def _count_elements(parent: Element, bound: int) -> int:
    """The number of child elements of `parent`, counted up to `bound`."""
    count = 0
    for _ in parent.iterchildren(etree.Element):
        count += 1
        if count >= bound:
            break
    return count


def _one_scripted_image(parent: Element) -> bool:
    scripted = [i for i in elements_under(parent, "img") if ancestor_named(i, "noscript") is None]
    return len(scripted) == 1


def paired_noscript(image: Element, images_of: dict[Element, list[Element]]) -> Element | None:
    """The ``<noscript>`` holding one image next to `image`, next to its sole-child wrapper
    (``<a><img></a><noscript>``), or alone with it in a small wrapper such as a ``<figure>``."""
    node = image
    for _ in range(_MAX_WRAPPER_LEVELS):
        for neighbour in _element_neighbours(node):
            if neighbour.tag == "noscript" and len(images_of.get(neighbour, ())) == 1:
                return neighbour
        parent = node.getparent()
        if parent is None or parent.tag in _TOP or parent.getparent() is None:
            return None
        # Counted up to the bound only: a parent of 100k images is looked at once per image.
        elements = _count_elements(parent, _MAX_WRAPPER_CHILDREN + 1)
        if elements <= _MAX_WRAPPER_CHILDREN:
            candidates = _one_image_noscripts(parent, images_of)
            if len(candidates) == 1 and _one_scripted_image(parent):
                return candidates[0]
        if elements != 1:
            return None
        node = parent
    return None
