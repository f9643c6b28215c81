"""`sofa-scim db migrate`, a schema newer than the code, and an unreachable database
(SPEC §8.4), run as real processes: one line on stderr, exit status 1, never a traceback.
"""

from __future__ import annotations

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.storage import sql
from sofa_scim_desktop.storage.database import SchemaTooNew
from sofa_scim_desktop.storage.database import code_schema
from sofa_scim_desktop.storage.database import open_database
from tests.cli.test_cli import run
from tests.conftest import Endpoint


def _one_line_failure(*args: str) -> str:
    result = run(*args)
    assert result.returncode == 1, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_db_migrate_on_an_up_to_date_database_has_nothing_to_do(
    services: bootstrap.Services,
) -> None:
    result = run("db", "migrate", "--data-dir", str(services.data_dir))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"database schema {code_schema()}: nothing to do"


def test_a_schema_newer_than_this_code_is_refused_in_one_line(
    services: bootstrap.Services, database_url: str, endpoint: Endpoint
) -> None:
    future = code_schema() + 3
    with services.db.atomic():
        sql.execute(
            "INSERT INTO schema_migration (name, applied) VALUES (?, CURRENT_TIMESTAMP)",
            (f"{future:04d}_from_the_future",),
        )
    for command in (["serve", "--port", "0"], ["sync", "list"], ["db", "migrate"]):
        line = _one_line_failure(*command, "--data-dir", str(services.data_dir))
        assert line == (
            f"sofa-scim: the database has schema {future}, newer than this sofa-scim's "
            f"{code_schema()}: run the sofa-scim version that upgraded it, or a newer one"
        )
    with pytest.raises(SchemaTooNew):
        open_database(database_url)


@pytest.mark.parametrize("command", [["sync", "list"], ["serve", "--port", "0"], ["db", "migrate"]])
def test_an_unreachable_database_is_one_line_and_exit_1(
    tmp_path: object, command: list[str]
) -> None:
    line = _one_line_failure(
        *command, "--data-dir", str(tmp_path), "--database", "postgresql://app@127.0.0.1:1/sofa"
    )
    assert line.startswith("sofa-scim: the database is not available: ")
    assert "127.0.0.1" in line
