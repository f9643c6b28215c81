"""What Entra's "Test connection" will meet, step by step, through the public base URL
(SPEC §8.2 `sofa-scim check`): the address, DNS, the TLS certificate (connection_steps), then
this very server behind the proxy and the SCIM path routed to it.
"""

from __future__ import annotations

import secrets
import ssl
from typing import Any
from urllib.parse import urlsplit

from sofa_scim_desktop import __version__
from sofa_scim_desktop.domain.call_outcome import CHECK_USER_AGENT_PREFIX
from sofa_scim_desktop.domain.schema import ERROR_SCHEMA
from sofa_scim_desktop.services import connection_probe as probe
from sofa_scim_desktop.services.connection_report import ERROR
from sofa_scim_desktop.services.connection_report import OK
from sofa_scim_desktop.services.connection_report import SKIPPED
from sofa_scim_desktop.services.connection_report import STEPS
from sofa_scim_desktop.services.connection_report import WARNING
from sofa_scim_desktop.services.connection_report import Options
from sofa_scim_desktop.services.connection_report import Report
from sofa_scim_desktop.services.connection_report import Step
from sofa_scim_desktop.services.connection_report import Target
from sofa_scim_desktop.services.connection_steps import dns_step
from sofa_scim_desktop.services.connection_steps import tls_step
from sofa_scim_desktop.services.connection_steps import url_step

# NOTE: the server sees the check's wrong-key call as a refused call like any other; this
# name in its User-Agent tells the admin reading the log where it came from.
USER_AGENT = f"{CHECK_USER_AGENT_PREFIX}{__version__}"
SCIM_JSON = "application/scim+json"


def check_connection(
    identifier: str, public_base_url: str, local_url: str | None, options: Options | None = None
) -> Report:
    """Runs the steps in order; those that cannot run after an error are reported skipped.
    `local_url` is this computer's server (its /healthz tells its instance), None if unknown.
    """
    options = options or Options()
    base = public_base_url.rstrip("/")
    target, step = url_step(base, options)
    steps = [step]
    if target is not None:
        target, step = dns_step(target, options)
        steps.append(step)
    if target is not None:
        steps.append(tls_step(target, options))
    if target is not None and steps[-1].status != ERROR:
        steps.append(_health_step(target, local_url, options))
        steps.append(_scim_step(target, identifier, options))
    blocked = steps[-1]
    host = {"host": target.host} if target else {"host": blocked.args.get("host", "")}
    steps += [Step(name, SKIPPED, f"skipped.{blocked.step}", host) for name in STEPS[len(steps) :]]
    return Report(identifier, f"{base}/scim/v2/{identifier}", tuple(steps))


def check_synchronization(
    services: Any, identifier: str, local_url: str | None, options: Options | None = None
) -> Report:
    """The check of one synchronization of `services` (bootstrap.Services) with the saved
    public base URL; DomainError for an unknown identifier.
    """
    services.synchronizations.get(identifier)
    return check_connection(
        identifier, services.settings.get("public_base_url"), local_url, options
    )


def local_base_url(host: str, port: int) -> str | None:
    """Where this computer's server answers, from the host and port it listens on; None for
    port 0 (any free port: not known beforehand).
    """
    if port == 0:
        return None
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def settings_local_url(settings: Any) -> str | None:
    """The local server's address from Settings → Server (what `serve` listens on)."""
    return local_base_url(settings.get("server.host"), int(settings.get("server.port")))


def _public_get(
    target: Target, path: str, options: Options, headers: dict[str, str] | None = None
) -> probe.Answer:
    return probe.https_get(
        target.address,
        target.host,
        target.port,
        path,
        options.ca_file,
        options.timeout,
        {"User-Agent": USER_AGENT, **(headers or {})},
    )


def _local_instance(local_url: str, timeout: float) -> str:
    """The instance id this computer's server reports; OSError when it does not answer."""
    parts = urlsplit(local_url)
    answer = probe.http_get(parts.hostname or "", parts.port or 80, "/healthz", timeout)
    instance = answer.json_object().get("instance")
    if not instance:
        raise OSError(f"it answered {answer.describe()}")
    return str(instance)


def _health_step(target: Target, local_url: str | None, options: Options) -> Step:
    """SPEC §8.1 /healthz through the proxy names the instance that answered."""
    path = f"{target.path}/healthz"
    args = {"url": f"{target.url}/healthz", "path": path, "local_url": local_url or "?"}
    try:
        answer = _public_get(target, path, options)
    except (OSError, ssl.SSLError) as error:
        return Step("health", ERROR, "health.unreachable", {**args, "reason": probe.reason(error)})
    health = answer.json_object()
    if not health.get("instance"):
        return Step("health", WARNING, "health.not_sofa", {**args, "answer": answer.describe()})
    remote = str(health["instance"])
    args.update(remote=remote, instance=remote, version=str(health.get("version", "?")))
    if local_url is None:
        return Step("health", WARNING, "health.local_unknown", args)
    try:
        local = _local_instance(local_url, options.timeout)
    except OSError as error:
        return Step("health", WARNING, "health.local_down", {**args, "reason": probe.reason(error)})
    if local != remote:
        return Step("health", ERROR, "health.other_instance", {**args, "local": local})
    if answer.status != 200 or health.get("database") != "ok":
        return Step("health", ERROR, "health.database", args)
    return Step("health", OK, "health.ok", args)


def _scim_step(target: Target, identifier: str, options: Options) -> Step:
    """A wrong key must get this server's SCIM 401 (RFC 7644 §3.12 error body): the path is
    routed to Sofa, and the Authorization header is passed through.
    """
    path = f"{target.path}/scim/v2/{identifier}/Users"
    args = {"url": f"{target.url}/scim/v2/{identifier}/Users", "path": f"{target.path}/scim/v2/"}
    wrong_key = secrets.token_urlsafe(32)
    try:
        answer = _public_get(
            target, f"{path}?count=1", options, {"Authorization": f"Bearer {wrong_key}"}
        )
    except (OSError, ssl.SSLError) as error:
        return Step("scim", ERROR, "scim.unreachable", {**args, "reason": probe.reason(error)})
    schemas = answer.json_object().get("schemas") or []
    if answer.status == 401 and answer.content_type == SCIM_JSON and ERROR_SCHEMA in schemas:
        return Step("scim", OK, "scim.ok", args)
    return Step("scim", ERROR, "scim.not_sofa", {**args, "answer": answer.describe()})
