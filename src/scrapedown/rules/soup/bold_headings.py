"""The optional `bold_headings` rule: a paragraph that is one short bold run becomes a heading."""

from __future__ import annotations

from bs4.element import Tag

from scrapedown.options import Options
from scrapedown.parse.soup import tags_named


def promote_bold_headings(root: Tag, options: Options) -> None:
    """Optional: a paragraph that is one short bold run becomes a heading."""
    if not options.bold_headings:
        return
    level = max(1, min(6, options.bold_heading_level))
    for paragraph in tags_named(root, "p"):
        content = [c for c in paragraph.contents if not (isinstance(c, str) and not c.strip())]
        if len(content) == 1 and isinstance(content[0], Tag) and content[0].name == "strong":
            text = content[0].get_text().strip()
            if 0 < len(text) <= 60 and not text.endswith(("。", ".", "：", ":")):
                content[0].unwrap()
                paragraph.name = f"h{level}"
