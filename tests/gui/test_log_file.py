"""The desktop app's log file: sofa.* at Information, 1 MB × 5, rotating."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
from pathlib import Path

import pytest

from sofa_scim_desktop import config
from sofa_scim_desktop.gui.log_file import start_log_file
from sofa_scim_desktop.gui.log_file import stop_log_file
from tests.cli.test_cli import COMMAND
from tests.cli.test_cli import read_line


def test_the_log_file_keeps_sofa_information_and_rotates(tmp_path: Path) -> None:
    path = start_log_file(tmp_path)
    try:
        logging.getLogger("sofa.storage").info("database schema upgraded: 0007")
        logging.getLogger("other.library").info("not ours")
        handler = logging.getLogger("sofa").handlers[-1]
        assert handler.maxBytes == 1_000_000 and handler.backupCount == 5  # type: ignore[attr-defined]
        text = path.read_text("utf-8")
        assert "INFO sofa.storage [MainThread]: database schema upgraded: 0007" in text
        assert "not ours" not in text
        handler.maxBytes = 200  # type: ignore[attr-defined]
        for number in range(20):
            logging.getLogger("sofa.gui").info("line %s of a long session", number)
        assert (tmp_path / "sofa-scim-desktop.log.1").is_file()
        assert len(list(tmp_path.glob("sofa-scim-desktop.log*"))) == 6  # the file and five
    finally:
        stop_log_file()


def test_the_log_folder_is_in_a_given_data_folder(tmp_path: Path) -> None:
    assert config.log_dir(str(tmp_path / "data")) == tmp_path / "data" / "logs"
    assert (tmp_path / "data" / "logs").is_dir()


def test_the_log_folder_is_the_platforms_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOFA_SCIM_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # platformdirs on Linux
    assert config.log_dir() == tmp_path / "state" / "sofa-scim-desktop" / "log"


def test_the_app_without_a_data_folder_logs_in_the_platforms_folder(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SOFA_SCIM_")}
    env.update(XDG_DATA_HOME=str(tmp_path / "data"), XDG_STATE_HOME=str(tmp_path / "state"))
    env["QT_QPA_PLATFORM"] = "offscreen"
    subprocess.run([*COMMAND, "settings", "set", "server.port", "0"], env=env, check=True)
    process = subprocess.Popen(
        [*COMMAND, "gui"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        assert read_line(process).startswith("listening on")
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            assert stream is not None
            stream.close()
    log = tmp_path / "state" / "sofa-scim-desktop" / "log" / "sofa-scim-desktop.log"
    assert "Sofa SCIM Desktop quit" in log.read_text("utf-8")
    assert not (tmp_path / "data" / "sofa-scim-desktop" / "logs").exists()
