"""Timing for the few tests that guard against slow paths (quadratic work, a stuck regex).

A budget is checked against the CPU time of the test's own thread, with the garbage
collector paused and, where the work is cheap, the best of a few runs: a loaded machine,
another test's leftover heap (a full collection can take a second) or a cold cache does
not make the test fail; a slow path still does, by an order of magnitude.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """Collect now, then keep the garbage collector out of the measured work."""
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def cpu_time(work: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    """The least thread CPU time of ``repeat`` runs of ``work``, and its last result."""
    best = float("inf")
    result: T
    for _ in range(repeat):
        with collector_paused():
            started = time.thread_time()
            result = work()
            best = min(best, time.thread_time() - started)
    return best, result
