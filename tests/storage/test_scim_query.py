"""SQL filters (storage.scim_query) agree with the in-memory evaluator, and use indexes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import given
from hypothesis import settings
from hypothesis import strategies as st

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.filter import parse_filter
from sofa_scim_desktop.domain.filter_eval import matches
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.domain.schema import USER_TYPE
from sofa_scim_desktop.scim.render import user_document
from sofa_scim_desktop.services.journal import Journal
from sofa_scim_desktop.services.provisioning import UserProvisioning
from sofa_scim_desktop.storage import scim_store
from sofa_scim_desktop.storage.database import is_postgresql
from sofa_scim_desktop.storage.scim_query import USER_FILTER
from sofa_scim_desktop.storage.scim_store import Query
from sofa_scim_desktop.storage.tables import ScimUser
from tests.conftest import Endpoint
from tests.samples import ENTERPRISE as ENTERPRISE_URN
from tests.samples import patch

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

USERS: list[dict[str, Any]] = [
    {
        "userName": "alice@contoso.com",
        "active": "True",
        "externalId": GUID,
        "displayName": "Alice Nováková",
        "title": "Accountant",
        "name": {"givenName": "Alice", "familyName": "Nováková", "formatted": "Alice Nováková"},
        "emails": [
            {"type": "work", "value": "alice@contoso.com", "primary": True},
            {"type": "home", "value": "alice@seznam.cz"},
        ],
        "phoneNumbers": [{"type": "work", "value": "+420 222 333 444"}],
        ENTERPRISE_URN: {"department": "Účetní", "employeeNumber": "0042"},
    },
    {
        "userName": "BOB@Contoso.com",
        "active": False,
        "externalId": GUID.upper(),
        "displayName": "ŠTĚPÁN Bob",
        "title": "CFO",
        "name": {"givenName": "Štěpán", "familyName": "BOB"},
        "emails": [{"type": "work", "value": "Bob@Contoso.com"}],
        "phoneNumbers": [{"type": "mobile", "value": "+420 777 888 999"}],
        ENTERPRISE_URN: {"department": "Finance"},
    },
    {
        "userName": "carol_x@fabrikam.com",
        "active": "true",
        "displayName": "carol",
        "title": "100% accountant",
        "emails": [{"type": "home", "value": "carol@example.com", "primary": "True"}],
        "addresses": [{"type": "work", "formatted": "Na Příkopě 1, Praha"}],
    },
    {"userName": "dave@fabrikam.com", "active": True, "externalId": "ABC"},
    {
        "userName": "eve%@contoso.com",
        "active": "False",
        "title": "ACCOUNTANT",
        "preferredLanguage": "cs-CZ",
        "name": {"honorificPrefix": "Ing.", "honorificSuffix": "Ph.D.", "givenName": "Eva"},
        "emails": [{"type": "work", "value": "eve@contoso.com", "primary": False}],
        "addresses": [{"type": "home", "formatted": "Brno"}],
        ENTERPRISE_URN: {"employeeNumber": "0043", "department": "účetní"},
    },
    {
        "userName": "zdeněk@contoso.com",
        "active": True,
        "displayName": "zdeněk",
        "title": "účetní",
        "emails": [{"type": "work", "value": "Zdenek@Contoso.com"}],
    },
]

TEXTS = [
    "alice", "ALICE@CONTOSO.COM", "alice@contoso.com", "bob@contoso.com", "contoso", ".com",
    "@contoso.com", "%", "_", "100%", "x@", "Accountant", "accountant", "ACCOUNT", "účetní",
    "ÚČETNÍ", "Účetní", "štěpán", "ŠTĚPÁN", "Nováková", "NOVÁKOVÁ", "work", "home", "mobile",
    "WORK", "Ing.", "0042", "cs-cz", "Praha", "a", "z", "m", "", "abc", GUID, GUID.upper(),
    "+420 777", "CFO",
]  # fmt: skip

STRING_ATTRIBUTES = [
    "userName", "externalId", "displayName", "title", "name.givenName", "name.familyName",
    "name.formatted", "name.honorificPrefix", "name.honorificSuffix", "preferredLanguage",
    "department", "employeeNumber", f"{ENTERPRISE_SCHEMA}:department", "manager",
    "manager.value", "id", "emails", "emails.value", "emails.type", "phoneNumbers.value",
    "phoneNumbers.type", "addresses.formatted", "addresses.type",
]  # fmt: skip
SUB_ATTRIBUTES = {
    "emails": ["value", "type"],
    "phoneNumbers": ["value", "type"],
    "addresses": ["formatted", "type"],
}
STRING_OPS = ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"]
DATE_OPS = ["eq", "ne", "gt", "ge", "lt", "le"]


@dataclass
class Directory:
    sync_id: int
    documents: list[dict[str, Any]]
    ids: list[str]
    dates: list[str]


@pytest.fixture
def directory(services: bootstrap.Services, endpoint: Endpoint) -> Directory:
    sync = services.synchronizations.get(endpoint.identifier)
    users = UserProvisioning(services.db, sync, Journal(sync))
    ids = [users.create(body).row.scim_id for body in USERS]
    manager = {"op": "Add", "path": f"{ENTERPRISE_SCHEMA}:manager", "value": ids[0]}
    users.patch(ids[1], patch(manager))
    users.patch(ids[4], patch({**manager, "value": ids[1]}))
    rows = [scim_store.get_user(sync.id, scim_id) for scim_id in ids]
    documents = [user_document(row, scim_store.load(row), "http://x") for row in rows if row]
    dates = [d["meta"][k] for d in documents for k in ("created", "lastModified")]
    return Directory(sync.id, documents, ids, dates)


def string_value(draw: Any, d: Directory) -> str:
    return json.dumps(draw(st.sampled_from(TEXTS + d.ids)), ensure_ascii=False)


def comparison(draw: Any, d: Directory) -> str:
    kind = draw(st.sampled_from(["string", "string", "string", "bool", "date", "null", "pr"]))
    if kind == "bool":
        if draw(st.booleans()):
            return f"active {draw(st.sampled_from(['eq', 'ne']))} {draw(st.booleans())}".lower()
        attribute = draw(st.sampled_from(["emails.primary", "addresses.primary"]))
        return f"{attribute} {draw(st.sampled_from(['eq', 'ne']))} true"
    if kind == "date":
        attribute = draw(st.sampled_from(["meta.created", "meta.lastModified"]))
        moment = draw(st.sampled_from([*d.dates, "2000-01-01T00:00:00Z", "2999-01-01T00:00Z"]))
        return f'{attribute} {draw(st.sampled_from(DATE_OPS))} "{moment}"'
    if kind == "pr":
        return f"{draw(st.sampled_from([*STRING_ATTRIBUTES, 'addresses', 'phoneNumbers']))} pr"
    attribute = draw(st.sampled_from(STRING_ATTRIBUTES))
    if kind == "null":
        return f"{attribute} {draw(st.sampled_from(['eq', 'ne']))} null"
    return f"{attribute} {draw(st.sampled_from(STRING_OPS))} {string_value(draw, d)}"


def value_path(draw: Any, d: Directory) -> str:
    attribute = draw(st.sampled_from(sorted(SUB_ATTRIBUTES)))

    def inner(depth: int) -> str:
        if depth < 2 and draw(st.booleans()):
            joiner = draw(st.sampled_from([" and ", " or "]))
            return f"({inner(depth + 1)}{joiner}{inner(depth + 1)})"
        sub = draw(st.sampled_from([*SUB_ATTRIBUTES[attribute], "primary"]))
        if sub == "primary":  # NOTE: not false: an absent primary is NULL here, false in SQL.
            return f"primary {draw(st.sampled_from(['eq', 'ne']))} true"
        if draw(st.integers(0, 5)) == 0:
            return f"{sub} pr"
        return f"{sub} {draw(st.sampled_from(STRING_OPS))} {string_value(draw, d)}"

    text = f"{attribute}[{inner(0)}]"
    if attribute != "addresses" and draw(st.booleans()):  # Entra's `emails[…].value eq "…"`
        text += f".value {draw(st.sampled_from(STRING_OPS))} {string_value(draw, d)}"
    return text


def expression(draw: Any, d: Directory, depth: int = 0) -> str:
    choice = draw(st.integers(0, 9)) if depth < 3 else 0
    if choice <= 3:
        return comparison(draw, d)
    if choice <= 5:
        return value_path(draw, d)
    if choice == 6:
        return f"not ({expression(draw, d, depth + 1)})"
    joiner = draw(st.sampled_from([" and ", " or ", " AND ", " Or "]))
    left, right = expression(draw, d, depth + 1), expression(draw, d, depth + 1)
    return f"({left}{joiner}{right})" if draw(st.booleans()) else f"{left}{joiner}{right}"


def sql_answer(d: Directory, text: str) -> list[str]:
    expr = parse_filter(text, USER_TYPE)
    page = scim_store.list_users(d.sync_id, Query(expr=expr, count=1000))
    assert page.total == len(page.rows)
    return sorted(scim_store.load(row)["userName"] for row in page.rows)


def memory_answer(d: Directory, text: str) -> list[str]:
    expr = parse_filter(text, USER_TYPE)
    return sorted(doc["userName"] for doc in d.documents if matches(expr, doc))


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_sql_filter_equals_the_evaluator(directory: Directory, data: st.DataObject) -> None:
    text = data.draw(st.composite(lambda draw: expression(draw, directory))(), label="filter")
    assert sql_answer(directory, text) == memory_answer(directory, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('userName eq "ALICE@contoso.com"', ["alice@contoso.com"]),
        ('userName eq "Zdeněk@Contoso.com"', ["zdeněk@contoso.com"]),
        ('userName sw "eve%"', ["eve%@contoso.com"]),
        ('userName co "_"', ["carol_x@fabrikam.com"]),
        ('title co "100%"', ["carol_x@fabrikam.com"]),
        (f'externalId eq "{GUID}"', ["alice@contoso.com"]),
        ('displayName eq "štěpán bob"', ["BOB@Contoso.com"]),
        ('title eq "ÚČETNÍ"', ["zdeněk@contoso.com"]),
        ('emails[type eq "work"].value eq "bob@contoso.com"', ["BOB@Contoso.com"]),
        ('emails[type eq "work"].value eq "alice@seznam.cz"', []),
        ("active eq false", ["BOB@Contoso.com", "eve%@contoso.com"]),
        ('department eq "účetní"', ["alice@contoso.com", "eve%@contoso.com"]),
        ("not (emails pr)", ["dave@fabrikam.com"]),
    ],
)
def test_examples_a_client_would_send(directory: Directory, text: str, expected: list[str]) -> None:
    assert sql_answer(directory, text) == sorted(expected)
    assert memory_answer(directory, text) == sorted(expected)


def test_manager_check_as_entra_sends_it(directory: Directory) -> None:
    text = f'id eq "{directory.ids[1]}" and manager eq "{directory.ids[0]}"'
    assert sql_answer(directory, text) == ["BOB@Contoso.com"]


# --- Query plans ------------------------------------------------------------------------------


def query_plan(d: Directory, text: str) -> list[str]:
    """The plan's steps in SQLite's words (`SCAN t`, `SEARCH t USING INDEX i`), also on
    PostgreSQL, where sequential scans are priced out so that any usable index shows.
    """
    expr = parse_filter(text, USER_TYPE)
    condition = USER_FILTER.where(expr)
    db = ScimUser._meta.database.obj
    query = f"SELECT u.id FROM scim_user u WHERE u.sync_id = ? AND {condition.sql}"
    params = (d.sync_id, *condition.params)
    if not is_postgresql(db):
        cursor = db.execute_sql(f"EXPLAIN QUERY PLAN {query}", params)
        return [row[-1] for row in cursor.fetchall()]
    with db.atomic():
        db.execute_sql("SET LOCAL enable_seqscan = off")
        lines = [row[0] for row in db.execute_sql("EXPLAIN " + query.replace("?", "%s"), params)]
    return [step for line in lines if (step := _sqlite_words(line))]


def _sqlite_words(line: str) -> str | None:
    if found := re.search(r"Seq Scan on (\w+)", line):
        return f"SCAN {found[1]}"
    if found := re.search(r"Index (?:Only )?Scan using (\w+) on (\w+)", line):
        return f"SEARCH {found[2]} USING INDEX {found[1]}"
    if found := re.search(r"Bitmap Index Scan on (\w+)", line):
        return f"SEARCH USING INDEX {found[1]}"
    return None


@pytest.mark.parametrize(
    "text",
    [
        'userName eq "alice@contoso.com"',
        f'externalId eq "{GUID}"',
        'id eq "0b1c2d3e-0000-0000-0000-000000000000"',
    ],
)
def test_lookups_entra_sends_use_an_index(directory: Directory, text: str) -> None:
    plan = query_plan(directory, text)
    assert not any(step.startswith("SCAN") for step in plan), plan
    assert plan[0].startswith("SEARCH"), plan


def test_work_email_lookup_uses_the_value_index(directory: Directory) -> None:
    plan = query_plan(directory, 'emails[type eq "work"].value eq "alice@contoso.com"')
    assert not any(step.startswith("SCAN") for step in plan), plan
    assert any("USING INDEX scimuservalue_attribute_value_key" in step for step in plan), plan


def test_dates_in_documents_are_parseable(directory: Directory) -> None:
    for moment in directory.dates:
        assert datetime.fromisoformat(moment.replace("Z", "+00:00"))
