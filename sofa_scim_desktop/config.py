"""Where data lives: `--data-dir` / SOFA_SCIM_DATA_DIR, `--database` / SOFA_SCIM_DATABASE."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from platformdirs import user_log_dir

from sofa_scim_desktop.storage.database import default_url

APP_NAME = "sofa-scim-desktop"


def data_dir(explicit: str | None = None) -> Path:
    """The folder is made readable by its owner only (0700, whatever the umask): it holds the
    directory of people and the keys' hashes. Our own default folder is tightened if an older
    version made it 0755; a folder the operator chose keeps the permissions they gave it.
    """
    chosen = explicit or os.environ.get("SOFA_SCIM_DATA_DIR")
    path = Path(chosen or user_data_dir(APP_NAME, "Sofa")).expanduser()
    private_folder(path, tighten=not chosen)
    return path


def private_folder(path: Path, tighten: bool = False) -> None:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir(mode=0o700)
        path.chmod(0o700)  # mkdir's mode passes through the umask
    elif tighten and path.stat().st_mode & 0o077:
        path.chmod(0o700)


def log_dir(explicit_data_dir: str | None = None) -> Path:
    """The desktop app's log folder: `logs` in the data folder when one is given (tests and
    portable installs keep everything in one place), else the platform's user log folder.
    """
    chosen = explicit_data_dir or os.environ.get("SOFA_SCIM_DATA_DIR")
    path = Path(chosen).expanduser() / "logs" if chosen else Path(user_log_dir(APP_NAME, "Sofa"))
    private_folder(path, tighten=True)  # tracebacks name the people being provisioned
    return path


def database_url(explicit: str | None, folder: Path) -> str:
    return explicit or os.environ.get("SOFA_SCIM_DATABASE") or default_url(folder)
