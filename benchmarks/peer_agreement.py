"""Agreement with other converters' own test suites, per suite (for the README).

    python benchmarks/peer_agreement.py [--markdown] [--cases CATEGORY]

Runs every case of ``../shared/peer-cases/*.jsonl`` through ``clean_html`` and compares it with
the peer's expected output exactly as ``tests/test_peers.py`` does (both rendered by
markdown-it-py, whitespace normalised). Prints, per suite, the cases that agree out of all cases
and out of the cases that use no peer option we do not emulate, then how the disagreements are
explained: a category of ``tests/peer_differences.toml``, ``peer-option-not-supported``,
``our-bug`` (listed in ``OUR_BUGS``, xfail in the test), ``crash`` or ``disagree`` (unexplained:
the test fails on these). ``--cases CATEGORY`` lists the case ids of one outcome.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # `tests` is a package of the checkout, not of the install

from tests.test_peers import PeerCase, load_cases, outcome  # noqa: E402


def safe_outcome(case: PeerCase) -> str:
    try:
        return outcome(case)
    except Exception:  # a crash is an outcome to count here; the test reports the traceback
        return "crash"


def tally(cases: tuple[PeerCase, ...]) -> dict[str, Counter[str]]:
    """suite → Counter of outcomes."""
    table: dict[str, Counter[str]] = {}
    for case in cases:
        table.setdefault(case.suite, Counter())[safe_outcome(case)] += 1
    return table


def rate(agree: int, total: int) -> str:
    return f"{agree}/{total} ({agree / total:.0%})" if total else "-"


def rows(table: dict[str, Counter[str]]) -> list[tuple[str, str, str]]:
    """(suite, all cases, excluding option-specific) for each suite and the total."""
    result = []
    total_all, total_comparable, total_agree = 0, 0, 0
    for suite, counts in sorted(table.items()):
        n = sum(counts.values())
        comparable = n - counts["peer-option-not-supported"]
        result.append((suite, rate(counts["agree"], n), rate(counts["agree"], comparable)))
        total_all, total_comparable = total_all + n, total_comparable + comparable
        total_agree += counts["agree"]
    result.append(("all", rate(total_agree, total_all), rate(total_agree, total_comparable)))
    return result


def print_report(table: dict[str, Counter[str]], markdown: bool) -> None:
    header = ("suite", "agree / all cases", "agree / cases without unsupported peer options")
    if markdown:
        print("| " + " | ".join(header) + " |")
        print("|---|---:|---:|")
        for row in rows(table):
            print("| " + " | ".join(row) + " |")
    else:
        for row in (header, *rows(table)):
            print(f"{row[0]:<24} {row[1]:>18} {row[2]:>18}")
    print()
    overall = sum(table.values(), Counter())
    print("disagreements by category:")
    for category, count in overall.most_common():
        if category != "agree":
            print(f"  {category:<32} {count:>4}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--cases", metavar="CATEGORY", help="list the case ids of one outcome")
    args = parser.parse_args()
    cases = load_cases()
    if not cases:
        print("../shared/peer-cases is absent", file=sys.stderr)
        return 2
    if args.cases:
        for case in cases:
            if safe_outcome(case) == args.cases:
                print(case.id)
        return 0
    print_report(tally(cases), args.markdown)
    return 0


if __name__ == "__main__":
    sys.exit(main())
