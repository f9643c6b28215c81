"""Synchronization identifiers derived from names, and Entra group Object Ids (SPEC §2)."""

from __future__ import annotations

import pytest

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.identifiers import IDENTIFIER_MAX_LENGTH
from sofa_scim_desktop.domain.identifiers import derive_identifier
from sofa_scim_desktop.domain.identifiers import identifier_problem
from sofa_scim_desktop.domain.identifiers import normalize_remote_group_id
from sofa_scim_desktop.domain.identifiers import validate_identifier

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("Účetní oddělení", "Ucetni_oddeleni"),
        ("Příliš žluťoučký kůň", "Prilis_zlutoucky_kun"),
        ("ĎÁBELSKÉ ÓDY", "DABELSKE_ODY"),
        ("Straße Ørsted Łódź", "Strasse_Orsted_Lodz"),
        ("Contoso", "Contoso"),
        ("Contoso HR-2026.main", "Contoso_HR_2026_main"),
        ("  Contoso  ", "Contoso"),
        ("2026 Contoso", "Contoso"),
        ("__private", "private"),
        ("_1_Contoso", "Contoso"),
    ],
)
def test_derive_identifier_transliterates_and_replaces(name: str, identifier: str) -> None:
    assert derive_identifier(name) == identifier


@pytest.mark.parametrize("name", ["Účetní oddělení", "2026 Contoso", "Ørsted", "a b c"])
def test_derived_identifier_is_acceptable(name: str) -> None:
    assert identifier_problem(derive_identifier(name)) is None


def test_long_name_is_cut_to_the_maximum_length() -> None:
    identifier = derive_identifier("Účetní oddělení " * 20)
    assert len(identifier) == IDENTIFIER_MAX_LENGTH
    assert identifier.startswith("Ucetni_oddeleni_Ucetni")


@pytest.mark.parametrize("name", ["", "   ", "2026", "___", "日本語"])
def test_name_without_letters_gives_no_identifier(name: str) -> None:
    assert derive_identifier(name) == ""


@pytest.mark.parametrize(
    ("identifier", "message"),
    [
        ("", "The identifier is required."),
        ("a" * (IDENTIFIER_MAX_LENGTH + 1), "at most 64 characters"),
        ("1Contoso", "must start with a letter of the English alphabet"),
        ("_Contoso", "must start with a letter of the English alphabet"),
        ("Účetní", "must start with a letter of the English alphabet"),
        ("Contoso HR", "only contain English letters, digits and underscores"),
        ("Contoso-HR", "only contain English letters, digits and underscores"),
        ("Contosó", "only contain English letters, digits and underscores"),
    ],
)
def test_identifier_problem_explains_why(identifier: str, message: str) -> None:
    problem = identifier_problem(identifier)
    assert problem is not None
    assert message in problem


@pytest.mark.parametrize(
    "identifier", ["C", "Contoso", "contoso_HR_2", "a" * IDENTIFIER_MAX_LENGTH]
)
def test_valid_identifier_has_no_problem(identifier: str) -> None:
    assert identifier_problem(identifier) is None
    assert validate_identifier(identifier) == identifier


def test_validate_identifier_raises_the_problem() -> None:
    with pytest.raises(DomainError, match="must start with a letter"):
        validate_identifier("9lives")


@pytest.mark.parametrize(
    "text",
    [GUID, GUID.upper(), "0B1C2D3E-4f50-6172-8394-A5B6C7D8E9F0", f"  {GUID}\n"],
)
def test_remote_group_id_accepts_any_case(text: str) -> None:
    assert normalize_remote_group_id(text) == GUID


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Accounting",
        "0b1c2d3e-4f50-6172-8394",
        "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9fz",
        GUID.replace("-", ""),
        "{" + GUID + "}",
        "urn:uuid:" + GUID,
        GUID + "0",
    ],
)
def test_remote_group_id_refuses_non_guids(text: str) -> None:
    with pytest.raises(DomainError, match="GUID"):
        normalize_remote_group_id(text)
