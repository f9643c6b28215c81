"""A mapping tab: rows of (Sofa group or role <- remote group identifier), checked as typed."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QComboBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QLineEdit
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.identifiers import normalize_remote_group_id
from sofa_scim_desktop.gui.colours import background_colour
from sofa_scim_desktop.gui.colours import text_colour_on_background
from sofa_scim_desktop.gui.labels import problem_label


def invalid_style() -> str:
    """The error background of the palette in use, under the palette's own text."""
    background = background_colour("error").name()
    return f"QLineEdit {{ background: {background}; color: {text_colour_on_background().name()}; }}"


GUID_EXAMPLE = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


class MappingTab(QWidget):
    """`kind` is "group" or "role"; `targets` the Sofa names the combo boxes offer."""

    def __init__(self, kind: str, targets: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.targets = targets
        first = self.tr("Group in Sofa") if kind == "group" else self.tr("Role in Sofa")
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([first, self.tr("Remote group identifier")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 260)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("Add a row"))
        self.remove_button = QPushButton(self.tr("Remove row"))
        self.problem = problem_label()
        self._layout(kind)
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()

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
        layout.addWidget(self.problem)
        if not self.targets:
            missing = QLabel(
                self.tr("There are no Sofa groups yet: create them in the Directory first.")
                if kind == "group"
                else self.tr("There are no Sofa roles yet: create them in the Directory first.")
            )
            layout.addWidget(missing)

    def add_row(self, target: str = "", remote: str = "", focus: bool = True) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.addItems(self.targets)
        if target:
            if combo.findText(target) < 0:  # NOTE: renamed or deleted since; keep it visible
                combo.addItem(target)
            combo.setCurrentText(target)
        edit = QLineEdit(remote)
        edit.setPlaceholderText(self.tr("Object Id, e.g. %1").replace("%1", GUID_EXAMPLE))
        edit.setFrame(False)
        combo.currentTextChanged.connect(self.validate)
        edit.textChanged.connect(self.validate)
        self.table.setCellWidget(row, 0, combo)
        self.table.setCellWidget(row, 1, edit)
        if focus:  # a row the admin added: ready to paste the Object Id
            self.table.selectRow(row)
            edit.setFocus()
        self.validate()
        return row

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        self.validate()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))

    def combo(self, row: int) -> QComboBox:
        widget = self.table.cellWidget(row, 0)
        assert isinstance(widget, QComboBox)
        return widget

    def remote_edit(self, row: int) -> QLineEdit:
        widget = self.table.cellWidget(row, 1)
        assert isinstance(widget, QLineEdit)
        return widget

    def rows(self) -> list[tuple[str, str]]:
        return [
            (self.combo(r).currentText(), self.remote_edit(r).text().strip())
            for r in range(self.table.rowCount())
        ]

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        self.table.setRowCount(0)
        for target, remote in rows:
            self.add_row(target, remote, focus=False)

    def validate(self) -> str | None:
        """Flags invalid identifiers and duplicate rows; returns the first reason, or None."""
        reasons: list[str] = []
        seen: set[tuple[str, str]] = set()
        for row, (target, remote) in enumerate(self.rows(), start=1):
            reason = self._row_reason(row, target, remote, seen)
            edit = self.remote_edit(row - 1)
            edit.setStyleSheet(invalid_style() if reason else "")
            edit.setToolTip(reason or "")
            if reason:
                reasons.append(reason)
        self.problem.setText(reasons[0] if reasons else "")
        self.problem.setVisible(bool(reasons))
        return reasons[0] if reasons else None

    def _row_reason(
        self, row: int, target: str, remote: str, seen: set[tuple[str, str]]
    ) -> str | None:
        if not target:
            return self.tr("Row %1: choose a Sofa group or role.").replace("%1", str(row))
        if not remote:
            return self.tr("Row %1: enter the remote group identifier.").replace("%1", str(row))
        try:
            key = (target, normalize_remote_group_id(remote))
        except DomainError:
            return (
                self.tr("Row %1: '%2' is not a GUID such as %3 (the group's Object Id).")
                .replace("%1", str(row))
                .replace("%2", remote)
                .replace("%3", GUID_EXAMPLE)
            )
        if key in seen:
            return self.tr("Row %1 repeats an earlier row.").replace("%1", str(row))
        seen.add(key)
        return None
