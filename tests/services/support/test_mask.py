"""Masking, case by case: e-mail addresses, names, phone numbers by field and in free text;
secrets of every shape redacted; what support needs (ids, identifiers, codes) kept."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

import pytest

from sofa_scim_desktop.services.support.mask import OPAQUE
from sofa_scim_desktop.services.support.mask import PERSON
from sofa_scim_desktop.services.support.mask import PHONE
from sofa_scim_desktop.services.support.mask import SECRET
from sofa_scim_desktop.services.support.mask import email
from sofa_scim_desktop.services.support.mask import field_kind
from sofa_scim_desktop.services.support.mask import initials
from sofa_scim_desktop.services.support.mask import mask_tree
from sofa_scim_desktop.services.support.mask import phone
from sofa_scim_desktop.services.support.net import Masker

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group"
KEY = secrets.token_urlsafe(32)


@pytest.mark.parametrize(
    ("address", "masked"),
    [
        ("jana.novakova@contoso.cz", "j***@contoso.cz"),
        ("J.Novak+entra@mail.contoso.cz", "J***@mail.contoso.cz"),
        ("not-an-address", "N. A. A."),
    ],
)
def test_email(address: str, masked: str) -> None:
    assert email(address) == masked


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("Jana Nováková", "J. N."),
        ("šárka dvořáková-svobodová", "Š. D. S."),
        ("jnovak", "J."),
        ("Ing. Petr Dvořák, Ph.D.", "I. P. D. P. D."),
        ("", ""),
    ],
)
def test_initials(name: str, masked: str) -> None:
    assert initials(name) == masked


@pytest.mark.parametrize(
    ("number", "masked"),
    [("+420 777 123 456", "***56"), ("(555) 123-4567", "***67"), ("112", "***")],
)
def test_phone(number: str, masked: str) -> None:
    assert phone(number) == masked


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("userName", PERSON),
        ("user_name", PERSON),
        ("name.givenName", PERSON),
        ('emails[type eq "work"].value', PERSON),
        ("notification_email", PERSON),
        ("phoneNumbers", PHONE),
        ('phoneNumbers[type eq "mobile"].value', PHONE),
        ("telephone", PHONE),
        ("addresses", OPAQUE),
        ("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", OPAQUE),
        ("externalId", OPAQUE),
        ("password", SECRET),
        ("key_hash", SECRET),
        ("Authorization", SECRET),
        ("token", SECRET),
        ('emails[type eq "work"].type', None),
        ("title", None),
        ("members", None),
        ("name", None),  # a group's or role's name in detail.groups_added
        ("key_expires_at", None),
        ("active", None),
    ],
)
def test_field_kind(path: str, kind: str | None) -> None:
    assert field_kind(path) == kind


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ({"userName": "jana@contoso.cz", "title": "Accountant"},
         {"userName": "j***@contoso.cz", "title": "Accountant"}),
        ({"name": {"givenName": "Jana", "familyName": "Nováková", "honorificPrefix": "Ing."}},
         {"name": {"givenName": "J.", "familyName": "N.", "honorificPrefix": "Ing."}}),
        ({"emails": [{"type": "work", "primary": True, "value": "jana@contoso.cz"}]},
         {"emails": [{"type": "work", "primary": True, "value": "j***@contoso.cz"}]}),
        ({"phoneNumbers": [{"type": "mobile", "value": "+420 777 123 456"}]},
         {"phoneNumbers": [{"type": "mobile", "value": "***56"}]}),
        ({"addresses": [{"type": "work", "streetAddress": "Vinohradská 12"}]},
         {"addresses": [{"type": "work", "streetAddress": "***"}]}),
        ({"op": "replace", "path": "name.familyName", "value": "Dvořáková"},
         {"op": "replace", "path": "name.familyName", "value": "D."}),
        ({"op": "replace", "value": {"displayName": "Jana D", "active": False}},
         {"op": "replace", "value": {"displayName": "J. D.", "active": False}}),
        ({"field": "surname", "before": "Nováková", "after": "Dvořáková"},
         {"field": "surname", "before": "N.", "after": "D."}),
        ({"field": "job", "before": "Clerk", "after": "Accountant"},
         {"field": "job", "before": "Clerk", "after": "Accountant"}),
        ({"group": "Accounting", "members_added": ["jnovak"], "members_removed": ["a@b.cz"]},
         {"group": "Accounting", "members_added": ["J."], "members_removed": ["a***@b.cz"]}),
        ({"groups_added": [{"user_name": "jnovak", "name": "Accounting"}]},
         {"groups_added": [{"user_name": "J.", "name": "Accounting"}]}),
        ({"members": [{"value": GUID, "display": "Jana Nováková"}]},
         {"members": [{"value": GUID, "display": "J. N."}]}),
        ({"schemas": [GROUP], "displayName": "Accounting",
          "members": [{"value": GUID, "display": "Jana Nováková"}]},
         {"schemas": [GROUP], "displayName": "Accounting",
          "members": [{"value": GUID, "display": "J. N."}]}),
        ({"request": {"uri": f"/scim/v2/Contoso/Groups/{GUID}",
                      "body": {"Operations": [{"op": "replace", "path": "displayName",
                                               "value": "Sales"}]}}},
         {"request": {"uri": f"/scim/v2/Contoso/Groups/{GUID}",
                      "body": {"Operations": [{"op": "replace", "path": "displayName",
                                               "value": "Sales"}]}}}),
        ({"externalId": GUID}, {"externalId": GUID}),  # a group's object id: support needs it
        ({"externalId": "jnovak"}, {"externalId": "***"}),
        ({"password": "Heslo-2026", "secret_token": 12345},
         {"password": "[redacted]", "secret_token": "[redacted]"}),
        ([{"user_name": "a@b.cz"}, "free text"], [{"user_name": "a***@b.cz"}, "free text"]),
    ],
)  # fmt: skip
def test_mask_tree_by_field(value: Any, masked: Any) -> None:
    assert mask_tree(value) == masked


def taught() -> Masker:
    masker = Masker(keep=["Contoso_Entra", "Contoso – Entra ID"])
    masker.learn(PERSON, "Jana Nováková")
    masker.learn(PERSON, "jnovak")
    masker.learn(PERSON, "petr.dvorak@contoso.cz")
    masker.learn(PHONE, "+420 777 123 456")
    masker.learn(OPAQUE, "EMP-0042")
    masker.learn(OPAQUE, "jnovakova")
    masker.forbid("s3cret-SMTP")
    return masker


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("User Jana Nováková created.", "User J. N. created."),
        ("User JNOVAK updated.", "User J. updated."),
        ("Added petr.dvorak@contoso.cz to Accounting", "Added p***@contoso.cz to Accounting"),
        ("mail to ivana.kralova@fabrikam.com failed", "mail to i***@fabrikam.com failed"),
        ("userName 'jana@contoso.cz' exists", "userName 'j***@contoso.cz' exists"),
        ("Petr Dvorak changed", "P. D. changed"),
        ("call 777 123 456 or +1 555 010 9999", "call ***56 or ***99"),
        ("at 2026-11-24 06:42:00, 409 Conflict", "at 2026-11-24 06:42:00, 409 Conflict"),
        ("Authorization: Bearer abc.def-ghi", "Authorization: [redacted]"),
        (f"sent Bearer {KEY} to it", "sent Bearer [redacted] to it"),
        ("Basic bWFpbGVyOnMzY3JldA==", "Basic [redacted]"),
        (f"key {KEY}", "key [redacted]"),
        (f"hash {hashlib.sha256(KEY.encode()).hexdigest()}", "hash [redacted]"),
        ("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA done", "[redacted] done"),
        ("link https://sofa.contoso.cz/password/Ab_12-x", "link https://sofa.contoso.cz/password/[redacted]"),
        ("login with s3cret-SMTP refused", "login with [redacted] refused"),
        (f"group {GUID} of Contoso_Entra", f"group {GUID} of Contoso_Entra"),
        ("Contoso – Entra ID: Test connection", "Contoso – Entra ID: Test connection"),
        ("object 3ada1f00 kept", "object 3ada1f00 kept"),
        ("externalId jnovakova", "externalId J."),
        ("EMP-0042 retired", "E.-0042 retired"),
    ],
)  # fmt: skip
def test_text_net(text: str, masked: str) -> None:
    assert taught().text(text) == masked


def test_text_net_is_idempotent() -> None:
    masker = taught()
    once = masker.text("User Jana Nováková <petr.dvorak@contoso.cz> +420 777 123 456")
    assert masker.text(once) == once


def test_leaf_decodes_a_query_before_masking() -> None:
    uri = "GET /Users?filter=userName+eq+%22jnovak%40contoso.cz%22 → 200"
    assert taught().leaf(uri) == 'GET /Users?filter=userName eq "j***@contoso.cz" → 200'


def test_learn_tree_teaches_the_names_a_log_detail_holds() -> None:
    masker = Masker()
    masker.learn_tree({"request": {"body": {"name": {"familyName": "Walczak"}}}})
    assert masker.text("Krystyna Walczak left") == "Krystyna W. left"
