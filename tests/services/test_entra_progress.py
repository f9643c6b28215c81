"""What Sofa has seen of Entra's set-up of a synchronization (the Connect Entra checklist),
driven by real calls through the SCIM app, in the manual's order.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.services.entra_progress import entra_progress
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.samples import entra_group
from tests.samples import entra_user


def test_a_new_synchronization_has_nothing_done(services: bootstrap.Services) -> None:
    services.synchronizations.create(SyncSettings(name="Contoso", identifier="Contoso"))
    progress = entra_progress("Contoso")
    assert not progress.key_valid()
    assert not progress.test_connection_seen
    assert not progress.user_provisioned and not progress.group_provisioned
    assert not progress.cycles_running()
    assert progress.last_call_at is None


def test_a_key_is_the_first_step(endpoint: Endpoint) -> None:
    progress = entra_progress(endpoint.identifier)
    assert progress.key_valid()
    assert progress.key_created_at is not None
    assert not progress.test_connection_seen


def test_an_expired_key_undoes_the_first_step(endpoint: Endpoint) -> None:
    AccessKey.update(expires_at=utcnow() - timedelta(minutes=1)).execute()
    assert not entra_progress(endpoint.identifier).key_valid()


def test_entras_test_connection_is_seen(scim: ScimClient, endpoint: Endpoint) -> None:
    # What Entra's Test connection sends: a filter on a user name that does not exist.
    filter_ = 'userName eq "non-existent-user-0e8d"'
    assert scim.get("/Users", params={"filter": filter_}).status_code == 200
    progress = entra_progress(endpoint.identifier)
    assert progress.test_connection_seen
    assert not progress.user_provisioned


def test_a_test_connection_alone_is_no_provisioning_cycle(
    scim: ScimClient, endpoint: Endpoint
) -> None:
    # A lookup that succeeds, but provisions nothing: step 5 stays open.
    assert scim.get("/Users", params={"filter": 'userName eq "test-0e8d"'}).status_code == 200
    progress = entra_progress(endpoint.identifier)
    assert progress.success_recent()
    assert not progress.cycles_running()


def test_a_cycle_that_provisioned_a_user_or_a_group_is_running(
    scim: ScimClient, endpoint: Endpoint
) -> None:
    assert scim.post("/Groups", json=entra_group("Accounting")).status_code == 201
    assert entra_progress(endpoint.identifier).cycles_running()  # a group alone counts
    assert scim.post("/Users", json=entra_user("alice@contoso.com")).status_code == 201
    assert entra_progress(endpoint.identifier).cycles_running()


def test_a_refused_call_is_no_test_connection(scim: ScimClient, endpoint: Endpoint) -> None:
    headers = {"Authorization": "Bearer wrong"}
    assert scim.get("/Users", headers=headers).status_code == 401
    progress = entra_progress(endpoint.identifier)
    assert progress.last_call_at is not None  # it was a call
    assert not progress.test_connection_seen


def test_a_failed_call_did_carry_the_key(scim: ScimClient, endpoint: Endpoint) -> None:
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 201
    Synchronization.update(last_success_at=None).execute()  # only the failure is left
    assert scim.post("/Users", json=entra_user("dup@contoso.com")).status_code == 409
    progress = entra_progress(endpoint.identifier)
    assert progress.test_connection_seen
    assert not progress.cycles_running()


def test_the_first_user_and_group(scim: ScimClient, endpoint: Endpoint) -> None:
    assert scim.post("/Users", json=entra_user("alice@contoso.com")).status_code == 201
    progress = entra_progress(endpoint.identifier)
    assert (progress.users, progress.groups) == (1, 0)
    assert scim.post("/Groups", json=entra_group("Accounting")).status_code == 201
    assert scim.post("/Users", json=entra_user("bob@contoso.com")).status_code == 201
    progress = entra_progress(endpoint.identifier)
    assert (progress.users, progress.groups) == (2, 1)
    assert progress.user_provisioned and progress.group_provisioned


def test_cycles_are_running_only_with_a_success_in_the_last_day(
    scim: ScimClient, endpoint: Endpoint
) -> None:
    assert scim.post("/Users", json=entra_user("alice@contoso.com")).status_code == 201
    Synchronization.update(last_success_at=utcnow() - timedelta(hours=25)).execute()
    progress = entra_progress(endpoint.identifier)
    assert progress.test_connection_seen
    assert not progress.cycles_running()


def test_another_synchronizations_calls_do_not_count(
    services: bootstrap.Services, scim: ScimClient
) -> None:
    services.synchronizations.create(SyncSettings(name="Adatum", identifier="Adatum"))
    assert scim.post("/Users", json=entra_user()).status_code == 201
    assert scim.post("/Groups", json=entra_group()).status_code == 201
    progress = entra_progress("Adatum")
    assert (progress.users, progress.groups, progress.last_call_at) == (0, 0, None)


def test_an_unknown_synchronization_is_not_found(services: bootstrap.Services) -> None:
    with pytest.raises(NotFound):
        entra_progress("Nope")
