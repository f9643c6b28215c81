"""The service functions the desktop app reads and saves through (overview, save, log read)."""

from __future__ import annotations

import logging

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.services import journal
from sofa_scim_desktop.services import synchronizations as syncs
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import LogEntry

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def test_save_creates_with_mappings(services: bootstrap.Services) -> None:
    services.directory.create_group("Accounting")
    row = syncs.save(
        services.synchronizations, None, SyncSettings("A", "A"), [("Accounting", GUID.upper())], []
    )
    assert syncs.mappings_of(row.id) == ([("Accounting", GUID)], [])


@pytest.mark.parametrize(
    ("groups", "error"), [([("Missing", GUID)], NotFound), ([("Accounting", "x")], DomainError)]
)
def test_save_refused_mapping_leaves_nothing_behind(
    services: bootstrap.Services, groups: list[tuple[str, str]], error: type[Exception]
) -> None:
    services.directory.create_group("Accounting")
    with pytest.raises(error):
        syncs.save(services.synchronizations, None, SyncSettings("A", "A"), groups, [])
    assert services.synchronizations.all() == []


def test_save_of_an_edit_keeps_old_settings_when_a_mapping_is_refused(
    services: bootstrap.Services,
) -> None:
    services.synchronizations.create(SyncSettings("A", "A", description="old"))
    with pytest.raises(NotFound):
        syncs.save(
            services.synchronizations, "A", SyncSettings("A", "A", "new"), [("Nope", GUID)], []
        )
    assert services.synchronizations.get("A").description == "old"


def test_overview_has_key_expiry_and_state(services: bootstrap.Services) -> None:
    services.synchronizations.create(SyncSettings("B", "B", enabled=False))
    services.synchronizations.create(SyncSettings("A", "A"))
    issued = services.synchronizations.issue_key("A", 100)
    rows = syncs.overview()
    assert [(r.identifier, r.enabled, r.users) for r in rows] == [("A", True, 0), ("B", False, 0)]
    assert rows[0].key_expires_at == issued.expires_at
    assert rows[1].key_expires_at is None
    syncs.set_enabled("B", True)
    assert syncs.overview()[1].enabled


def test_read_filters_by_level_and_text_newest_first(services: bootstrap.Services) -> None:
    sync = services.synchronizations.create(SyncSettings("A", "A"))
    for level, message in ((logging.INFO, "Created 100% of Žofie"), (logging.ERROR, "a_b failed")):
        LogEntry.create(sync=sync.id, level=level, event="e", message=message)
    assert [r.message for r in journal.read(sync.id)] == ["a_b failed", "Created 100% of Žofie"]
    assert [r.level_name for r in journal.read(sync.id, logging.WARNING)] == ["error"]
    assert [r.message for r in journal.read(sync.id, text="ŽOFIE")] == ["Created 100% of Žofie"]
    assert [r.message for r in journal.read(sync.id, text="%")] == ["Created 100% of Žofie"]
    assert journal.read(sync.id, text="a%b") == []
