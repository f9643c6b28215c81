"""RFC 7644 §3.4.2.2 filters and §3.5.2 PATCH paths: parsed into a small AST.

Attribute names are resolved against the resource type's schemas while parsing, so an unknown
attribute is an `invalidFilter` (or `invalidPath`) before anything reaches storage.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from functools import lru_cache

from sofa_scim_desktop.domain.errors import InvalidFilter
from sofa_scim_desktop.domain.errors import InvalidPath
from sofa_scim_desktop.domain.errors import ScimError
from sofa_scim_desktop.domain.schema import COMMON
from sofa_scim_desktop.domain.schema import Attribute
from sofa_scim_desktop.domain.schema import ResourceType

COMPARISONS = frozenset({"eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"})
MAX_FILTER_LENGTH = 2000
MAX_DEPTH = 20

Literal = str | int | float | bool | datetime | None


@dataclass(frozen=True)
class AttrRef:
    """A resolved attribute: `schema` is None for core and common attributes."""

    schema: str | None
    attribute: Attribute
    sub: Attribute | None = None

    @property
    def target(self) -> Attribute:
        return self.sub or self.attribute

    @property
    def dotted(self) -> str:
        return self.attribute.name + (f".{self.sub.name}" if self.sub else "")


@dataclass(frozen=True)
class Compare:
    ref: AttrRef
    op: str
    value: Literal


@dataclass(frozen=True)
class Present:
    ref: AttrRef


@dataclass(frozen=True)
class And:
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Or:
    left: Expr
    right: Expr


@dataclass(frozen=True)
class Not:
    expr: Expr


@dataclass(frozen=True)
class ValuePath:
    """`emails[type eq "work"]`: `expr` applies to one element of a multi-valued attribute."""

    ref: AttrRef
    expr: Expr


Expr = Compare | Present | And | Or | Not | ValuePath


@dataclass(frozen=True)
class Path:
    """A PATCH path: `attr`, `attr.sub`, `attr[filter]` or `attr[filter].sub` (RFC 7644 §3.5.2)."""

    ref: AttrRef
    value_filter: Expr | None = None
    filter_sub: Attribute | None = None


_TOKEN = re.compile(
    r"""\s*(?:
        (?P<string>"(?:[^"\\]|\\.)*")
      | (?P<lparen>\() | (?P<rparen>\)) | (?P<lbracket>\[) | (?P<rbracket>\])
      | (?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w:.]))
      | (?P<word>[A-Za-z$][\w$:.\-]*)
      | (?P<subattr>\.[A-Za-z$][\w$]*)
    )""",
    re.VERBOSE,
)


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        if text[position:].strip() == "":
            break
        match = _TOKEN.match(text, position)
        if not match or match.lastgroup is None:
            raise InvalidFilter(
                f"Unexpected character at position {position + 1}: "
                f"{text[position : position + 20]!r}"
            )
        tokens.append((match.lastgroup, match.group(match.lastgroup)))
        position = match.end()
    return tokens


class _Resolver:
    """Resolves attribute paths (with or without a schema URN prefix) for a resource type."""

    def __init__(self, resource_type: ResourceType, error: type[ScimError]) -> None:
        self.resource_type = resource_type
        self.error = error

    def resolve(self, text: str, parent: AttrRef | None = None) -> AttrRef:
        if parent is not None:
            sub = parent.attribute.sub(text)
            if sub is None:
                raise self.error(f"'{text}' is not a sub-attribute of '{parent.dotted}'.")
            return AttrRef(parent.schema, parent.attribute, sub)
        schema_urn, rest = self._split_urn(text)
        schema = (
            self.resource_type.schema_for_urn(schema_urn)
            if schema_urn
            else self.resource_type.schema
        )
        if schema is None:
            raise self.error(f"Unknown schema in '{text}'.")
        name, _, sub_name = rest.partition(".")
        attribute = schema.attribute(name)
        urn: str | None = schema.id if schema is not self.resource_type.schema else None
        if attribute is None and schema_urn is None:
            attribute, urn = self._unqualified(name)
        if attribute is None:
            raise self.error(f"Unknown attribute '{rest}' in '{text}'.")
        ref = AttrRef(urn, attribute)
        return self.resolve(sub_name, ref) if sub_name else ref

    def _unqualified(self, name: str) -> tuple[Attribute | None, str | None]:
        """Common attributes, then extension ones: Entra filters on a bare `manager`."""
        found = COMMON.attribute(name)
        if found is not None:
            return found, None
        for extension in self.resource_type.extensions:
            found = extension.attribute(name)
            if found is not None:
                return found, extension.id
        return None, None

    def _split_urn(self, text: str) -> tuple[str | None, str]:
        if not text.lower().startswith("urn:"):
            return None, text
        for schema in (self.resource_type.schema, *self.resource_type.extensions):
            prefix = schema.id.lower() + ":"
            if text.lower().startswith(prefix):
                return schema.id, text[len(prefix) :]
        raise self.error(f"Unknown schema in '{text}'.")


class _Parser:
    """Recursive descent: or < and < not/parentheses/comparison (RFC 7644 §3.4.2.2)."""

    def __init__(self, text: str, resolver: _Resolver) -> None:
        self.tokens = _tokenize(text)
        self.position = 0
        self.resolver = resolver
        self.depth = 0

    def parse(self, parent: AttrRef | None = None) -> Expr:
        expr = self._or(parent)
        if self.position != len(self.tokens):
            raise InvalidFilter(f"Unexpected '{self.tokens[self.position][1]}' in the filter.")
        return expr

    def _peek_word(self) -> str | None:
        if self.position < len(self.tokens) and self.tokens[self.position][0] == "word":
            return self.tokens[self.position][1].lower()
        return None

    def _next(self, expected: str | None = None) -> tuple[str, str]:
        if self.position >= len(self.tokens):
            raise InvalidFilter("The filter ends too early.")
        token = self.tokens[self.position]
        if expected and token[0] != expected:
            raise InvalidFilter(f"Expected {expected} but found '{token[1]}'.")
        self.position += 1
        return token

    def _or(self, parent: AttrRef | None) -> Expr:
        expr = self._and(parent)
        while self._peek_word() == "or":
            self.position += 1
            expr = Or(expr, self._and(parent))
        return expr

    def _and(self, parent: AttrRef | None) -> Expr:
        expr = self._factor(parent)
        while self._peek_word() == "and":
            self.position += 1
            expr = And(expr, self._factor(parent))
        return expr

    def _factor(self, parent: AttrRef | None) -> Expr:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise InvalidFilter(f"The filter nests deeper than {MAX_DEPTH} levels.")
        try:
            return self._factor_inner(parent)
        finally:
            self.depth -= 1

    def _factor_inner(self, parent: AttrRef | None) -> Expr:
        kind, text = self._next()
        if kind == "lparen":
            expr = self._or(parent)
            self._next("rparen")
            return expr
        if kind == "word" and text.lower() == "not":
            self._next("lparen")
            expr = self._or(parent)
            self._next("rparen")
            return Not(expr)
        if kind != "word":
            raise InvalidFilter(f"Expected an attribute name but found '{text}'.")
        ref = self.resolver.resolve(text, parent)
        if self.position < len(self.tokens) and self.tokens[self.position][0] == "lbracket":
            return self._value_path(ref, parent)
        return self._comparison(ref)

    def _value_path(self, ref: AttrRef, parent: AttrRef | None) -> Expr:
        if parent is not None or ref.sub is not None or not ref.attribute.sub_attributes:
            raise InvalidFilter(f"'{ref.dotted}' cannot take a [filter].")
        self._next("lbracket")
        expr = self._or(ref)
        self._next("rbracket")
        if self.position < len(self.tokens) and self.tokens[self.position][0] == "subattr":
            # WORKAROUND: Entra filters on `emails[type eq "work"].value eq "…"`, which RFC 7644
            # does not define; it means "an element with type work whose value is …".
            sub = self.resolver.resolve(self._next()[1][1:], ref)
            return ValuePath(ref, And(expr, self._comparison(sub)))
        return ValuePath(ref, expr)

    def _comparison(self, ref: AttrRef) -> Expr:
        operator = self._peek_word()
        if operator == "pr":
            self.position += 1
            return Present(ref)
        if operator not in COMPARISONS:
            found = self.tokens[self.position][1] if self.position < len(self.tokens) else "end"
            raise InvalidFilter(f"Expected an operator after '{ref.dotted}' but found '{found}'.")
        self.position += 1
        ref = _default_value_sub(ref)
        return Compare(ref, operator, _checked_literal(ref, operator, self._literal()))

    def _literal(self) -> Literal:
        kind, text = self._next()
        if kind == "string":
            try:
                value: str = json.loads(text)
                value.encode()  # a lone surrogate ("\ud800") is no text anyone can store
            except (json.JSONDecodeError, UnicodeEncodeError):
                raise InvalidFilter(f"Invalid string {text[:100]} in the filter.") from None
            return value
        if kind == "number":
            return float(text) if any(c in text for c in ".eE") else int(text)
        if kind == "word" and text.lower() in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[text.lower()]
        raise InvalidFilter(f"Expected a value but found '{text}'.")


def _checked_literal(ref: AttrRef, operator: str, value: Literal) -> Literal:
    """Refuses comparisons RFC 7644 §3.4.2.2 leaves undefined, e.g. `active gt true`."""
    kind = ref.target.type
    if value is None:
        if operator not in ("eq", "ne"):
            raise InvalidFilter(f"'{operator}' cannot compare with null.")
        return None
    if kind == "boolean":
        if operator not in ("eq", "ne") or not isinstance(value, bool):
            raise InvalidFilter(f"'{ref.dotted}' is a boolean: use eq or ne with true or false.")
        return value
    if not isinstance(value, str):
        raise InvalidFilter(f"'{ref.dotted}' holds text: compare it with a quoted string.")
    if kind == "dateTime":
        if operator in ("co", "sw", "ew"):
            raise InvalidFilter(f"'{ref.dotted}' is a date and time: '{operator}' does not apply.")
        return parse_datetime(value, InvalidFilter)
    return value


def parse_datetime(text: str, error: type[ScimError]) -> datetime:
    """An xsd:dateTime (RFC 7643 §2.3.5) as an aware UTC datetime."""
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise error(f"'{text}' is not a date and time such as 2026-01-31T12:00:00Z.") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _default_value_sub(ref: AttrRef) -> AttrRef:
    """RFC 7644 §3.4.2.2: a complex attribute compared without a sub-attribute means `value`."""
    if ref.sub is None and ref.attribute.type == "complex":
        value = ref.attribute.sub("value")
        if value is None:
            raise InvalidFilter(f"'{ref.dotted}' is complex: name one of its sub-attributes.")
        return AttrRef(ref.schema, ref.attribute, value)
    return ref


def parse_filter(text: str, resource_type: ResourceType) -> Expr:
    if len(text) > MAX_FILTER_LENGTH:
        raise InvalidFilter(f"The filter is longer than {MAX_FILTER_LENGTH} characters.")
    if not text.strip():
        raise InvalidFilter("The filter is empty.")
    return _Parser(text, _Resolver(resource_type, InvalidFilter)).parse()


def parse_path(text: str, resource_type: ResourceType) -> Path:
    """A PATCH `path`; `members[value eq "id"]`, `emails[type eq "work"].value`, URN forms."""
    return _cached_path(text, resource_type)


# PERF: Entra sends the same few paths in every PATCH, and parsing one took a third of a user
# PATCH's Python. Paths are immutable; a failed parse raises and is not kept.
@lru_cache(maxsize=512)
def _cached_path(text: str, resource_type: ResourceType) -> Path:
    return _parse_path(text, resource_type)


def _parse_path(text: str, resource_type: ResourceType) -> Path:
    resolver = _Resolver(resource_type, InvalidPath)
    head, bracket, tail = text.strip().partition("[")
    ref = resolver.resolve(head)
    if not bracket:
        return Path(ref)
    inner, closing, after = tail.rpartition("]")
    if not closing or ref.sub is not None or not ref.attribute.multi_valued:
        raise InvalidPath(f"'{text}' is not a valid path.")
    try:
        expr = _Parser(inner, _Resolver(resource_type, InvalidFilter)).parse(ref)
    except InvalidFilter as error:
        raise InvalidPath(f"Invalid filter in path '{text}': {error.detail}") from None
    filter_sub = None
    if after:
        if not after.startswith("."):
            raise InvalidPath(f"'{text}' is not a valid path.")
        filter_sub = ref.attribute.sub(after[1:])
        if filter_sub is None:
            raise InvalidPath(f"'{after[1:]}' is not a sub-attribute of '{ref.attribute.name}'.")
    return Path(ref, expr, filter_sub)
