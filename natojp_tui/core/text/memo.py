"""``cache_short``: ``functools.lru_cache`` for pure functions of one short string."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Protocol, TypeVar, cast

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)


class ShortCached(Protocol[_T_co]):
    """A memoised function of one string, with ``lru_cache``'s ``cache_clear``."""

    def __call__(self, text: str, /) -> _T_co: ...

    def cache_clear(self) -> None: ...


def cache_short(
    longest: int = 80, maxsize: int = 16384
) -> Callable[[Callable[[str], _T]], ShortCached[_T]]:
    """Memoise a pure function of one string with ``functools.lru_cache``, for strings
    up to ``longest`` characters only (words and name runs recur across articles; a
    hostile megabyte token is computed, never kept). Cached values are shared: callers
    must not mutate them."""

    def decorate(fn: Callable[[str], _T]) -> ShortCached[_T]:
        cached = lru_cache(maxsize=maxsize)(fn)

        @wraps(fn)
        def call(text: str) -> _T:
            return cached(text) if len(text) <= longest else fn(text)

        call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
        return cast(ShortCached[_T], call)

    return decorate
