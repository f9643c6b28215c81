"""The connection check's first three steps: an address Entra can reach, its DNS name, and
its TLS certificate.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import threading
from datetime import timedelta
from urllib.parse import urlsplit

from sofa_scim_desktop.services import connection_probe as probe
from sofa_scim_desktop.services.connection_report import ERROR
from sofa_scim_desktop.services.connection_report import OK
from sofa_scim_desktop.services.connection_report import WARNING
from sofa_scim_desktop.services.connection_report import Options
from sofa_scim_desktop.services.connection_report import Step
from sofa_scim_desktop.services.connection_report import Target
from sofa_scim_desktop.storage.tables import utcnow

EXPIRY_WARNING_DAYS = 14
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def address_problem(address: IPAddress) -> str | None:
    """'local' or 'private' when Entra, on the internet, cannot reach `address`."""
    if address.is_loopback or address.is_unspecified:
        return "local"
    if not address.is_global or address.is_multicast:
        return "private"  # private ranges, link-local, shared (CGNAT), documentation, reserved
    return None


def _ip(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def url_step(base: str, options: Options) -> tuple[Target | None, Step]:
    parts = urlsplit(base)
    host = parts.hostname or ""
    args = {"url": base, "host": host}
    if parts.scheme != "https":
        return None, Step("url", ERROR, "url.not_https", args)
    try:
        port = parts.port or 443
    except ValueError:  # a port that is not a number
        host = ""
    if not host:
        return None, Step("url", ERROR, "url.no_host", args)
    address = _ip(host)
    problem = address_problem(address) if address else None
    if host == "localhost" or host.endswith(".localhost"):  # RFC 6761 §6.3
        problem = "local"
    if problem and not options.allow_private:
        return None, Step("url", ERROR, f"url.{problem}", args)
    return Target(base, host, port, parts.path), Step("url", OK, "url.ok", args)


def _resolve(target: Target, options: Options) -> list[str]:
    """The resolver, bounded by the timeout: getaddrinfo has none of its own."""
    found: list[list[str] | OSError] = []

    def run() -> None:
        try:
            found.append(options.resolver(target.host, target.port))
        except OSError as error:  # handed over to the caller's thread
            found.append(error)

    worker = threading.Thread(target=run, name="check-dns", daemon=True)
    worker.start()
    worker.join(options.timeout)
    if not found:
        raise TimeoutError(f"no answer within {options.timeout:g} s")
    if isinstance(found[0], OSError):
        raise found[0]
    return found[0]


def dns_step(target: Target, options: Options) -> tuple[Target | None, Step]:
    args = {"host": target.host}
    if _ip(target.host):
        return dataclasses.replace(target, address=target.host), Step(
            "dns", OK, "dns.literal", args
        )
    try:
        addresses = _resolve(target, options)
    except OSError as error:
        return None, Step("dns", ERROR, "dns.failed", {**args, "reason": probe.reason(error)})
    if not addresses:
        return None, Step("dns", ERROR, "dns.failed", {**args, "reason": "no address"})
    args["addresses"] = ", ".join(addresses)
    private = any(address_problem(ipaddress.ip_address(a)) for a in addresses)
    step = Step("dns", OK, "dns.ok", args)
    if private and not options.allow_private:
        # NOTE: a warning, not an error: with split-horizon DNS this computer may rightly
        # get an inside address for a name that is public on the internet.
        step = Step("dns", WARNING, "dns.private", args)
    return dataclasses.replace(target, address=addresses[0]), step


def tls_step(target: Target, options: Options) -> Step:
    args = {"host": target.host, "port": str(target.port)}
    try:
        cert = probe.handshake(
            target.address, target.host, target.port, options.ca_file, options.timeout
        )
    except probe.CertificateProblem as problem:
        return Step("tls", ERROR, f"tls.{problem.kind}", {**args, **_problem_args(problem)})
    except probe.HandshakeFailed as error:  # e.g. plain HTTP on that port: the server's own
        return Step("tls", ERROR, "tls.handshake", {**args, "reason": str(error)})
    except OSError as error:
        return Step("tls", ERROR, "tls.unreachable", {**args, "reason": probe.reason(error)})
    args["expires"] = cert.not_after.strftime("%Y-%m-%d")
    left = cert.not_after - utcnow()
    if left < timedelta(days=EXPIRY_WARNING_DAYS):
        return Step("tls", WARNING, "tls.expiring", {**args, "days": str(max(left.days, 0))})
    return Step("tls", OK, "tls.ok", args)


def _problem_args(problem: probe.CertificateProblem) -> dict[str, str]:
    cert = problem.certificate
    return {
        "reason": problem.reason,
        "expires": cert.not_after.strftime("%Y-%m-%d") if cert else "?",
        "names": ", ".join(cert.names) if cert and cert.names else "?",
    }
