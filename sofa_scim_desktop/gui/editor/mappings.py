"""A mapping tab: rows of (Sofa group or role <- remote group identifier), checked as typed,
each with the Entra group it names (its name and members once Entra has sent it, a mark
when it never has), a way to create the Sofa group or role from the row, and a warning when
a row hands out a built-in role (SPEC §8.3).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QToolButton
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.identifiers import normalize_remote_group_id
from sofa_scim_desktop.gui.colours import background_colour
from sofa_scim_desktop.gui.colours import text_colour_on_background
from sofa_scim_desktop.gui.colours import text_style
from sofa_scim_desktop.gui.directory import prompts
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.health_icons import health_icon
from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.gui.role_names import role_name
from sofa_scim_desktop.services import synchronizations as syncs
from sofa_scim_desktop.services.synchronizations import RemoteGroup


def invalid_style() -> str:
    """The error background of the palette in use, under the palette's own text."""
    background = background_colour("error").name()
    return f"QLineEdit {{ background: {background}; color: {text_colour_on_background().name()}; }}"


GUID_EXAMPLE = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
ICON_SIZE = 16
UNSEEN_ICON = "never_called"  # a question mark
WARNING_ICON = "refused"  # an exclamation mark


class MappingSource:
    """What a tab reads and creates, for the synchronization being edited (None: a new one)."""

    def __init__(self, services: Services, identifier: str | None) -> None:
        self.services = services
        self.identifier = identifier

    def remote_groups(self, remotes: list[str]) -> dict[str, RemoteGroup]:
        return self.services.synchronizations.remote_groups(self.identifier, remotes)

    def create(self, kind: str, name: str) -> None:
        directory = self.services.directory
        (directory.create_group if kind == "group" else directory.create_role)(name)

    def builtin_roles(self) -> set[str]:
        return syncs.builtin_roles()


class TargetCell(QWidget):
    """The Sofa group or role of a row: a warning mark, the choice, and "+" to create one."""

    def __init__(
        self, targets: list[str], shown: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.shown = shown
        self.warning = QLabel()
        self.warning.setPixmap(health_icon(WARNING_ICON).pixmap(ICON_SIZE, ICON_SIZE))
        self.warning.hide()
        self.combo = QComboBox()
        for name in targets:  # shown in the GUI's language (built-in roles), kept as stored
            self.combo.addItem(shown(name), name)
        self.create_button = QToolButton()
        self.create_button.setText("+")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.addWidget(self.warning)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.create_button)


class RemoteCell(QWidget):
    """What Sofa knows of the Entra group: its name and members, or a mark if never sent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setPixmap(health_icon(UNSEEN_ICON).pixmap(ICON_SIZE, ICON_SIZE))
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.icon.hide()
        self.text.setText("")
        self.setToolTip("")

    @property
    def unseen(self) -> bool:
        return not self.icon.isHidden()


class MappingTab(QWidget):
    """`kind` is "group" or "role"; `targets` the Sofa names the combo boxes offer."""

    def __init__(
        self, kind: str, targets: list[str], source: MappingSource, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.targets = list(targets)
        self.source = source
        self.shown: Callable[[str], str] = role_name if kind == "role" else str
        self.builtin = source.builtin_roles() if kind == "role" else set()
        self._remotes: dict[str, RemoteGroup | None] = {}  # what Entra sent, by lower-case id
        first = self.tr("Group in Sofa") if kind == "group" else self.tr("Role in Sofa")
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [first, self.tr("Remote group identifier"), self.tr("Entra group")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setColumnWidth(0, 250)
        self.table.setColumnWidth(1, 290)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Add a row"))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.problem = problem_label()
        self.warnings = QLabel()
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(text_style("warning"))
        self.warnings.hide()
        self.missing = QLabel(self._missing_text())
        self.missing.setWordWrap(True)
        self.missing.setVisible(not self.targets)
        self._layout(kind)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

    def _missing_text(self) -> str:
        if self.kind == "group":
            return self.tr(
                "There are no Sofa groups yet: add a row and create one with its + button."
            )
        return self.tr("There are no Sofa roles yet: add a row and create one with its + button.")

    def _layout(self, kind: str) -> None:
        intro = QLabel(
            self.tr(
                "Members of a remote group (its Object Id in the Microsoft Entra admin center, "
                "Groups → All groups) become members of the Sofa group."
            )
            if kind == "group"
            else self.tr(
                "Members of a remote group (its Object Id in the Microsoft Entra admin center, "
                "Groups → All groups) receive the Sofa role."
            )
        )
        intro.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addWidget(self.warnings)
        layout.addWidget(self.problem)
        layout.addWidget(self.missing)

    def add_row(self, target: str = "", remote: str = "", focus: bool = True) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        cell = TargetCell(self.targets, self.shown)
        cell.create_button.setToolTip(
            self.tr("Create a new Sofa group for this row (it is created at once)")
            if self.kind == "group"
            else self.tr("Create a new Sofa role for this row (it is created at once)")
        )
        combo = cell.combo
        if target:
            if combo.findData(target) < 0:  # NOTE: renamed or deleted since; keep it visible
                combo.addItem(self.shown(target), target)
            combo.setCurrentIndex(combo.findData(target))
        edit = QLineEdit(remote)
        edit.setPlaceholderText(self.tr("Object Id, e.g. %1").replace("%1", GUID_EXAMPLE))
        edit.setFrame(False)
        combo.currentTextChanged.connect(self.validate)
        edit.textChanged.connect(self.validate)
        cell.create_button.clicked.connect(lambda: self.create_target(self._row_of(cell)))
        self.table.setCellWidget(row, 0, cell)
        self.table.setCellWidget(row, 1, edit)
        self.table.setCellWidget(row, 2, RemoteCell())
        if focus:  # a row the admin added: ready to paste the Object Id
            self.table.selectRow(row)
            edit.setFocus()
        self.validate()
        return row

    def _row_of(self, cell: QWidget) -> int:
        for row in range(self.table.rowCount()):
            if self.table.cellWidget(row, 0) is cell:
                return row
        return -1

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.validate()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))

    def target_cell(self, row: int) -> TargetCell:
        widget = self.table.cellWidget(row, 0)
        assert isinstance(widget, TargetCell)
        return widget

    def combo(self, row: int) -> QComboBox:
        return self.target_cell(row).combo

    def remote_edit(self, row: int) -> QLineEdit:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QLineEdit)
        return widget

    def remote_cell(self, row: int) -> RemoteCell:
        widget = self.table.cellWidget(row, 2)
        assert isinstance(widget, RemoteCell)
        return widget

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.combo(r).currentData() or "", self.remote_edit(r).text().strip())
            for r in range(self.table.rowCount())
        ]

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self._remember_remotes([remote for _, remote in rows])
        self.table.setRowCount(0)
        for target, remote in rows:
            self.add_row(target, remote, focus=False)

    # --- Creating the Sofa group or role from a row ----------------------------------------

    def create_target(self, row: int) -> None:
        """Asks for a name (the Entra group's, once seen, is offered), creates it in Sofa and
        chooses it in the row; what the admin typed elsewhere stays as it was.
        """
        if row < 0:
            return
        remote = self._remote_of(self.remote_edit(row).text().strip())
        title, label = (
            (self.tr("New Sofa group"), self.tr("Name of the new Sofa group:"))
            if self.kind == "group"
            else (self.tr("New Sofa role"), self.tr("Name of the new Sofa role:"))
        )
        name = prompts.ask_text(self, title, label, remote.name if remote else "")
        if name is None:
            return
        try:
            self.source.create(self.kind, name)
        except DomainError as error:  # empty, or the name is taken: the service's words
            self.problem.setText(error_text(error))
            self.problem.show()
            return
        self._offer(name.strip())
        combo = self.combo(row)
        combo.setCurrentIndex(combo.findData(name.strip()))

    def _offer(self, name: str) -> None:
        """Adds a new Sofa name to every row's choice, in order."""
        self.targets = sorted({*self.targets, name})
        for row in range(self.table.rowCount()):
            combo = self.combo(row)
            if combo.findData(name) < 0:
                combo.insertItem(self.targets.index(name), self.shown(name), name)
        self.missing.hide()

    # --- What Entra sent ---------------------------------------------------------------------

    def _remember_remotes(self, remotes: list[str]) -> None:
        """Reads, in one query, the Entra groups not looked up yet (valid ids only)."""
        wanted = []
        for remote in remotes:
            key = _normalized(remote)
            if key is not None and key not in self._remotes:
                wanted.append(key)
        if not wanted:
            return
        found = self.source.remote_groups(wanted)
        for key in wanted:
            self._remotes[key] = found.get(key)

    def _remote_of(self, remote: str) -> RemoteGroup | None:
        key = _normalized(remote)
        if key is None:
            return None
        self._remember_remotes([key])
        return self._remotes.get(key)

    def _show_remote(self, row: int, remote: str, valid: bool) -> None:
        cell = self.remote_cell(row)
        if not valid or not remote:
            cell.show_nothing()
            return
        group = self._remote_of(remote)
        if group is not None:
            cell.icon.hide()
            members = self.tr("%n members", "", group.members)
            cell.text.setText(f"{group.name} · {members}")
            cell.setToolTip(
                self.tr("Entra has sent this group: %1, with %2.")
                .replace("%1", group.name)
                .replace("%2", members)
            )
            return
        cell.icon.show()
        cell.text.setText(self.tr("Never sent by Entra"))
        cell.setToolTip(
            self.tr(
                "Entra has never sent a group with this Object Id: a typo, or the group is not "
                "assigned to the enterprise application (Users and groups) yet."
            )
        )

    # --- Checking ------------------------------------------------------------------------------

    def validate(self) -> str | None:
        """Flags invalid identifiers and duplicate rows, names the Entra groups, warns of
        built-in roles; returns the first reason, or None.
        """
        rows = self.rows()
        self._remember_remotes([remote for _, remote in rows])
        reasons: list[str] = []
        warnings: list[str] = []
        seen: set[tuple[str, str]] = set()
        for row, (target, remote) in enumerate(rows, start=1):
            reason = self._row_reason(row, target, remote, seen)
            edit = self.remote_edit(row - 1)
            edit.setStyleSheet(invalid_style() if reason else "")
            edit.setToolTip(reason or "")
            if reason:
                reasons.append(reason)
            self._show_remote(row - 1, remote, _normalized(remote) is not None)
            warnings += self._warn_builtin(row, target, remote)
        self.problem.setText(reasons[0] if reasons else "")
        self.problem.setVisible(bool(reasons))
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        return reasons[0] if reasons else None

    def _warn_builtin(self, row: int, target: str, remote: str) -> list[str]:
        cell = self.target_cell(row - 1)
        builtin = target in self.builtin
        cell.warning.setVisible(builtin)
        if not builtin:
            cell.warning.setToolTip("")
            return []
        group = self._remote_of(remote)
        text = (
            self.tr(
                "Row %1 gives the built-in role %2 to every member of the Entra group %3 "
                "(%4): check that all of them should have it."
            )
            .replace("%1", str(row))
            .replace("%2", self.shown(target))
            .replace("%3", group.name)
            .replace("%4", self.tr("%n members", "", group.members))
            if group is not None
            else self.tr(
                "Row %1 gives the built-in role %2 to every member of the Entra group: check "
                "that all of them should have it."
            )
            .replace("%1", str(row))
            .replace("%2", self.shown(target))
        )
        cell.warning.setToolTip(text)
        return [text]

    def _row_reason(
        self, row: int, target: str, remote: str, seen: set[tuple[str, str]]
    ) -> str | None:
        if not target:
            return self.tr(
                "Row %1: choose a Sofa group or role, or create one with the + button."
            ).replace("%1", str(row))
        if not remote:
            return self.tr("Row %1: enter the remote group identifier.").replace("%1", str(row))
        key = _normalized(remote)
        if key is None:
            return (
                self.tr("Row %1: '%2' is not a GUID such as %3 (the group's Object Id).")
                .replace("%1", str(row))
                .replace("%2", remote)
                .replace("%3", GUID_EXAMPLE)
            )
        if (target, key) in seen:
            return self.tr("Row %1 repeats an earlier row.").replace("%1", str(row))
        seen.add((target, key))
        return None


def _normalized(remote: str) -> str | None:
    try:
        return normalize_remote_group_id(remote)
    except DomainError:
        return None
