"""Peak memory of one converter on one large document, in a fresh process.

Run by compare.py as ``python benchmarks/_memprobe.py CONVERTER FILE``; prints one JSON line.

Why peak RSS of a fresh process, not tracemalloc: tracemalloc sees only allocations made through
Python's allocator, not those of lxml/libxml2 or of a Rust extension, and it slows the run several
times over (so the time printed next to the memory would be wrong). Peak RSS is the kernel's
high-water mark of the whole process — what a user's machine actually has to provide — and a
fresh process per converter keeps one converter's heap (and the allocator's retained arenas) from
inflating the next one's figure.

Why ``VmHWM`` from /proc/self/status and not ``getrusage().ru_maxrss``: Linux carries ru_maxrss
over ``fork``/``vfork`` + ``execve`` (the old address space's high-water mark is folded into the
process's maxrss), so a child spawned by a benchmark process that already holds 500 MB reports
at least 500 MB, and ``RUSAGE_CHILDREN`` in the parent is the same number. Measured here: a
13 MB child reads 513 MB of ru_maxrss after its parent grew by 500 MB; its VmHWM stays 13 MB.
VmHWM belongs to the address space created by exec, so it is the child's own peak. Where
/proc is missing (macOS) ru_maxrss is the fallback, and the output says so.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from _converters import SPEC_BY_NAME, build

_RSS_UNIT = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
_TINY = "<p>warm <b>up</b> <a href='https://example.com/'>link</a></p>"


@dataclass(frozen=True)
class Probe:
    """One converter's figures on the large document (bytes and seconds)."""

    name: str
    baseline: int
    """Peak RSS after imports, a warm-up call and reading the document: before converting."""
    peak: int
    """Peak RSS at the end of the conversion."""
    seconds: float
    """Wall time of the conversion."""
    cpu_seconds: float
    """CPU time of the conversion (robust to other load on the machine)."""
    output_chars: int
    method: str
    """How the peak was read: "VmHWM" or "ru_maxrss"."""

    @property
    def growth(self) -> int:
        """What the conversion itself added on top of the baseline."""
        return self.peak - self.baseline


def _max_rss() -> tuple[int, str]:
    """This process's peak resident set size in bytes, and how it was read."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024, "VmHWM"  # the kernel writes kB
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * _RSS_UNIT, "ru_maxrss"


def measure(name: str, path: Path) -> Probe:
    """In this process: import, warm up, read, then convert once while watching the peak."""
    convert = build(SPEC_BY_NAME[name]).convert
    convert(_TINY)  # lazy imports and regex compilation belong to the baseline, not the peak
    document = path.read_text(encoding="utf-8")
    baseline, _ = _max_rss()
    wall, cpu = time.perf_counter(), time.process_time()
    output = convert(document)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak, method = _max_rss()
    return Probe(name, baseline, peak, wall, cpu, len(output), method)


def probe(name: str, path: Path) -> Probe:
    """`measure` in a fresh interpreter (same Python, same environment)."""
    command = [sys.executable, str(Path(__file__).resolve()), name, str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        raise RuntimeError(f"{name}: {lines[-1]}")
    return Probe(**json.loads(result.stdout.strip().splitlines()[-1]))


def main(argv: list[str]) -> int:
    name, path = argv
    found = measure(name, Path(path))
    print(json.dumps(asdict(found)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
