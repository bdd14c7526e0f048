"""Stage 4: the DOM cleaning rules, in order. Each is `rule(root, options) -> None` and can be
switched off by name through `Options.disabled_rules` (the markdown-it-py `_rules` shape)."""

from __future__ import annotations

from collections.abc import Callable

from bs4.element import Tag

from scrapedown.html import soup_of
from scrapedown.options import Options
from scrapedown.rules import attributes, code, emphasis, images, links, structure, tables, text

Rule = Callable[[Tag, Options], None]


def rewrite_urls(root: Tag, options: Options) -> None:
    """Lazy images resolved, proxies and redirects unwrapped, unsafe links dropped."""
    from scrapedown.urls import rewrite_urls as rewrite

    if options.urls.enabled:
        rewrite(soup_of(root), options, options.urls.base_url)  # <base href> lives in <head>


RULES: tuple[tuple[str, Rule], ...] = (
    ("flatten_deep_nesting", structure.flatten_deep_nesting),
    ("urls", rewrite_urls),
    ("drop_junk", structure.drop_junk),
    ("tracking_pixels", images.drop_tracking_pixels),
    ("code_language", attributes.mark_code_language),
    ("strip_attributes", attributes.strip_attributes),
    ("text_whitespace", text.clean_text_whitespace),
    ("unwrap_inline_wrappers", structure.unwrap_inline_wrappers),
    ("code_blocks", code.code_with_breaks_to_blocks),
    ("links_out_of_code", code.links_out_of_code),
    ("links", links.tidy_links),
    ("image_texts", images.drop_file_name_texts),
    ("lightbox_links", images.unwrap_lightbox_links),
    ("paragraphs", structure.make_paragraphs),
    ("remove_empty", structure.remove_empty),
    ("emphasis", emphasis.fix_emphasis),
    ("tables", tables.prepare_tables),
    ("bold_headings", emphasis.promote_bold_headings),
)
"""The rules in the order they run; names are what `Options.disabled_rules` refers to."""

RULE_NAMES: frozenset[str] = frozenset(name for name, _ in RULES)


def apply_rules(root: Tag, options: Options) -> None:
    """Run every enabled rule over the tree under `root`, in order."""
    for name, rule in RULES:
        if name not in options.disabled_rules:
            rule(root, options)
