"""The closing summary: the tables to paste into the README, and issue 7's targets.

Ratios rather than seconds (they travel between machines), each on wall time — what the issue's
targets are stated in — and on CPU time, which stays meaningful when the machine is shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import _linearity as linearity
from _converters import BASELINE, Converter
from _inputs import ROOT, Inputs
from _memprobe import Probe
from _report import code_version, machine, percent, ratio, table
from _timing import Timing

MEMORY_TARGET = 1.5  # issue 7: peak memory at most 1.5× markdownify's
SPEED_TARGET = 1.0  # issue 7: clean_html no slower than markdownify alone


@dataclass
class Results:
    """What the sections measured; None for a section that did not run."""

    speed: dict[str, Timing] | None = None
    memory: list[Probe] | None = None
    linearity: list[linearity.ScalePoint] | None = None


def render_summary(
    inputs: Inputs, converters: Sequence[Converter], results: Results, rounds: int
) -> str:
    parts = [
        f"Machine: {machine()}; {code_version(ROOT)}.\n"
        f"Inputs: {len(inputs.bodies)} HTML bodies ({inputs.bodies_mb:.2f} MB) and"
        f" {len(inputs.posts)} whole posts ({inputs.posts_mb:.2f} MB); median of {rounds}"
        " rounds, one process, converters interleaved."
    ]
    speed = results.speed
    if speed is not None and BASELINE in speed:
        base = speed[BASELINE]
        rows = [
            [
                c.label,
                c.feeds,
                ratio(speed[c.name].median, base.median),
                ratio(speed[c.name].cpu_median, base.cpu_median),
            ]
            for c in converters
        ]
        headers = ["converter", "input", "time ÷ markdownify", "CPU time ÷ markdownify"]
        parts.append(table(headers, rows, right=2))
    targets = _targets(results)
    if targets:
        headers = ["issue 7 target", "measured", "on CPU time", "met"]
        parts.append(table(headers, targets, right=3))
    return "\n\n".join(parts)


def _targets(results: Results) -> list[list[str]]:
    """The issue's three targets, on wall time (as stated) and on CPU time (robust to load)."""
    rows = []
    speed = results.speed
    if speed is not None and BASELINE in speed and "clean_html" in speed:
        mine, base = speed["clean_html"], speed[BASELINE]
        wall, cpu = mine.median / base.median, mine.cpu_median / base.cpu_median
        target = f"clean_html time ÷ markdownify ≤ {SPEED_TARGET}"
        rows.append([target, *_both(wall, cpu, wall <= SPEED_TARGET, cpu <= SPEED_TARGET)])
    if results.memory:
        probes = {p.name: p for p in results.memory}
        peak = probes["clean_html"].peak / probes[BASELINE].peak
        target = f"peak RSS ÷ markdownify ≤ {MEMORY_TARGET} (large body)"
        rows.append([target, f"{peak:.2f}", "—", _met(peak <= MEMORY_TARGET)])
    if results.linearity:
        points = results.linearity
        later = [p for p in points if p is not linearity.first(points, p.layout)]
        wall_text, cpu_text = (
            ", ".join(
                f"{p.layout} {p.scale}× {percent(linearity.deviation(points, p, cpu))}"
                for p in later
            )
            for cpu in (False, True)
        )
        ok_wall, ok_cpu = (linearity.within_tolerance(points, cpu) for cpu in (False, True))
        rows.append(
            [
                "clean_html per-MB time within ±25% of 1×",
                wall_text,
                cpu_text,
                _met_both(ok_wall, ok_cpu),
            ]
        )
    return rows


def _both(wall: float, cpu: float, ok_wall: bool, ok_cpu: bool) -> list[str]:
    return [f"{wall:.2f}", f"{cpu:.2f}", _met_both(ok_wall, ok_cpu)]


def _met_both(ok_wall: bool, ok_cpu: bool) -> str:
    if ok_wall == ok_cpu:
        return _met(ok_wall)
    return f"wall {_met(ok_wall)}, CPU {_met(ok_cpu)}"


def _met(ok: bool) -> str:
    return "yes" if ok else "**no**"
