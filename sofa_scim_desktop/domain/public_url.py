"""Whether Entra, calling from Microsoft's cloud, can reach a public base URL (SPEC §3, §8.2):
the rules behind the Connect Entra panel's warning, Access details' warning and the first step
of `sofa-scim check`, kept in one place.

Entra calls only HTTPS addresses on the internet: not this computer (loopback, `localhost`),
not a private, link-local or otherwise reserved range, and not a name that only a local
network resolves (a bare host name such as `sofa`, or `.local` / `.home.arpa` / `.internal`).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# The problems, in the order they are reported.
NOT_HTTPS = "not_https"
NO_HOST = "no_host"
LOCAL = "local"  # this computer
PRIVATE = "private"  # a private, link-local, shared or reserved address, or a local-only name
BARE_HOST = "bare_host"  # a name without a domain: only a local network can resolve it

# Special-use names that never resolve on the internet (RFC 6762 .local, RFC 8375 .home.arpa,
# ICANN's reserved .internal); .localhost is this computer (RFC 6761 §6.3).
LOCAL_ONLY_SUFFIXES = (".local", ".home.arpa", ".internal")


@dataclass(frozen=True)
class PublicUrl:
    """A public base URL taken apart, with what keeps Entra from reaching it."""

    url: str
    scheme: str
    host: str
    port: int | None  # None when absent or not a number (then `host` is "")
    path: str
    problems: tuple[str, ...]

    @property
    def reachable(self) -> bool:
        """A public HTTPS address, as far as the address itself tells."""
        return not self.problems


def address_problem(address: IPAddress) -> str | None:
    """LOCAL or PRIVATE when Entra, on the internet, cannot reach `address`."""
    if address.is_loopback or address.is_unspecified:
        return LOCAL
    if not address.is_global or address.is_multicast:
        return PRIVATE  # private ranges, link-local, shared (CGNAT), documentation, reserved
    return None


def ip_address(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def host_problem(host: str) -> str | None:
    """LOCAL, PRIVATE or BARE_HOST for a host (name or address) Entra cannot reach."""
    address = ip_address(host)
    if address is not None:
        return address_problem(address)
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return LOCAL
    if name.endswith(LOCAL_ONLY_SUFFIXES):
        return PRIVATE
    if "." not in name:
        return BARE_HOST
    return None


def classify(url: str) -> PublicUrl:
    """Every reason why Entra cannot reach `url`; none for a public HTTPS address."""
    base = url.strip().rstrip("/")
    parts = urlsplit(base)
    host = parts.hostname or ""
    try:
        port = parts.port
    except ValueError:  # a port that is not a number
        host, port = "", None
    problems: list[str] = []
    if parts.scheme != "https":
        problems.append(NOT_HTTPS)
    if not host:
        problems.append(NO_HOST)
    else:
        problem = host_problem(host)
        if problem:
            problems.append(problem)
    return PublicUrl(base, parts.scheme, host, port, parts.path, tuple(problems))
