"""``cache_short``: ``functools.lru_cache`` for pure functions of one short string."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import Any, Generic, Protocol, TypeVar, cast, overload

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


_O = TypeVar("_O")


class once(Generic[_O, _T]):  # a decorator, named like functools.cached_property
    """``functools.cached_property`` without its lock (Python 3.11 takes an RLock on every
    first read): the value is computed on the first read and kept in the instance's
    ``__dict__``, where later reads find it. For objects one thread reads at a time, such
    as the sentences of one article being extracted."""

    def __init__(self, fn: Callable[[_O], _T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type[Any] | None = None) -> once[_O, _T]: ...

    @overload
    def __get__(self, obj: _O, owner: type[Any] | None = None) -> _T: ...

    def __get__(self, obj: _O | None, owner: type[Any] | None = None) -> once[_O, _T] | _T:
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value
