"""Who gains and who loses a group or role before a mapping changes (SPEC §8.3), the mapping
list with the Entra groups' names, and why a user holds each group and role.
"""

from __future__ import annotations

import pytest

from bench.mapping_preview_bench import BIG
from bench.mapping_preview_bench import build
from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import NotFound
from sofa_scim_desktop.services.directory import UserView
from sofa_scim_desktop.services.synchronizations import MappingChange
from sofa_scim_desktop.services.synchronizations import MappingEffects
from tests.conftest import Endpoint
from tests.services.test_memberships import ACCOUNTING
from tests.services.test_memberships import FINANCE
from tests.services.test_memberships import Entra
from tests.services.test_memberships import Find

UNSEEN = "99999999-8888-7777-6666-555555555555"


def gains(*pairs: tuple[str, str, str]) -> list[MappingChange]:
    return [MappingChange(*pair) for pair in pairs]


@pytest.fixture
def sofa_user(services: bootstrap.Services) -> Find:
    def find(user_name: str) -> UserView:
        return next(u for u in services.directory.users() if u.user_name == user_name)

    return find


@pytest.fixture
def accounting(services: bootstrap.Services, endpoint: Endpoint) -> Entra:
    """Accounting: alice and bob; Finance: bob and carol; nothing mapped yet. Sofa has the
    groups Účetní and Finance and the role Approver.
    """
    services.directory.create_group("Účetní")
    services.directory.create_group("Finance")
    services.directory.create_role("Approver")
    entra = Entra(services, endpoint.identifier)
    alice, bob, carol = (entra.user(f"{n}@contoso.com") for n in ("alice", "bob", "carol"))
    entra.group("Accounting", ACCOUNTING, alice, bob)
    entra.group("Finance", FINANCE, bob, carol)
    return entra


def test_dry_run_says_who_would_gain_and_changes_nothing(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra, sofa_user: Find
) -> None:
    syncs = services.synchronizations
    preview = syncs.map_group(endpoint.identifier, "Účetní", ACCOUNTING, dry_run=True)
    assert preview.gains == gains(
        ("alice@contoso.com", "group", "Účetní"), ("bob@contoso.com", "group", "Účetní")
    )
    assert preview.losses == []
    assert syncs.mapping_list(endpoint.identifier) == []
    assert sofa_user("alice@contoso.com").groups == []


def test_what_map_did_is_what_the_dry_run_said(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra, sofa_user: Find
) -> None:
    syncs = services.synchronizations
    services.directory.grant("bob@contoso.com", role="Approver")  # held already: no gain
    preview = syncs.map_role(endpoint.identifier, "Approver", ACCOUNTING, dry_run=True)
    done = syncs.map_role(endpoint.identifier, "Approver", ACCOUNTING)
    assert done == preview == MappingEffects(gains(("alice@contoso.com", "role", "Approver")), [])
    assert sofa_user("alice@contoso.com").roles == ["Approver"]


def test_unmap_loses_only_what_no_other_mapping_or_hand_grant_keeps(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra, sofa_user: Find
) -> None:
    syncs = services.synchronizations
    syncs.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    syncs.map_group(endpoint.identifier, "Účetní", FINANCE)
    services.directory.grant("alice@contoso.com", group="Účetní")
    preview = syncs.unmap_group(endpoint.identifier, "Účetní", FINANCE, dry_run=True)
    # bob is still in Accounting, alice holds it by hand: only carol loses it.
    assert preview.losses == [MappingChange("carol@contoso.com", "group", "Účetní")]
    assert preview.gains == []
    assert syncs.unmap_group(endpoint.identifier, "Účetní", FINANCE) == preview
    assert sofa_user("carol@contoso.com").groups == []
    assert sofa_user("bob@contoso.com").groups == ["Účetní"]


def test_unmapping_what_is_not_mapped_is_refused(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra
) -> None:
    with pytest.raises(NotFound, match="No mapping"):
        services.synchronizations.unmap_role(endpoint.identifier, "Approver", ACCOUNTING)


def test_the_editor_preview_is_what_saving_does(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra, sofa_user: Find
) -> None:
    syncs = services.synchronizations
    syncs.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    rows = ([("Finance", ACCOUNTING)], [("Approver", FINANCE)])
    preview = syncs.preview_mappings(endpoint.identifier, *rows)
    assert [(c.user_name, c.name) for c in preview.gains] == [
        ("alice@contoso.com", "Finance"), ("bob@contoso.com", "Finance"),
        ("bob@contoso.com", "Approver"), ("carol@contoso.com", "Approver"),
    ]  # fmt: skip
    assert [(c.user_name, c.name) for c in preview.losses] == [
        ("alice@contoso.com", "Účetní"), ("bob@contoso.com", "Účetní"),
    ]  # fmt: skip
    assert syncs.set_mappings(endpoint.identifier, *rows) == preview
    assert (sofa_user("bob@contoso.com").groups, sofa_user("bob@contoso.com").roles) == (
        ["Finance"], ["Approver"],
    )  # fmt: skip


def test_a_new_synchronization_previews_no_change(services: bootstrap.Services) -> None:
    services.directory.create_group("Finance")
    preview = services.synchronizations.preview_mappings(None, [("Finance", ACCOUNTING)], [])
    assert preview == MappingEffects([], [])


def test_mapping_list_names_seen_groups_and_flags_unseen_ones(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra
) -> None:
    syncs = services.synchronizations
    syncs.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    syncs.map_role(endpoint.identifier, "Approver", UNSEEN)
    listed = [
        (m.kind, m.name, m.remote, m.remote_name, m.seen, m.members)
        for m in syncs.mapping_list(endpoint.identifier)
    ]
    assert listed == [
        ("group", "Účetní", ACCOUNTING, "Accounting", True, 2),
        ("role", "Approver", UNSEEN, None, False, 0),
    ]


def test_explain_says_by_hand_or_through_which_entra_group(
    services: bootstrap.Services, endpoint: Endpoint, accounting: Entra
) -> None:
    syncs = services.synchronizations
    syncs.map_group(endpoint.identifier, "Účetní", ACCOUNTING)
    syncs.map_group(endpoint.identifier, "Účetní", FINANCE)
    services.directory.grant("bob@contoso.com", group="Účetní")
    services.directory.grant("bob@contoso.com", role="Approver")
    explained = services.directory.explain("bob@contoso.com").as_json()
    assert explained == {
        "groups": [
            {"name": "Účetní", "granted": "by_hand"},
            {"name": "Účetní", "granted": "synchronization", "synchronization": "Contoso",
             "remote": ACCOUNTING, "remote_name": "Accounting"},
            {"name": "Účetní", "granted": "synchronization", "synchronization": "Contoso",
             "remote": FINANCE, "remote_name": "Finance"},
        ],
        "roles": [{"name": "Approver", "granted": "by_hand"}],
    }  # fmt: skip


def staff_members(services: bootstrap.Services) -> int:
    return next(g.members for g in services.directory.groups() if g.name == "Staff")


def test_at_scale_the_dry_run_is_what_map_and_unmap_then_do(services: bootstrap.Services) -> None:
    """The benchmark's data, smaller: 3,000 users, a 1,500-member group."""
    identifier = build(services, users=3_000, members=1_500)
    syncs = services.synchronizations
    preview = syncs.map_group(identifier, "Staff", BIG, dry_run=True)
    assert len(preview.gains) == 1_500 and preview.losses == []
    assert syncs.map_group(identifier, "Staff", BIG) == preview
    assert staff_members(services) == 1_500
    preview = syncs.unmap_group(identifier, "Staff", BIG, dry_run=True)
    assert len(preview.losses) == 1_500
    assert syncs.unmap_group(identifier, "Staff", BIG) == preview
    assert staff_members(services) == 0
