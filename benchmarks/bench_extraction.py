"""Article extraction on whole pages: scrapedown's `clean_page` beside trafilatura and
readability-lxml, on both page sets of ``../shared/pages``, in one run and one table.

Usage::

    python benchmarks/bench_extraction.py [--set eval|readability] [--limit N] [--only-ours]
        [-j JOBS] [--worst N] [--dump DIR] [--pages DIR]

Sets and their own metrics (``../shared/pages/README.md``):

- ``eval`` (trafilatura-eval, 990 pages): each page's ``with`` snippets must be in the article
  text, its ``without`` snippets must not; both whitespace-normalised; true/false positives and
  negatives summed over all pages; precision, recall, F1 from the sums.
- ``readability`` (readability-pages, 130 pages): text P/R/F1 of lowercased ``\\w+`` tokens
  (multisets) of the output against ``expected.html``, per page, averaged; structure recall
  for headings, list items, table cells, ``pre`` blocks, images (by file name, of the `src` or
  of any `srcset` candidate: the same picture at another size) and links of
  ``expected.html`` (by normalised text), pooled; metadata: title, author (byline) and date
  against ``expected-metadata.json`` where it has one.

The text scored is the article's *rendered* text: Markdown is rendered to HTML (markdown-it,
CommonMark + tables) and its markup stripped. For scrapedown the title goes to the front
matter, so it counts as a kept heading. Peers: trafilatura 2.3.1 ``extract()`` (text; Markdown
with links, images and tables on the readability set) and readability-lxml's ``summary()``.
Pages are decoded as the CLI decodes them. Times are CPU seconds of the tool's call alone.

``--worst N`` prints scrapedown's N worst pages per set (missed and leaked snippets, lowest
F1) and ``--dump DIR`` writes their outputs there, to look at.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from collections.abc import Callable
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from _extraction_sets import (
    SHARED,
    STRUCTURE,
    Output,
    eval_pages,
    readability_pages,
    score_eval,
    score_readability,
)

TIMEOUT = 20  # seconds per page and tool: a hang is reported, the run goes on
SLOW = 1.0
# ---------------------------------------------------------------- tools


def _render(markdown: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark").enable("table").enable("strikethrough").render(markdown))


def run_ours(page: str, kind: str) -> Output:
    from scrapedown.frontmatter.block import split_post
    from scrapedown.page import clean_page_result

    result = clean_page_result(page)
    front, body = split_post(result.text)
    data = dict(front.data) if front is not None else {}
    meta = {key: str(data.get(key) or "") for key in ("title", "author", "date")}
    return Output(html=_render(body), meta=meta, raw=result.text, low=result.low_confidence)


def run_trafilatura(page: str, kind: str) -> Output:
    import trafilatura

    if kind == "eval":
        return Output(text=trafilatura.extract(page) or "")
    markdown = trafilatura.extract(
        page, output_format="markdown", include_links=True, include_images=True,
        include_tables=True,
    )  # fmt: skip
    found = trafilatura.extract_metadata(page)
    meta = {}
    if found is not None:
        meta = {k: str(getattr(found, k) or "") for k in ("title", "author", "date")}
    return Output(html=_render(markdown or ""), meta=meta, raw=markdown or "")


def run_readability(page: str, kind: str) -> Output:
    from readability import Document

    document = Document(page)
    summary = document.summary(html_partial=True)
    return Output(html=summary, meta={"title": document.short_title() or ""}, raw=summary)


TOOLS: dict[str, Callable[[str, str], Output]] = {
    "scrapedown": run_ours,
    "trafilatura": run_trafilatura,
    "readability-lxml": run_readability,
}


def _alarm(signum: int, frame: Any) -> None:
    raise TimeoutError


def timed(tool: Callable[[str, str], Output], page: str, kind: str) -> Output:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(TIMEOUT)
    start = time.process_time()
    try:
        out = tool(page, kind)
    except TimeoutError:
        out = Output(error=f"timeout after {TIMEOUT} s")
    except Exception as exc:  # a peer's crash is a figure, not the end of the run
        out = Output(error=f"{type(exc).__name__}: {exc}")
    finally:
        signal.alarm(0)
    out.seconds = time.process_time() - start
    return out


# ---------------------------------------------------------------- run


def work(job: tuple[str, str, str, dict[str, Any], tuple[str, ...]]) -> dict[str, Any]:
    kind, name, page, ref, tools = job
    rows: dict[str, Any] = {"name": name, "kind": kind}
    for tool in tools:
        out = timed(TOOLS[tool], page, kind)
        score = score_eval(out, ref) if kind == "eval" else score_readability(out, ref)
        score.update(seconds=out.seconds, error=out.error, raw=out.raw, low=out.low)
        rows[tool] = score
    return rows


def collect(args: argparse.Namespace, tools: tuple[str, ...]) -> dict[str, list[dict[str, Any]]]:
    sets = {"eval": eval_pages, "readability": readability_pages}
    results: dict[str, list[dict[str, Any]]] = {}
    for kind, pages in sets.items():
        if args.set not in (None, kind):
            continue
        jobs = []
        for index, (name, page, ref) in enumerate(pages(args.pages)):
            if args.limit and index >= args.limit:
                break
            jobs.append((kind, name, page, ref, tools))
        with Pool(args.jobs) as pool:
            results[kind] = list(pool.imap_unordered(work, jobs, chunksize=4))
    return results


def summary(kind: str, rows: list[dict[str, Any]], tool: str) -> list[str]:
    scores = [row[tool] for row in rows]
    seconds = [s["seconds"] for s in scores]
    cells = [tool, kind, str(len(rows))]
    if kind == "eval":
        tp, fn, fp = (sum(s[k] for s in scores) for k in ("tp", "fn", "fp"))
        p, r = tp / ((tp + fp) or 1), tp / ((tp + fn) or 1)
        cells += [f"{p:.3f}", f"{r:.3f}", f"{2 * p * r / ((p + r) or 1):.3f}"]
    else:
        cells += [f"{sum(s[k] for s in scores) / len(scores):.3f}" for k in ("p", "r", "f1")]
    cells += [str(sum(s["empty"] for s in scores)), str(sum(t > SLOW for t in seconds))]
    cells += [f"{1000 * sum(seconds) / len(seconds):.0f}", f"{1000 * max(seconds):.0f}"]
    cells.append(str(sum(bool(s["error"]) for s in scores)))
    lows = [s["low"] for s in scores if s["low"] is not None]
    cells.append(str(sum(lows)) if lows else "-")
    return cells


def structure_line(rows: list[dict[str, Any]], tool: str) -> str:
    parts = []
    for kind in STRUCTURE:
        found = sum(row[tool]["structure"][kind][0] for row in rows)
        total = sum(row[tool]["structure"][kind][1] for row in rows)
        parts.append(f"{kind} {found / (total or 1):.3f}")
    meta = []
    for key in ("title", "author", "date"):
        hits = [row[tool]["meta"][key] for row in rows if row[tool]["meta"][key] is not None]
        meta.append(f"{key} {sum(hits) / len(hits):.0%} of {len(hits)}" if hits else f"{key} -")
    return f"  {tool:<17} structure: {', '.join(parts)}\n  {'':<17} metadata: {', '.join(meta)}"


def report(results: dict[str, list[dict[str, Any]]], tools: tuple[str, ...]) -> None:
    head = ["tool", "set", "pages", "P", "R", "F1", "empty", ">1s", "ms/page", "max ms"]
    head += ["errors", "low conf"]
    table = [summary(kind, rows, tool) for kind, rows in results.items() for tool in tools]
    widths = [max(len(r[i]) for r in [head, *table]) for i in range(len(head))]
    for row in [head, *table]:
        cells = enumerate(zip(row, widths, strict=True))
        print("  ".join(cell.rjust(w) if i > 1 else cell.ljust(w) for i, (cell, w) in cells))
    if "readability" in results:
        print("readability-pages (structure recall pooled; metadata right where expected):")
        for tool in tools:
            print(structure_line(results["readability"], tool))


def worst(results: dict[str, list[dict[str, Any]]], count: int, dump: Path | None) -> None:
    def badness(row: dict[str, Any]) -> float:
        s = row["scrapedown"]
        return float(s["fp"] + s["fn"]) if row["kind"] == "eval" else 1 - s["f1"]

    for kind, rows in results.items():
        ranked = sorted(rows, key=badness, reverse=True)[:count]
        print(f"\nworst scrapedown pages of {kind}:")
        for row in ranked:
            s = row["scrapedown"]
            if kind == "eval":
                detail = f"missed {s['missed']} leaked {s['leaked']}"
            else:
                detail = f"P {s['p']:.2f} R {s['r']:.2f} F1 {s['f1']:.2f}"
            print(f"  {row['name']}: {detail} {s['error']}")
            if dump is not None:
                dump.mkdir(parents=True, exist_ok=True)
                out = dump / (row["name"].replace("/", "_") + ".md")
                out.write_text(s["raw"], encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("eval", "readability"))
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set")
    parser.add_argument("--only-ours", action="store_true", help="scrapedown alone")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--worst", type=int, default=0, help="list scrapedown's N worst pages")
    parser.add_argument("--dump", type=Path, help="write the worst pages' outputs here")
    parser.add_argument("--json", type=Path, help="write every page's scores there")
    parser.add_argument("--pages", type=Path, help="unpacked sets (default: read the archives)")
    args = parser.parse_args()
    tools = ("scrapedown",) if args.only_ours else tuple(TOOLS)
    start = time.perf_counter()
    results = collect(args, tools)
    if not results:
        print(f"no page sets under {SHARED}", file=sys.stderr)
        return 2
    report(results, tools)
    if args.json is not None:
        args.json.write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    if args.worst:
        worst(results, args.worst, args.dump)
    print(f"({time.perf_counter() - start:.0f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
