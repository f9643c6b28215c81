"""The manual's Entra steps ("Provisioning a connection") as a checklist that ticks itself off
from what Sofa has seen (services.entra_progress): each step with a tick or an empty circle,
and a line that says what was seen or what to do next.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtGui import QPainter
from PySide6.QtGui import QPen
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGridLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.dates import local_date
from sofa_scim_desktop.gui.health_icons import health_icon
from sofa_scim_desktop.gui.relative_time import ago
from sofa_scim_desktop.services.entra_progress import EntraProgress

STEPS = ("key", "test", "user", "group", "cycle")
ICON_SIZE = 18
DETAIL_STYLE = "color: palette(placeholder-text);"


@cache
def _pending_pixmap() -> QPixmap:
    """An empty grey ring: a step still to do (grey reads on light and dark palettes)."""
    pixmap = QPixmap(ICON_SIZE, ICON_SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#8a8a8a"), 2))
    painter.drawEllipse(QRectF(2, 2, ICON_SIZE - 4, ICON_SIZE - 4))
    painter.end()
    return pixmap


class EntraChecklist(QWidget):
    """`show_progress(progress)` ticks the steps; `done` says which are ticked (for tests)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icons: dict[str, QLabel] = {}
        self.titles: dict[str, QLabel] = {}
        self.details: dict[str, QLabel] = {}
        self.done: dict[str, bool] = dict.fromkeys(STEPS, False)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(1)
        grid.setColumnStretch(1, 1)
        titles = self._titles()
        for index, step in enumerate(STEPS):
            self.icons[step] = QLabel()
            self.titles[step] = QLabel(titles[step])
            self.details[step] = QLabel()
            self.details[step].setWordWrap(True)
            self.details[step].setStyleSheet(DETAIL_STYLE)
            grid.addWidget(self.icons[step], 2 * index, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self.titles[step], 2 * index, 1)
            grid.addWidget(self.details[step], 2 * index + 1, 1)

    def _titles(self) -> dict[str, str]:
        return {
            "key": self.tr("1. Access key for Entra's Secret Token"),
            "test": self.tr("2. Test connection received"),
            "user": self.tr("3. First user provisioned"),
            "group": self.tr("4. First group provisioned"),
            "cycle": self.tr("5. Last provisioning cycle"),
        }

    def show_progress(self, progress: EntraProgress) -> None:
        for step, (done, detail) in self._states(progress).items():
            self.done[step] = done
            self.details[step].setText(detail)
            pixmap = health_icon("ok").pixmap(ICON_SIZE, ICON_SIZE) if done else _pending_pixmap()
            self.icons[step].setPixmap(pixmap)
            self.titles[step].setStyleSheet("font-weight: bold;" if not done else "")

    def _states(self, p: EntraProgress) -> dict[str, tuple[bool, str]]:
        return {
            "key": self._key(p),
            "test": self._test(p),
            "user": (
                p.user_provisioned,
                self.tr("Users provisioned: %1").replace("%1", str(p.users))
                if p.user_provisioned
                else self.tr("In Entra: Create, then Start provisioning, with users assigned."),
            ),
            "group": (
                p.group_provisioned,
                self.tr("Groups provisioned: %1").replace("%1", str(p.groups))
                if p.group_provisioned
                else self.tr("In Entra: assign the groups to the application (Users and groups)."),
            ),
            "cycle": self._cycle(p),
        }

    def _key(self, p: EntraProgress) -> tuple[bool, str]:
        if p.key_valid():
            assert p.key_expires_at is not None
            text = self.tr("The key is valid until %1.").replace("%1", local_date(p.key_expires_at))
            return True, text
        if p.key_expires_at is not None:
            return False, self.tr("The key has expired: generate a new one in Access details.")
        return False, self.tr("Generate a key in Access details and paste it with the URL.")

    def _test(self, p: EntraProgress) -> tuple[bool, str]:
        if p.last_authenticated_at is not None:
            text = self.tr("A call with the key arrived %1.").replace(
                "%1", ago(p.last_authenticated_at)
            )
            return True, text
        if p.last_call_at is not None:
            return False, self.tr("Calls arrive, but without the right key: see the list.")
        return False, self.tr("In Entra: Provisioning → Test connection.")

    def _cycle(self, p: EntraProgress) -> tuple[bool, str]:
        if p.last_call_at is None:
            return False, self.tr("Entra runs a cycle about every 40 minutes.")
        last = self.tr("Last call %1.").replace("%1", ago(p.last_call_at))
        if p.cycles_running():
            return True, last
        if p.success_recent():  # e.g. only the Test connection: no cycle has provisioned yet
            return False, last + " " + self.tr("No cycle has provisioned anything yet.")
        return False, last + " " + self.tr("No success for a day: is provisioning on?")
