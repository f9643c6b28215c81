"""SIGTERM and SIGINT end a server's wait at once (cli/stop_signals.py), however often they
come and whenever: the handler takes no lock, so it cannot deadlock with the wait."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pytest

WAITER = """
import sys, time
from sofa_scim_desktop.cli.stop_signals import StopSignals
stop = StopSignals()
print("waiting", flush=True)
started = time.monotonic()
while not stop.wait(float(sys.argv[1])):
    print("tick", flush=True)
print(f"stopped after {time.monotonic() - started:.2f}", flush=True)
sys.stdin.read()  # until the test is done signalling: see _start_waiter
"""


def _start_waiter(seconds: str) -> subprocess.Popen[str]:
    """The waiter stays alive after its stop until the test closes its stdin. Python puts the
    default handlers back as it exits, so a SIGTERM of the burst that came after it had
    stopped and begun exiting would kill it (a -15 seen once in CI): a process already
    exiting, not a stop that failed."""
    waiter = subprocess.Popen(
        [sys.executable, "-c", WAITER, seconds],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert waiter.stdout is not None
    assert waiter.stdout.readline().strip() == "waiting"
    return waiter


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_a_long_wait_at_once(signum: int) -> None:
    waiter = _start_waiter("3600")
    time.sleep(0.2)
    waiter.send_signal(signum)
    out, _ = waiter.communicate(timeout=10)
    assert waiter.returncode == 0
    assert out.startswith("stopped after ")
    assert float(out.split()[-1]) < 5  # not the hour it was waiting for


def test_signals_in_a_burst_during_short_waits_still_stop_it() -> None:
    """The deadlock came when a signal landed while the wait held its lock: short waits in a
    loop and a burst of signals give it every chance to land anywhere."""
    waiter = _start_waiter("0.001")
    for _ in range(20):
        waiter.send_signal(signal.SIGTERM)
    out, _ = waiter.communicate(timeout=10)
    assert waiter.returncode == 0
    assert out.rstrip().splitlines()[-1].startswith("stopped after ")
