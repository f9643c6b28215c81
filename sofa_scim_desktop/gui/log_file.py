"""The desktop app's own log file: sofa.* at Information, rotating so that it stays small."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

FILE_NAME = "sofa-scim-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5  # at most ~6 MB on disk: the file and five older ones
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

_handler: RotatingFileHandler | None = None
_level_before = logging.NOTSET


def start_log_file(folder: Path) -> Path:
    """Writes the sofa.* loggers to `folder`/sofa-scim-desktop.log; returns its path.
    Called again (tests), it moves to the new folder instead of writing twice.
    """
    global _handler, _level_before
    stop_log_file()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / FILE_NAME
    _handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    _handler.setFormatter(logging.Formatter(FORMAT))
    _handler.setLevel(logging.INFO)
    sofa = logging.getLogger("sofa")
    sofa.addHandler(_handler)
    _level_before = sofa.level
    if sofa.getEffectiveLevel() > logging.INFO:
        sofa.setLevel(logging.INFO)
    return path


def stop_log_file() -> None:
    global _handler
    if _handler is not None:
        logging.getLogger("sofa").removeHandler(_handler)
        logging.getLogger("sofa").setLevel(_level_before)
        _handler.close()
        _handler = None
