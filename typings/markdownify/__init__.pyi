# Our own stub for the part of markdownify that scrapedown subclasses. The stub bundled with
# markdownify 1.2 declares only the constructor and `convert`, not the methods a subclass
# overrides or calls (`process_tag`, `options`, the `convert_*` family).
from collections.abc import Callable, Set
from typing import Any

from bs4.element import NavigableString, Tag

ATX: str
ATX_CLOSED: str
UNDERLINED: str
SPACES: str
BACKSLASH: str
ASTERISK: str
UNDERSCORE: str
LSTRIP: str
RSTRIP: str
STRIP: str
STRIP_ONE: str

class MarkdownConverter:
    options: dict[str, Any]
    def __init__(self, **options: Any) -> None: ...
    def convert(self, html: str) -> str: ...
    def convert_soup(self, soup: Any) -> str: ...
    def process_tag(self, node: Tag, parent_tags: Set[str] | None = ...) -> str: ...
    def process_text(self, el: NavigableString, parent_tags: Set[str] | None = ...) -> str: ...
    def get_conv_fn_cached(self, tag_name: str) -> Callable[..., str] | None: ...
    def convert_code(self, el: Tag, text: str, parent_tags: Set[str]) -> str: ...
    def convert_list(self, el: Tag, text: str, parent_tags: Set[str]) -> str: ...

def markdownify(html: str, **options: Any) -> str: ...
