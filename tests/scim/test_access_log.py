"""The request line (SPEC §8.1): one line per request, whatever the path holds."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from falcon import testing

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.app import create_app
from tests.conftest import Endpoint


def lines_for(services: bootstrap.Services, log: AccessLog, *paths: str, **kw: Any) -> list[str]:
    client = testing.TestClient(create_app(services.db, access_log=log))
    for path in paths:
        client.simulate_get(path, **kw)
    assert isinstance(log.stream, io.StringIO)
    return log.stream.getvalue().splitlines()


def test_a_line_break_in_the_path_cannot_forge_a_second_line(
    services: bootstrap.Services, endpoint: Endpoint
) -> None:
    log = AccessLog(stream=io.StringIO())
    [line] = lines_for(services, log, "/scim/v2/Contoso/Users/x\n2026-01-01T00:00:00Z fake 200")
    assert "/Users/x%0A2026-01-01T00:00:00Z%20fake%20200" in line


def test_a_password_link_token_is_never_logged(services: bootstrap.Services) -> None:
    log = AccessLog("json", stream=io.StringIO())
    [line] = lines_for(services, log, "/password/secret-token-123")
    assert json.loads(line)["path"] == "/password/[redacted]"


@pytest.mark.parametrize(("level", "written"), [("info", 2), ("warning", 1), ("error", 0)])
def test_the_level_chooses_which_answers_are_written(
    services: bootstrap.Services, endpoint: Endpoint, level: str, written: int
) -> None:
    log = AccessLog(level=level, stream=io.StringIO())
    lines = lines_for(services, log, "/healthz", "/scim/v2/Contoso/Users")  # 200, then 401
    assert len(lines) == written


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="text, json"):
        AccessLog("xml")
