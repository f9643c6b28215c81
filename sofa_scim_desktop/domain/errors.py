"""Errors of the domain; the SCIM ones know their HTTP status and `scimType` (RFC 7644 §3.12)."""

from __future__ import annotations

SHOWN_CHARS = 64  # of a value a client sent, echoed in a message
CONTEXT = "Errors"  # the translation context of the messages below (gui/error_texts.py)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    """Marks `text` for pyside6-lupdate and returns it: the domain stays free of Qt."""
    return text


def shown(value: str, limit: int = SHOWN_CHARS) -> str:
    """A value a client sent, as a message echoes it: a 64 KB id must not make a 64 KB answer."""
    return value if len(value) <= limit else f"{value[:limit]}… ({len(value)} characters)"


class DomainError(Exception):
    """A rule of the product was broken. `template` is English with `{named}` placeholders,
    filled from `values`: the CLI and SCIM answers show it so; the GUI shows the template's
    translation filled the same way (marked with QT_TRANSLATE_NOOP(CONTEXT, …) to be found).
    """

    def __init__(self, template: str, **values: object) -> None:
        super().__init__(template.format(**values) if values else template)
        self.template = template
        self.values = values


class NotFound(DomainError):
    """The named object does not exist."""


class Conflict(DomainError):
    """The object would clash with one that exists."""


class ScimError(DomainError):
    """An error answered with an RFC 7644 §3.12 error body."""

    status = 400
    scim_type: str | None = None

    MAX_DETAIL = 2000  # characters; every message of ours is shorter

    def __init__(self, detail: str) -> None:
        detail = shown(detail, self.MAX_DETAIL)
        super().__init__(detail)
        self.detail = detail


class InvalidFilter(ScimError):
    """RFC 7644 §3.12: "The specified filter syntax was invalid or the attribute is not
    supported".
    """

    scim_type = "invalidFilter"


class InvalidSyntax(ScimError):
    scim_type = "invalidSyntax"


class InvalidPath(ScimError):
    scim_type = "invalidPath"


class NoTarget(ScimError):
    scim_type = "noTarget"


class InvalidValue(ScimError):
    scim_type = "invalidValue"


class Mutability(ScimError):
    scim_type = "mutability"


class Uniqueness(ScimError):
    status = 409
    scim_type = "uniqueness"


class TooMany(ScimError):
    scim_type = "tooMany"


class ResourceNotFound(ScimError):
    status = 404


class Unauthorized(ScimError):
    status = 401


class Forbidden(ScimError):
    status = 403


class Unavailable(ScimError):
    """The database does not answer (SPEC §8.4): 503 with Retry-After; Entra tries again."""

    status = 503


class PayloadTooLarge(ScimError):
    status = 413


class UnsupportedMediaType(ScimError):
    status = 415


class NotImplementedScim(ScimError):
    status = 501
