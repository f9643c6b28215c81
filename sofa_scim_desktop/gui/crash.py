"""Unexpected exceptions: logged with their traceback to the log file, shown in a dialog naming
that file, and the app keeps running.
"""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.clipboard import copy_from_button

log = logging.getLogger("sofa.gui")


class CrashDialog(QDialog):
    def __init__(self, log_path: Path, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.log_path = log_path
        self.details = details
        self.message = QLabel(
            self.tr(
                "Something unexpected went wrong; the app keeps running, but the last action "
                "may not have finished. The details are in the log file:\n%1\n\nPlease send "
                "that file with a description of what you did to your Sofa support."
            ).replace("%1", str(log_path))
        )
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.traceback = QPlainTextEdit(details)
        self.traceback.setReadOnly(True)
        self.traceback.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton(
            self.tr("Copy the details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.traceback, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def copy(self) -> None:
        """The file's path and the traceback, for a support ticket."""
        copy_from_button(self.copy_button, f"{self.log_path}\n\n{self.details}")

    @classmethod
    def show_error(cls, log_path: Path, details: str, parent: QWidget | None) -> None:
        """Shows the dialog until the admin closes it. Tests replace this."""
        dialog = cls(log_path, details, parent)
        dialog.exec()
        dialog.deleteLater()  # NOTE: by Qt, not Python's GC (see SyncEditor.edit)


class CrashReporter(QObject):
    """Installed as sys.excepthook (exceptions in Qt slots arrive there) and
    threading.excepthook; a worker thread's exception reaches the dialog through a signal,
    in the GUI thread.
    """

    crashed = Signal(str)

    def __init__(self, log_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_path = log_path
        self.dialog_parent: QWidget | None = None
        self.showing = False
        self._previous = (sys.excepthook, threading.excepthook)
        self.crashed.connect(self._show)

    def install(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def _excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous[0](kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        self.crashed.emit("".join(traceback.format_exception(kind, error, trace)))

    def _thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread else "?"
        log.error("unexpected error in thread %s", name, exc_info=args.exc_value)
        self.crashed.emit("".join(traceback.format_exception(args.exc_value)))

    def _show(self, details: str) -> None:
        if self.showing:  # one dialog at a time: a burst of errors is in the log file
            return
        self.showing = True
        try:
            CrashDialog.show_error(self.log_path, details, self.dialog_parent)
        finally:
            self.showing = False
