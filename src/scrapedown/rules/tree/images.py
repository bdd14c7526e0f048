"""Image rules (lxml phase, after the URL stage has read the lazy attributes): `<noscript>`
dropped, tracking pixels, the image attribute policy, file-name alt/title texts, lightbox
links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree

from scrapedown.options import Options
from scrapedown.parse.tree import Element, elements, is_element, remove, unwrap
from scrapedown.rules.tree.attributes import kept_attributes

# `image.png`, `IMG_0042.JPG`, `1616988569148032560.png`, a bare number: not a description.
_FILE_NAME = re.compile(
    r"^\s*(?:[\w.-]+\.(?:png|jpe?g|gif|webp|bmp|svg|tiff?|avif|heic|ico)|\d+|image|img|图片"
    r"|undefined|null|none)\s*$",
    re.IGNORECASE,
)
_IMAGE_PATH = re.compile(r"\.(?:png|jpe?g|gif|webp|bmp|svg|avif|heic)$", re.IGNORECASE)
_DIMENSION = re.compile(r"^\s*([01])(?:\.0*)?\s*(?:px)?\s*$")


def drop_noscript(root: Element, options: Options) -> None:
    """<noscript> goes with its content once the URL stage has taken its fallback images."""
    if "noscript" in options.drop_tags:
        for element in elements(root, "noscript"):
            remove(element)


def drop_tracking_pixels(root: Element, options: Options) -> None:
    """Remove 1×1 images and images left without a source."""
    for img in elements(root, "img"):
        if _is_pixel(img) or not img.get("src", "").strip():
            remove(img)


def _is_pixel(img: Element) -> bool:
    width, height = img.get("width"), img.get("height")
    return (
        width is not None
        and height is not None
        and bool(_DIMENSION.match(width))
        and bool(_DIMENSION.match(height))
    )


def strip_image_attributes(root: Element, options: Options) -> None:
    """The attribute policy for images, applied once the URL stage has read the lazy ones."""
    kept = kept_attributes(options.keep_attrs)
    anywhere = kept.get("*", frozenset())
    for element in elements(root, "img", "source", "picture", "amp-img"):
        attrib = element.attrib
        if attrib:
            allowed = kept.get(str(element.tag), frozenset()) | anywhere
            keep = [(name, value) for name, value in attrib.items() if name in allowed]
            if len(keep) < len(attrib):
                attrib.clear()  # one pass: deleting one by one is quadratic in their number
                for name, value in keep:
                    attrib[name] = value


def drop_file_name_texts(root: Element, options: Options) -> None:
    """Alt and title texts that are only a file name or a number say nothing: drop them."""
    for img in elements(root, "img"):
        for attr in ("alt", "title"):
            value = img.get(attr)
            if value is not None and (_FILE_NAME.match(value) or not value.strip()):
                del img.attrib[attr]


def unwrap_lightbox_links(root: Element, options: Options) -> None:
    """A link whose only content is an image and that points at that image (or at an image
    file: the full-size version) becomes the image alone."""
    for link in elements(root, "a"):
        image = _only_image(link)
        if image is None:
            continue
        href = link.get("href") or ""
        src = image.get("src") or ""
        if href == src or _IMAGE_PATH.search(urlsplit(href).path):
            unwrap(link)


def _only_image(link: Element) -> Element | None:
    """The image that is all `link` shows (whitespace and empty comments aside), or None."""
    if _shows(link.text):
        return None
    found: Element | None = None
    for child in link:
        if _shows(child.tail):
            return None
        if is_element(child):
            if found is not None or child.tag != "img":
                return None
            found = child
        elif isinstance(child, etree._Comment) and _shows(child.text):
            return None  # (a comment is a string of the link to BeautifulSoup)
    return found


def _shows(text: str | None) -> bool:
    return bool(text) and not text.isspace()  # type: ignore[union-attr]
