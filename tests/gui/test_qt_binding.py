"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 dropped one
reference to None (and True) on calls such as processEvents(), repaint() or a timer's slot, and
an idle app aborted within hours ("none_dealloc"). Run in a child process: the failure is an
abort, not an exception.
"""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import child_environment

LOOP = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication([])
label = QLabel("x")
label.show()
before = sys.getrefcount(None), sys.getrefcount(True)
ticks = [0]

def tick():
    ticks[0] += 1
    label.setText(str(ticks[0]))
    label.repaint()
    app.processEvents()
    if ticks[0] >= 30000:
        app.quit()

timer = QTimer()
timer.timeout.connect(tick)
timer.start(0)
app.exec()
print(sys.getrefcount(None) - before[0], sys.getrefcount(True) - before[1])
"""


def test_thirty_thousand_timer_slots_keep_none_and_true_alive() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LOOP],
        capture_output=True,
        text=True,
        timeout=120,
        env=child_environment({"QT_QPA_PLATFORM": "offscreen"}),
    )
    assert done.returncode == 0, done.stderr[-2000:]
    none_drift, true_drift = (int(n) for n in done.stdout.split())
    assert abs(none_drift) < 1000 and abs(true_drift) < 1000  # a leak per call would be 30,000
