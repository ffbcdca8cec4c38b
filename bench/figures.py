"""A benchmark run's figures, errors and notes, and the timing helpers that fill them."""
from __future__ import annotations

import statistics
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator


@dataclass
class Results:
    figures: dict[str, float | int | str | None] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def put(self, key: str, value: Any) -> None:
        self.figures[key] = round(value, 4) if isinstance(value, float) else value

    @contextmanager
    def stage(self, key: str) -> Iterator[None]:
        """Run one measurement; a failure is recorded under its key and the run goes on."""
        try:
            yield
        except Exception as exc:  # a benchmark reports a broken stage, it does not stop at it
            self.errors[key] = f"{type(exc).__name__}: {exc}"[:500]
            print(f"  ! {key}: {self.errors[key]}", flush=True)


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def median_ms(function: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeats):
        value, seconds = timed(function)
        times.append(seconds * 1000)
    return statistics.median(times), value


def put_median(results: Results, key: str, samples: list[float]) -> None:
    """The median under `key`, every sample under `key`_samples (so a run's spread can be seen)."""
    results.put(key, statistics.median(samples))
    results.figures[key + "_samples"] = [round(x, 3) for x in samples]
