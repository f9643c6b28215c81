"""Mail subjects in the bundle: the template's words kept, the personal placeholders masked,
even for a person the database no longer knows."""

from __future__ import annotations

import pytest

from sofa_scim_desktop.services.mail import templates
from sofa_scim_desktop.services.support import people
from sofa_scim_desktop.services.support.net import Masker


@pytest.mark.parametrize(
    ("kind", "language", "subject"),
    [
        ("welcome", "cs", "Vítejte v aplikaci Sofa"),
        ("password_link", "en", "Set your Sofa password"),
        ("failures", "en", 'Sofa: synchronization "Contoso" failed 3 times'),
    ],
)
def test_a_subject_of_our_templates_is_kept(kind: str, language: str, subject: str) -> None:
    assert people.subject(kind, language, subject, Masker(keep=["Contoso"])) == subject


def test_a_name_in_a_templates_placeholder_becomes_initials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(
        templates, "subject_template", lambda kind, language: "Welcome, $name ($user_name)"
    )
    subject = "Welcome, Zdeňka Malá (zdenka.mala@contoso.cz)"
    assert people.subject("welcome", "en", subject, Masker()) == "Welcome, Z. M. (z***@contoso.cz)"


def test_a_subject_unlike_its_template_goes_through_the_text_net() -> None:
    masker = Masker()
    masker.learn("person", "Zdeňka Malá")
    subject = "Welcome to Sofa, Zdeňka Malá"
    assert people.subject("welcome", "en", subject, masker) == "Welcome to Sofa, Z. M."


def test_a_kind_without_a_template_goes_through_the_text_net() -> None:
    assert people.subject("custom", "en", "For jana@contoso.cz", Masker()) == "For j***@contoso.cz"
