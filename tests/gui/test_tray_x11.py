"""The real system tray: under Xvfb with a tray host (Debian's `trayer`), the window goes into
the tray and comes back. Skipped where Xvfb or trayer is not installed
(`apt-get install xvfb xauth trayer` and Qt's xcb libraries, PLATFORM.md).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(
    not (shutil.which("Xvfb") and shutil.which("trayer")), reason="needs Xvfb and trayer"
)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def display() -> Iterator[str]:
    """A throw-away X server on a free display, with a tray host in its corner."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24"], pass_fds=[write]
    )
    os.close(write)
    with os.fdopen(read) as numbers:
        name = f":{numbers.readline().strip()}"
    tray = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--width", "10"],
        env={**os.environ, "DISPLAY": name},
        stderr=subprocess.DEVNULL,
    )
    yield name
    for process in (tray, xvfb):
        process.terminate()
        process.wait(timeout=10)


def test_the_window_goes_into_the_real_tray_and_back(display: str, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT))
    probe = subprocess.run(
        [sys.executable, "-m", "tests.gui.x11_tray_probe", str(tmp_path / "data")],
        capture_output=True, text=True, timeout=60, env=env, cwd=ROOT,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    seen = json.loads(probe.stdout.splitlines()[-1])
    assert seen == {
        "tray_available": True,
        "asked_with_tray": [True],  # the question offered the tray, not minimising
        "hidden": True,
        "tray_visible": True,
        "serving": True,
        "back": True,
    }
