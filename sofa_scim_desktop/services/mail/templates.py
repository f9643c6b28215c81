"""Mail templates in English and Czech (resources/mail/{kind}.{lang}.txt) and the language
a message is written in.
"""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from string import Template

from sofa_scim_desktop.domain import plurals
from sofa_scim_desktop.storage import sql

LANGUAGES = ("en", "cs")


@dataclass(frozen=True)
class Rendered:
    subject: str
    body: str


@lru_cache(maxsize=64)
def _template(kind: str, language: str) -> tuple[str, Template]:
    text = resources.files("sofa_scim_desktop.resources").joinpath("mail", f"{kind}.{language}.txt")
    first, _, body = text.read_text(encoding="utf-8").partition("\n\n")
    if not first.startswith("Subject: "):
        raise ValueError(f"mail template {kind}.{language} has no Subject line")
    return first.removeprefix("Subject: ").strip(), Template(body)


def render(kind: str, language: str, **values: object) -> Rendered:
    """`$name` placeholders filled in, and `{name:form|form…}` as the plural form for the
    count `name` (domain.plurals); the subject may use both.
    """
    language = language if language in LANGUAGES else "en"
    subject, body = _template(kind, language)
    text = {key: str(value) for key, value in values.items()}
    return Rendered(
        plurals.apply(Template(subject).safe_substitute(text), language, values),
        plurals.apply(body.safe_substitute(text), language, values),
    )


def subject_template(kind: str, language: str) -> str:
    """The subject with its `$placeholders` unfilled (the support bundle masks by them)."""
    return _template(kind, language if language in LANGUAGES else "en")[0]


def from_preferred(preferred: str | None) -> str | None:
    """SCIM preferredLanguage (`cs`, `cs-CZ`, `en-US`): ours when it is one we speak."""
    prefix = (preferred or "").strip().lower()[:2]
    return prefix if prefix in LANGUAGES else None


def system_language() -> str:
    """`system`: Czech when the locale is Czech, English otherwise."""
    names = [os.environ.get(var, "") for var in ("LC_ALL", "LC_MESSAGES", "LANG")]
    names.append(locale.getlocale()[0] or "")
    return "cs" if any(name.lower().startswith("cs") for name in names) else "en"


def setting_language() -> str:
    """The `language` setting, `system` resolved (one primary-key SELECT)."""
    row = sql.one("SELECT value FROM setting WHERE key = ?", ("language",))
    value = row[0] if row else "system"
    return value if value in LANGUAGES else system_language()


def language_for(preferred: str | None) -> str:
    return from_preferred(preferred) or setting_language()
