"""The server's identity: a random id that /healthz reports, so that a check through a proxy
can tell that it reached this very server (SPEC §8.1). The workers of `serve --workers N` are
one server: they share the id drawn before they were forked, and /healthz adds which worker
answered.
"""

from __future__ import annotations

import secrets

_instance = secrets.token_hex(8)
_worker: int | None = None


def instance_id() -> str:
    return _instance


def worker_index() -> int | None:
    """The index of this process among `serve --workers N`; None for a server alone."""
    return _worker


def become_worker(index: int) -> None:
    global _worker
    _worker = index
