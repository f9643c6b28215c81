"""One app per data folder, with real processes: a second start brings the first forward and
exits 0; another data folder is another app; a crashed app leaves nothing that blocks.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.single_instance import SingleInstance
from sofa_scim_desktop.gui.single_instance import instance_name
from tests.cli.test_cli import COMMAND
from tests.cli.test_cli import read_line

ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def start(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*COMMAND, "gui", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
    )


def end(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def the_log(data_dir: Path) -> str:
    return (data_dir / "logs" / "sofa-scim-desktop.log").read_text("utf-8")


@pytest.fixture
def data(services: bootstrap.Services) -> Path:
    services.settings.set("server.port", "0")
    return services.data_dir


@pytest.fixture
def first(data: Path) -> Iterator[tuple[subprocess.Popen[str], str]]:
    process = start(data)
    line = read_line(process)
    assert line.startswith("listening on http://127.0.0.1:")
    yield process, line.removeprefix("listening on ")
    end(process)


def serves(url: str) -> bool:
    return requests.get(f"{url}/scim/v2/x/Users", timeout=5).status_code == 401


def test_two_spellings_of_a_folder_are_one_instance(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "a")
    name = instance_name(tmp_path / "a")
    assert instance_name(tmp_path / "b" / ".." / "a") == name
    assert instance_name(tmp_path / "link") == name
    assert instance_name(tmp_path / "b") != name


def test_a_second_start_brings_the_first_forward_and_exits_0(
    data: Path, first: tuple[subprocess.Popen[str], str]
) -> None:
    process, url = first
    started = time.monotonic()
    second = subprocess.run(
        [*COMMAND, "gui", "--data-dir", str(data)],
        capture_output=True,
        text=True,
        timeout=30,
        env=ENV,
    )
    assert second.returncode == 0, second.stderr  # only once the first answered "raise"
    assert time.monotonic() - started < 10
    assert "already runs for the data folder" in second.stderr
    assert "its window was brought forward" in second.stderr
    assert "listening on" not in second.stdout  # no second server on the busy port
    assert "asked for the window: brought it forward" in the_log(data)
    assert process.poll() is None and serves(url)


def test_another_data_folder_is_another_app(
    tmp_path: Path, first: tuple[subprocess.Popen[str], str]
) -> None:
    other = bootstrap.build(str(tmp_path / "other"))
    other.settings.set("server.port", "0")
    other.db.close()
    process = start(tmp_path / "other")
    try:
        line = read_line(process)
        assert line.startswith("listening on http://127.0.0.1:")
        assert serves(line.removeprefix("listening on ")) and serves(first[1])
    finally:
        end(process)


def test_a_crashed_app_does_not_block_the_next_start(data: Path) -> None:
    crashed = start(data)
    assert read_line(crashed).startswith("listening on")
    crashed.kill()  # SIGKILL: no clean-up at all
    crashed.wait()
    end(crashed)
    stale_socket = Path(tempfile.gettempdir()) / instance_name(data)
    assert (data / "gui.lock").exists() and stale_socket.exists()
    process = start(data)
    try:
        line = read_line(process)
        assert line.startswith("listening on http://127.0.0.1:")
        second = subprocess.run(
            [*COMMAND, "gui", "--data-dir", str(data)], capture_output=True, text=True,
            timeout=30, env=ENV,
        )  # fmt: skip
        assert second.returncode == 0, second.stderr  # the new socket answers
    finally:
        end(process)


def test_a_second_start_shows_the_window_from_the_tray(
    qtbot: QtBot, data: Path, services: bootstrap.Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first app is this test process, its window hidden in the tray."""
    instance = SingleInstance(data)
    assert instance.claim()
    window = MainWindow(services)
    qtbot.addWidget(window)
    instance.raiseRequested.connect(window.bring_forward)
    window.show()
    window.background.tray.show()
    window.hide()
    second = start(data)
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=20000)
        assert second.returncode == 0
        assert window.isVisible() and not window.background.tray.is_visible()
    finally:
        end(second)
        instance.release()
