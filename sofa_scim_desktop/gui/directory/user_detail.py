"""The detail pane of the selected user: every mapped field (SPEC §4), the manager, the source
synchronization, the state, and groups and roles with who granted them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QScrollArea
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.dates import local_text
from sofa_scim_desktop.gui.directory import prompts
from sofa_scim_desktop.gui.directory.memberships_box import MembershipsBox
from sofa_scim_desktop.gui.directory.users_model import state_text
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.relative_time import ago
from sofa_scim_desktop.gui.role_names import role_name
from sofa_scim_desktop.gui.role_names import role_names
from sofa_scim_desktop.services.directory import Directory
from sofa_scim_desktop.services.directory import UserDetail


class UserDetailPane(QScrollArea):
    changed = Signal()  # after a grant or a withdrawal

    def __init__(self, directory: Directory, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self._user_name: str | None = None
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        # Wraps: an unwrapped long title ("Vyberte uživatele…" in Czech) held the whole pane
        # wider than the splitter gave it, and clipped its right side.
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.fields: dict[str, QLabel] = {}
        self.groups = MembershipsBox(self.tr("Groups"))
        self.roles = MembershipsBox(self.tr("Roles"), shown=role_name)
        self.groups.grantRequested.connect(lambda: self.grant("group"))
        self.roles.grantRequested.connect(lambda: self.grant("role"))
        self.groups.withdrawRequested.connect(lambda name: self.withdraw("group", name))
        self.roles.withdrawRequested.connect(lambda name: self.withdraw("role", name))
        self.setWidget(self._body())
        self.setWidgetResizable(True)
        # NOTE: a GUID or a long address cannot wrap: scroll rather than clip the pane's right
        # side when the splitter gives it less than that.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.show_user(None)

    def _labels(self) -> list[tuple[str, str]]:
        return [
            ("user_name", self.tr("User name")),
            ("state", self.tr("State")),
            ("source", self.tr("Source")),
            ("display_name", self.tr("Display name")),
            ("degree_before", self.tr("Degree in front")),
            ("first_name", self.tr("Name")),
            ("surname", self.tr("Surname")),
            ("degree_after", self.tr("Degree behind")),
            ("notification_email", self.tr("Notification e-mail")),
            ("telephone", self.tr("Telephone")),
            ("mobile", self.tr("Mobile phone")),
            ("personal_number", self.tr("Personal number")),
            ("job", self.tr("Job")),
            ("department", self.tr("Department")),
            ("manager", self.tr("Direct superior")),
            ("sso_identifier", self.tr("SSO identifier")),
            ("updated_at", self.tr("Last changed")),
        ]

    def _body(self) -> QWidget:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        # A narrow pane puts a long value under its label instead of beside it.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, label in self._labels():
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            self.fields[key] = value
            form.addRow(label, value)
        # NOTE: stacked, not side by side: "Finance — from synchronization X" needs the width.
        boxes = QVBoxLayout()
        boxes.addWidget(self.groups)
        boxes.addWidget(self.roles)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addLayout(boxes)
        layout.addStretch(1)
        return body

    def user_name(self) -> str | None:
        return self._user_name

    def show_user(self, user_name: str | None) -> None:
        """Shows `user_name` (None: nothing selected), read afresh from the directory."""
        self._user_name = user_name
        detail = None
        if user_name is not None:
            try:
                detail = self._directory.user_detail(user_name)
            except DomainError:
                self._user_name = None  # removed meanwhile: show the empty pane
        if detail is None:
            self.title.setText(self.tr("Select a user to see the details."))
            for value in self.fields.values():
                value.setText("")
            self.groups.set_memberships([], enabled=False)
            self.roles.set_memberships([], enabled=False)
            return
        self._fill(detail)

    def _source_text(self, source: str | None, removed: bool) -> str:
        if source:
            return self.tr("Synchronization %1").replace("%1", source)
        if removed:  # a deleted synchronization detaches its users (services: delete)
            return self.tr("A synchronization that was deleted since")
        return self.tr("Local (created in Sofa)")

    def _fill(self, detail: UserDetail) -> None:
        user = detail.user
        self.title.setText(user.display_name or user.user_name)
        for key, value in self.fields.items():
            text = getattr(user, key, None)
            value.setText(text or "—")
            value.setToolTip(text or "")  # the whole value, should the pane be too narrow
        self.fields["state"].setText(
            self.tr("Removed by its synchronization; kept in Sofa, deactivated")
            if user.removed
            else state_text(user.active, user.removed)
        )
        self.fields["source"].setText(self._source_text(user.source, user.removed))
        if detail.unusable_email and not user.notification_email:
            unusable = self.tr(
                "None: Entra sent “%1”, which is not an e-mail address; no e-mail goes to "
                "this user until Entra sends one."
            ).replace("%1", detail.unusable_email)
            self.fields["notification_email"].setText(unusable)
            self.fields["notification_email"].setToolTip(unusable)
        self.fields["updated_at"].setText(local_time(detail.updated_at))
        self.groups.set_memberships(detail.group_memberships)
        self.roles.set_memberships(detail.role_memberships)

    def grant(self, kind: str) -> None:
        if self._user_name is None:
            return
        items = self._directory.groups() if kind == "group" else self._directory.roles()
        held = self.groups if kind == "group" else self.roles
        by_hand = held.hand_names()
        names = [item.name for item in items if item.name not in by_hand]
        shown = role_names(names) if kind == "role" else {name: name for name in names}
        choices = list(shown)
        if not choices:
            message = self._nothing_to_grant(kind, exists=bool(items))
            prompts.show_error(self, self.tr("Grant by hand"), message)
            return
        chosen = prompts.choose(self, self.tr("Grant by hand"), self._grant_label(kind), choices)
        if chosen is not None:
            self._change(self._directory.grant, kind, shown.get(chosen, chosen))

    def withdraw(self, kind: str, name: str) -> None:
        if self._user_name is not None:
            self._change(self._directory.revoke, kind, name)

    def _change(self, action: Any, kind: str, name: str) -> None:
        user_name = self._user_name
        try:
            action(user_name, **{kind: name})
        except DomainError as error:
            prompts.show_error(self, self.tr("Groups and roles"), error_text(error))
        else:
            self.changed.emit()
        self.show_user(user_name)

    def _grant_label(self, kind: str) -> str:
        if kind == "group":
            return self.tr("Group to grant to %1 by hand:").replace("%1", self._user_name or "")
        return self.tr("Role to grant to %1 by hand:").replace("%1", self._user_name or "")

    def _nothing_to_grant(self, kind: str, exists: bool) -> str:
        if kind == "group" and exists:
            return self.tr("Every group is already granted by hand.")
        if kind == "group":
            return self.tr("There are no groups yet: create one on the Groups tab.")
        return self.tr("Every role is already granted by hand.")


def local_time(moment: datetime | None) -> str:
    """A stored naive-UTC time in the user's locale and time zone, and how long ago."""
    if moment is None:
        return "—"
    return f"{local_text(moment)} ({ago(moment)})"
