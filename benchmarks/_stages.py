"""Where one big page's time and memory go, stage by stage (a fresh process per run).

    python benchmarks/_stages.py clean_page 4      # one 4 MB page (corpus bodies in a shell)
    python benchmarks/_stages.py clean_html 32

Each named stage function is wrapped (module attribute replaced) to record its CPU time, the
resident set size at entry and exit, and the peak RSS while it ran. The peak is per stage: the
kernel's high-water mark (VmHWM) is reset at every stage entry by writing ``5`` to
``/proc/self/clear_refs`` (Linux ≥ 4.0) and read at exit, and an enclosing stage takes the max
of its children's peaks. Times are inclusive (a stage's children are in its time). Linux only.
"""

from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from pathlib import Path
from typing import Any

from _bigpage import page_of
from _inputs import DEFAULT_DIR, MB, concatenated, load

# (module, attribute) in call order; a class method is "Class.method".
PAGE_STAGES: tuple[tuple[str, str], ...] = (
    ("scrapedown.page.pipeline", "post_and_confidence"),
    ("scrapedown.page.pipeline", "parse_page"),
    ("scrapedown.page.extract", "choose_article"),
    ("scrapedown.page.extract", "score_page"),
    ("scrapedown.page.pipeline", "read_metadata"),
    ("scrapedown.page.extract", "prune_chrome"),
    ("scrapedown.page.extract", "prune_furniture"),
    ("scrapedown.page.confidence", "guard"),
    ("scrapedown.page.links", "resolve_relative_urls"),
    ("scrapedown.page.extract", "drop_title_heading"),
    ("scrapedown.page.extract", "inner_html"),
    ("scrapedown.page.pipeline", "render_front_matter"),
    ("scrapedown.page.pipeline", "clean_taken"),
)
# The stages of `clean` (also `stage_times.py`'s, over the corpus).
CLEAN_STAGES: tuple[tuple[str, str], ...] = (
    ("scrapedown.api", "clean_body"),
    ("scrapedown.api", "split_post"),
    ("scrapedown.parse.detect", "split_segments"),
    ("scrapedown.pipeline", "convert_regions"),
    ("scrapedown.pipeline", "html_to_markdown"),
    ("scrapedown.pipeline", "parse_tree"),
    ("scrapedown.pipeline", "apply_tree_rules"),
    ("scrapedown.parse.chunks", "soup_from_tree"),
    ("scrapedown.pipeline", "_soup_to_markdown"),
    ("scrapedown.pipeline", "apply_soup_rules"),
    ("scrapedown.convert.converter", "Converter.convert_tree"),
    ("scrapedown.convert.converter", "resolve_emphasis_markers"),
    ("scrapedown.pipeline", "tidy_markdown"),
    ("scrapedown.api", "_markdown_urls"),
    ("scrapedown.api", "_normalize"),
    ("scrapedown.api", "_settled"),
)
STAGES = PAGE_STAGES + CLEAN_STAGES


def _status(key: str) -> int:
    with Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    return 0


def _reset_peak() -> None:
    Path("/proc/self/clear_refs").write_text("5")


@dataclass
class Record:
    calls: int = 0
    cpu: float = 0.0
    entry: int = 0
    exit: int = 0
    peak: int = 0


@dataclass
class Recorder:
    records: dict[str, Record] = field(default_factory=dict)
    stack: list[tuple[str, int]] = field(default_factory=list)  # (stage, peak so far)

    def wrap(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(function)
        def staged(*args: Any, **kwargs: Any) -> Any:
            self._fold_peak()
            record = self.records.setdefault(name, Record())
            record.calls += 1
            if record.calls == 1:
                record.entry = _status("VmRSS:")
            self.stack.append((name, 0))
            _reset_peak()
            start = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                record.cpu += time.process_time() - start
                self._fold_peak()
                _, peak = self.stack.pop()
                record.peak = max(record.peak, peak)
                record.exit = _status("VmRSS:")
                if self.stack:  # the enclosing stage saw this peak too
                    outer, outer_peak = self.stack[-1]
                    self.stack[-1] = (outer, max(outer_peak, peak))

        return staged

    def _fold_peak(self) -> None:
        """Fold the high-water mark since the last reset into every open stage, then reset."""
        if self.stack:
            hwm = _status("VmHWM:")
            self.stack[:] = [(n, max(p, hwm)) for n, p in self.stack]
            _reset_peak()


def install(recorder: Recorder) -> None:
    for module_name, attribute in STAGES:
        module = importlib.import_module(module_name)
        owner: Any = module
        path = attribute.split(".")
        for part in path[:-1]:
            owner = getattr(owner, part)
        setattr(owner, path[-1], recorder.wrap(attribute, getattr(owner, path[-1])))


def main(argv: list[str]) -> int:
    converter, size = argv[0], float(argv[1])
    from scrapedown import clean_html, clean_page

    bodies = load(DEFAULT_DIR).bodies
    text = page_of(bodies, size) if converter == "clean_page" else concatenated(bodies, size)
    convert = clean_page if converter == "clean_page" else clean_html
    convert(page_of(bodies[:2], 0.001) if converter == "clean_page" else bodies[0])  # warm up
    del bodies
    recorder = Recorder()
    install(recorder)
    mb = len(text.encode("utf-8")) / MB
    before = _status("VmRSS:")
    _reset_peak()
    start = time.process_time()
    convert(text)
    cpu = time.process_time() - start
    peak = max([_status("VmHWM:"), *(r.peak for r in recorder.records.values())])
    print(f"{converter} on {mb:.1f} MB: {cpu:.1f} s CPU, RSS before {before / MB:.0f} MB,")
    growth = (peak - before) / (mb * MB)
    print(f"peak {peak / MB:.0f} MB ({peak / (mb * MB):.1f}× input, growth {growth:.1f}×)")
    print("| stage | calls | CPU s | share | RSS at entry | peak during | RSS at exit |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in recorder.records.items():
        print(
            f"| {name} | {r.calls} | {r.cpu:.2f} | {r.cpu / cpu * 100:.0f}% | {r.entry / MB:.0f}"
            f" | {r.peak / MB:.0f} | {r.exit / MB:.0f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
