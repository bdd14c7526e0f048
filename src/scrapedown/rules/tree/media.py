"""Media rule (lxml phase): `<video>`, `<audio>` and `<picture>` become what Markdown can show
of them.

Markdown has no video, so a video becomes a link to its file, showing its poster image when it
has one (`[![fallback](poster)](video.mp4)`), or the poster alone when there is no file. The
rule runs before the attributes are stripped (they hold the URLs) and before the URL stage,
which then resolves and unwraps these links and images like any other.
"""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urlsplit

from scrapedown.options import Options
from scrapedown.parse.tree import Element, elements, text_content, unwrap
from scrapedown.tags import BLOCK_TAGS, BLOCK_WRAPPERS
from scrapedown.urls.lazy import choose_picture_source, choose_source, is_placeholder
from scrapedown.urls.target import is_http_or_relative

MEDIA_TAGS: tuple[str, ...] = ("video", "audio")
# Where the file and the poster are found (lazy-loading players write the data- form).
MEDIA_SOURCE_ATTRS: tuple[str, ...] = ("src", "data-src")
POSTER_ATTRS: tuple[str, ...] = ("poster", "data-poster")
# Children that are not fallback content (lxml nests what follows them inside them).
_SOURCE_TAGS = ("source", "track")


def media_to_links(root: Element, options: Options) -> None:
    """Each `<video>`/`<audio>` becomes a link to its file (labelled by its fallback text, its
    poster or its file name) or, without a file, its poster image; with neither, its fallback
    content stays on its own. Fallback content with links, images or blocks stays, after the
    link. In a block wrapper, the link is a paragraph of its own (media are blocks there).
    A `<picture>`'s `<img>` gets its source from the picture's `<source>`s (`picture_sources`)."""
    picture_sources(root, options)
    for media in reversed(elements(root, *MEDIA_TAGS)):
        file_url, poster = _media_urls(media, options)
        for source in reversed(list(media.iter(*_SOURCE_TAGS))):
            unwrap(source)
        if not file_url and not poster:
            unwrap(media)
            continue
        plain = _plain_fallback(media)
        replacement = _replacement(media, file_url, poster, plain)
        if plain:
            _clear(media)
        parent = media.getparent()
        if parent is not None and parent.tag in BLOCK_WRAPPERS:
            paragraph = media.makeelement("p", {})
            paragraph.append(replacement)
            replacement = paragraph
        if not plain:  # the fallback reads after the link
            replacement.tail, media.text = " " + (media.text or ""), None
        media.insert(0, replacement)
        unwrap(media)


def _media_urls(media: Element, options: Options) -> tuple[str, str]:
    """(file, poster) of `media`, each "" when missing or unusable: a poster that is a
    placeholder would be dropped by the URL stage (and the link around it with it)."""
    file_url = _file_url(media)
    if not is_http_or_relative(file_url):
        file_url = ""  # `javascript:`, `data:`: the URL stage would leave only the label
    # Inside a link, a link of its own would nest: the outer link is what a reader follows.
    if any(ancestor.tag == "a" for ancestor in media.iterancestors()):
        file_url = ""
    poster = _first_attr(media, POSTER_ATTRS) if media.tag == "video" else ""
    if poster and is_placeholder(poster, options.urls.placeholder_names):
        poster = ""
    return file_url, poster


def _first_attr(element: Element, names: tuple[str, ...]) -> str:
    return next((v.strip() for n in names if (v := element.get(n)) and v.strip()), "")


def _file_url(media: Element) -> str:
    """The media's own source, else that of its first `<source>` that has one."""
    url = _first_attr(media, MEDIA_SOURCE_ATTRS)
    sources = media.iter("source")
    return url or next((u for s in sources if (u := _first_attr(s, MEDIA_SOURCE_ATTRS))), "")


def _plain_fallback(media: Element) -> bool:
    """Fallback content that can be a link label or an alt text: inline, without links or
    images of its own."""
    return not any(el.tag in BLOCK_TAGS or el.tag in ("a", "img") for el in elements(media))


def _replacement(media: Element, file_url: str, poster: str, plain: bool) -> Element:
    """`[fallback](file)`, `[![fallback](poster)](file)` or `![fallback](poster)`; a fallback
    that is not `plain` is left where it is, and the link is labelled by the file's name."""
    label = " ".join(text_content(media).split()) if plain else ""
    image: Element | None = None
    if poster:
        image = media.makeelement(
            "img", {"src": poster, "alt": label} if label else {"src": poster}
        )
    if not file_url:
        assert image is not None  # media with neither file nor poster are unwrapped instead
        return image
    link = media.makeelement("a", {"href": file_url})
    if image is not None:
        link.append(image)
    elif label:
        link.text, media.text = media.text, None
        for child in list(media):
            link.append(child)  # inline formatting of the label kept
    else:
        link.text = _file_label(file_url, str(media.tag))
    return link


def _clear(media: Element) -> None:
    media.text = None
    for child in list(media):
        media.remove(child)


def _file_label(url: str, kind: str) -> str:
    """A link needs visible text: the file's name (`clip.mp4`), else `video`/`audio`."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return kind
    name = unquote(posixpath.basename(path.rstrip("/"))).strip()
    return name or kind


def picture_sources(root: Element, options: Options) -> None:
    """The `<img>` of a `<picture>` gets the source the URL stage would choose from the
    picture's `<source srcset>`s — when it has no real source of its own (Medium writes none),
    or always under `urls.picture_prefer = "largest_source"` — before the presentational
    `<picture>` wrapper is unwrapped with the other wrappers."""
    urls = options.urls
    if not urls.enabled:
        return
    for picture in elements(root, "picture"):
        images = list(picture.iter("img"))
        if len(images) != 1:
            continue
        image = images[0]
        attrs = _attributes(image)
        if urls.picture_prefer != "largest_source" and choose_source(attrs, urls) is not None:
            continue
        sources = [_attributes(source) for source in picture.iter("source")]
        chosen = choose_picture_source(sources, urls)
        if chosen is not None:
            for name in (*urls.lazy_src_attrs, *urls.lazy_srcset_attrs):
                image.attrib.pop(name, None)
            image.set("src", chosen)


def _attributes(element: Element) -> dict[str, str]:
    """Attributes as the lazy-image functions read them: lower-case names, stripped values."""
    return {str(k).lower(): str(v).strip() for k, v in element.attrib.items()}
