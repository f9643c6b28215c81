"""Query parameters of a list request (RFC 7644 §3.4.2): filter, sort, pagination."""

from __future__ import annotations

import falcon
import orjson

from sofa_scim_desktop.domain.errors import InvalidFilter
from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.filter import parse_filter
from sofa_scim_desktop.domain.filter import parse_path
from sofa_scim_desktop.domain.schema import LIST_RESPONSE
from sofa_scim_desktop.domain.schema import ResourceType
from sofa_scim_desktop.storage.scim_store import Query

DEFAULT_COUNT = 100
MAX_COUNT = 1000


# Beyond any data (and within JSON's exact integers): a startIndex past it is an empty page.
MAX_START_INDEX = 2**53
_BEYOND = 10**19  # what a number too long to read stands for: out of every range


def _integer(req: falcon.Request, name: str, default: int) -> int:
    text = req.get_param(name)
    if text is None or text == "":
        return default
    try:
        return int(text)
    except ValueError:
        digits = text.strip().lstrip("+-")
        if digits.isascii() and digits.isdigit():  # longer than Python reads (4,300 digits)
            return -_BEYOND if text.strip().startswith("-") else _BEYOND
        raise InvalidValue(f"'{name}' must be a whole number, not {text[:40]!r}.") from None


def list_query(req: falcon.Request, resource_type: ResourceType) -> Query:
    text = req.get_param("filter")
    if text is not None and "\x00" in text:
        raise InvalidFilter("A filter cannot contain the NUL character.")
    expr = parse_filter(text, resource_type) if text is not None else None
    sort_text = req.get_param("sortBy")
    sort_by = parse_path(sort_text, resource_type).ref if sort_text else None
    order = (req.get_param("sortOrder") or "ascending").lower()
    if order not in ("ascending", "descending"):
        raise InvalidValue("'sortOrder' must be ascending or descending.")
    # RFC 7644 §3.4.2.4: startIndex below 1 is read as 1, a negative count as 0.
    start_index = min(MAX_START_INDEX, max(1, _integer(req, "startIndex", 1)))
    count = min(MAX_COUNT, max(0, _integer(req, "count", DEFAULT_COUNT)))
    return Query(expr, sort_by, order == "descending", start_index, count)


def list_response(
    total: int, start_index: int, resources: list[dict[str, object]]
) -> dict[str, object]:
    return {
        "schemas": [LIST_RESPONSE],
        "totalResults": total,
        "startIndex": start_index,
        "itemsPerPage": len(resources),
        "Resources": resources,
    }


def list_response_json(total: int, start_index: int, resources: list[bytes]) -> bytes:
    """`list_response` as JSON around resources already serialised (render.user_json)."""
    head = {**list_response(total, start_index, []), "itemsPerPage": len(resources)}
    return orjson.dumps(head)[: -len(b"[]}")] + b"[" + b",".join(resources) + b"]}"
