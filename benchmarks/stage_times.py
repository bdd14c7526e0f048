"""CPU seconds per pipeline stage and per rule over the corpus, without a profiler.

    python benchmarks/stage_times.py [clean_html|clean] [--passes 3] [DIR]

`clean_html` runs on the HTML bodies, `clean` on the whole posts (as `compare.py` does). Each
named stage function and each tree and soup rule is wrapped (module attribute replaced) to add
up its CPU time (`time.process_time`); times are inclusive (a stage's children are in its time)
and shares are of one pass. Unlike cProfile, which charges every Python call a fixed cost and
inflates small, often-called functions, the wrappers sit on a few dozen calls per document, so
the shares are those of a normal run. CPU time, not wall time: on a shared machine the waits
for a core are the neighbours', not the code's.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from _inputs import DEFAULT_DIR, load
from _stages import CLEAN_STAGES

import scrapedown
from scrapedown import rules

Totals = dict[str, float]

# Finer stages, timed too: where `clean` spends beyond `clean_html`'s stages.
FINER_STAGES: tuple[tuple[str, str], ...] = (
    ("scrapedown.pipeline", "inner_html"),
    ("scrapedown.pipeline", "split_at_breaks"),
    ("scrapedown.pipeline", "xml_compatible"),
    ("scrapedown.parse.detect", "_classify"),
    ("scrapedown.parse.detect", "_regions"),
    ("scrapedown.parse.detect", "_render"),
    ("scrapedown.api", "safe_body"),
)


def _timed(key: str, function: Callable[..., Any], totals: Totals) -> Callable[..., Any]:
    @wraps(function)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            totals[key] = totals.get(key, 0.0) + time.process_time() - start

    return timed


def instrument(totals: Totals) -> None:
    """Wrap every stage of `CLEAN_STAGES` and every rule, adding their CPU time to `totals`."""
    for module_name, attribute in CLEAN_STAGES + FINER_STAGES:
        module = importlib.import_module(module_name)
        owner, _, name = attribute.rpartition(".")
        holder = getattr(module, owner) if owner else module
        if hasattr(holder, name):  # (a finer stage another version may not have)
            setattr(holder, name, _timed(attribute, getattr(holder, name), totals))
    rules.TREE_RULES = tuple((n, _timed(f"tree:{n}", f, totals)) for n, f in rules.TREE_RULES)
    rules.SOUP_RULES = tuple((n, _timed(f"soup:{n}", f, totals)) for n, f in rules.SOUP_RULES)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "converter", nargs="?", choices=("clean_html", "clean"), default="clean_html"
    )
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--passes", type=int, default=3, help="passes to average (default 3)")
    args = parser.parse_args()
    inputs = load(args.directory)
    documents = inputs.bodies if args.converter == "clean_html" else inputs.posts
    convert: Callable[[str], str] = getattr(scrapedown, args.converter)
    totals: Totals = {}
    instrument(totals)
    for document in documents[:5]:  # warm-up: lazy imports, compiled patterns
        convert(document)
    totals.clear()
    gc.collect()
    start = time.process_time()
    for _ in range(args.passes):
        for document in documents:
            convert(document)
    per_pass = (time.process_time() - start) / args.passes
    print(f"{args.converter}: {per_pass:.3f} CPU s per pass over {len(documents)} documents")
    for key, seconds in sorted(totals.items(), key=lambda item: -item[1]):
        share = seconds / args.passes / per_pass
        print(f"  {key:36} {seconds / args.passes:7.3f} s {share:6.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
