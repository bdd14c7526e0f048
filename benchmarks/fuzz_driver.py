"""Run the fuzz properties on many generated documents, fast, and keep every failure.

    python benchmarks/fuzz_driver.py run --count 50000 --seed 1 --out /tmp/fuzz-1.jsonl
    python benchmarks/fuzz_driver.py minimise /tmp/fuzz-1.jsonl      # smallest input per kind

`run` draws documents from `tests.strategies.messy_posts` (tag soup, corpus snippets cut at
random points, CJK, emphasis markers, tables, lists, comments, entities, front matter) through
Hypothesis' generation phase only (no shrinking, no database: a failure does not stop the run),
or with `--generator markdown` from `benchmarks/fuzz_markdown.py` (Markdown constructs the
soup rarely makes: reference definitions, setext headings and HTML blocks of every kind beside
and inside lists and quotes, autolinks, entity edge cases); with `--variants N`, N more
documents per drawn one, spliced from pieces of recent ones cut at random points;
checks each with `tests.fuzz_properties.failures` (all properties, or with `--full-every N`
the `clean` ones on every document and all of them on every Nth), appends every failure to the
JSONL file (kind, detail, input) and prints a progress line every 1,000 documents. A document
that runs past `--hang-seconds` is recorded as ``hang``. Run it in the background under `timeout`.

`minimise` shrinks the input of each recorded failure (per kind, the smallest ones first) by
deleting chunks while the same kind of failure remains (ddmin), and prints the minimal inputs.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.fuzz_markdown import markdown_document
from hypothesis import HealthCheck, Phase, given, seed, settings
from tests.fuzz_properties import failures
from tests.strategies import messy_posts


class HangError(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise HangError


def checked(text: str, hang_seconds: int, *, full: bool = True) -> list[tuple[str, str]]:
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(hang_seconds)
    try:
        return failures(text, full=full)
    except HangError:
        return [("hang", f"over {hang_seconds} s")]
    finally:
        signal.alarm(0)


def run(
    count: int,
    seed_value: int,
    out: Path,
    hang_seconds: int,
    full_every: int,
    variants: int,
    generator: str = "messy",
) -> None:
    kinds: Counter[str] = Counter()
    done = [0]
    start = time.time()
    pool: list[str] = []
    chance = random.Random(seed_value)
    with out.open("a", encoding="utf-8") as log:

        def check(generated: str) -> None:
            pool.append(generated)
            del pool[:-_POOL_SIZE]
            for text in [generated, *(splice(pool, chance) for _ in range(variants))]:
                full = done[0] % full_every == 0
                for kind, detail in checked(text, hang_seconds, full=full):
                    kinds[kind] += 1
                    log.write(json.dumps({"kind": kind, "detail": detail, "input": text}) + "\n")
                done[0] += 1
                if done[0] % 1000 == 0:
                    log.flush()
                    rate = done[0] / (time.time() - start)
                    print(f"{done[0]} docs, {rate:.0f}/s, failures {dict(kinds)}", flush=True)

        drawn = max(1, count // (1 + variants))
        if generator == "markdown":  # plain random: a second generator on its own seed
            documents = random.Random(seed_value + 1)
            for _ in range(drawn):
                check(markdown_document(documents))
        else:
            _hypothesis_run(check, seed_value, drawn)
    print(f"DONE {done[0]} docs in {time.time() - start:.0f} s, failures {dict(kinds)}")


def _hypothesis_run(check: Callable[[str], None], seed_value: int, drawn: int) -> None:
    """`check` on `drawn` documents of `messy_posts`, generated only (no shrinking, no
    database: a failure does not stop the run)."""

    @seed(seed_value)
    @settings(
        max_examples=drawn,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(messy_posts())
    def one(generated: str) -> None:
        check(generated)

    one()


_POOL_SIZE = 200


def splice(pool: list[str], chance: random.Random) -> str:
    """A document made of two or three recently generated ones, each cut at random points
    (Hypothesis' generation costs several times a conversion: splicing is nearly free)."""
    parts = []
    for _ in range(chance.randint(2, 3)):
        text = chance.choice(pool)
        start = chance.randrange(len(text) + 1)
        parts.append(text[start : start + chance.randint(1, 1500)])
        parts.append(chance.choice(("", "", "\n", "\n\n", " ")))
    return "".join(parts)


def _same_kind(kind: str, hang_seconds: int) -> object:
    def still_fails(text: str) -> bool:
        return any(k == kind for k, _ in checked(text, hang_seconds))

    return still_fails


def ddmin(text: str, still_fails: object) -> str:
    """Delete chunks (halves, quarters … single characters) while the failure remains."""
    assert callable(still_fails)
    chunk = max(1, len(text) // 2)
    while chunk >= 1:
        index = 0
        while index < len(text):
            candidate = text[:index] + text[index + chunk :]
            if candidate and still_fails(candidate):
                text = candidate
            else:
                index += chunk
        chunk //= 2
    return text


def minimise(path: Path, per_kind: int, hang_seconds: int) -> None:
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    by_kind: dict[str, list[dict[str, str]]] = {}
    for record in records:
        by_kind.setdefault(record["kind"], []).append(record)
    seen: set[tuple[str, str]] = set()
    for kind, items in sorted(by_kind.items()):
        print(f"== {kind}: {len(items)} failures")
        for record in sorted(items, key=lambda r: len(r["input"]))[:per_kind]:
            small = ddmin(record["input"], _same_kind(kind, min(hang_seconds, 10)))
            if (kind, small) in seen:
                continue
            seen.add((kind, small))
            detail = next((d for k, d in failures(small) if k == kind), "")
            print(f"  {small!r}\n      {detail[:300]}", flush=True)


def main() -> None:
    warnings.simplefilter("ignore")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_parser = sub.add_parser("run")
    run_parser.add_argument("--count", type=int, default=10_000)
    run_parser.add_argument("--seed", type=int, default=0)
    run_parser.add_argument("--out", type=Path, required=True)
    run_parser.add_argument("--hang-seconds", type=int, default=20)
    run_parser.add_argument(
        "--full-every", type=int, default=1, help="all properties on every Nth document only"
    )
    run_parser.add_argument(
        "--variants", type=int, default=0, help="spliced documents per generated one"
    )
    run_parser.add_argument(
        "--generator",
        choices=("messy", "markdown"),
        default="messy",
        help="tests.strategies.messy_posts, or benchmarks/fuzz_markdown.py",
    )
    min_parser = sub.add_parser("minimise")
    min_parser.add_argument("path", type=Path)
    min_parser.add_argument("--per-kind", type=int, default=8)
    min_parser.add_argument("--hang-seconds", type=int, default=20)
    args = parser.parse_args()
    if args.command == "run":
        run(
            args.count,
            args.seed,
            args.out,
            args.hang_seconds,
            args.full_every,
            args.variants,
            args.generator,
        )
    else:
        minimise(args.path, args.per_kind, args.hang_seconds)


if __name__ == "__main__":
    main()
