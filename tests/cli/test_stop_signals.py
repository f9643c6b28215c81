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
"""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_ends_a_long_wait_at_once(signum: int) -> None:
    waiter = subprocess.Popen(
        [sys.executable, "-c", WAITER, "3600"], stdout=subprocess.PIPE, text=True
    )
    assert waiter.stdout is not None
    assert waiter.stdout.readline().strip() == "waiting"
    time.sleep(0.2)
    waiter.send_signal(signum)
    out, _ = waiter.communicate(timeout=10)
    assert waiter.returncode == 0
    assert out.startswith("stopped after ")
    assert float(out.split()[-1]) < 5  # not the hour it was waiting for


def test_signals_in_a_burst_during_short_waits_still_stop_it() -> None:
    """The deadlock came when a signal landed while the wait held its lock: short waits in a
    loop and a burst of signals give it every chance to land anywhere."""
    waiter = subprocess.Popen(
        [sys.executable, "-c", WAITER, "0.001"], stdout=subprocess.PIPE, text=True
    )
    assert waiter.stdout is not None
    assert waiter.stdout.readline().strip() == "waiting"
    for _ in range(20):
        waiter.send_signal(signal.SIGTERM)
    out, _ = waiter.communicate(timeout=10)
    assert waiter.returncode == 0
    assert out.rstrip().splitlines()[-1].startswith("stopped after ")
