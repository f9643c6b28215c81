"""Work off the GUI thread: a computation on Qt's thread pool whose result, or failure in the
admin's words, comes back on the GUI thread as a signal of a `PoolSignals` the widget owns.

Each start carries a run number, so that a widget can ignore the answer of a run it no longer
wants; a widget closed meanwhile is not told at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtCore import QRunnable
from PySide6.QtCore import QThreadPool
from PySide6.QtCore import Signal
from PySide6.QtCore import SignalInstance

from sofa_scim_desktop.gui.error_texts import error_text

log = logging.getLogger("sofa.gui")


class PoolSignals(QObject):
    finished = Signal(int, object)  # the run's number, the result
    failed = Signal(int, str)  # the run's number, what went wrong


class _Task(QRunnable):
    def __init__(self, compute: Callable[[], object], run: int, signals: PoolSignals, what: str):
        super().__init__()
        self.compute = compute
        self.run_number = run
        self.signals = signals
        self.what = what

    def run(self) -> None:
        try:
            result = self.compute()
        except Exception as error:  # told to the admin rather than lost in a thread
            log.exception("%s failed", self.what)
            self._emit(self.signals.failed, error_text(error) or type(error).__name__)
        else:
            self._emit(self.signals.finished, result)

    def _emit(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(self.run_number, value)
        except RuntimeError:  # the widget was closed meanwhile: nobody left to tell
            pass


def start_in_pool(
    compute: Callable[[], object], signals: PoolSignals, run: int = 0, what: str = "a task"
) -> None:
    """Runs `compute` on the pool; `what` names it in the log should it fail."""
    QThreadPool.globalInstance().start(_Task(compute, run, signals, what))
