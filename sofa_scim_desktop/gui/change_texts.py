"""What a write changed in Sofa, in the admin's words and language: the pieces of the log's
messages made of `detail.changes` and the memberships of SPEC §8.1.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QObject

from sofa_scim_desktop.gui.placeholders import fill
from sofa_scim_desktop.gui.role_names import role_name
from sofa_scim_desktop.services.field_names import CONTEXT
from sofa_scim_desktop.services.field_names import GROUP_FIELDS
from sofa_scim_desktop.services.field_names import USER_FIELDS

MAX_VALUE = 60  # characters of a value shown; the raw detail has the rest
MEMBERSHIP_KEYS = ("groups_added", "groups_removed", "roles_added", "roles_removed")
SHOWN_MEMBERS = 5  # members named in the table's line; the detail area names all the entry has


@dataclass(frozen=True)
class Section:
    """Members of an Entra group who joined (or left), each with what it changed in Sofa."""

    head: str
    members: list[tuple[str, list[str]]]
    count: int  # may be more than the names the entry keeps


class ChangeTexts(QObject):
    def field_name(self, field: str, group: bool = False) -> str:
        english = (GROUP_FIELDS if group else USER_FIELDS).get(field)
        return QCoreApplication.translate(CONTEXT, english) if english else field

    def value(self, value: Any) -> str:
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        text = str(value)
        if len(text) > MAX_VALUE:
            text = text[: MAX_VALUE - 1] + "…"
        return fill(self.tr("“%1”"), text)

    def change(self, change: dict[str, Any], group: bool = False, created: bool = False) -> str:
        """`display name “Jana N.” → “Jana Nováková”`; a new user's field: `job “Accountant”`."""
        field, before, after = change.get("field", "?"), change.get("before"), change.get("after")
        if field == "active" and not group:
            return self.tr("account activated") if after else self.tr("account deactivated")
        name = self.field_name(field, group)
        if created:
            return f"{name} {self.value(after)}"
        return fill(self.tr("%1 %2 → %3"), name, self.value(before), self.value(after))

    def changes(
        self, detail: dict[str, Any], group: bool = False, created: bool = False
    ) -> list[str]:
        """Each change of `detail.changes`; a new user's name and active state go without saying."""
        pieces = []
        for change in detail.get("changes") or []:
            if created and (change.get("field") == "user_name" or change.get("after") is True):
                continue
            pieces.append(self.change(change, group, created))
        return pieces

    def memberships_by_user(self, detail: dict[str, Any]) -> dict[str, list[str]]:
        """`{user_name: ["added to Sofa group Sales", "lost role Subject manager"]}`, in order."""
        names: dict[tuple[str, str], list[str]] = defaultdict(list)
        for key in MEMBERSHIP_KEYS:
            for pair in detail.get(key) or []:
                names[(str(pair.get("user_name", "?")), key)].append(str(pair.get("name", "?")))
        pieces: dict[str, list[str]] = defaultdict(list)
        for (user, key), targets in names.items():
            pieces[user].append(self.membership(key, targets))
        return dict(pieces)

    def membership(self, key: str, names: list[str]) -> str:
        """One kind of membership change of one user, e.g. `got roles Auditor, Reviewer`."""
        singular, plural = {
            "groups_added": (self.tr("added to Sofa group %1"), self.tr("added to Sofa groups %1")),
            "groups_removed": (
                self.tr("removed from Sofa group %1"),
                self.tr("removed from Sofa groups %1"),
            ),
            "roles_added": (self.tr("got role %1"), self.tr("got roles %1")),
            "roles_removed": (self.tr("lost role %1"), self.tr("lost roles %1")),
        }[key]
        if key.startswith("roles_"):
            names = [role_name(name) for name in names]
        return fill(singular if len(names) == 1 else plural, ", ".join(names))

    def of_user(self, detail: dict[str, Any], user_name: str) -> list[str]:
        """The field changes and then the memberships of the one user an entry is about."""
        return self.changes(detail) + self.memberships_by_user(detail).get(user_name, [])

    def member_sections(self, detail: dict[str, Any]) -> list[Section]:
        """Who joined and left the Entra group, then anyone else whose Sofa groups or roles
        changed (the group now maps elsewhere).
        """
        by_user = self.memberships_by_user(detail)
        sections = []
        for key in ("members_added", "members_removed"):
            names = [str(name) for name in detail.get(key) or []]
            if names:
                count = int(detail.get(f"{key}_count") or len(names))
                members = [(name, by_user.pop(name, [])) for name in names]
                sections.append(Section(self._members_head(key, count), members, count))
        if by_user:
            members = list(by_user.items())
            sections.append(Section(self.tr("Also changed in Sofa"), members, len(members)))
        return sections

    def _members_head(self, key: str, count: int) -> str:
        # NOTE: the singular is a text of its own so that English needs no plural catalog;
        # Czech has its three forms in the %n text.
        if key == "members_added":
            return (
                self.tr("1 member added") if count == 1 else self.tr("%n members added", "", count)
            )
        if count == 1:
            return self.tr("1 member removed")
        return self.tr("%n members removed", "", count)

    def section_line(self, section: Section) -> str:
        """`2 members added: jana@contoso.cz (added to Sofa group Sales), petr@contoso.cz`."""
        shown = [
            f"{name} ({', '.join(pieces)})" if pieces else name
            for name, pieces in section.members[:SHOWN_MEMBERS]
        ]
        more = ", …" if section.count > len(shown) else ""
        return f"{section.head}: {', '.join(shown)}{more}"

    def section_lines(self, section: Section) -> list[str]:
        """The section for the detail area: each member on a line of its own."""
        lines = [f"{section.head}:"]
        lines += [
            f"    {name}: {'; '.join(pieces)}" if pieces else f"    {name}"
            for name, pieces in section.members
        ]
        if section.count > len(section.members):
            lines.append(
                "    " + self.tr("… and %n more", "", section.count - len(section.members))
            )
        return lines
