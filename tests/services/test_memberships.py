"""Sofa groups and roles derived from Entra group membership through the mappings (SPEC §4)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.directory import UserView
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.provisioning import GroupProvisioning
from sofa_scim_desktop.services.provisioning import UserProvisioning
from tests.conftest import Endpoint
from tests.conftest import make_endpoint
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

ACCOUNTING = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
FINANCE = "11111111-2222-3333-4444-555555555555"


class Entra:
    """Provisioning calls as Entra makes them, on one synchronization."""

    def __init__(self, services: bootstrap.Services, identifier: str) -> None:
        sync = services.synchronizations.get(identifier)
        self.users = UserProvisioning(services.db, sync, Journal(sync))
        self.groups = GroupProvisioning(services.db, sync, Journal(sync))

    def user(self, user_name: str) -> str:
        return self.users.create(entra_user(user_name)).row.scim_id

    def group(self, name: str, object_id: str, *members: str) -> str:
        group_id = self.groups.create(entra_group(name, object_id)).row.scim_id
        if members:
            self.add(group_id, *members)
        return group_id

    def add(self, group_id: str, *members: str) -> None:
        value = [{"$ref": None, "value": m} for m in members]
        self.groups.patch(group_id, patch({"op": "Add", "path": "members", "value": value}))

    def remove(self, group_id: str, *members: str) -> None:
        value = [{"value": m} for m in members]
        self.groups.patch(group_id, patch({"op": "Remove", "path": "members", "value": value}))


@pytest.fixture
def entra(services: bootstrap.Services, endpoint: Endpoint) -> Entra:
    services.directory.create_group("Účetní")
    services.directory.create_group("Finance")
    services.directory.create_role("Approver")
    return Entra(services, endpoint.identifier)


@pytest.fixture
def sofa_user(services: bootstrap.Services) -> Callable[[str], UserView]:
    def find(user_name: str) -> UserView:
        return next(u for u in services.directory.users() if u.user_name == user_name)

    return find


Find = Callable[[str], UserView]


def test_member_of_a_mapped_group_gets_the_sofa_group(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    assert sofa_user("alice@contoso.com").groups == ["Účetní"]


def test_member_of_a_mapped_group_gets_the_role(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    assert sofa_user("alice@contoso.com").roles == ["Approver"]


def test_members_sent_with_the_new_group_get_the_sofa_group(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    alice = entra.user("alice@contoso.com")
    body = {**entra_group("Accounting", ACCOUNTING), "members": [{"value": alice}]}
    entra.groups.create(body)
    assert sofa_user("alice@contoso.com").groups == ["Účetní"]


def test_member_of_an_unmapped_group_gets_nothing(entra: Entra, sofa_user: Find) -> None:
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    view = sofa_user("alice@contoso.com")
    assert (view.groups, view.roles) == ([], [])


def test_mapping_any_case_matches_the_object_id(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING.upper())
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    assert sofa_user("alice@contoso.com").groups == ["Účetní"]


def test_mapping_added_later_applies_to_existing_members(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    services.synchronizations.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    view = sofa_user("alice@contoso.com")
    assert (view.groups, view.roles) == (["Účetní"], ["Approver"])


def test_leaving_the_remote_group_removes_the_sofa_group(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    alice = entra.user("alice@contoso.com")
    group = entra.group("Accounting", ACCOUNTING, alice)
    entra.remove(group, alice)
    assert sofa_user("alice@contoso.com").groups == []


def test_removing_one_member_keeps_the_others(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    alice, bob = entra.user("alice@contoso.com"), entra.user("bob@contoso.com")
    group = entra.group("Accounting", ACCOUNTING, alice, bob)
    entra.remove(group, alice)
    assert sofa_user("bob@contoso.com").groups == ["Účetní"]


def test_deleting_the_remote_group_removes_the_sofa_group(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    group = entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    entra.groups.delete(group)
    assert sofa_user("alice@contoso.com").groups == []


def test_deleted_user_loses_derived_memberships(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    alice = entra.user("alice@contoso.com")
    entra.group("Accounting", ACCOUNTING, alice)
    entra.users.delete(alice)
    view = sofa_user("alice@contoso.com")
    assert (view.roles, view.removed, view.active) == ([], True, False)


def test_set_mappings_moves_derived_memberships(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    services.synchronizations.set_mappings(
        endpoint.identifier, groups=[("Finance", ACCOUNTING)], roles=[("Approver", ACCOUNTING)]
    )
    view = sofa_user("alice@contoso.com")
    assert (view.groups, view.roles) == (["Finance"], ["Approver"])


def test_set_mappings_to_nothing_removes_derived_memberships(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    services.synchronizations.set_mappings(endpoint.identifier, groups=[], roles=[])
    assert sofa_user("alice@contoso.com").groups == []


def test_set_mappings_with_an_invalid_row_changes_nothing(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    with pytest.raises(DomainError):
        services.synchronizations.set_mappings(
            endpoint.identifier, groups=[("Finance", "not-a-guid")], roles=[]
        )
    assert sofa_user("alice@contoso.com").groups == ["Účetní"]


def test_hand_grant_survives_leaving_the_remote_group(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    alice = entra.user("alice@contoso.com")
    group = entra.group("Accounting", ACCOUNTING, alice)
    services.directory.grant("alice@contoso.com", group="Účetní")
    entra.remove(group, alice)
    assert sofa_user("alice@contoso.com").groups == ["Účetní"]


def test_hand_grant_survives_mapping_changes(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    services.directory.grant("alice@contoso.com", role="Approver")
    services.synchronizations.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    services.synchronizations.set_mappings(endpoint.identifier, groups=[], roles=[])
    assert sofa_user("alice@contoso.com").roles == ["Approver"]


def test_derived_membership_cannot_be_revoked_by_hand(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    with pytest.raises(DomainError, match="follows Entra"):
        services.directory.revoke("alice@contoso.com", group="Účetní")


def test_two_remote_groups_to_one_sofa_group_keep_it_when_leaving_one(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    services.synchronizations.map_group(endpoint.identifier, "Účetní", FINANCE)
    alice = entra.user("alice@contoso.com")
    first = entra.group("Accounting", ACCOUNTING, alice)
    second = entra.group("Finance", FINANCE, alice)
    entra.remove(first, alice)
    assert sofa_user("alice@contoso.com").groups == ["Účetní"]
    entra.remove(second, alice)
    assert sofa_user("alice@contoso.com").groups == []


def test_changing_the_object_id_moves_the_memberships(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    services.synchronizations.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    services.synchronizations.map_group(endpoint.identifier, "Finance", FINANCE)
    group = entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    entra.groups.patch(group, patch({"op": "Replace", "path": "externalId", "value": FINANCE}))
    assert sofa_user("alice@contoso.com").groups == ["Finance"]


def test_mappings_of_another_synchronization_do_not_apply(
    services: bootstrap.Services, endpoint: Endpoint, entra: Entra, sofa_user: Find
) -> None:
    other = make_endpoint(services, "Fabrikam")
    services.synchronizations.map_group(other.identifier, "Účetní", ACCOUNTING)
    entra.group("Accounting", ACCOUNTING, entra.user("alice@contoso.com"))
    assert sofa_user("alice@contoso.com").groups == []
