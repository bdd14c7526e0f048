"""Image rules: tracking pixels, file-name alt/title texts, lightbox links."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4.element import Tag

from scrapedown.options import Options
from scrapedown.parse.soup import is_decomposed, tags_named
from scrapedown.rules.tree.attributes import kept_attributes

# `image.png`, `IMG_0042.JPG`, `1616988569148032560.png`, a bare number: not a description.
_FILE_NAME = re.compile(
    r"^\s*(?:[\w.-]+\.(?:png|jpe?g|gif|webp|bmp|svg|tiff?|avif|heic|ico)|\d+|image|img|图片"
    r"|undefined|null|none)\s*$",
    re.IGNORECASE,
)
_IMAGE_PATH = re.compile(r"\.(?:png|jpe?g|gif|webp|bmp|svg|avif|heic)$", re.IGNORECASE)
_DIMENSION = re.compile(r"^\s*([01])(?:\.0*)?\s*(?:px)?\s*$")


def drop_tracking_pixels(root: Tag, options: Options) -> None:
    """Remove 1×1 images and images left without a source."""
    for img in tags_named(root, "img"):
        if _is_pixel(img) or not str(img.get("src") or "").strip():
            img.decompose()


def _is_pixel(img: Tag) -> bool:
    width, height = img.get("width"), img.get("height")
    return (
        isinstance(width, str)
        and isinstance(height, str)
        and bool(_DIMENSION.match(width))
        and bool(_DIMENSION.match(height))
    )


def drop_file_name_texts(root: Tag, options: Options) -> None:
    """Alt and title texts that are only a file name or a number say nothing: drop them."""
    for img in tags_named(root, "img"):
        for attr in ("alt", "title"):
            value = img.get(attr)
            if isinstance(value, str) and (_FILE_NAME.match(value) or not value.strip()):
                del img[attr]


def unwrap_lightbox_links(root: Tag, options: Options) -> None:
    """A link whose only content is an image and that points at that image (or at an image
    file: the full-size version) becomes the image alone."""
    for link in tags_named(root, "a"):
        content = [c for c in link.contents if not (isinstance(c, str) and not c.strip())]
        if len(content) != 1 or not isinstance(content[0], Tag) or content[0].name != "img":
            continue
        href = str(link.get("href") or "")
        src = str(content[0].get("src") or "")
        if href == src or _IMAGE_PATH.search(urlsplit(href).path):
            link.unwrap()


def drop_noscript(root: Tag, options: Options) -> None:
    """<noscript> goes with its content once the URL stage has taken its fallback images."""
    if "noscript" in options.drop_tags:
        for element in tags_named(root, "noscript"):
            if not is_decomposed(element):
                element.decompose()


def strip_image_attributes(root: Tag, options: Options) -> None:
    """The attribute policy for images, applied once the URL stage has read the lazy ones."""
    kept = kept_attributes(options.keep_attrs)
    for element in tags_named(root, "img", "source", "picture", "amp-img"):
        if element.attrs:
            allowed = kept.get(element.name, frozenset()) | kept.get("*", frozenset())
            element.attrs = {k: v for k, v in element.attrs.items() if k in allowed}
