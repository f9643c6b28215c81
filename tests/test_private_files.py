"""The data folder and the database are the owner's alone (0700, 0600) whatever the umask: they
hold the people being provisioned and the keys' hashes (issue 11 C.6).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop import config
from sofa_scim_desktop.services.synchronizations import SyncSettings


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The usual desktop umask: files 0644 and folders 0755 unless the app says otherwise."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def test_a_new_data_folder_and_its_database_are_private(tmp_path: Path, open_umask: None) -> None:
    folder = tmp_path / "new" / "sofa"
    services = bootstrap.build(str(folder))
    services.synchronizations.create(SyncSettings(name="Contoso", identifier="Contoso"))
    assert mode(folder) == 0o700
    for name in ("sofa-scim.db", "sofa-scim.db-wal", "sofa-scim.db-shm"):
        assert mode(folder / name) == 0o600, name
    assert mode(config.log_dir(str(folder))) == 0o700
    services.db.close()


def test_an_older_database_is_tightened_when_opened(tmp_path: Path, open_umask: None) -> None:
    bootstrap.build(str(tmp_path)).db.close()
    database = tmp_path / "sofa-scim.db"
    database.chmod(0o644)  # as an older version left it
    bootstrap.build(str(tmp_path)).db.close()
    assert mode(database) == 0o600


def test_a_folder_the_operator_chose_keeps_its_permissions(
    tmp_path: Path, open_umask: None
) -> None:
    tmp_path.chmod(0o750)  # e.g. shared with a backup group
    bootstrap.build(str(tmp_path)).db.close()
    assert mode(tmp_path) == 0o750
    assert mode(tmp_path / "sofa-scim.db") == 0o600
