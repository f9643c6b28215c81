"""The connection check's first three steps: an address Entra can reach, its DNS name, and
its TLS certificate.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import threading
from datetime import timedelta

from sofa_scim_desktop.domain import public_url
from sofa_scim_desktop.domain.public_url import address_problem
from sofa_scim_desktop.domain.public_url import ip_address
from sofa_scim_desktop.services import connection_probe as probe
from sofa_scim_desktop.services.connection_report import ERROR
from sofa_scim_desktop.services.connection_report import OK
from sofa_scim_desktop.services.connection_report import WARNING
from sofa_scim_desktop.services.connection_report import Options
from sofa_scim_desktop.services.connection_report import Step
from sofa_scim_desktop.services.connection_report import Target
from sofa_scim_desktop.storage.tables import utcnow

EXPIRY_WARNING_DAYS = 14


def url_step(base: str, options: Options) -> tuple[Target | None, Step]:
    """The address itself, by domain.public_url's rules: no connection is made."""
    found = public_url.classify(base)
    args = {"url": base, "host": found.host}
    if public_url.NOT_HTTPS in found.problems:
        return None, Step("url", ERROR, "url.not_https", args)
    if public_url.NO_HOST in found.problems:
        return None, Step("url", ERROR, "url.no_host", args)
    problem = found.problems[0] if found.problems and not options.allow_private else None
    if problem in (public_url.LOCAL, public_url.PRIVATE):
        return None, Step("url", ERROR, f"url.{problem}", args)
    target = Target(base, found.host, found.port or 443, found.path)
    if problem == public_url.BARE_HOST:
        # NOTE: a warning, not an error: Entra cannot resolve such a name, but the steps
        # after it still show whether the proxy behind it works (a trial on the inside).
        return target, Step("url", WARNING, "url.bare_host", args)
    return target, Step("url", OK, "url.ok", args)


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
    if ip_address(target.host):
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
