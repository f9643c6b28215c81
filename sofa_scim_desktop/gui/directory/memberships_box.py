"""A user's groups or roles, each marked "granted by hand" or "from synchronization X", with
buttons to grant and withdraw by hand; derived ones are disabled, since they follow Entra.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGroupBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QListWidget
from PySide6.QtWidgets import QListWidgetItem
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QVBoxLayout

from sofa_scim_desktop.services.directory import Membership

BY_HAND_ROLE = Qt.ItemDataRole.UserRole


class MembershipsBox(QGroupBox):
    """Emits `grantRequested()` and `withdrawRequested(name)`; the pane does the work."""

    grantRequested = Signal()
    withdrawRequested = Signal(str)

    def __init__(
        self, title: str, parent: Any = None, shown: Callable[[str], str] = lambda name: name
    ) -> None:
        super().__init__(title, parent)
        self._shown = shown  # how a name is shown: the built-in roles in the GUI's language
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        # Four lines: groups and roles both fit beside the fields without scrolling.
        self.list.setFixedHeight(self.list.fontMetrics().height() * 4 + 12)
        self.grant_button = QPushButton(self.tr("Grant by hand…"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.grant_button)
        buttons.addWidget(self.withdraw_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.grant_button.clicked.connect(self.grantRequested)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.list.currentItemChanged.connect(self._update_buttons)
        self.set_memberships([], enabled=False)

    def set_memberships(self, memberships: list[Membership], enabled: bool = True) -> None:
        self.list.clear()
        for membership in memberships:
            self.list.addItem(self._item(membership))
        if not memberships and enabled:
            placeholder = QListWidgetItem(self.tr("None"))
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(placeholder)
        self.grant_button.setEnabled(enabled)
        self._update_buttons()

    def items(self) -> list[tuple[str, bool, bool]]:
        """(text, granted by hand, enabled) of each line, as the admin sees them."""
        rows = []
        for number in range(self.list.count()):
            item = self.list.item(number)
            enabled = bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)
            rows.append((item.text(), bool(item.data(BY_HAND_ROLE)), enabled))
        return rows

    def hand_names(self) -> set[str]:
        names = (self.list.item(n).data(BY_HAND_ROLE) for n in range(self.list.count()))
        return {name for name in names if name}

    def select(self, text: str) -> None:
        matches = self.list.findItems(text, Qt.MatchFlag.MatchExactly)
        if matches:
            self.list.setCurrentItem(matches[0])

    def _item(self, membership: Membership) -> QListWidgetItem:
        if membership.sync is None:
            shown = self._shown(membership.name)
            item = QListWidgetItem(self.tr("%1 — granted by hand").replace("%1", shown))
            item.setData(BY_HAND_ROLE, membership.name)
            return item
        item = QListWidgetItem(
            self.tr("%1 — from synchronization %2")
            .replace("%1", self._shown(membership.name))
            .replace("%2", membership.sync)
        )
        # NOTE: derived memberships follow Entra (SPEC §4): shown, never withdrawn by hand.
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        # Disabled, yet as readable as the others: the admin needs to see it; italic marks it.
        item.setForeground(
            self.palette().brush(QPalette.ColorGroup.Active, QPalette.ColorRole.Text)
        )
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
        item.setToolTip(
            self.tr(
                "Derived by synchronization %1 from Entra group membership; it follows Entra "
                "and cannot be withdrawn by hand."
            ).replace("%1", membership.sync)
        )
        return item

    def _update_buttons(self) -> None:
        item = self.list.currentItem()
        by_hand = item is not None and bool(item.data(BY_HAND_ROLE))
        self.withdraw_button.setEnabled(by_hand)
        self.withdraw_button.setToolTip(
            "" if by_hand else self.tr("Select a membership granted by hand to withdraw it.")
        )

    def _withdraw(self) -> None:
        item = self.list.currentItem()
        if item is not None and item.data(BY_HAND_ROLE):
            self.withdrawRequested.emit(item.data(BY_HAND_ROLE))
