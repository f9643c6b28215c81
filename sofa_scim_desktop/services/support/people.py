"""The people this database knows, taught to the text net before anything is masked, and
mail subjects masked by their template's placeholders (a welcome subject may name the user).
"""

from __future__ import annotations

import re
from string import Template

from sofa_scim_desktop.services.mail import templates
from sofa_scim_desktop.services.support.mask import OPAQUE
from sofa_scim_desktop.services.support.mask import PERSON
from sofa_scim_desktop.services.support.mask import PHONE
from sofa_scim_desktop.services.support.mask import field_kind
from sofa_scim_desktop.services.support.mask import person
from sofa_scim_desktop.services.support.net import Masker
from sofa_scim_desktop.storage.tables import CallFailure
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import ScimUser
from sofa_scim_desktop.storage.tables import ScimUserValue
from sofa_scim_desktop.storage.tables import SofaUser

# (table, {column: kind}): every column that holds something of a person.
_COLUMNS = (
    (SofaUser, {
        "user_name": PERSON, "display_name": PERSON, "first_name": PERSON, "surname": PERSON,
        "notification_email": PERSON, "telephone": PHONE, "mobile": PHONE,
        "personal_number": OPAQUE, "sso_identifier": OPAQUE,
    }),
    (ScimUser, {
        "user_name": PERSON, "display_name": PERSON, "given_name": PERSON,
        "family_name": PERSON, "formatted_name": PERSON, "external_id": OPAQUE,
        "employee_number": OPAQUE,
    }),
    (MailMessage, {"recipient": PERSON}),
    (CallFailure, {"user_name": PERSON}),
)  # fmt: skip
PERSONAL_PLACEHOLDERS = frozenset({"name", "user_name"})
_PLACEHOLDER = re.compile(r"\$(?:(\w+)|\{(\w+)\})")


def learn(masker: Masker) -> None:
    """One query per table, values only (PERF: 100,000 users take about a second)."""
    for table, columns in _COLUMNS:
        kinds = list(columns.values())
        query = table.select(*[getattr(table, column) for column in columns]).tuples()
        for values in query:
            for kind, value in zip(kinds, values, strict=True):
                if value:
                    masker.learn(kind, value)
    values = ScimUserValue.select(ScimUserValue.attribute, ScimUserValue.value).tuples()
    for attribute, value in values:  # emails, phoneNumbers, addresses
        if value:
            masker.learn(field_kind(attribute) or OPAQUE, value)


def subject(kind: str, language: str, text: str, masker: Masker) -> str:
    """The template's own words kept, its personal placeholders masked; a subject that does
    not match its template goes through the text net whole.
    """
    try:
        template = templates.subject_template(kind, language)
    except (FileNotFoundError, ValueError):  # a kind without a template of ours
        return masker.leaf(text)
    match = _pattern(template).fullmatch(text)
    if match is None:
        return masker.leaf(text)
    values = {
        name: person(value) if name in PERSONAL_PLACEHOLDERS else masker.leaf(value)
        for name, value in match.groupdict().items()
    }
    return masker.text(Template(template).safe_substitute(values))


def _pattern(template: str) -> re.Pattern[str]:
    parts: list[str] = []
    named: set[str] = set()
    position = 0
    for found in _PLACEHOLDER.finditer(template):
        name = found.group(1) or found.group(2)
        parts.append(re.escape(template[position : found.start()]))
        parts.append(f"(?P={name})" if name in named else f"(?P<{name}>.+?)")
        named.add(name)
        position = found.end()
    parts.append(re.escape(template[position:]))
    return re.compile("".join(parts), re.DOTALL)
