"""Calls that did not get through, in the admin's words and language: `call.refused` (why, and
the fix) and `call.failed` (what Entra tried, why Sofa could not apply it, and the fix).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject

from sofa_scim_desktop.domain.call_outcome import CHECK_USER_AGENT_PREFIX
from sofa_scim_desktop.domain.call_outcome import CONTEXT
from sofa_scim_desktop.domain.call_outcome import failure_fix
from sofa_scim_desktop.domain.call_outcome import refusal_fix
from sofa_scim_desktop.gui.dates import local_seconds
from sofa_scim_desktop.gui.placeholders import fill

_RESOURCE = re.compile(r"/(Users|Groups)(/[^/?]+)?", re.IGNORECASE)
_SCIM_PREFIX = re.compile(r"^/scim/v2/[^/]+")
_LONG_ID = re.compile(r"(/(?:Users|Groups)/)([^/?]{8})[^/?]{4,}", re.IGNORECASE)


def short_path(path: str) -> str:
    """`/Users/123` for `/scim/v2/Contoso/Users/123`: the endpoint URL goes without saying."""
    return _SCIM_PREFIX.sub("", path) or "/"


def brief_path(path: str) -> str:
    """`/Users/c1f9df31…`: a resource's id shortened, for a line in the table."""
    return _LONG_ID.sub(r"\1\2…", short_path(path))


class CallTexts(QObject):
    def refused(self, detail: dict[str, Any]) -> tuple[str, list[str]]:
        """The one-line message and the detail area's lines of a `call.refused` entry."""
        reason, count = str(detail["reason"]), int(detail.get("count") or 1)
        cause = self._refusal_cause(reason)
        fix = QCoreApplication.translate(CONTEXT, refusal_fix(reason))
        if count == 1 and str(detail.get("user_agent", "")).startswith(CHECK_USER_AGENT_PREFIX):
            check = self.tr(
                "Sofa's connection check sent a wrong key on purpose and it was refused, as it "
                "should be: the path reaches this server."
            )
            return check, [check]
        many = self.tr("Refused %n calls: %1.", "", count)  # the singular: its own text
        head = fill(self.tr("Refused a call: %1.") if count == 1 else many, cause)
        lines = [head, fill(self.tr("Fix: %1"), fix), self._seen(detail, count)]
        return f"{head} {lines[1]}", lines

    def _refusal_cause(self, reason: str) -> str:
        causes = {
            "missing_key": self.tr("the call carried no key — Entra's Secret Token is empty"),
            "wrong_key": self.tr("the key is wrong — Entra holds an old or mistyped Secret Token"),
            "expired_key": self.tr("the key has expired"),
            "revoked_key": self.tr(
                "the key was replaced by a newer one — Entra still holds the old Secret Token"
            ),
            "disabled": self.tr("the synchronization is disabled in Sofa"),
            "old_identifier": self.tr(
                "the Tenant URL names the old identifier — Entra still holds the URL from "
                "before the rename"
            ),
        }
        return causes[reason]

    def _seen(self, detail: dict[str, Any], count: int) -> str:
        first, last = _moment(detail.get("first_at")), _moment(detail.get("last_at"))
        call = f"{detail.get('method', '')} {short_path(str(detail.get('path', '')))}".strip()
        if count == 1 or not first or not last:
            return fill(self.tr("Call: %1, at %2."), call, first or last or "?")
        return fill(self.tr("Last call: %1; first at %2, last at %3."), call, first, last)

    def failed(self, detail: dict[str, Any]) -> tuple[str, list[str]]:
        """The one-line message and the detail area's lines of a `call.failed` entry."""
        status, scim_type = int(detail["status"]), detail.get("scimType")
        reason = str(detail.get("reason") or "").rstrip(".")
        cause = self._failure_cause(status, scim_type) or reason or fill(self.tr("HTTP %1"), status)
        action = self.action(str(detail.get("method", "")), str(detail.get("path", "")))
        head = fill(self.tr("Entra could not %1 (HTTP %2): %3."), action, status, cause)
        if detail.get("user_name"):
            head = f"{detail['user_name']}: {head}"
        fix_text = QCoreApplication.translate(CONTEXT, failure_fix(status, scim_type))
        fix = fill(self.tr("Fix: %1"), fix_text)
        lines = [head, fix]
        if reason:
            lines.append(fill(self.tr("Sofa's answer to Entra: %1"), f"{reason}."))
        lines.append(
            fill(self.tr("Call: %1"), f"{detail.get('method', '')} {detail.get('path', '')}")
        )
        return f"{head} {fix}", lines

    def _failure_cause(self, status: int, scim_type: Any) -> str | None:
        by_type = {
            "uniqueness": self.tr("that name is already taken in Sofa"),
            "invalidValue": self.tr("Sofa refused a value Entra sent"),
            "invalidSyntax": self.tr("Sofa could not read the request"),
            "invalidFilter": self.tr("Sofa cannot search with that filter"),
            "invalidPath": self.tr("the request names an attribute Sofa does not know"),
            "noTarget": self.tr("the value to change is not in Sofa"),
            "mutability": self.tr("the request changes a read-only attribute"),
            "tooMany": self.tr("the query matches too many"),
        }
        if scim_type in by_type:
            return by_type[scim_type]
        if status == 404:
            return self.tr("Sofa has no such user or group")
        if status == 413:
            return self.tr("the request is too large")
        if status >= 500:
            return self.tr("Sofa could not write the change")
        return None

    def action(self, method: str, path: str) -> str:
        """`create a user`, `update a group`: what the call tried, from its method and path."""
        found = _RESOURCE.search(path)
        if found is None:
            return fill(self.tr("call %1 %2"), method, short_path(path))
        groups, item = found.group(1).lower() == "groups", bool(found.group(2))
        actions = self._group_actions() if groups else self._user_actions()
        return actions.get((method, item)) or fill(self.tr("call %1 %2"), method, short_path(path))

    def _user_actions(self) -> dict[tuple[str, bool], str]:
        return {
            ("POST", False): self.tr("create a user"),
            ("PUT", True): self.tr("replace a user"),
            ("PATCH", True): self.tr("update a user"),
            ("DELETE", True): self.tr("delete a user"),
            ("GET", False): self.tr("look up users"),
            ("GET", True): self.tr("read a user"),
        }

    def _group_actions(self) -> dict[tuple[str, bool], str]:
        return {
            ("POST", False): self.tr("create a group"),
            ("PUT", True): self.tr("replace a group"),
            ("PATCH", True): self.tr("update a group"),
            ("DELETE", True): self.tr("delete a group"),
            ("GET", False): self.tr("look up groups"),
            ("GET", True): self.tr("read a group"),
        }


def _moment(text: Any) -> str | None:
    """A stored ISO time (naive UTC) as the admin's local time."""
    try:
        return local_seconds(datetime.fromisoformat(str(text)))
    except ValueError:
        return None
