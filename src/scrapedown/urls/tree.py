"""The pipeline's URL stage on the lxml tree: every image gets its real, unwrapped source;
unsafe links lose the link.

Taken on the cleaned lxml tree before the BeautifulSoup tree is built: lxml finds the
elements in C, where bs4 needed a walk in Python over every node for each step (the public
`scrapedown.urls.rewrite_urls` on a BeautifulSoup tree goes through here too, `urls/dom.py`).
Runs before ``<noscript>`` is removed, so that its fallback images can still be used: a
``<noscript>`` image paired with a scripted image gives that image its source and is removed
with its ``<noscript>`` (which one pairs with which image: `urls/noscript.py`); one that stands
alone is moved out, so that the later removal of ``<noscript>`` does not lose the article's
only copy.

What was removed (with what it held) is kept in a set, as bs4 marks a decomposed element.
"""

from __future__ import annotations

import re

from scrapedown.parse.tree import Element, remove, unwrap, unwrap_all
from scrapedown.urls.lazy import (
    choose_picture_source,
    choose_source,
    is_placeholder,
    kept_data_uri,
)
from scrapedown.urls.noscript import (
    ancestor_named,
    elements_under,
    noscript_images,
    paired_noscript,
)
from scrapedown.urls.options import UrlOptions
from scrapedown.urls.target import is_http_or_relative, is_unsafe_link, resolve, scheme_of
from scrapedown.urls.unwrap import may_be_absolute
from scrapedown.urls.unwrap import unwrap as unwrap_url
from scrapedown.urls.urlparts import normalize

_HIDDEN_STYLE_MARKERS = ("display:none", "visibility:hidden", "-9999")
_IMAGE_FILE_RE = re.compile(r"\.(?:avif|bmp|gif|ico|jpe?g|png|svg|tiff?|webp)$", re.IGNORECASE)
_IMAGE_FILE_ANYWHERE = re.compile(
    r"\.(?:avif|bmp|gif|heic|ico|jpe?g|png|svg|tiff?|webp)", re.IGNORECASE
)
_REWRITTEN = ("base", "amp-img", "img", "noscript", "a")


def _attrs(element: Element) -> dict[str, str]:
    """Attributes with lower-case names and stripped values."""
    return {name.lower(): value.strip() for name, value in element.attrib.items()}


class _Rewrite:
    """One tree's rewrite: its options, base URL, and the elements removed so far."""

    def __init__(self, options: UrlOptions, base: str | None) -> None:
        self.options = options
        self.base = base
        self.gone: set[Element] = set()

    def drop(self, element: Element) -> None:
        """Remove `element` with its content (its tail stays), as bs4's `decompose`."""
        self.gone.update(element.iter())
        remove(element)

    # --- images -------------------------------------------------------------------------

    def images(self, found: list[Element]) -> None:
        amp_images = _named(found, "amp-img")
        for amp_image in amp_images:
            amp_image.tag = "img"
        noscripts = _named(found, "noscript")
        images_of = {noscript: noscript_images(noscript) for noscript in noscripts}
        in_noscript = {image for images in images_of.values() for image in images}
        paired: set[Element] = set()
        sources: set[str] = set()
        for image in _named(found, "img"):
            if image in self.gone or image in in_noscript:
                continue
            noscript = paired_noscript(image, images_of)
            fallback = images_of[noscript][0] if noscript is not None else None
            if noscript is not None:
                paired.add(noscript)
            if self.finish_image(image, self.image_source(image, fallback)):
                sources.add(image.get("src", ""))
            if noscript is not None:
                self.drop(noscript)
        for noscript in noscripts:
            if noscript not in paired and noscript not in self.gone:
                self.rescue(noscript, images_of[noscript], sources)
        for image in amp_images:  # what an <amp-img> kept holds (`<amp-img src=…>text` left open)
            if image.getparent() is not None and _has_contents(image):  # shows after it
                _move_content_after(image)

    def image_source(self, image: Element, noscript_image: Element | None) -> str | None:
        """The raw real source of `image`, before resolution and unwrapping
        (docs/url-rules.md#lazy-images, step 4)."""
        options = self.options
        attrs = _attrs(image)
        choice = choose_source(attrs, options)
        url = choice.url if choice else None
        picture = ancestor_named(image, "picture")
        if picture is not None and (url is None or options.picture_prefer == "largest_source"):
            sources = [_attrs(source) for source in elements_under(picture, "source")]
            url = choose_picture_source(sources, options) or url
        if noscript_image is not None and (choice is None or choice.attr == "src"):
            fallback = choose_source(_attrs(noscript_image), options)
            if fallback is not None:
                url = fallback.url
                for name in ("alt", "title"):
                    if not attrs.get(name) and noscript_image.get(name):
                        image.set(name, _attrs(noscript_image)[name])
        return url or kept_data_uri(attrs, options)

    def finish_image(self, image: Element, url: str | None) -> bool:
        """Store the resolved, unwrapped `url` in ``src``, or remove the image when there is
        none; whether the image stays."""
        options, base = self.options, self.base
        if url is not None:
            url = normalize(url) or None  # as URL parsing reads it: lazy attributes are raw
        if url is not None and not url.startswith("data:"):
            url = unwrap_url(resolve(url, base), "img", base, options)
            if not is_http_or_relative(url) or is_placeholder(url, options.placeholder_names):
                url = None
        picture = ancestor_named(image, "picture")
        if picture is not None:
            # lxml does not know <source> is void and nests what follows (the img) inside it.
            for source in elements_under(picture, "source"):
                unwrap(source)
        if url is None:
            # An <amp-img> may hold fallback content (a <noscript> copy): keep that only.
            if _has_contents(image):
                unwrap(image)
            else:
                self.drop(image)
            return False
        for name in (*options.lazy_src_attrs, *options.lazy_srcset_attrs, "sizes", "data-sizes"):
            image.attrib.pop(name, None)
        image.set("src", url)
        return True

    def rescue(self, noscript: Element, images: list[Element], sources: set[str]) -> None:
        """Move the real images of an unpaired ``<noscript>`` out of it, unless shown."""
        for image in images:
            if image in self.gone or _is_hidden(image):
                continue
            if not self.finish_image(image, self.image_source(image, None)):
                continue
            source = image.get("src", "")
            if source not in sources:
                sources.add(source)
                _move_before(noscript, image)

    # --- links --------------------------------------------------------------------------

    def links(self, found: list[Element]) -> None:
        unsafe: list[Element] = []
        for link in _named(found, "a"):
            href = link.get("href")
            if link in self.gone or href is None:  # (gone with a <noscript>)
                continue
            href = href.strip()
            if is_unsafe_link(href):
                unsafe.append(link)  # (unwrapped together: a run of them stays linear)
            elif self.options.enabled:
                url = self.link_target(link, href)
                if url != link.get("href"):
                    link.set("href", url)
        unwrap_all(unsafe)

    def link_target(self, link: Element, href: str) -> str:
        """The resolved, unwrapped target of a link. A link around an image (a lightbox)
        whose target is an image file is unwrapped like an image, so that it can still be
        recognised as the same image (image proxies are opt-in for plain links)."""
        options, base = self.options, self.base
        url = resolve(normalize(href), base)
        if not options.links or (base is None and not may_be_absolute(url)):
            return url  # (nothing to unwrap, as an image or as a link: most links)
        unwrapped = unwrap_url(url, "link", base, options)
        # (the extension test first: it is cheap, and a subtree search per link is not)
        names_image_file = unwrapped == url and _IMAGE_FILE_ANYWHERE.search(url)
        if names_image_file and next(link.iter("img"), None) is not None:
            as_image = unwrap_url(url, "img", base, options)
            if _IMAGE_FILE_RE.search(as_image.split("?")[0].split("#")[0]):
                return as_image
        return unwrapped


def rewrite_urls_in_tree(root: Element, options: UrlOptions, base_url: str | None) -> None:
    """Rewrite every image and link under `root` in place (see the module docstring)."""
    found = [e for e in root.iter(*_REWRITTEN) if e is not root]  # one walk for every step
    rewrite = _Rewrite(options, _document_base(found, base_url))
    if options.enabled:
        rewrite.images(found)
    else:
        for image in _named(found, "img"):
            if is_unsafe_link(image.get("src", "").strip()):
                rewrite.drop(image)
    rewrite.links(found)


def _document_base(found: list[Element], base_url: str | None) -> str | None:
    """`base_url`, refined by a ``<base href>`` in the region when that gives an http(s) URL."""
    base = next((b for b in found if b.tag == "base" and b.get("href") is not None), None)
    if base is not None:
        resolved = resolve(base.get("href", "").strip(), base_url)
        if scheme_of(resolved) in ("http", "https"):
            return resolved
    return base_url


def _named(found: list[Element], name: str) -> list[Element]:
    """The elements of `found` now named `name`, in document order."""
    return [element for element in found if element.tag == name]


def _has_contents(element: Element) -> bool:
    """Whether the BeautifulSoup tree would give `element` any content: a child, or text that
    is not layout (an image's whitespace is layout only before a block child)."""
    return len(element) > 0 or bool(element.text)


def _is_hidden(image: Element) -> bool:
    style = image.get("style", "").strip().replace(" ", "").lower()
    return any(marker in style for marker in _HIDDEN_STYLE_MARKERS)


def _move_before(anchor: Element, element: Element) -> None:
    """Move `element` (without its tail, which stays where it was) before `anchor`."""
    parent = element.getparent()
    if parent is not None:
        tail, element.tail = element.tail, None
        previous = element.getprevious()
        parent.remove(element)
        if tail:
            if previous is None:
                parent.text = (parent.text or "") + tail
            else:
                previous.tail = (previous.tail or "") + tail
    anchor.addprevious(element)


def _move_content_after(element: Element) -> None:
    """Move the content of `element` (its text and children) right after it."""
    tail, children = element.tail, list(element)
    element.tail, element.text = element.text, None
    anchor = element
    for child in children:
        anchor.addnext(child)  # (with its tail)
        anchor = child
    if tail:
        anchor.tail = (anchor.tail or "") + tail
