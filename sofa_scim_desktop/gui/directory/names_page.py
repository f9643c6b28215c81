"""The Groups and Roles pages: a list with Add, Rename and Delete. Built-in roles cannot be
renamed or deleted; deleting one that a synchronization maps names those synchronizations.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableView
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui.directory import prompts
from sofa_scim_desktop.gui.directory.names_model import NamesModel
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.sorting import make_sortable
from sofa_scim_desktop.gui.sorting import source_row
from sofa_scim_desktop.gui.sorting import view_row
from sofa_scim_desktop.services.directory import Directory
from sofa_scim_desktop.services.directory import NamedItem


class NamesPage(QWidget):
    """Shared by GroupsPage and RolesPage; they give the service calls and the wording.
    Its own strings use a fixed translation context: self.tr() on a subclass instance would
    look them up under the subclass's name, not where lupdate files them.
    """

    changed = Signal()  # after an add, rename or delete

    def __init__(self, directory: Directory, parent: Any = None) -> None:
        super().__init__(parent)
        self._directory = directory
        self.model = NamesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        make_sortable(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.add_button = QPushButton(QCoreApplication.translate("NamesPage", "Add…"))
        self.rename_button = QPushButton(QCoreApplication.translate("NamesPage", "Rename…"))
        self.delete_button = QPushButton(QCoreApplication.translate("NamesPage", "Delete…"))
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.delete_button.clicked.connect(self.delete)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self._lay_out()
        self.refresh()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        note = QLabel(self._note())
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    # --- What subclasses give ---------------------------------------------------------------

    def _items(self) -> list[NamedItem]:
        raise NotImplementedError

    def _note(self) -> str:
        raise NotImplementedError

    def _texts(self) -> dict[str, str]:
        raise NotImplementedError

    def _create(self, name: str) -> None:
        raise NotImplementedError

    def _rename(self, old: str, new: str) -> None:
        raise NotImplementedError

    def _delete(self, name: str) -> None:
        raise NotImplementedError

    # --- Actions ----------------------------------------------------------------------------

    def refresh(self) -> None:
        selected = self.selected()
        self.model.set_items(self._items())
        self.select(selected.name if selected else None)

    def selected(self) -> NamedItem | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.item(source_row(self.table, index)) if index.isValid() else None

    def select(self, name: str | None) -> None:
        row = self.model.row_of(name) if name is not None else None
        if row is not None:
            self.table.selectRow(view_row(self.table, row))
        self._update_buttons()

    def add(self) -> None:
        texts = self._texts()
        name = prompts.ask_text(self, texts["add_title"], texts["name_label"])
        if name is not None and self._run(self._create, name):
            self.refresh()
            self.select(name.strip())

    def rename(self) -> None:
        item = self.selected()
        if item is None or item.builtin:
            return
        texts = self._texts()
        name = prompts.ask_text(self, texts["rename_title"], texts["name_label"], item.name)
        if name is not None and name != item.name and self._run(self._rename, item.name, name):
            self.refresh()
            self.select(name.strip())

    def delete(self) -> None:
        item = self.selected()
        if item is None or item.builtin:
            return
        texts = self._texts()
        question = texts["delete_mapped" if item.mapped_by else "delete"]
        question = (
            question.replace("%1", item.name)
            .replace("%2", ", ".join(item.mapped_by))
            .replace("%3", QLocale().toString(item.members))
        )
        if prompts.confirm(self, texts["delete_title"], question) and self._run(
            self._delete, item.name
        ):
            self.refresh()

    def _run(self, action: Any, *args: str) -> bool:
        try:
            action(*args)
        except DomainError as error:
            prompts.show_error(self, self._texts()["error_title"], error_text(error))
            return False
        self.changed.emit()
        return True

    def _update_buttons(self) -> None:
        item = self.selected()
        editable = item is not None and not item.builtin
        tip = ""
        if item is not None and item.builtin:
            tip = QCoreApplication.translate(
                "NamesPage", "Built-in roles of Sofa cannot be renamed or deleted."
            )
        elif item is None:
            tip = QCoreApplication.translate("NamesPage", "Select a row first.")
        for button in (self.rename_button, self.delete_button):
            button.setEnabled(editable)
            button.setToolTip(tip)
