"""Article extraction from whole pages: recall and precision of article text, and speed.

Usage: ``python benchmarks/bench_page.py [DIR] [--worst N]`` (default DIR: ../shared/corpus).

Every ``zfour-*``, ``mdn-*`` and ``knative-*`` file of DIR has its body wrapped in one of the
chrome templates of ``tests/page_fixtures/templates.py`` (nav menu, header, sidebar with related
posts, footer, share buttons, cookie banner, comment widget …). The known article, cleaned on
its own, is compared with ``clean_page`` of the page on letters and digits (Unicode L*/N* after
NFKC, as counted by ``scrapedown.safety.fidelity.visible``) taken as multisets:

- recall = letters/digits of the article found in the output / letters/digits of the article
- precision = letters/digits of the article found in the output / letters/digits of the output

summed over all pages (and per template). Chrome phrases found in the output (and not in the
article) are listed. Speed is ``page_to_post`` alone, in MB/s of page HTML.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the page builder lives with the tests

from tests.page_fixtures.builder import Measure, WrappedPage, measure, wrapped_pages  # noqa: E402

from scrapedown.page import page_to_post  # noqa: E402

DEFAULT_DIR = REPO.parent / "shared" / "corpus"


def figures(rows: list[tuple[WrappedPage, Measure]]) -> tuple[float, float]:
    """(recall, precision) summed over `rows`."""
    shared = sum(m.shared for _, m in rows)
    article = sum(m.article for _, m in rows) or 1
    output = sum(m.found for _, m in rows) or 1
    return shared / article, shared / output


def report(rows: list[tuple[WrappedPage, Measure]], worst: int) -> None:
    recall, precision = figures(rows)
    print(f"pages: {len(rows)}   recall: {recall:.2%}   precision: {precision:.2%}")
    by_template: dict[str, list[tuple[WrappedPage, Measure]]] = defaultdict(list)
    for row in rows:
        by_template[row[0].template].append(row)
    for name, group in sorted(by_template.items()):
        r, p = figures(group)
        print(f"  {name:<14} {len(group):>4} pages   recall {r:.2%}   precision {p:.2%}")
    print(f"lowest recall (of {worst}):")
    for page, m in sorted(rows, key=lambda row: row[1].recall)[:worst]:
        print(f"  {m.recall:.2%}  {page.name} ({page.template})")
    print(f"lowest precision (of {worst}):")
    for page, m in sorted(rows, key=lambda row: row[1].precision)[:worst]:
        print(f"  {m.precision:.2%}  {page.name} ({page.template})")
    leaked = [(page.name, m.leaked) for page, m in rows if m.leaked]
    print(f"pages with chrome text in the output: {len(leaked)}")
    for name, phrases in leaked:
        print(f"  {name}: {', '.join(phrases)}")


def speed(pages: list[WrappedPage]) -> float:
    """MB/s of page HTML through `page_to_post`."""
    size = sum(len(page.page.encode("utf-8")) for page in pages)
    start = time.perf_counter()
    for page in pages:
        page_to_post(page.page)
    return size / (time.perf_counter() - start) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--worst", type=int, default=5, help="pages listed at the bottom")
    args = parser.parse_args()
    if not args.dir.is_dir():
        print(f"{args.dir}: not a directory", file=sys.stderr)
        return 2
    pages = list(wrapped_pages(args.dir))
    report([(page, measure(page)) for page in pages], args.worst)
    print(f"page_to_post: {speed(pages):.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
