"""Record every output scrapedown produces on the inputs we have, to compare before/after a change.

Usage:
    python benchmarks/snapshot.py record OUT.json [--only fixtures,corpus,peers,cases,pages]
    python benchmarks/snapshot.py compare BEFORE.json AFTER.json [--show N]

Inputs: ``fixtures/*/input.md`` (``clean``), ``../shared/corpus`` (``clean``), the HTML of
``../shared/peer-cases`` (``clean_html``), ``../shared/cases/lazy-img-cases.jsonl`` HTML
(``clean_html``) and both page sets of ``../shared/pages`` (``clean_page``, read from the
archives in place). Each output is stored whole, keyed by a stable id; an exception or a run over
the time limit is stored as ``!ERROR …``/``!TIMEOUT``. ``compare`` lists the ids whose output
changed (with a short diff) so that a refactor can be shown byte-identical.
"""

from __future__ import annotations

import argparse
import difflib
import json
import signal
import sys
import tarfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType

from scrapedown import clean, clean_html, clean_page

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SECONDS = 10  # one input taking longer than this is recorded as a hang
GROUPS = ("fixtures", "corpus", "peers", "cases", "pages")

Item = tuple[str, Callable[[str], str], str]


def _fixtures() -> Iterator[Item]:
    for path in sorted((REPO / "fixtures").glob("*/input.md")):
        yield f"fixtures/{path.parent.name}", clean, path.read_text(encoding="utf-8")


def _corpus() -> Iterator[Item]:
    folder = SHARED / "corpus"
    for path in sorted(folder.glob("*")) if folder.is_dir() else ():
        if path.suffix in {".md", ".html", ".txt"}:
            text = path.read_bytes().decode("utf-8", errors="replace")
            yield f"corpus/{path.name}", clean, text


def _jsonl(path: Path, prefix: str) -> Iterator[Item]:
    if not path.is_file():
        return
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        case = json.loads(line)
        html = case.get("html") or case.get("input")
        if isinstance(html, str):
            yield f"{prefix}/{case.get('id', number)}", clean_html, html


def _peers() -> Iterator[Item]:
    for path in sorted((SHARED / "peer-cases").glob("*.jsonl")):
        yield from _jsonl(path, "peers")


def _cases() -> Iterator[Item]:
    yield from _jsonl(SHARED / "cases" / "lazy-img-cases.jsonl", "cases/lazy")


def _pages() -> Iterator[Item]:
    from scrapedown.batch.io import decode  # the CLI's own decoding of page bytes

    for archive in ("trafilatura-eval", "readability-pages"):
        path = SHARED / "pages" / f"{archive}.tar.xz"
        if not path.is_file():
            continue
        with tarfile.open(path) as tar:
            for member in tar:
                if member.isfile() and member.name.endswith(".html"):
                    if member.name.endswith("expected.html"):
                        continue
                    data = tar.extractfile(member)
                    assert data is not None
                    text = decode(data.read(), html=True).text
                    yield f"pages/{member.name}", clean_page, text


SOURCES: dict[str, Callable[[], Iterator[Item]]] = {
    "fixtures": _fixtures,
    "corpus": _corpus,
    "peers": _peers,
    "cases": _cases,
    "pages": _pages,
}


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise TimeoutError


def _run(function: Callable[[str], str], text: str) -> str:
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.alarm(SECONDS)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return function(text)
    except TimeoutError:
        return "!TIMEOUT"
    except Exception as error:
        return f"!ERROR {type(error).__name__}: {error}"
    finally:
        signal.alarm(0)


def record(out: Path, groups: list[str]) -> None:
    outputs: dict[str, str] = {}
    for group in groups:
        for key, function, text in SOURCES[group]():
            outputs[key] = _run(function, text)
        print(f"{group}: {sum(k.startswith(group) for k in outputs)} outputs", file=sys.stderr)
    out.write_text(json.dumps(outputs, ensure_ascii=False, indent=0, sort_keys=True), "utf-8")


def compare(before: Path, after: Path, show: int) -> int:
    old = json.loads(before.read_text("utf-8"))
    new = json.loads(after.read_text("utf-8"))
    changed = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
    for key in changed[:show]:
        diff = difflib.unified_diff(
            old[key].splitlines(), new[key].splitlines(), "before", "after", lineterm="", n=1
        )
        print(f"## {key}\n" + "\n".join(list(diff)[:30]))
    for key in changed[show:]:
        print(f"## {key}")
    missing = sorted(old.keys() ^ new.keys())
    print(f"{len(changed)} changed, {len(missing)} only on one side, {len(old)} before")
    return 1 if changed or missing else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("--only", default=",".join(GROUPS))
    cmp = sub.add_parser("compare")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    cmp.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    if args.command == "record":
        record(args.out, [g for g in args.only.split(",") if g in SOURCES])
        return 0
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
