"""What every bench prints the same way: a figure beside its yardstick, measured
interleaved in one run, with min / median / max and the machine's load.

    rounds = interleave({"figure": clock(f), "yardstick": clock(g)}, runs=5)
    report("search 'siti'", rounds["figure"], "plain sqlite3", rounds["yardstick"], goal=...)

Interleaving (f, g, f, g, ...) makes both see the same load on a shared machine,
so their ratio stays meaningful when the absolute figures do not.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def load() -> str:
    """The load average beside the number of CPUs (a busy machine shows here)."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:  # Windows
        return f"load average: n/a on {os.cpu_count()} CPUs"
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1/5/15 min) on {os.cpu_count()} CPUs"


def clock(func: Callable[[], object]) -> Callable[[], float]:
    """A task for ``interleave``: runs ``func`` and returns its seconds."""
    def run() -> float:
        started = time.perf_counter()
        func()
        return time.perf_counter() - started
    return run


def interleave(tasks: dict[str, Callable[[], float]], runs: int, *, warm: int = 1) -> dict[str, list[float]]:
    """Run each task ``runs`` times, alternating between them; each call returns its seconds.
    ``warm`` rounds are run first and thrown away (file cache, imports)."""
    for _ in range(warm):
        for task in tasks.values():
            task()
    out: dict[str, list[float]] = {name: [] for name in tasks}
    for _ in range(runs):
        for name, task in tasks.items():
            out[name].append(task())
    return out


def spread(samples: list[float], unit: str = "ms") -> str:
    scale = 1000.0 if unit == "ms" else 1.0
    lo, mid, hi = min(samples), statistics.median(samples), max(samples)
    return f"min {lo * scale:8.1f}  median {mid * scale:8.1f}  max {hi * scale:8.1f} {unit}"


def report(figure: str, samples: list[float], yardstick: str | None = None, yard: list[float] | None = None,
           *, goal: str = "", unit: str = "ms") -> float | None:
    """Print the figure, its yardstick and the ratio of their medians; returns the ratio."""
    print(f"  {figure:<46} {spread(samples, unit)}  (n={len(samples)})")
    ratio = None
    if yard:
        print(f"  {'yardstick: ' + (yardstick or ''):<46} {spread(yard, unit)}  (n={len(yard)})")
        ratio = statistics.median(samples) / statistics.median(yard)
        print(f"  {'ratio of medians':<46} {ratio:8.2f}x" + (f"   goal: {goal}" if goal else ""))
    elif goal:
        print(f"  {'goal':<46} {goal}")
    return ratio
