"""What the connection check is given (Options) and what it gives (a Report of Steps)."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field
from typing import Any

from sofa_scim_desktop.services import connection_probe as probe
from sofa_scim_desktop.services.connection_texts import TEXTS
from sofa_scim_desktop.services.connection_texts import TITLES

OK, WARNING, ERROR, SKIPPED = "ok", "warning", "error", "skipped"
STEPS = ("url", "dns", "tls", "health", "scim")
TIMEOUT_SECONDS = 5.0


@dataclass(frozen=True)
class Step:
    """One step's outcome; `code` keys its message and fix in connection_texts.TEXTS, and
    `args` fills their {placeholders} (the GUI translates the texts first, then fills them).
    """

    step: str  # one of STEPS
    status: str  # OK, WARNING, ERROR or SKIPPED
    code: str
    args: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return TITLES[self.step]

    @property
    def message(self) -> str:
        return TEXTS[self.code][0].format(**self.args)

    @property
    def fix(self) -> str | None:
        fix = TEXTS[self.code][1]
        return fix.format(**self.args) if fix and self.status in (WARNING, ERROR) else None


@dataclass(frozen=True)
class Report:
    identifier: str
    endpoint_url: str
    steps: tuple[Step, ...]

    @property
    def ok(self) -> bool:
        """No step is an error (warnings allowed): `sofa-scim check` exits 0."""
        return all(step.status != ERROR for step in self.steps)

    def as_json(self) -> dict[str, Any]:
        return {
            "identifier": self.identifier,
            "endpoint_url": self.endpoint_url,
            "ok": self.ok,
            "steps": [
                {"step": s.step, "status": s.status, "code": s.code}
                | {"message": s.message, "fix": s.fix}
                for s in self.steps
            ],
        }


@dataclass(frozen=True)
class Options:
    timeout: float = TIMEOUT_SECONDS  # per network step
    ca_file: str | None = None  # else the system's CA store (which honours SSL_CERT_FILE)
    resolver: probe.Resolver = probe.system_resolver
    # NOTE: for tests only, whose proxy can only listen on loopback: such an address then
    # counts as public. The CLI and the GUI never set it.
    allow_private: bool = False


@dataclass(frozen=True)
class Target:
    """The public base URL taken apart, with the address its host resolved to once known."""

    url: str
    host: str
    port: int
    path: str  # the base URL's own path: "" or e.g. "/sofa"
    address: str = ""
