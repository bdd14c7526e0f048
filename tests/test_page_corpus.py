"""Article extraction measured on corpus articles wrapped in page chrome at test time.

Every `zfour-*`, `mdn-*` and `knative-*` file of ../shared/corpus (read in place, skipped when
absent) has its body wrapped in one of the chrome templates of `tests/page_fixtures`. The
known article (cleaned alone) is compared with the cleaned page, on letters and digits counted
by `scrapedown.safety.fidelity.visible` as multisets: recall = shared / article, precision =
shared / output, summed over all pages.
`benchmarks/bench_page.py` prints the same figures in detail.
"""

from __future__ import annotations

from collections import defaultdict

import pytest

from scrapedown import clean
from tests.conftest import SHARED
from tests.page_fixtures.builder import Measure, WrappedPage, measure, wrapped_pages
from tests.page_fixtures.templates import TEMPLATES

CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def measured() -> list[tuple[WrappedPage, Measure]]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is not available (../shared is absent)")
    return [(page, measure(page)) for page in wrapped_pages(CORPUS)]


def _totals(rows: list[tuple[WrappedPage, Measure]]) -> tuple[float, float]:
    shared = sum(m.shared for _, m in rows)
    return shared / sum(m.article for _, m in rows), shared / sum(m.found for _, m in rows)


# The known article is the corpus file's whole body, and MDN bodies carry furniture the page
# stage now removes on purpose (a "相关链接"/related-links section, lists of forum threads):
# about 2% of their text. Recall below these bounds means article text is being lost.
RECALL = 0.97
TEMPLATE_RECALL = 0.95


def test_recall_and_precision_of_article_text(measured: list[tuple[WrappedPage, Measure]]) -> None:
    recall, precision = _totals(measured)
    assert len(measured) > 200
    assert recall >= RECALL, f"recall {recall:.4f}"
    assert precision >= 0.95, f"precision {precision:.4f}"


def test_every_template_on_its_own(measured: list[tuple[WrappedPage, Measure]]) -> None:
    by_template: dict[str, list[tuple[WrappedPage, Measure]]] = defaultdict(list)
    for page, result in measured:
        by_template[page.template].append((page, result))
    assert set(by_template) == {template.__name__ for template in TEMPLATES}
    for name, rows in by_template.items():
        recall, precision = _totals(rows)
        assert recall >= TEMPLATE_RECALL and precision >= 0.95, (name, recall, precision)


def test_cleaned_pages_are_clean(measured: list[tuple[WrappedPage, Measure]]) -> None:
    for _, result in measured[::5]:
        assert clean(result.post) == result.post


def test_no_chrome_text_survives(measured: list[tuple[WrappedPage, Measure]]) -> None:
    leaked = {page.name: result.leaked for page, result in measured if result.leaked}
    assert leaked == {}
