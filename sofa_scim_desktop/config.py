"""Where data lives: `--data-dir` / SOFA_SCIM_DATA_DIR, `--database` / SOFA_SCIM_DATABASE."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

from sofa_scim_desktop.storage.database import default_url

APP_NAME = "sofa-scim-desktop"


def data_dir(explicit: str | None = None) -> Path:
    chosen = explicit or os.environ.get("SOFA_SCIM_DATA_DIR") or user_data_dir(APP_NAME, "Sofa")
    path = Path(chosen).expanduser()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_url(explicit: str | None, folder: Path) -> str:
    return explicit or os.environ.get("SOFA_SCIM_DATABASE") or default_url(folder)
