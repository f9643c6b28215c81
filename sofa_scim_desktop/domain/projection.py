"""Which attributes an answer carries: `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5)
and `returned` (RFC 7643 §7), on a SCIM document.

An item is an attribute name (`title`, `name.givenName`, `urn:…:enterprise:2.0:User:department`,
a whole extension's URN) or, beyond the RFC, a filtered multi-valued attribute
(`emails[type eq "work"]`, `emails[type eq "work"].value`): the answer keeps only the elements
the filter matches (what `attributes=emails[type eq "work"]` asks for, README "Forms accepted").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sofa_scim_desktop.domain.filter import Path
from sofa_scim_desktop.domain.filter import parse_path
from sofa_scim_desktop.domain.filter_eval import element_matches
from sofa_scim_desktop.domain.schema import ResourceType

_ALWAYS = frozenset({"schemas", "id"})  # RFC 7643 §7: returned "always"
_GONE = object()  # a projected value that is not in the answer

Slot = tuple[str | None, str]  # (extension URN or None, attribute name): where a value sits


class Projection:
    """Built once per request from its query string; `apply` projects each document."""

    def __init__(
        self, resource_type: ResourceType, attributes: str | None, excluded: str | None
    ) -> None:
        self.only, self._only_extensions = _items(resource_type, attributes)
        self.excluded, self._excluded_extensions = _items(resource_type, excluded)
        self._request_only = _request_only(resource_type, self.only)

    @classmethod
    def asked(
        cls, resource_type: ResourceType, attributes: str | None, excluded: str | None
    ) -> Projection:
        """The projection a request asks for; the one of a request that asks for none is
        made once per type (it is read only), as that is nearly every request.
        """
        if attributes is None and excluded is None:
            whole = _WHOLE.get(resource_type)
            if whole is None:
                whole = _WHOLE[resource_type] = cls(resource_type, None, None)
            return whole
        return cls(resource_type, attributes, excluded)

    @property
    def everything(self) -> bool:
        """Neither `attributes` nor `excludedAttributes` was asked: whole documents."""
        return (
            not self.only
            and not self.excluded
            and not self._only_extensions
            and not (self._excluded_extensions)
        )

    def includes(self, attribute: str) -> bool:
        """Whether a core attribute may be in the answer (to skip loading group members)."""
        paths = self.excluded.get((None, attribute), [])
        if any(_plain(p) for p in paths):
            return False
        if self.only or self._only_extensions:
            return (None, attribute) in self.only
        return True

    def apply(self, document: dict[str, Any]) -> dict[str, Any]:
        if self.everything and not self._request_only:
            return document
        result: dict[str, Any] = {}
        for key, value in document.items():
            if key in _ALWAYS:
                result[key] = value
            elif key.startswith("urn:") and isinstance(value, dict):
                kept = {
                    name: out
                    for name, sub_value in value.items()
                    if (out := self._project((key, name), sub_value)) is not _GONE
                }
                if kept:
                    result[key] = kept
            elif (out := self._project((None, key), value)) is not _GONE:
                result[key] = out
        return result

    def _project(self, slot: Slot, value: Any) -> Any:
        if self.only or self._only_extensions:
            if slot[0] in self._only_extensions:
                pass
            elif slot in self.only:
                value = _keep(value, self.only[slot])
            else:
                return _GONE
        if slot[0] in self._excluded_extensions:
            return _GONE
        if value is not _GONE and slot in self.excluded:
            value = _drop(value, self.excluded[slot])
        hidden = self._request_only.get(slot)
        if hidden and value is not _GONE:
            value = _without_subs(value, hidden)
        return value


def _items(
    resource_type: ResourceType, text: str | None
) -> tuple[dict[Slot, list[Path]], set[str]]:
    """The items by the slot they name, and the extensions named as a whole."""
    slots: dict[Slot, list[Path]] = {}
    extensions: set[str] = set()
    for item in split_items(text or ""):
        if item.lower() == "schemas":
            continue  # always returned; not an attribute a path can name
        extension = resource_type.schema_for_urn(item)
        if extension is not None and extension is not resource_type.schema:
            extensions.add(extension.id)
            continue
        path = parse_path(item, resource_type)
        slots.setdefault((path.ref.schema, path.ref.attribute.name), []).append(path)
    return slots, extensions


def split_items(text: str) -> Iterator[str]:
    """Comma-separated items; a comma inside a filter's brackets or quotes is not a separator."""
    depth, quoted, start = 0, False, 0
    for index, char in enumerate(text):
        if char == '"' and (index == 0 or text[index - 1] != "\\"):
            quoted = not quoted
        elif not quoted and char in "[]":
            depth += 1 if char == "[" else -1
        elif not quoted and depth == 0 and char == ",":
            yield from _stripped(text[start:index])
            start = index + 1
    yield from _stripped(text[start:])


def _stripped(item: str) -> Iterator[str]:
    if item.strip():
        yield item.strip()


# PERF: almost every request asks for no attributes: its projection is made once per type.
_WHOLE: dict[ResourceType, Projection] = {}


def _request_only(
    resource_type: ResourceType, only: dict[Slot, list[Path]]
) -> dict[Slot, set[str]]:
    """Sub-attributes `returned: request` (a member's `display`) that were not asked by name."""
    hidden: dict[Slot, set[str]] = {}
    for schema in (resource_type.schema, *resource_type.extensions):
        urn = None if schema is resource_type.schema else schema.id
        for attribute in schema.attributes:
            slot = (urn, attribute.name)
            asked = {s.name for p in only.get(slot, []) if (s := _sub(p)) is not None}
            names = {s.name for s in attribute.sub_attributes if s.returned == "request"} - asked
            if names:
                hidden[slot] = names
    return hidden


def _sub(path: Path) -> Any:
    return path.filter_sub or path.ref.sub


def _plain(path: Path) -> bool:
    return path.value_filter is None and _sub(path) is None


def _keep(value: Any, paths: list[Path]) -> Any:
    """The part of `value` that the `attributes` items naming it ask for."""
    if any(_plain(p) for p in paths):
        return value
    if isinstance(value, list):
        kept = [e for e in (_keep_element(e, paths) for e in value) if e is not _GONE]
        return kept or _GONE
    if isinstance(value, dict):
        names = {s.name for p in paths if (s := _sub(p)) is not None}
        return {k: v for k, v in value.items() if k in names} or _GONE
    return value


def _keep_element(element: Any, paths: list[Path]) -> Any:
    names: set[str] = set()
    for path in paths:
        if path.value_filter is not None and not element_matches(path.value_filter, element):
            continue
        sub = _sub(path)
        if sub is None:
            return element
        names.add(sub.name)
    return {k: v for k, v in element.items() if k in names} or _GONE


def _drop(value: Any, paths: list[Path]) -> Any:
    """`value` without what the `excludedAttributes` items naming it exclude."""
    for path in paths:
        if value is _GONE:
            break
        if _plain(path):
            return _GONE
        if isinstance(value, list):
            value = [e for e in (_drop_element(e, path) for e in value) if e is not _GONE] or _GONE
        elif isinstance(value, dict):
            value = _without_subs(value, {_sub(path).name})
    return value


def _drop_element(element: Any, path: Path) -> Any:
    if path.value_filter is not None and not element_matches(path.value_filter, element):
        return element
    sub = _sub(path)
    if sub is None:
        return _GONE
    return {k: v for k, v in element.items() if k != sub.name} or _GONE


def _without_subs(value: Any, names: set[str]) -> Any:
    if isinstance(value, list):
        return [{k: v for k, v in e.items() if k not in names} for e in value]
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if k not in names} or _GONE
    return value
