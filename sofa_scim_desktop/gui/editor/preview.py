"""Before the editor saves: who gains and who loses which Sofa group or role (SPEC §8.3, the
computation of `map … --dry-run`), computed on a pool thread with a progress indication, so
that 100,000 users never freeze the window.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QHeaderView
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QProgressBar
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QTableWidget
from PySide6.QtWidgets import QTableWidgetItem
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.labels import problem_label
from sofa_scim_desktop.gui.pool import PoolSignals
from sofa_scim_desktop.gui.pool import start_in_pool
from sofa_scim_desktop.gui.role_names import role_name
from sofa_scim_desktop.services.synchronizations import MappingChange
from sofa_scim_desktop.services.synchronizations import MappingEffects

SHOWN = 1000  # rows listed; the summary gives the counts of all
Compute = Callable[[], MappingEffects]


class PreviewPanel(QWidget):
    """`start(compute)` shows the progress, then the changes; `confirmed` when the admin saves
    them, `back` to return to the tabs. `ready(effects)` once a preview is shown.
    """

    confirmed = Signal()
    back = Signal()
    ready = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.effects: MappingEffects | None = None
        self._run = 0
        self._signals = PoolSignals(self)
        self._signals.finished.connect(self._finished)
        self._signals.failed.connect(self._failed)
        self.title = QLabel(self.tr("Before saving: who gains and who loses a group or role"))
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: the computation has no steps to count
        self.progress.setTextVisible(False)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Change"), self.tr("Group or role in Sofa")]
        )
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problem = problem_label(hidden=True)
        self.back_button = QPushButton(self.tr("Back to editing"))
        self.confirm_button = QPushButton(self.tr("Save with these changes"))
        self._layout()
        self.back_button.clicked.connect(self._back)
        self.confirm_button.clicked.connect(self.confirmed)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(buttons)

    @property
    def computing(self) -> bool:
        return not self.progress.isHidden()

    def start(self, compute: Compute) -> None:
        """Computes on a pool thread; a result of an earlier start is ignored."""
        self._run += 1
        self.effects = None
        self.status.setText(self.tr("Working out who gains and who loses which group or role…"))
        self.progress.show()
        self.table.hide()
        self.problem.hide()
        self.confirm_button.setEnabled(False)
        start_in_pool(compute, self._signals, self._run, "the mapping preview")

    def _back(self) -> None:
        self._run += 1  # a computation still running is no longer wanted
        self.back.emit()

    def _finished(self, run: int, effects: MappingEffects) -> None:
        if run != self._run:
            return
        self.effects = effects
        self.progress.hide()
        self.status.setText(self._summary(effects))
        self._fill(effects)
        self.table.show()
        self.confirm_button.setEnabled(True)
        self.ready.emit(effects)

    def _failed(self, run: int, reason: str) -> None:
        if run != self._run:
            return
        self.progress.hide()
        self.status.setText("")
        self.problem.setText(self.tr("The preview failed: %1").replace("%1", reason))
        self.problem.show()

    def _summary(self, effects: MappingEffects) -> str:
        gaining = len({c.user_name for c in effects.gains})
        losing = len({c.user_name for c in effects.losses})
        text = " ".join(
            (
                self.tr("Gaining a group or role: %n users.", "", gaining),
                self.tr("Losing a group or role: %n users.", "", losing),
            )
        )
        total = len(effects.gains) + len(effects.losses)
        if total > SHOWN:
            listed = self.tr("Listed: the first %1 of %n changes.", "", total)
            text += " " + listed.replace("%1", str(SHOWN))
        return text

    def _fill(self, effects: MappingEffects) -> None:
        listed = [(c, True) for c in effects.gains] + [(c, False) for c in effects.losses]
        listed = listed[:SHOWN]
        self.table.setRowCount(len(listed))
        for row, (change, gained) in enumerate(listed):
            for column, text in enumerate(
                (change.user_name, self._verb(gained), self._target(change))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(1)

    def _verb(self, gained: bool) -> str:
        return self.tr("gains") if gained else self.tr("loses")

    def _target(self, change: MappingChange) -> str:
        if change.kind == "group":
            return self.tr("group %1").replace("%1", change.name)
        return self.tr("role %1").replace("%1", role_name(change.name))
