"""Each transaction log entry in the admin's words and language, made from its event and detail
(SPEC §8.1); an event this version does not know keeps the message it was stored with.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject

from sofa_scim_desktop.gui.call_texts import CallTexts
from sofa_scim_desktop.gui.call_texts import brief_path
from sofa_scim_desktop.gui.change_texts import ChangeTexts
from sofa_scim_desktop.gui.placeholders import fill
from sofa_scim_desktop.services.journal import LogRecord

log = logging.getLogger("sofa.gui")
Wording = tuple[str, list[str]]  # the table's line, and the detail area's lines


@dataclass(frozen=True)
class Worded:
    event: str  # the event's name, translated
    message: str  # one line, for the table
    lines: tuple[str, ...]  # the same at length, for the detail area


def parsed_detail(record: LogRecord) -> Any:
    try:
        return json.loads(record.detail) if record.detail else None
    except ValueError:
        return None


class LogTexts(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.changes = ChangeTexts(self)
        self.calls = CallTexts(self)

    def event_name(self, event: str) -> str:
        names = {
            "call": self.tr("Call"),
            "call.refused": self.tr("Call refused"),
            "call.failed": self.tr("Call failed"),
            "user.created": self.tr("User created"),
            "user.updated": self.tr("User updated"),
            "user.disabled": self.tr("User disabled"),
            "user.enabled": self.tr("User enabled"),
            "user.deleted": self.tr("User deleted"),
            "group.created": self.tr("Group created"),
            "group.updated": self.tr("Group updated"),
            "group.members": self.tr("Group members changed"),
            "group.deleted": self.tr("Group deleted"),
            "mail.skipped": self.tr("E-mail not sent"),
        }
        return names.get(event, event)

    def word(self, record: LogRecord) -> Worded:
        return self.word_event(record.event, record.message, parsed_detail(record))

    def word_event(self, event: str, message: str, detail: Any) -> Worded:
        wording = self._wording(event)
        if wording is not None and isinstance(detail, dict):
            try:
                line, lines = wording(detail)
                return Worded(self.event_name(event), line, tuple(lines))
            except (KeyError, TypeError, ValueError, AttributeError):
                # NOTE: an entry written by another version; its stored message still reads.
                log.debug("could not word a %s entry", event, exc_info=True)
        stored = message.splitlines()
        return Worded(self.event_name(event), stored[0] if stored else "", tuple(stored))

    def _wording(self, event: str) -> Callable[[dict[str, Any]], Wording] | None:
        return {
            "call": self._call,
            "call.refused": self.calls.refused,
            "call.failed": self.calls.failed,
            "user.created": self._user_created,
            "user.updated": self._user_changed,
            "user.disabled": self._user_changed,
            "user.enabled": self._user_changed,
            "user.deleted": self._user_deleted,
            "group.created": self._group_created,
            "group.updated": self._group_renamed,
            "group.members": self._group_members,
            "group.deleted": self._group_deleted,
            "mail.skipped": self._mail_skipped,
        }.get(event)

    def _user_created(self, detail: dict[str, Any]) -> Wording:
        head = fill(self.tr("User %1 created"), detail["user_name"])
        return _listing(head, self.changes.changes(detail, created=True))

    def _user_changed(self, detail: dict[str, Any]) -> Wording:
        pieces = self.changes.of_user(detail, detail["user_name"])
        return _listing(detail["user_name"], pieces or [self.tr("no field Sofa keeps changed")])

    def _user_deleted(self, detail: dict[str, Any]) -> Wording:
        head = fill(self.tr("User %1 deleted (kept in Sofa, deactivated)"), detail["user_name"])
        return _listing(head, self.changes.of_user(detail, detail["user_name"]))

    def _group_created(self, detail: dict[str, Any]) -> Wording:
        return self._group(fill(self.tr("Group %1 created"), detail["group"]), detail)

    def _group_members(self, detail: dict[str, Any]) -> Wording:
        return self._group(fill(self.tr("Group %1"), detail["group"]), detail)

    def _group_deleted(self, detail: dict[str, Any]) -> Wording:
        return self._group(fill(self.tr("Group %1 deleted"), detail["group"]), detail)

    def _group(self, head: str, detail: dict[str, Any]) -> Wording:
        sections = self.changes.member_sections(detail)
        parts = "; ".join(self.changes.section_line(s) for s in sections)
        line = f"{head} — {parts}" if parts else head
        lines = [head]
        for section in sections:
            lines += self.changes.section_lines(section)
        return line, lines

    def _group_renamed(self, detail: dict[str, Any]) -> Wording:
        head = fill(self.tr("Group %1"), detail["group"])
        return _listing(head, self.changes.changes(detail, group=True))

    def _mail_skipped(self, detail: dict[str, Any]) -> Wording:
        if detail.get("reason") != "no_work_email":
            raise KeyError(detail.get("reason"))  # a reason this version cannot word
        text = fill(
            self.tr("%1 has no work e-mail, so no e-mail was sent to them."), detail["user_name"]
        )
        return text, [text]

    def _call(self, detail: dict[str, Any]) -> Wording:
        """A Debug entry: the request line, its answer, and the first change it made."""
        request, status = detail["request"], detail["response"]["status"]
        line = fill(self.tr("%1 %2 → %3"), request["method"], brief_path(request["uri"]), status)
        changes = detail.get("changes") or []
        changed = [self.word_event(c["event"], c["message"], c["detail"]) for c in changes]
        if changed:
            line = f"{line} — {changed[0].message}"
        return line, [line]


def _listing(head: str, pieces: list[str]) -> Wording:
    """`head: piece; piece` for the table; the head, then a piece a line, for the detail area."""
    line = f"{head}: {'; '.join(pieces)}" if pieces else head
    return line, [head, *(f"• {piece}" for piece in pieces)]
