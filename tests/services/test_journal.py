"""What the transaction log stores of a detail: secrets never, everything else as given."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import Synchronization
from tests.conftest import Endpoint


def stored(endpoint: Endpoint, detail: Any) -> Any:
    sync = Synchronization.get(Synchronization.identifier == endpoint.identifier)
    Journal(sync).info("test.entry", "An entry.", detail)
    return json.loads(LogEntry.select().order_by(LogEntry.id.desc()).get().detail)


@pytest.mark.parametrize(
    "detail",
    [
        {"Password": "s3cret"},
        {"request": {"headers": {"Authorization": "Bearer abc"}}},
        {"operations": [{"op": "add", "value": {"secretToken": "abc"}}]},
        {"smtp": {"API_KEY": "abc"}},
    ],
)
def test_a_secret_anywhere_in_a_detail_is_never_stored(endpoint: Endpoint, detail: Any) -> None:
    text = json.dumps(stored(endpoint, detail))
    assert "s3cret" not in text and "abc" not in text
    assert "[redacted]" in text


def test_a_detail_without_secrets_is_stored_as_given(endpoint: Endpoint) -> None:
    detail = {"user_name": "keyes@contoso.cz", "changes": [{"field": "job", "after": "Token"}]}
    # The words "key" and "token" as values, not keys: nothing to redact.
    assert stored(endpoint, detail) == detail
