"""Whole pages built at test time from corpus articles (read in place from ../shared/corpus,
never copied): each article's HTML body is wrapped in one of the chrome templates, so the
article text of every page is known exactly.

Also the measure of an extraction: letters and digits (Unicode L*/N* after NFKC, counted by
`scrapedown.safety.fidelity.visible` on the cleaned Markdown) of the known article against those of
the output, as multisets: recall = shared / article, precision = shared / output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt

from scrapedown.api import clean_html
from scrapedown.frontmatter.block import split_post
from scrapedown.page import clean_page
from scrapedown.parse.detect import split_segments
from scrapedown.safety.fidelity import visible
from tests.page_fixtures.templates import TEMPLATES, Facts

#: Corpus files whose bodies are articles (scraped Hexo posts, MDN pages, Medium exports).
CORPUS_PREFIXES = ("zfour-", "mdn-", "knative-")


@dataclass(frozen=True)
class WrappedPage:
    name: str
    template: str
    page: str
    article: str
    """The article's HTML exactly as put in the page."""
    chrome: tuple[str, ...]
    """Chrome phrases that must not survive."""


@dataclass(frozen=True)
class Measure:
    shared: int
    """Letters/digits of the article found in the output (multiset intersection)."""
    article: int
    """Letters/digits of the article."""
    found: int
    """Letters/digits of the output."""
    leaked: tuple[str, ...]
    """Chrome phrases found in the output (and not in the article)."""
    post: str
    """The cleaned post."""

    @property
    def recall(self) -> float:
        return self.shared / self.article if self.article else 1.0

    @property
    def precision(self) -> float:
        return self.shared / self.found if self.found else 1.0


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")


def article_html(body: str) -> str:
    """A post body as HTML: Markdown parts rendered, HTML parts as they are."""
    return "\n".join(
        segment.text if segment.is_html else _markdown().render(segment.text)
        for segment in split_segments(body)
    )


def corpus_files(corpus: Path, prefixes: Iterable[str] = CORPUS_PREFIXES) -> list[Path]:
    wanted = tuple(prefixes)
    return sorted(p for p in corpus.iterdir() if p.name.startswith(wanted) and p.is_file())


def wrap(path: Path, index: int) -> WrappedPage:
    """The corpus file at `path` as a whole page in template `index` (modulo their number)."""
    front, body = split_post(path.read_text(encoding="utf-8"))
    data = front.data if front is not None else {}
    title = str(data.get("title") or path.stem)
    lang = "zh-CN" if path.name.startswith(("zfour-", "mdn-zh")) else "en"
    facts = Facts(title=title, author=str(data.get("author") or "Jane Doe"), lang=lang)
    article = article_html(body)
    template = TEMPLATES[index % len(TEMPLATES)]
    page, chrome = template(facts, article)
    return WrappedPage(path.name, template.__name__, page, article, chrome)


def wrapped_pages(corpus: Path) -> Iterator[WrappedPage]:
    for index, path in enumerate(corpus_files(corpus)):
        yield wrap(path, index)


def _letters(markdown: str) -> Counter[str]:
    return visible(split_post(markdown)[1]).chars


def measure(page: WrappedPage) -> Measure:
    """Letters/digits of the known article (cleaned alone) against the page's cleaned output."""
    truth_markdown = clean_html(page.article)
    output = clean_page(page.page)
    truth, found = _letters(truth_markdown), _letters(output)
    body = split_post(output)[1]
    leaked = tuple(p for p in page.chrome if p in body and p not in truth_markdown)
    return Measure(sum((truth & found).values()), truth.total(), found.total(), leaked, output)
