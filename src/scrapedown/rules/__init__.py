"""Stage 4: the DOM cleaning rules, in order, switchable by name through
`Options.disabled_rules` (the markdown-it-py `_rules` shape).

Two phases. The structural rules, the URL stage and the image rules run on the lxml tree
(`rule(root, options)`, root an lxml element): they touch every element, and lxml does it in
linear time, finding elements by name in C. The cleaned tree is then turned into a
BeautifulSoup tree (built from it directly, `parse.soup.soup_from_tree`), the tree markdownify
converts, where the remaining element-level rules run (`rule(root, options)`, root a bs4 Tag).
"""

from __future__ import annotations

from collections.abc import Callable

from bs4.element import Tag

from scrapedown.options import Options
from scrapedown.parse.tree import Element
from scrapedown.rules.soup import bold_headings, emphasis, tables
from scrapedown.rules.tree import (
    attributes,
    code,
    headings,
    images,
    links,
    lists,
    media,
    paragraphs,
    repair,
    structure,
    text,
    url_attributes,
)
from scrapedown.urls.tree import rewrite_urls_in_tree

TreeRule = Callable[[Element, Options], None]
SoupRule = Callable[[Tag, Options], None]


def rewrite_urls(root: Element, options: Options) -> None:
    """Lazy images resolved, proxies and redirects unwrapped, unsafe links dropped (always:
    with `options.urls.enabled` off only the unsafe links and images go)."""
    rewrite_urls_in_tree(root, options.urls, options.urls.base_url)


TREE_RULES: tuple[tuple[str, TreeRule], ...] = (
    ("flatten_deep_nesting", structure.flatten_deep_nesting),
    ("task_checkboxes", lists.mark_task_checkboxes),
    ("drop_junk", structure.drop_junk),
    ("media", media.media_to_links),
    ("heading_wrappers", headings.inline_heading_wrappers),
    ("repair_nesting", repair.repair_nesting),
    ("code_language", attributes.mark_code_language),
    ("strip_attributes", attributes.strip_attributes),
    ("url_attributes", url_attributes.normalize_url_attributes),
    ("text_whitespace", text.clean_text_whitespace),
    ("unwrap_inline_wrappers", structure.unwrap_inline_wrappers),
    ("code_blocks", code.code_with_breaks_to_blocks),
    ("links_out_of_code", code.links_out_of_code),
    ("links", links.tidy_links),
    ("paragraphs", paragraphs.make_paragraphs),
    ("remove_empty", structure.remove_empty),
    ("urls", rewrite_urls),
    ("drop_noscript", images.drop_noscript),
    ("tracking_pixels", images.drop_tracking_pixels),
    ("image_attributes", images.strip_image_attributes),
    ("image_texts", images.drop_file_name_texts),
    ("lightbox_links", images.unwrap_lightbox_links),
)
"""Structural rules, the URL stage and the image rules on the lxml tree, in the order they
run."""

SOUP_RULES: tuple[tuple[str, SoupRule], ...] = (
    ("emphasis", emphasis.fix_emphasis),
    ("tables", tables.prepare_tables),
    ("bold_headings", bold_headings.promote_bold_headings),
)
"""Element-level rules on the BeautifulSoup tree, in the order they run."""

RULE_NAMES: frozenset[str] = frozenset(name for name, _ in (*TREE_RULES, *SOUP_RULES))


def apply_tree_rules(root: Element, options: Options) -> None:
    """Run every enabled structural rule over the lxml tree under `root`."""
    # lxml makes a Python object for an element each time a walk reaches it, and frees it
    # when the walk's list goes; a dozen rules walk the whole tree. Held here, the objects of
    # the elements parsed are made once and found again by every walk.
    held = list(root.iter())
    for name, rule in TREE_RULES:
        if name not in options.disabled_rules:
            rule(root, options)
    del held


def apply_soup_rules(root: Tag, options: Options) -> None:
    """Run every enabled element-level rule over the BeautifulSoup tree under `root`."""
    for name, rule in SOUP_RULES:
        if name not in options.disabled_rules:
            rule(root, options)
