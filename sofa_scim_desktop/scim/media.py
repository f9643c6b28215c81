"""Reading SCIM request bodies and writing SCIM answers (RFC 7644 §3.1, §3.12)."""

from __future__ import annotations

from typing import Any

import falcon
import orjson

from sofa_scim_desktop.domain.errors import InvalidSyntax
from sofa_scim_desktop.domain.errors import InvalidValue
from sofa_scim_desktop.domain.errors import PayloadTooLarge
from sofa_scim_desktop.domain.errors import ScimError
from sofa_scim_desktop.domain.errors import UnsupportedMediaType
from sofa_scim_desktop.domain.schema import ERROR_SCHEMA

SCIM_JSON = "application/scim+json"
ACCEPTED_TYPES = (SCIM_JSON, "application/json")
MAX_BODY_BYTES = 2 * 1024 * 1024


def read_json(req: falcon.Request) -> Any:
    """The parsed body; refuses other media types, oversized and malformed bodies."""
    media_type = (req.content_type or "").split(";")[0].strip().lower()
    if media_type not in ACCEPTED_TYPES:
        raise UnsupportedMediaType(
            f"Send the body as {SCIM_JSON} (or application/json), not {media_type or 'nothing'}."
        )
    length = req.content_length
    if length is not None and length > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"The body is larger than {MAX_BODY_BYTES} bytes.")
    raw = req.bounded_stream.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        raise PayloadTooLarge(f"The body is larger than {MAX_BODY_BYTES} bytes.")
    req.context.raw_body = raw  # for the Debug log, redacted there.
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as error:
        raise InvalidSyntax(f"The body is not valid JSON: {error}.") from None
    if b"\\u0000" in raw and _has_nul(body):  # PERF: the walk only when the bytes hint at one
        raise InvalidValue(NUL_REFUSED)
    return body


# NOTE: PostgreSQL's text cannot hold the NUL character; SQLite refuses it too, so that both
# answer alike.
NUL_REFUSED = "Text values cannot contain the NUL character (\\u0000)."


def _has_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(item) for item in value)
    return False


def write_json(resp: falcon.Response, document: Any, status: int = 200) -> None:
    write_json_bytes(resp, orjson.dumps(document), status)  # PERF: orjson, several times faster.


def write_json_bytes(resp: falcon.Response, data: bytes, status: int = 200) -> None:
    resp.status = status
    resp.content_type = SCIM_JSON
    resp.data = data


def error_document(status: int, detail: str, scim_type: str | None = None) -> dict[str, Any]:
    document: dict[str, Any] = {"schemas": [ERROR_SCHEMA], "status": str(status), "detail": detail}
    if scim_type:
        document["scimType"] = scim_type
    return document


def write_error(resp: falcon.Response, error: ScimError) -> None:
    write_json(resp, error_document(error.status, error.detail, error.scim_type), error.status)
    if error.status == 401:
        resp.set_header("WWW-Authenticate", 'Bearer realm="Sofa SCIM"')
