"""What this installation is, for the support bundle: versions, platform, database, settings
(secrets only as set / not set, SPEC §8.2).
"""

from __future__ import annotations

import os
import platform
import sys
from importlib import import_module
from importlib import metadata
from pathlib import Path
from typing import Any

import keyring
from peewee import Database

from sofa_scim_desktop import __version__
from sofa_scim_desktop.services.settings import SECRET_SETTINGS
from sofa_scim_desktop.services.settings import SETTINGS
from sofa_scim_desktop.services.settings import Settings
from sofa_scim_desktop.storage.database import is_postgresql

# (distribution, module): the module's __version__ is the fallback in a PyInstaller bundle,
# which may ship a package without its metadata.
LIBRARIES = (
    ("PySide6-Essentials", "PySide6"),
    ("falcon", "falcon"),
    ("waitress", "waitress"),
    ("peewee", "peewee"),
    ("psycopg", "psycopg"),
    ("psycopg2", "psycopg2"),
    ("argon2-cffi", "argon2"),
    ("keyring", "keyring"),
)


def versions() -> dict[str, Any]:
    return {
        "sofa_scim_desktop": __version__,
        "python": platform.python_version(),
        "python_implementation": platform.python_implementation(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "qt": _qt_version(),
        "libraries": {module: _version(dist, module) for dist, module in LIBRARIES},
        "platform": {
            "system": platform.system(),
            "release": platform.release(),
            "version": platform.version(),
            "machine": platform.machine(),
            "platform": platform.platform(),
        },
        "keyring_backend": type(keyring.get_keyring()).__module__,
    }


def _version(distribution: str, module: str) -> str | None:
    """None when the library is not installed (psycopg without PostgreSQL)."""
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        pass
    try:
        return str(getattr(import_module(module), "__version__", "unknown"))
    except ImportError:
        return None


def _qt_version() -> str | None:
    """Qt for Python's version (the Qt it ships is the same), read without importing Qt:
    the server's services stay Qt-free.
    """
    for distribution in ("PySide6-Essentials", "PySide6"):
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return None


def database(db: Database, data_dir: Path) -> dict[str, Any]:
    """Its kind, where it is (the home folder as ~, no user or password) and its schema."""
    rows = db.execute_sql("SELECT name, applied FROM schema_migration ORDER BY name").fetchall()
    info: dict[str, Any] = {
        "kind": "postgresql" if is_postgresql(db) else "sqlite",
        "schema_migrations": [{"name": name, "applied": str(at)} for name, at in rows],
        "data_dir": _home_as_tilde(data_dir),
    }
    if is_postgresql(db):
        info["server_version"] = db.server_version
        params = db.connect_params
        info["location"] = f"{params.get('host', 'localhost')}:{params.get('port', 5432)}"
        info["name"] = db.database
    else:
        info["location"] = _home_as_tilde(Path(db.database))
        info["sqlite_version"] = db.execute_sql("SELECT sqlite_version()").fetchone()[0]
    return info


def database_password(db: Database) -> str | None:
    """The password of a PostgreSQL URL, so that the bundle can make sure it never shows."""
    params = getattr(db, "connect_params", {}) or {}
    password = params.get("password")
    return str(password) if password else None


def _home_as_tilde(path: Path) -> str:
    """The OS user's name is in the home folder's path: `~` says as much to support."""
    text, home = str(path), str(Path.home())
    return "~" + text[len(home) :] if home != "/" and text.startswith(home) else text


def settings(values: Settings) -> dict[str, Any]:
    """Every §7 key; the SMTP password only as "set" or "not set", and where it comes from."""
    shown: dict[str, Any] = {key: values.get(key) for key in SETTINGS}
    for key in SECRET_SETTINGS:
        shown[key] = "set" if values.secrets.smtp_password_is_set() else "not set"
    shown["smtp.password_from_environment"] = values.secrets.smtp_password_in_environment()
    # Names only: a value may be a database URL with its password in it.
    shown["environment_variables_set"] = sorted(k for k in os.environ if k.startswith("SOFA_"))
    return shown
