"""Where data lives: `--data-dir` / SOFA_SCIM_DATA_DIR, `--database` / SOFA_SCIM_DATABASE."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from platformdirs import user_log_dir

from sofa_scim_desktop.storage.database import default_url

APP_NAME = "sofa-scim-desktop"


def data_dir(explicit: str | None = None) -> Path:
    chosen = explicit or os.environ.get("SOFA_SCIM_DATA_DIR") or user_data_dir(APP_NAME, "Sofa")
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir(explicit_data_dir: str | None = None) -> Path:
    """The desktop app's log folder: `logs` in the data folder when one is given (tests and
    portable installs keep everything in one place), else the platform's user log folder.
    """
    chosen = explicit_data_dir or os.environ.get("SOFA_SCIM_DATA_DIR")
    path = Path(chosen).expanduser() / "logs" if chosen else Path(user_log_dir(APP_NAME, "Sofa"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(explicit: str | None, folder: Path) -> str:
    return explicit or os.environ.get("SOFA_SCIM_DATABASE") or default_url(folder)
