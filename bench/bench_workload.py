"""Entra-shaped SCIM requests (entra.md) and the calls of each bench phase built from them."""

import json
import random
import uuid
from urllib.parse import quote

from bench_load import Call
from bench_load import split

CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User"
ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"
CORE_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
MS_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"
PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp"
PAGE_SIZE = 100
BATCH_SIZE = 100


def user_name(i: int) -> str:
    return f"user{i}@contoso.com"


def _json(document: dict) -> bytes:
    return json.dumps(document).encode()


def _guid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# --- Request bodies, as Entra sends them ------------------------------------------------------


def user_body(i: int, rng: random.Random) -> bytes:
    """`POST /Users` as Entra's default mapping sends it (entra.md, "The sequence" 3)."""
    given, family = f"Given{i}", f"Family{i}"
    return _json(
        {
            "schemas": [CORE_USER, ENTERPRISE],
            "externalId": _guid(rng),
            "userName": user_name(i),
            "active": "True",
            "emails": [{"primary": True, "type": "work", "value": user_name(i)}],
            "meta": {"resourceType": "User"},
            "name": {"formatted": f"{given} {family}", "familyName": family, "givenName": given},
            "roles": [],
            "title": "Engineer",
            ENTERPRISE: {"department": f"Department {i % 50}", "employeeNumber": str(i)},
        }
    )


def user_patch_body(n: int) -> bytes:
    title = {"op": "Replace", "path": "title", "value": f"Engineer {n}"}
    mail = {
        "op": "Replace",
        "path": 'emails[type eq "work"].value',
        "value": f"changed{n}@contoso.com",
    }
    return _json({"schemas": [PATCH_OP], "Operations": [title, mail]})


def group_body(rng: random.Random) -> bytes:
    return _json(
        {
            "schemas": [CORE_GROUP, MS_GROUP],
            "externalId": _guid(rng),
            "displayName": "Bench group",
            "meta": {"resourceType": "Group"},
        }
    )


def add_members_body(ids: list[str]) -> bytes:
    value = [{"value": i} for i in ids]
    return _json(
        {"schemas": [PATCH_OP], "Operations": [{"op": "Add", "path": "members", "value": value}]}
    )


def remove_member_body(member_id: str) -> bytes:
    remove = {"op": "remove", "path": f'members[value eq "{member_id}"]'}
    return _json({"schemas": [PATCH_OP], "Operations": [remove]})


# --- Answer checks --------------------------------------------------------------------------


def expect_total(total: int):
    return lambda body: json.loads(body)["totalResults"] == total


def keep_id(ids: list[str | None], index: int):
    """A check that stores the created resource's `id` for the later phases."""

    def check(body: bytes) -> bool:
        ids[index] = json.loads(body)["id"]
        return bool(ids[index])

    return check


def expect_page(total: int, size: int):
    def check(body: bytes) -> bool:
        page = json.loads(body)
        return page["totalResults"] == total and len(page["Resources"]) == size

    return check


# --- Calls ----------------------------------------------------------------------------------


def lookup_call(name: str, expected: int | None) -> Call:
    query = quote(f'userName eq "{name}"', safe="")
    check = expect_total(expected) if expected is not None else None
    return Call("GET", f"/Users?filter={query}", check=check)


def user_patch_call(user_id: str, n: int) -> Call:
    return Call("PATCH", f"/Users/{user_id}", user_patch_body(n))


def member_add_call(group_id: str, member_id: str) -> Call:
    return Call("PATCH", f"/Groups/{group_id}", add_members_body([member_id]))


def member_remove_call(group_id: str, member_id: str) -> Call:
    return Call("PATCH", f"/Groups/{group_id}", remove_member_body(member_id))


# --- Phases ---------------------------------------------------------------------------------


def create_calls(first: int, count: int, ids: list[str | None], rng: random.Random) -> list[Call]:
    """Creates of users first..first+count-1; each answer's id lands in ids[i - first]."""
    return [
        Call("POST", "/Users", user_body(first + i, rng), keep_id(ids, i)) for i in range(count)
    ]


def lookup_calls(
    users: int, ops: int, rng: random.Random, verify: bool, first: int = 0
) -> list[Call]:
    """Half hits on created users, half misses on a random GUID (Entra's match-before-create)."""
    calls = []
    for n in range(ops):
        if n % 2 == 0:
            name, expected = user_name(first + rng.randrange(users)), 1
        else:
            name, expected = f"{_guid(rng)}@contoso.com", 0
        calls.append(lookup_call(name, expected if verify else None))
    return calls


def patch_calls(ids: list[str], ops: int, rng: random.Random) -> list[Call]:
    return [user_patch_call(rng.choice(ids), n) for n in range(ops)]


def member_batch_calls(group_id: str, member_ids: list[str]) -> list[Call]:
    """Fill the group in order, BATCH_SIZE members per PATCH (Entra's many-members Add)."""
    return [
        Call("PATCH", f"/Groups/{group_id}", add_members_body(member_ids[k : k + BATCH_SIZE]))
        for k in range(0, len(member_ids), BATCH_SIZE)
    ]


def toggle_calls(group_id: str, pool: list[str], ops: int) -> list[Call]:
    """Remove a member, then add it back, walking one client's own pool of members."""
    calls = []
    for n in range(ops):
        member = pool[(n // 2) % len(pool)]
        builder = member_remove_call if n % 2 == 0 else member_add_call
        calls.append(builder(group_id, member))
    return calls


def toggle_shares(group_id: str, members: list[str], ops: int, clients: int) -> list[list[Call]]:
    """Each client toggles its own disjoint members, so the pairs never race each other."""
    per_client = max(2, ops // clients)
    return [toggle_calls(group_id, members[k::clients], per_client) for k in range(clients)]


def page_shares(users: int, clients: int, verify: bool) -> list[list[Call]]:
    """Every page of /Users, PAGE_SIZE at a time, pages dealt out to the clients."""
    calls = []
    for start in range(1, users + 1, PAGE_SIZE):
        size = min(PAGE_SIZE, users - start + 1)
        check = expect_page(users, size) if verify else None
        calls.append(Call("GET", f"/Users?startIndex={start}&count={PAGE_SIZE}", check=check))
    return split(calls, clients)


def mixed_shares(
    ids: list[str],
    members: list[str],
    group_id: str | None,
    ops: int,
    clients: int,
    rng: random.Random,
) -> list[list[Call]]:
    """An incremental cycle: 70% lookups, 20% user PATCHes, 10% member changes."""
    shares = []
    for k in range(clients):
        pool = members[k::clients]
        toggles = iter(toggle_calls(group_id, pool, ops)) if group_id and pool else None
        lookups = iter(lookup_calls(len(ids), ops, rng, verify=True))
        share = []
        for n in range(ops // clients):
            roll = rng.random()
            if roll < 0.7 or (roll >= 0.9 and toggles is None):
                share.append(next(lookups))
            elif roll < 0.9:
                share.append(user_patch_call(rng.choice(ids), n))
            else:
                share.append(next(toggles))
        shares.append(share)
    return shares
