"""Does time grow linearly with input? Per-MB time of one converter at several scales.

Two layouts, because they fail differently: *documents* (the bodies repeated as more documents)
shows per-process state that grows with the batch (caches, leaks); *one document* (one body
repeated into a larger document) shows quadratic work inside a conversion (string building,
searching the whole tree from every node).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from _converters import Converter
from _inputs import concatenated, repeated, size_mb
from _report import percent, table
from _timing import Job, Timing, run_once, warm_up

DOCUMENTS = "documents"
ONE_DOCUMENT = "one document"
TOLERANCE = 0.25


@dataclass(frozen=True)
class Plan:
    layout: str
    scale: int
    documents: list[str]


@dataclass(frozen=True)
class ScalePoint:
    layout: str
    scale: int
    mb: float
    timing: Timing

    def per_mb(self, cpu: bool = False) -> float:
        """Median seconds per MB, wall clock or CPU."""
        return (self.timing.cpu_median if cpu else self.timing.median) / self.mb


def plans(
    bodies: Sequence[str], scales: Sequence[int], single_mb: float, max_single: int | None
) -> list[Plan]:
    """Both layouts at every scale; one-document scales above `max_single` left out."""
    single = concatenated(bodies, single_mb)
    found = [Plan(DOCUMENTS, scale, repeated(bodies, scale)) for scale in scales]
    found.extend(
        Plan(ONE_DOCUMENT, scale, ["\n".join([single] * scale)])
        for scale in scales
        if max_single is None or scale <= max_single
    )
    return found


def measure(converter: Converter, planned: Sequence[Plan], rounds: int) -> list[ScalePoint]:
    """About the same total work per scale: ceil(rounds / scale) rounds each, interleaved."""
    warm_up([Job(converter.name, converter.convert, planned[0].documents)])
    counts = [max(1, math.ceil(rounds / plan.scale)) for plan in planned]
    timings = [Timing() for _ in planned]
    for round_index in range(max(counts)):
        for plan, count, timing in zip(planned, counts, timings, strict=True):
            if round_index < count:
                timing.add(run_once(converter.convert, plan.documents))
    return [
        ScalePoint(plan.layout, plan.scale, size_mb(plan.documents), timing)
        for plan, timing in zip(planned, timings, strict=True)
    ]


def first(points: Sequence[ScalePoint], layout: str) -> ScalePoint:
    """The smallest scale of a layout: the reference of its deviations."""
    return next(point for point in points if point.layout == layout)


def deviation(points: Sequence[ScalePoint], point: ScalePoint, cpu: bool = False) -> float:
    """Relative change of per-MB time from the smallest scale of the same layout."""
    return point.per_mb(cpu) / first(points, point.layout).per_mb(cpu) - 1


def within_tolerance(points: Sequence[ScalePoint], cpu: bool = False) -> bool:
    return all(abs(deviation(points, point, cpu)) <= TOLERANCE for point in points)


def render(points: Sequence[ScalePoint], name: str) -> str:
    rows = []
    for point in points:
        is_first = point is first(points, point.layout)
        rows.append(
            [
                point.layout,
                f"{point.scale}×",
                f"{point.mb:.1f}",
                str(len(point.timing.seconds)),
                f"{point.per_mb():.2f}",
                "—" if is_first else percent(deviation(points, point)),
                f"{point.per_mb(cpu=True):.2f}",
                "—" if is_first else percent(deviation(points, point, cpu=True)),
            ]
        )
    heading = (
        f"{name}, median seconds per MB (wall and CPU), and the change from the smallest scale"
        " of the same layout (target within ±25%):"
    )
    headers = ["layout", "scale", "MB", "rounds", "wall s/MB", "vs 1×", "CPU s/MB", "vs 1×"]
    return f"{heading}\n\n{table(headers, rows)}"
