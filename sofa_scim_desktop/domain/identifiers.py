"""Rules for synchronization identifiers and remote (Entra) group identifiers."""

from __future__ import annotations

import re
import unicodedata
import uuid

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import DomainError

IDENTIFIER_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
IDENTIFIER_MAX_LENGTH = 64

# Letters NFKD does not decompose into ASCII (SPEC §2: "Czech and other diacritics").
_EXTRA_TRANSLITERATION = str.maketrans(
    {
        "ß": "ss",
        "Æ": "AE",
        "æ": "ae",
        "Ø": "O",
        "ø": "o",
        "Đ": "D",
        "đ": "d",
        "Ł": "L",
        "ł": "l",
        "Œ": "OE",
        "œ": "oe",
        "Þ": "Th",
        "þ": "th",
    }
)


def transliterate(text: str) -> str:
    """ASCII letters for accented ones: "Účetní oddělení" -> "Ucetni oddeleni"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_TRANSLITERATION))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def derive_identifier(name: str) -> str:
    """The identifier the editor proposes for a name (SPEC §2)."""
    ascii_name = transliterate(name.strip())
    identifier = re.sub(r"[^A-Za-z0-9_]", "_", ascii_name)
    identifier = identifier.lstrip("_0123456789")
    return identifier[:IDENTIFIER_MAX_LENGTH]


def identifier_problem(identifier: str) -> str | None:
    """Why an identifier is not acceptable, or None when it is."""
    if not identifier:
        return "The identifier is required."
    if len(identifier) > IDENTIFIER_MAX_LENGTH:
        return f"The identifier may have at most {IDENTIFIER_MAX_LENGTH} characters."
    if not identifier[0].isascii() or not identifier[0].isalpha():
        return "The identifier must start with a letter of the English alphabet."
    if not IDENTIFIER_PATTERN.match(identifier):
        return "The identifier may only contain English letters, digits and underscores."
    return None


def validate_identifier(identifier: str) -> str:
    problem = identifier_problem(identifier)
    if problem:
        raise DomainError(problem)
    return identifier


def normalize_remote_group_id(value: str) -> str:
    """An Entra Object Id in its canonical lower-case form; any case is accepted (SPEC §2)."""
    text = value.strip()
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "'{value}' is not a remote group identifier: expected the group's "
                "Object Id, a GUID such as 0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0.",
            ),
            value=value,
        ) from None
    if len(text) != 36:
        raise DomainError(
            QT_TRANSLATE_NOOP(
                "Errors", "'{value}' is not written as a GUID (8-4-4-4-12 hexadecimal digits)."
            ),
            value=value,
        )
    return str(parsed)
