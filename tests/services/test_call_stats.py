"""Counting calls off the hot path (services.call_stats): batched writes, changes of outcome
written at once, nothing lost at stop."""

from __future__ import annotations

import time

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.call_outcome import FAILED
from sofa_scim_desktop.domain.call_outcome import OK
from sofa_scim_desktop.services.call_stats import MAX_UNKNOWN_PER_FLUSH
from sofa_scim_desktop.services.call_stats import CallRecorder
from sofa_scim_desktop.services.health import figures_by_sync
from sofa_scim_desktop.storage.tables import UnknownIdentifierCall
from tests.conftest import Endpoint


def counted(services: bootstrap.Services, endpoint: Endpoint) -> tuple[int, int]:
    figures = figures_by_sync()[services.synchronizations.get(endpoint.identifier).id]
    return figures.calls_24h, figures.failed_24h


def test_successes_wait_for_the_flush_but_a_change_of_outcome_is_written_at_once(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    sync_id = services.synchronizations.get(endpoint.identifier).id
    recorder = CallRecorder(interval=3600)
    recorder.call(sync_id, OK)  # the first outcome: written
    for _ in range(9):
        recorder.call(sync_id, OK)
    assert counted(services, endpoint) == (1, 0)

    recorder.call(sync_id, FAILED, "Sofa could not apply it.")  # news: written with the rest
    assert counted(services, endpoint) == (11, 1)

    recorder.call(sync_id, FAILED, "again")
    recorder.stop()  # nothing counted is lost
    assert counted(services, endpoint) == (12, 2)
    assert services.synchronizations.get(endpoint.identifier).last_failure == "again"


def test_a_flood_of_random_identifiers_is_bounded(services: bootstrap.Services) -> None:
    recorder = CallRecorder(interval=3600)
    for n in range(MAX_UNKNOWN_PER_FLUSH + 500):
        recorder.unknown_identifier(f"Random{n}" + "x" * 500)
    recorder.flush()
    stored = list(UnknownIdentifierCall.select())
    assert len(stored) == MAX_UNKNOWN_PER_FLUSH
    assert max(len(u.identifier) for u in stored) == 64


def test_the_background_thread_writes_by_itself(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    sync_id = services.synchronizations.get(endpoint.identifier).id
    recorder = CallRecorder(interval=0.05)
    recorder.start()
    try:
        recorder.call(sync_id, OK)
        recorder.call(sync_id, OK)
        deadline = time.monotonic() + 5
        while counted(services, endpoint)[0] < 2 and time.monotonic() < deadline:
            time.sleep(0.02)
        assert counted(services, endpoint) == (2, 0)
    finally:
        recorder.stop()


def test_a_success_a_moment_after_a_refusal_reads_as_later(
    services: bootstrap.Services, endpoint: Endpoint, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both in the same millisecond (a fast client): the synchronization has recovered."""
    sync_id = services.synchronizations.get(endpoint.identifier).id
    moments = iter([1_800_000_000.000_100, 1_800_000_000.000_400])
    monkeypatch.setattr(time, "time", lambda: next(moments))
    recorder = CallRecorder(interval=0)
    recorder.refused(sync_id, "wrong_key", "GET", "/Users", "Entra")
    recorder.call(sync_id, OK)
    figures = figures_by_sync()[sync_id]
    assert figures.last_success is not None and figures.last_refused is not None
    assert figures.last_success > figures.last_refused
