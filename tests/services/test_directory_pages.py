"""The directory queries behind the desktop app: user pages, details, group/role admin."""

from __future__ import annotations

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import Conflict
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.directory import Membership
from sofa_scim_desktop.storage.tables import SofaUser
from tests.conftest import Endpoint
from tests.services.test_memberships import ACCOUNTING
from tests.services.test_memberships import Entra


@pytest.fixture
def derived(services: bootstrap.Services, endpoint: Endpoint) -> Entra:
    """jnovak is in the Entra group mapped to Sofa group Finance and role Approver."""
    services.directory.create_group("Finance")
    services.directory.create_role("Approver")
    services.synchronizations.map_group(endpoint.identifier, "Finance", ACCOUNTING)
    services.synchronizations.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    entra = Entra(services, endpoint.identifier)
    entra.group("Accounting", ACCOUNTING, entra.user("jnovak@contoso.com"))
    return entra


def test_pages_follow_user_names(services: bootstrap.Services) -> None:
    for n in range(5):
        services.directory.create_user(f"user{n}", f"u{n}@example.com")
    first = services.directory.user_page(limit=2)
    second = services.directory.user_page(after=first[-1].key, limit=2)
    assert [r.user_name for r in first + second] == ["user0", "user1", "user2", "user3"]


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("order", ["display_name", "email", "department", "state"])
def test_pages_follow_any_order_without_gaps(
    services: bootstrap.Services, order: str, descending: bool
) -> None:
    for n in range(7):  # equal sort values across page boundaries: the key breaks the ties
        services.directory.create_user(f"user{n}", f"u{n % 3}@example.com", f"Jan{n % 2}")
    SofaUser.update(department="Sales").where(SofaUser.user_name << ["user1", "user4"]).execute()
    SofaUser.update(active=False).where(SofaUser.user_name == "user5").execute()
    pages, after = [], None
    while True:
        page = services.directory.user_page(
            after=after, limit=2, order=order, descending=descending
        )
        pages.extend(page)
        if len(page) < 2:
            break
        after = page[-1]
    names = [r.user_name for r in pages]
    assert sorted(names) == [f"user{n}" for n in range(7)]  # each once
    values = [(r.sort_value, r.key) for r in pages]
    assert values == sorted(values, reverse=descending)


@pytest.mark.parametrize("search", ["NOVÁK", "novák", "finance", "jan@", "jnovak"])
def test_search_matches_names_email_department_ignoring_case(
    services: bootstrap.Services, search: str
) -> None:
    services.directory.create_user("jnovak", "jan@example.com", "Jan", "Novák")
    services.directory.create_user("other", "o@example.com")
    SofaUser.update(department="Finance").where(SofaUser.user_name == "jnovak").execute()
    rows = services.directory.user_page(search)
    assert [r.user_name for r in rows] == ["jnovak"]
    assert services.directory.count_users(search) == 1


def test_detail_tells_hand_grants_from_derived(
    services: bootstrap.Services, derived: Entra
) -> None:
    services.directory.grant("jnovak@contoso.com", group="Finance")
    detail = services.directory.user_detail("jnovak@contoso.com")
    assert detail.group_memberships == [
        Membership("Finance", None),
        Membership("Finance", "Contoso", ACCOUNTING, "Accounting"),
    ]
    assert detail.role_memberships == [Membership("Approver", "Contoso", ACCOUNTING, "Accounting")]
    assert detail.user.groups == ["Finance"] and detail.user.source == "Contoso"


def test_groups_list_counts_members_and_mappings(
    services: bootstrap.Services, derived: Entra
) -> None:
    groups = {g.name: g for g in services.directory.groups()}
    assert groups["Finance"].members == 1 and groups["Finance"].mapped_by == ["Contoso"]
    roles = {r.name: r for r in services.directory.roles()}
    assert roles["Administrator"].builtin and not roles["Approver"].builtin


def test_rename_keeps_memberships(services: bootstrap.Services, derived: Entra) -> None:
    services.directory.rename_group("Finance", "Money")
    assert services.directory.user_detail("jnovak@contoso.com").user.groups == ["Money"]
    with pytest.raises(Conflict):
        services.directory.rename_role("Approver", "Administrator")


def test_delete_removes_memberships_and_mappings(
    services: bootstrap.Services, derived: Entra
) -> None:
    assert services.directory.group_mapped_by("Finance") == ["Contoso"]
    services.directory.delete_group("Finance")
    services.directory.delete_role("Approver")
    user = services.directory.user_detail("jnovak@contoso.com")
    assert user.group_memberships == [] and user.role_memberships == []
    sync = services.synchronizations.get("Contoso")
    assert not list(sync.group_mappings) and not list(sync.role_mappings)


@pytest.mark.parametrize("action", ["rename", "delete"])
def test_builtin_roles_are_protected(services: bootstrap.Services, action: str) -> None:
    with pytest.raises(DomainError, match="built-in"):
        if action == "rename":
            services.directory.rename_role("Administrator", "Boss")
        else:
            services.directory.delete_role("Subject manager")


@pytest.mark.parametrize(("search", "found"), [("a_b", ["a_b"]), ("%", ["p%q"])])
def test_search_takes_wildcards_literally(
    services: bootstrap.Services, search: str, found: list[str]
) -> None:
    for name in ("a_b", "axb", "p%q"):
        services.directory.create_user(name, f"{name.replace('%', 'p')}@example.com")
    assert [r.user_name for r in services.directory.user_page(search)] == found


def test_search_does_not_span_two_fields(services: bootstrap.Services) -> None:
    services.directory.create_user("anna", "x@example.com", "Anna", "Malá")
    assert services.directory.user_page("anna") and not services.directory.user_page("annaanna")
