"""Masking for the support bundle: personal data by field where the data is structured
(`mask_tree`), and over all text as the last safety net (`Masker.text`).

E-mail addresses keep their first letter and domain (`j***@contoso.cz`), names become
initials (`J. N.`), phone numbers keep their last two digits; keys, passwords, tokens and
hashes of them are never shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

REDACTED = "[redacted]"
PERSON = "person"  # names, user names, e-mail addresses
PHONE = "phone"
OPAQUE = "opaque"  # addresses, personal numbers, SSO identifiers: nothing of them is kept
SECRET = "secret"

UUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")

# Field names in SCIM resources (RFC 7643 §4.1) and in Sofa's (SPEC §7 `user list`), lower
# case without underscores, so that `givenName`, `first_name` and `FIRST-NAME` all match.
_FIELDS = {
    **dict.fromkeys(
        ("username", "displayname", "display", "givenname", "familyname", "middlename",
         "formatted", "nickname", "firstname", "surname", "notificationemail", "email",
         "emails", "manager", "recipient", "to", "membersadded", "membersremoved"),
        PERSON,
    ),
    **dict.fromkeys(("phonenumbers", "phone", "telephone", "mobile"), PHONE),
    **dict.fromkeys(
        ("addresses", "streetaddress", "locality", "postalcode", "externalid", "employeenumber",
         "personalnumber", "ssoidentifier", "photos", "ims", "x509certificates"),
        OPAQUE,
    ),
}  # fmt: skip
_SECRET_FIELD = re.compile(
    r"password|secret|token|authorization|hash|credential|^(api|access|secret)?key$"
)
NEUTRAL = frozenset({"type", "primary", "op", "path", "schemas"})

Seen = Callable[[str, str], None]


def email(address: str) -> str:
    """`jana.novakova@contoso.cz` -> `j***@contoso.cz`."""
    local, _, domain = address.strip().rpartition("@")
    if not local or not domain:
        return initials(address)
    return f"{local[0]}***@{domain}"


def initials(name: str) -> str:
    """`Jana Nováková` -> `J. N.`; `jnovak` -> `J.`."""
    parts = re.findall(r"[^\W_]+", name)
    return " ".join(f"{part[0].upper()}." for part in parts)


def phone(number: str) -> str:
    """`+420 777 123 456` -> `***56`."""
    digits = re.sub(r"\D", "", number)
    return f"***{digits[-2:]}" if len(digits) > 4 else "***"


def person(value: str) -> str:
    return email(value) if "@" in value else initials(value)


@lru_cache(maxsize=4096)  # PERF: a log holds the same few field names many thousand times
def field_kind(path: str) -> str | None:
    """What a field (or a SCIM attribute path, RFC 7644 §3.10) holds: `name.givenName` is a
    person's, `emails[type eq "work"].value` too, `urn:…:enterprise:2.0:User:employeeNumber`
    opaque; None for fields that carry no personal data.
    """
    segments = [s for s in re.split(r"[.:]", re.sub(r"\[.*?\]", "", path)) if s]
    if not segments or segments[-1].lower() in NEUTRAL:
        return None
    for segment in reversed(segments):
        normal = segment.lower().replace("_", "").replace("-", "")
        if _SECRET_FIELD.search(normal):
            return SECRET
        if normal in _FIELDS:
            return _FIELDS[normal]
    return None


def mask_value(kind: str | None, value: str) -> str:
    if kind is None or not value.strip():
        return value
    if kind == SECRET:
        return REDACTED
    if UUID.match(value.strip()):
        return value  # object ids name no one, and support needs them to match calls
    if kind == PERSON:
        return person(value)
    return phone(value) if kind == PHONE else "***"


def mask_tree(
    value: Any, kind: str | None = None, seen: Seen | None = None, group: bool = False
) -> Any:
    """A copy of a JSON value with every personal or secret member masked by its field name;
    `seen(kind, text)` hears each original value masked (the text net learns from it).
    In a Group (`group`), displayName is the group's name, not a person's.
    """
    if isinstance(value, dict):
        return _mask_dict(value, kind, seen, group or _is_group(value))
    if isinstance(value, list):
        return [mask_tree(item, kind, seen, group) for item in value]
    if isinstance(value, str):
        if seen is not None and kind is not None:
            seen(kind, value)
        return mask_value(kind, value)
    return REDACTED if kind == SECRET and value is not None else value


def _is_group(value: dict[str, Any]) -> bool:
    """A Group resource (RFC 7643 §4.2), or a logged call to /Groups (its request and answer)."""
    schemas = value.get("schemas")
    if isinstance(schemas, list) and any(str(s).endswith(":Group") for s in schemas):
        return True
    request = value.get("request")
    uri = request.get("uri") if isinstance(request, dict) else None
    return isinstance(uri, str) and "/Groups" in uri


def _mask_dict(
    value: dict[str, Any], inherited: str | None, seen: Seen | None, group: bool
) -> dict[str, Any]:
    own: dict[str, str | None] = {}
    if "op" in value and "value" in value:  # a PATCH operation: its path names the field
        path = str(value.get("path") or "")
        own["value"] = None if group and path == "displayName" else field_kind(path) or inherited
    if "field" in value:  # detail.changes (SPEC §8.1): before and after of the named field
        own["before"] = own["after"] = field_kind(str(value["field"]))
    masked: dict[str, Any] = {}
    for key, item in value.items():
        if key in own:
            kind = own[key]
        elif key in NEUTRAL or (group and key == "displayName"):
            kind = None
        else:
            kind = field_kind(key) or inherited
        masked[key] = mask_tree(item, kind, seen, group)
    return masked
