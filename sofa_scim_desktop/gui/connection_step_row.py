"""One step of the connection check on screen: an icon for its status, its title, its message
and its fix, translated from the English templates of services.connection_texts.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QVBoxLayout

from sofa_scim_desktop.gui.colours import text_style
from sofa_scim_desktop.services.connection_report import ERROR
from sofa_scim_desktop.services.connection_report import OK
from sofa_scim_desktop.services.connection_report import SKIPPED
from sofa_scim_desktop.services.connection_report import WARNING
from sofa_scim_desktop.services.connection_report import Step
from sofa_scim_desktop.services.connection_texts import CONTEXT
from sofa_scim_desktop.services.connection_texts import TEXTS
from sofa_scim_desktop.services.connection_texts import TITLES

log = logging.getLogger("sofa.gui")
ICONS = {
    OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    SKIPPED: QStyle.StandardPixmap.SP_MediaSkipForward,
}
ICON_SIZE = 20
_TOP = Qt.AlignmentFlag.AlignTop


def _translated(text: str, args: dict[str, str]) -> str:
    """`text`, an English template, in the GUI's language and filled in."""
    template = QCoreApplication.translate(CONTEXT, text)
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation that broke a placeholder
        log.warning("the translation of %r does not fit its placeholders", text)
        return text.format(**args)


def step_texts(step: Step) -> tuple[str, str, str | None]:
    """Title, message and fix (None when there is nothing to fix) of `step`, translated."""
    message, fix = TEXTS[step.code]
    fix = fix if step.status in (WARNING, ERROR) else None
    title = QCoreApplication.translate(CONTEXT, TITLES[step.step])
    return title, _translated(message, step.args), _translated(fix, step.args) if fix else None


class StepRow:
    """The labels of one step, in row `row` of the view's grid (icon, title, texts)."""

    def __init__(self, grid: QGridLayout, row: int) -> None:
        self.icon = QLabel()
        self.icon.setFixedWidth(ICON_SIZE + 4)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.message = QLabel()
        self.fix = QLabel()
        self.fix.setStyleSheet(text_style("warning"))
        for label in (self.message, self.fix):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addWidget(self.message)
        texts.addWidget(self.fix)
        grid.addWidget(self.icon, row, 0, _TOP)
        grid.addWidget(self.title, row, 1, _TOP)
        grid.addLayout(texts, row, 2, _TOP)
        self.status = ""

    def show(self, step: Step, fix_label: str) -> None:
        """`fix_label` precedes the fix, e.g. "Fix:"."""
        title, message, fix = step_texts(step)
        icon = QApplication.style().standardIcon(ICONS[step.status])
        self.icon.setPixmap(icon.pixmap(ICON_SIZE, ICON_SIZE))
        self.status = step.status
        self.title.setText(title)
        self.message.setText(message)
        # What did not run stays in the background.
        self.message.setStyleSheet(text_style("muted") if step.status == SKIPPED else "")
        self.fix.setText(f"{fix_label} {fix}" if fix else "")
        self.fix.setVisible(bool(fix))

    def clear(self) -> None:
        for label in (self.icon, self.title, self.message, self.fix):
            label.clear()
        self.fix.hide()
        self.status = ""
