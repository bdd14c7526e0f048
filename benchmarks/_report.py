"""Formatting: the machine description and Markdown tables (pasteable into the README)."""

from __future__ import annotations

import hashlib
import os
import platform
import subprocess
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from _converters import package_version


@cache  # first called at start: later calls repeat the load average of the start of the run
def machine() -> str:
    """One line: OS, CPU, cores, memory, Python, and the load when the run started."""
    cpus = os.cpu_count() or 0
    parts = [
        f"{platform.system()} {platform.release()} {platform.machine()}",
        _cpu_model(),
        f"{cpus} CPUs",
        _memory(),
        f"{platform.python_implementation()} {platform.python_version()}",
    ]
    line = ", ".join(part for part in parts if part)
    load = _load()
    return f"{line}; load average {load:.2f} at start" if load is not None else line


def busy_warning() -> str | None:
    """A warning when others are using the CPUs: figures from such a run are indicative only."""
    load = _load()
    cpus = os.cpu_count() or 1
    if load is None or load < 0.25 * cpus:
        return None
    return (
        f"warning: load average {load:.2f} on {cpus} CPUs — the machine is busy; "
        "take final figures on a quiet machine"
    )


@cache  # first called at start: the code this process imported, not the files at the end
def code_version(root: Path) -> str:
    """scrapedown's version, commit and a digest of its source files.

    The digest tells two runs of an uncommitted working tree apart (the pipeline is being
    optimised between runs; `+dirty` alone would label both the same). Git is used read-only.
    """
    version = f"scrapedown {package_version('scrapedown')}"
    digest = f"src {_source_digest(root / 'src')}"
    try:
        commit = _git(root, "rev-parse", "--short", "HEAD")
        dirty = _git(root, "status", "--porcelain", "--", "src")
    except (OSError, subprocess.CalledProcessError):
        return f"{version} ({digest})"
    return f"{version} @ {commit}{'+dirty' if dirty else ''} ({digest})"


def source_changed(root: Path) -> str | None:
    """A warning when src/ no longer matches the start of the run (someone edited it meanwhile)."""
    started = code_version(root)
    now = _source_digest(root / "src")
    if now in started:
        return None
    return (
        f"warning: src/ changed during the run (now src {now}); this process measured the code"
        " it imported at start, fresh memory probes may have run newer code — rerun for clean"
        " figures"
    )


def _source_digest(src: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(src.rglob("*.py")):
        digest.update(path.relative_to(src).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: int = 1) -> str:
    """A Markdown table; columns from index `right` on are right-aligned (numbers)."""
    widths = [max(len(str(row[i])) for row in [headers, *rows]) for i in range(len(headers))]
    rules = [
        "-" * (width - 1) + (":" if index >= right else "-") for index, width in enumerate(widths)
    ]
    lines = [_row(headers, widths, right), _row(rules, widths, right)]
    lines.extend(_row(row, widths, right) for row in rows)
    return "\n".join(lines)


def ratio(value: float, base: float) -> str:
    """`value / base` to two decimals, "n/a" without a base (a skipped baseline)."""
    return f"{value / base:.2f}" if base > 0 else "n/a"


def percent(value: float) -> str:
    return f"{value * 100:+.0f}%"


def _row(cells: Sequence[str], widths: Sequence[int], right: int) -> str:
    padded = [
        cell.rjust(width) if index >= right else cell.ljust(width)
        for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
    ]
    return "| " + " | ".join(padded) + " |"


def _git(root: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(root), *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def _cpu_model() -> str:
    try:
        with Path("/proc/cpuinfo").open(encoding="utf-8") as lines:
            for line in lines:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _memory() -> str:
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return ""
    return f"{total / 2**30:.0f} GiB RAM"


def _load() -> float | None:
    try:
        return os.getloadavg()[0]
    except (OSError, AttributeError):
        return None
