"""The tree rewrite: every image gets its real, unwrapped source; unsafe links lose the link.

Runs on a parsed HTML region before scripts, styles and ``<noscript>`` are removed, so that
``<noscript>`` fallbacks can still be used: a ``<noscript>`` image paired with a scripted image
gives that image its source and is removed with its ``<noscript>``; one that stands alone is
moved out, so that the later removal of ``<noscript>`` does not lose the article's only copy.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag
from bs4.element import Comment, NavigableString

from scrapedown.parse.siblings import Siblings, take_children
from scrapedown.parse.soup import (
    ancestor_named,
    children_named,
    first_named,
    is_decomposed,
    tags_named,
)
from scrapedown.urls.lazy import (
    choose_picture_source,
    choose_source,
    is_placeholder,
    kept_data_uri,
)
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.target import is_http_or_relative, is_unsafe_link, resolve, scheme_of
from scrapedown.urls.unwrap import unwrap
from scrapedown.urls.urlparts import normalize

_HIDDEN_STYLE_MARKERS = ("display:none", "visibility:hidden", "-9999")
_IMAGE_FILE_RE = re.compile(r"\.(?:avif|bmp|gif|ico|jpe?g|png|svg|tiff?|webp)$", re.IGNORECASE)
_MAX_WRAPPER_LEVELS = 3
_MAX_WRAPPER_CHILDREN = 3  # a figure: the image, its noscript copy, a caption


def _attrs(tag: Tag) -> dict[str, str]:
    """Attributes with lower-case names and stripped text values."""
    out: dict[str, str] = {}
    for name, value in tag.attrs.items():
        text = " ".join(value) if isinstance(value, list) else str(value)
        out[name.lower()] = text.strip()
    return out


def _document_base(found: list[Tag], base_url: str | None) -> str | None:
    """`base_url`, refined by a ``<base href>`` in the region when that gives an http(s) URL."""
    base_tag = next((b for b in found if b.name == "base" and b.has_attr("href")), None)
    if isinstance(base_tag, Tag):
        resolved = resolve(_attrs(base_tag).get("href", ""), base_url)
        if scheme_of(resolved) in ("http", "https"):
            return resolved
    return base_url


def _noscript_images(noscript: Tag) -> list[Tag]:
    """The images of a ``<noscript>``; its text is parsed first when a parser kept it as text."""
    images = tags_named(noscript, "img")
    if not images and "<img" in noscript.get_text().lower():
        fragment = BeautifulSoup(noscript.get_text(), "lxml")
        noscript.clear()
        for image in tags_named(fragment, "img"):
            noscript.append(image.extract())
        images = tags_named(noscript, "img")
    return [image for image in images if isinstance(image, Tag)]


def _element_neighbours(node: Tag) -> list[Tag]:
    """The previous and next element siblings, across whitespace and comments only."""
    found: list[Tag] = []
    for siblings in (node.previous_siblings, node.next_siblings):
        for sibling in siblings:
            if isinstance(sibling, Comment) or (
                isinstance(sibling, NavigableString) and not sibling.strip()
            ):
                continue
            if isinstance(sibling, Tag):
                found.append(sibling)
            break
    return found


def _one_image_noscripts(parent: Tag, images_of: dict[int, list[Tag]]) -> list[Tag]:
    return [
        child
        for child in children_named(parent, "noscript")
        if len(images_of.get(id(child), ())) == 1
    ]


def _count_elements(parent: Tag, bound: int) -> int:
    """The number of child elements of `parent`, counted up to `bound`."""
    count = 0
    for child in parent.children:
        if isinstance(child, Tag):
            count += 1
            if count >= bound:
                break
    return count


def _one_scripted_image(parent: Tag) -> bool:
    scripted = [i for i in tags_named(parent, "img") if not ancestor_named(i, "noscript")]
    return len(scripted) == 1


def _paired_noscript(image: Tag, images_of: dict[int, list[Tag]]) -> Tag | None:
    """The ``<noscript>`` holding one image next to `image`, next to its sole-child wrapper
    (``<a><img></a><noscript>``), or alone with it in a small wrapper such as a ``<figure>``."""
    node = image
    for _ in range(_MAX_WRAPPER_LEVELS):
        for neighbour in _element_neighbours(node):
            if neighbour.name == "noscript" and len(images_of.get(id(neighbour), ())) == 1:
                return neighbour
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
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


def _picture_choice(image: Tag, options: UrlOptions) -> str | None:
    picture = ancestor_named(image, "picture")
    if picture is None:
        return None
    sources = [_attrs(source) for source in tags_named(picture, "source")]
    return choose_picture_source(sources, options)


def _image_source(image: Tag, noscript_image: Tag | None, options: UrlOptions) -> str | None:
    """The raw real source of `image`, before resolution and unwrapping
    (docs/url-rules.md#lazy-images, step 4)."""
    attrs = _attrs(image)
    choice = choose_source(attrs, options)
    url = choice.url if choice else None
    if ancestor_named(image, "picture") is not None and (
        url is None or options.picture_prefer == "largest_source"
    ):
        url = _picture_choice(image, options) or url
    if noscript_image is not None and (choice is None or choice.attr == "src"):
        fallback = choose_source(_attrs(noscript_image), options)
        if fallback is not None:
            url = fallback.url
            for name in ("alt", "title"):
                if not attrs.get(name) and noscript_image.get(name):
                    image[name] = _attrs(noscript_image)[name]
    return url or kept_data_uri(attrs, options)


def _finish_image(image: Tag, url: str | None, options: UrlOptions, base: str | None) -> bool:
    """Store the resolved, unwrapped `url` in ``src``, or remove the image when there is none;
    whether the image stays."""
    if url is not None:
        url = normalize(url) or None  # as URL parsing reads it: lazy attributes are raw text
    if url is not None and not url.startswith("data:"):
        url = unwrap(resolve(url, base), "img", base, options)
        if not is_http_or_relative(url) or is_placeholder(url, options.placeholder_names):
            url = None
    picture = ancestor_named(image, "picture")
    if picture is not None:
        # lxml does not know <source> is void and nests what follows (the img) inside it.
        for source in tags_named(picture, "source"):
            source.unwrap()
    if url is None:
        # An <amp-img> may hold fallback content (a <noscript> copy): keep that, drop the rest.
        if image.contents:
            image.unwrap()
        else:
            image.decompose()
        return False
    for name in (*options.lazy_src_attrs, *options.lazy_srcset_attrs, "sizes", "data-sizes"):
        if name in image.attrs:
            del image[name]
    image["src"] = url
    return True


def _is_hidden(image: Tag) -> bool:
    style = _attrs(image).get("style", "").replace(" ", "").lower()
    return any(marker in style for marker in _HIDDEN_STYLE_MARKERS)


def _rewrite_images(found: list[Tag], options: UrlOptions, base: str | None) -> None:
    amp_images = _named(found, "amp-img")
    for amp_image in amp_images:
        amp_image.name = "img"
    noscripts = _named(found, "noscript")
    images_of = {id(noscript): _noscript_images(noscript) for noscript in noscripts}
    in_noscript = {id(image) for images in images_of.values() for image in images}
    paired: set[int] = set()
    sources: set[str] = set()
    for image in _named(found, "img"):
        if is_decomposed(image) or id(image) in in_noscript:
            continue
        noscript = _paired_noscript(image, images_of)
        fallback = images_of[id(noscript)][0] if noscript is not None else None
        if noscript is not None:
            paired.add(id(noscript))
        if _finish_image(image, _image_source(image, fallback, options), options, base):
            sources.add(str(image["src"]))
        if noscript is not None:
            noscript.decompose()
    for noscript in noscripts:
        if id(noscript) not in paired and not is_decomposed(noscript):
            _rescue_noscript_images(noscript, images_of[id(noscript)], sources, options, base)
    siblings = Siblings()
    for image in amp_images:  # what an <amp-img> kept holds (`<amp-img src=…>text` left open)
        if not is_decomposed(image) and image.contents:  # shows after it: an <img> holds none
            siblings.insert_after(image, *take_children(image))


def _rescue_noscript_images(
    noscript: Tag, images: list[Tag], sources: set[str], options: UrlOptions, base: str | None
) -> None:
    """Move the real images of an unpaired ``<noscript>`` out of it, unless already shown."""
    for image in images:
        if is_decomposed(image) or _is_hidden(image):
            continue
        if not _finish_image(image, _image_source(image, None, options), options, base):
            continue
        source = str(image["src"])
        if source not in sources:
            sources.add(source)
            noscript.insert_before(image.extract())


_IMAGE_FILE_ANYWHERE = re.compile(
    r"\.(?:avif|bmp|gif|heic|ico|jpe?g|png|svg|tiff?|webp)", re.IGNORECASE
)


def _link_target(link: Tag, href: str, options: UrlOptions, base: str | None) -> str:
    """The resolved, unwrapped target of a link. A link around an image (a lightbox) whose
    target is an image file is unwrapped like an image, so that it can still be recognised as
    the same image (image proxies such as CORS workers are opt-in for plain links)."""
    url = resolve(normalize(href), base)
    if not options.links:
        return url
    unwrapped = unwrap(url, "link", base, options)
    # (the extension test first: it is cheap, and a subtree search per link is not)
    names_image_file = unwrapped == url and _IMAGE_FILE_ANYWHERE.search(url)
    if names_image_file and first_named(link, "img") is not None:
        as_image = unwrap(url, "img", base, options)
        if _IMAGE_FILE_RE.search(as_image.split("?")[0].split("#")[0]):
            return as_image
    return unwrapped


def _rewrite_links(found: list[Tag], options: UrlOptions, base: str | None) -> None:
    for link in _named(found, "a"):
        if is_decomposed(link) or not link.has_attr("href"):  # (gone with a <noscript>)
            continue
        href = _attrs(link).get("href", "")
        if is_unsafe_link(href):
            link.unwrap()
        elif options.enabled:
            url = _link_target(link, href, options, base)
            if url != link.get("href"):
                link["href"] = url


def rewrite_tree(soup: BeautifulSoup, options: UrlOptions, base_url: str | None) -> None:
    """Rewrite every image and link of `soup` in place (see the module docstring)."""
    found = tags_named(soup, *_REWRITTEN)  # one walk over the tree for every step
    base = _document_base(found, base_url)
    if options.enabled:
        _rewrite_images(found, options, base)
    else:
        for image in _named(found, "img"):
            if is_unsafe_link(_attrs(image).get("src", "")):
                image.decompose()
    _rewrite_links(found, options, base)


_REWRITTEN = ("base", "amp-img", "img", "noscript", "a")


def _named(found: list[Tag], name: str) -> list[Tag]:
    """The elements of `found` now named `name`, in document order."""
    return [tag for tag in found if tag.name == name]
