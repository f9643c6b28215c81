"""SCIM filters (RFC 7644 §3.4.2.2) as Entra and RFC test suites send them, parsed or refused."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest

from sofa_scim_desktop.domain.errors import InvalidFilter
from sofa_scim_desktop.domain.filter import MAX_DEPTH
from sofa_scim_desktop.domain.filter import MAX_FILTER_LENGTH
from sofa_scim_desktop.domain.filter import And
from sofa_scim_desktop.domain.filter import AttrRef
from sofa_scim_desktop.domain.filter import Compare
from sofa_scim_desktop.domain.filter import Expr
from sofa_scim_desktop.domain.filter import Not
from sofa_scim_desktop.domain.filter import Or
from sofa_scim_desktop.domain.filter import Present
from sofa_scim_desktop.domain.filter import ValuePath
from sofa_scim_desktop.domain.filter import parse_filter
from sofa_scim_desktop.domain.schema import ENTERPRISE_SCHEMA
from sofa_scim_desktop.domain.schema import GROUP_TYPE
from sofa_scim_desktop.domain.schema import USER_TYPE


def _name(ref: AttrRef) -> str:
    prefix = "enterprise:" if ref.schema == ENTERPRISE_SCHEMA else ""
    return prefix + ref.dotted


def show(expr: Expr) -> str:
    """A compact, fully parenthesised rendering of the tree, to compare with the expected one."""
    if isinstance(expr, And):
        return f"({show(expr.left)} and {show(expr.right)})"
    if isinstance(expr, Or):
        return f"({show(expr.left)} or {show(expr.right)})"
    if isinstance(expr, Not):
        return f"not {show(expr.expr)}"
    if isinstance(expr, ValuePath):
        return f"{_name(expr.ref)}[{show(expr.expr)}]"
    if isinstance(expr, Present):
        return f"{_name(expr.ref)} pr"
    return f"{_name(expr.ref)} {expr.op} {expr.value!r}"


def user(text: str) -> str:
    return show(parse_filter(text, USER_TYPE))


@pytest.mark.parametrize("op", ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"])
def test_every_comparison_operator(op: str) -> None:
    assert user(f'userName {op} "bjensen"') == f"userName {op} 'bjensen'"


def test_present() -> None:
    assert user("title pr") == "title pr"


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        (
            'title eq "a" or title eq "b" and title eq "c"',
            "(title eq 'a' or (title eq 'b' and title eq 'c'))",
        ),
        (
            'title eq "a" and title eq "b" or title eq "c"',
            "((title eq 'a' and title eq 'b') or title eq 'c')",
        ),
        (
            '(title eq "a" or title eq "b") and title eq "c"',
            "((title eq 'a' or title eq 'b') and title eq 'c')",
        ),
        (
            'title eq "a" and title eq "b" and title eq "c"',
            "((title eq 'a' and title eq 'b') and title eq 'c')",
        ),
        ('not (title eq "a") and title pr', "(not title eq 'a' and title pr)"),
        ('not (title eq "a" or title eq "b")', "not (title eq 'a' or title eq 'b')"),
        ('((title eq "a"))', "title eq 'a'"),
    ],
)
def test_precedence_not_and_or_and_parentheses(text: str, tree: str) -> None:
    assert user(text) == tree


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ('emails[type eq "work"]', "emails[emails.type eq 'work']"),
        (
            'emails[type eq "work" and value co "@contoso.com"]',
            "emails[(emails.type eq 'work' and emails.value co '@contoso.com')]",
        ),
        (
            'addresses[type eq "work" or primary eq true]',
            "addresses[(addresses.type eq 'work' or addresses.primary eq True)]",
        ),
        ("phoneNumbers[value pr]", "phoneNumbers[phoneNumbers.value pr]"),
    ],
)
def test_value_paths(text: str, tree: str) -> None:
    assert user(text) == tree


def test_entra_value_path_with_sub_attribute_comparison() -> None:
    tree = user('emails[type eq "work"].value eq "alice@contoso.com"')
    assert tree == "emails[(emails.type eq 'work' and emails.value eq 'alice@contoso.com')]"


def test_complex_attribute_without_sub_attribute_compares_its_value() -> None:
    assert user('emails co "@contoso.com"') == "emails.value co '@contoso.com'"


@pytest.mark.parametrize(
    "text",
    [
        'manager eq "x"',
        'manager.value eq "x"',
        f'{ENTERPRISE_SCHEMA}:manager eq "x"',
        f'{ENTERPRISE_SCHEMA}:manager.value eq "x"',
        f'{ENTERPRISE_SCHEMA.upper()}:MANAGER eq "x"',
    ],
)
def test_manager_bare_or_urn_qualified(text: str) -> None:
    assert user(text) == "enterprise:manager.value eq 'x'"


@pytest.mark.parametrize(
    "text", ['department eq "Sales"', f'{ENTERPRISE_SCHEMA}:department eq "Sales"']
)
def test_extension_attribute_bare_or_urn_qualified(text: str) -> None:
    assert user(text) == "enterprise:department eq 'Sales'"


def test_core_schema_urn_prefix_is_accepted() -> None:
    text = 'urn:ietf:params:scim:schemas:core:2.0:User:userName eq "a"'
    assert user(text) == "userName eq 'a'"


def test_entra_manager_check() -> None:
    tree = user('id eq "42" and manager eq "7"')
    assert tree == "(id eq '42' and enterprise:manager.value eq '7')"


@pytest.mark.parametrize(
    "text",
    [
        'USERNAME EQ "a" AND NOT (TITLE PR) OR DisplayName Sw "b"',
        'username eq "a" and not (title pr) or displayname sw "b"',
    ],
)
def test_keywords_and_attribute_names_are_case_insensitive(text: str) -> None:
    assert user(text) == "((userName eq 'a' and not title pr) or displayName sw 'b')"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("active eq true", True),
        ("active eq False", False),
        ("title eq null", None),
        ('title eq "Zelený \\"čaj\\""', 'Zelený "čaj"'),
        ('title eq "line\\nbreak"', "line\nbreak"),
        ('meta.created gt "2026-01-31T12:00:00Z"', datetime(2026, 1, 31, 12, tzinfo=UTC)),
        ('meta.lastModified le "2026-01-31T13:00:00+01:00"', datetime(2026, 1, 31, 12, tzinfo=UTC)),
    ],
)
def test_literals(text: str, value: object) -> None:
    expr = parse_filter(text, USER_TYPE)
    assert isinstance(expr, Compare)
    assert expr.value == value


def test_group_filters() -> None:
    expr = parse_filter('displayName eq "Accounting" and members[value eq "u1"]', GROUP_TYPE)
    assert show(expr) == "(displayName eq 'Accounting' and members[members.value eq 'u1'])"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "userName",
        'userName xx "a"',
        'userName eq "a',
        "userName eq",
        'userName "a"',
        'eq "a"',
        'nickName eq "a"',
        'name.nickName eq "a"',
        'urn:example:unknown:2.0:User:department eq "a"',
        'userName eq "a" and',
        'userName eq "a" or or title pr',
        'userName eq "a" title pr',
        '(userName eq "a"',
        'userName eq "a")',
        'not userName eq "a"',
        "not ()",
        "()",
        'userName eq "a\\q"',
        "userName eq 5",
        "userName eq true",
        "userName eq bjensen",
        'active eq "True"',
        "active gt true",
        "active co true",
        "title gt null",
        "title co null",
        'meta.created co "2026"',
        'meta.created gt "yesterday"',
        'meta eq "x"',
        'emails[type eq "work"',
        'emails[type eq "work"]]',
        'userName[value eq "a"]',
        'emails.type[value eq "x"]',
        'emails[type eq "work"][type eq "home"]',
        'emails[emails[type eq "work"]]',
        'emails[type eq "work"].nope eq "x"',
        'userName eq "a" ; drop table scim_user',
        "userName eq 'single quotes'",
        'title eq "a" & title eq "b"',
    ],
)
def test_invalid_filters_are_refused(text: str) -> None:
    with pytest.raises(InvalidFilter) as raised:
        parse_filter(text, USER_TYPE)
    assert raised.value.scim_type == "invalidFilter"
    assert raised.value.status == 400
    assert raised.value.detail


def test_members_filter_is_not_a_user_attribute() -> None:
    with pytest.raises(InvalidFilter, match="members"):
        parse_filter('members[value eq "a"]', USER_TYPE)


def test_filter_at_the_length_limit_is_accepted() -> None:
    text = 'title eq "' + "x" * (MAX_FILTER_LENGTH - len('title eq ""')) + '"'
    assert len(text) == MAX_FILTER_LENGTH
    assert isinstance(parse_filter(text, USER_TYPE), Compare)


def test_filter_over_the_length_limit_is_refused() -> None:
    text = 'title eq "' + "x" * MAX_FILTER_LENGTH + '"'
    with pytest.raises(InvalidFilter, match="longer than"):
        parse_filter(text, USER_TYPE)


def test_nesting_up_to_the_limit_is_accepted() -> None:
    depth = MAX_DEPTH - 1
    text = "(" * depth + "title pr" + ")" * depth
    assert user(text) == "title pr"


def test_nesting_over_the_limit_is_refused() -> None:
    depth = MAX_DEPTH + 1
    text = "(" * depth + "title pr" + ")" * depth
    with pytest.raises(InvalidFilter, match="nests deeper"):
        parse_filter(text, USER_TYPE)


def test_nested_not_over_the_limit_is_refused() -> None:
    text = "not (" * (MAX_DEPTH + 1) + "title pr" + ")" * (MAX_DEPTH + 1)
    with pytest.raises(InvalidFilter, match="nests deeper"):
        parse_filter(text, USER_TYPE)


def test_long_flat_chain_is_not_a_nesting_problem() -> None:
    text = " or ".join(f'userName eq "u{i}"' for i in range(60))
    assert isinstance(parse_filter(text, USER_TYPE), Or)
