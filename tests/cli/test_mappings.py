"""`map … --dry-run`, `unmap`, `map list` and `user explain` as real processes (SPEC §8.3)."""

from __future__ import annotations

import pytest

from sofa_scim_desktop import bootstrap
from tests.cli.test_cli import failed
from tests.cli.test_cli import ok
from tests.cli.test_cli import ok_json
from tests.conftest import Endpoint
from tests.services.test_memberships import ACCOUNTING
from tests.services.test_memberships import FINANCE
from tests.services.test_memberships import Entra

UNSEEN = "99999999-8888-7777-6666-555555555555"


@pytest.fixture
def data(services: bootstrap.Services) -> str:
    return str(services.data_dir)


@pytest.fixture
def entra(services: bootstrap.Services, endpoint: Endpoint) -> Entra:
    """Accounting: alice and bob; Finance: carol. Sofa has the group Účetní."""
    services.directory.create_group("Účetní")
    sent = Entra(services, endpoint.identifier)
    alice, bob, carol = (sent.user(f"{n}@contoso.com") for n in ("alice", "bob", "carol"))
    sent.group("Accounting", ACCOUNTING, alice, bob)
    sent.group("Finance", FINANCE, carol)
    return sent


def groups_of(services: bootstrap.Services, user_name: str) -> list[str]:
    return next(u.groups for u in services.directory.users() if u.user_name == user_name)


def test_map_dry_run_changes_nothing_and_map_then_does_what_it_said(
    services: bootstrap.Services, data: str, entra: Entra
) -> None:
    args = ("map", "group", "Contoso", "--sofa-group", "Účetní", "--remote", ACCOUNTING,
            "--data-dir", data)  # fmt: skip
    preview = ok_json(*args, "--dry-run")
    assert preview == {
        "gains": [
            {"user_name": "alice@contoso.com", "group": "Účetní"},
            {"user_name": "bob@contoso.com", "group": "Účetní"},
        ],
        "losses": [],
    }
    assert groups_of(services, "alice@contoso.com") == []
    assert ok_json("map", "list", "Contoso", "--data-dir", data) == []
    assert ok_json(*args) == preview
    assert groups_of(services, "alice@contoso.com") == ["Účetní"]


def test_map_role_dry_run_as_text(data: str, entra: Entra) -> None:
    out = ok("map", "role", "Contoso", "--sofa-role", "Administrator", "--remote", FINANCE,
             "--dry-run", "--data-dir", data)  # fmt: skip
    assert "nothing was changed" in out
    assert "1 would gain:" in out
    assert "carol@contoso.com" in out and "role Administrator" in out


def test_unmap_dry_run_then_unmap(services: bootstrap.Services, data: str, entra: Entra) -> None:
    services.synchronizations.map_group("Contoso", "Účetní", ACCOUNTING)
    services.directory.grant("bob@contoso.com", group="Účetní")
    args = ("unmap", "group", "Contoso", "--sofa-group", "Účetní", "--remote", ACCOUNTING,
            "--data-dir", data)  # fmt: skip
    preview = ok_json(*args, "--dry-run")
    # bob keeps it: he holds it by hand too.
    lost = [{"user_name": "alice@contoso.com", "group": "Účetní"}]
    assert preview == {"gains": [], "losses": lost}
    assert groups_of(services, "alice@contoso.com") == ["Účetní"]
    assert ok_json(*args) == preview
    assert groups_of(services, "alice@contoso.com") == []
    assert groups_of(services, "bob@contoso.com") == ["Účetní"]
    assert ok_json("map", "list", "Contoso", "--data-dir", data) == []


def test_unmap_of_what_is_not_mapped_fails(data: str, entra: Entra) -> None:
    stderr = failed("unmap", "group", "Contoso", "--sofa-group", "Účetní", "--remote", FINANCE,
                    "--data-dir", data)  # fmt: skip
    assert "No mapping" in stderr


def test_map_list_seen_unseen_names_and_members(
    services: bootstrap.Services, data: str, entra: Entra
) -> None:
    services.synchronizations.map_group("Contoso", "Účetní", ACCOUNTING)
    services.synchronizations.map_role("Contoso", "Administrator", UNSEEN)
    assert ok_json("map", "list", "Contoso", "--data-dir", data) == [
        {"kind": "group", "group": "Účetní", "remote": ACCOUNTING, "remote_name": "Accounting",
         "seen": True, "members": 2},
        {"kind": "role", "role": "Administrator", "remote": UNSEEN, "remote_name": None,
         "seen": False, "members": 0},
    ]  # fmt: skip
    text = ok("map", "list", "Contoso", "--data-dir", data)
    assert "Accounting  2 member(s)" in text
    assert "never sent by Entra" in text


def test_user_explain_by_hand_and_by_synchronization(
    services: bootstrap.Services, data: str, entra: Entra
) -> None:
    services.synchronizations.map_group("Contoso", "Účetní", ACCOUNTING)
    services.directory.grant("alice@contoso.com", role="Administrator")
    assert ok_json("user", "explain", "alice@contoso.com", "--data-dir", data) == {
        "groups": [
            {"name": "Účetní", "granted": "synchronization", "synchronization": "Contoso",
             "remote": ACCOUNTING, "remote_name": "Accounting"},
        ],
        "roles": [{"name": "Administrator", "granted": "by_hand"}],
    }  # fmt: skip
    text = ok("user", "explain", "alice@contoso.com", "--data-dir", data)
    assert f"from synchronization Contoso, Entra group 'Accounting' ({ACCOUNTING})" in text
    assert "granted by hand" in text


def test_user_explain_of_an_unknown_user_fails(data: str) -> None:
    assert "No user named" in failed("user", "explain", "nobody", "--data-dir", data)
