"""Which URLs may be fetched: http and https only, and no stray hops into private networks.

A URL the user typed (``natojp add URL``, ``natojp feeds add URL``) is trusted, host and
all. Anything reached from it — a feed item's link, a redirect — must be ``http`` or
``https``, and may reach a loopback, private, link-local or otherwise non-public address
only when the user added that host themselves.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit, urlunsplit

SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}

Resolver = Callable[[str, int], list[str]]


class UnsafeURL(ValueError):
    """A URL that is not fetched; the message says why in one line."""


def canonical_url(url: str) -> str:
    """The URL as it is stored and compared: scheme and host lower-cased, default port and
    fragment dropped, an empty path made ``/``. Refuses every scheme but http(s)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError as exc:
        raise UnsafeURL(f"{_short(text)}: not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        shown = f"'{scheme}:'" if scheme else "no scheme"
        raise UnsafeURL(f"{_short(text)}: refused ({shown}; only http and https URLs are fetched)")
    host = (parts.hostname or "").lower()
    if not host:
        raise UnsafeURL(f"{_short(text)}: refused (no host name)")
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise UnsafeURL(f"{_short(text)}: refused (spaces or control characters in the URL)")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        netloc += f":{port}"
    if parts.username or parts.password:
        raise UnsafeURL(f"{_short(text)}: refused (user name or password in the URL)")
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _short(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def system_resolve(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to (empty when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def is_public(address: str) -> bool:
    """True for a globally routable address (not loopback, private, link-local, reserved…)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class UrlPolicy:
    """Checks every URL before it is fetched. ``trust`` the URLs the user gave."""

    def __init__(self, trusted: Iterable[str] = (), resolve: Resolver = system_resolve) -> None:
        self.trusted_hosts: set[str] = set()
        self._resolve = resolve
        for url in trusted:
            self.trust(url)

    def trust(self, url: str) -> str:
        """Trust the host of a URL the user typed; returns the URL in canonical form."""
        canonical = canonical_url(url)
        self.trusted_hosts.add(host_of(canonical))
        return canonical

    def check(self, url: str, origin: str | None = None) -> str:
        """The canonical URL if it may be fetched (reached from ``origin``), else :class:`UnsafeURL`."""
        canonical = canonical_url(url)
        host = host_of(canonical)
        if host in self.trusted_hosts:
            return canonical
        parts = urlsplit(canonical)
        port = parts.port or _DEFAULT_PORTS[parts.scheme]
        try:
            addresses = [str(ipaddress.ip_address(host))]
        except ValueError:
            addresses = self._resolve(host, port)
        for address in addresses:
            if not is_public(address):
                came = f" (reached from {host_of(origin)})" if origin else ""
                raise UnsafeURL(
                    f"{_short(canonical)}: refused: {host} is a loopback or private address "
                    f"({address}){came}; add that URL yourself to allow it"
                )
        return canonical
