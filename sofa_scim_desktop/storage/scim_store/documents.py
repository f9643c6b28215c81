"""A stored resource's canonical JSON, and new resource ids."""

from __future__ import annotations

import uuid
from typing import Protocol

import orjson

from sofa_scim_desktop.domain.resource import Resource


class Stored(Protocol):
    @property
    def resource(self) -> str: ...


def new_id() -> str:
    return str(uuid.uuid4())


def dump(resource: Resource) -> str:
    return orjson.dumps(resource).decode()


def load(row: Stored) -> Resource:
    resource: Resource = orjson.loads(row.resource)
    return resource
