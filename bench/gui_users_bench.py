"""Benchmark of the Directory's Users view on 100,000 users: opening, scrolling, searching.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_users_bench.py [--users N] [--keep]

Builds a throw-away SQLite database with the storage layer directly (rows inserted in batches,
as a synchronization would leave them), then, offscreen:

1. opens the Directory (DirectoryView built and shown) and measures the time until the user
   table's viewport has painted its first rows;
2. scrolls like an admin dragging the scroll bar to the end, again and again (every jump
   fetches the next page of 200), then pages down, and records the longest gap of a 10 ms
   QTimer heartbeat: the longest frame the window was frozen;
3. types searches one key at a time (about 8 keys/s, the debounce then the worker's query),
   waits for each answer, and records the longest heartbeat gap and how long the answer took.

Targets: first rows painted < 1 s; longest frame < 100 ms while scrolling and while typing.
Prints a table and PASS/FAIL, writes bench/results/gui_users.json; exit status 0 when every
target passes, 1 otherwise. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QEvent  # noqa: E402
from PySide6.QtCore import QObject  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.gui.directory import DirectoryView  # noqa: E402
from sofa_scim_desktop.storage.tables import SofaUser  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
FIRST_PAINT_TARGET_S = 1.0
FRAME_TARGET_MS = 100.0
HEARTBEAT_MS = 10
FIRST = ["Jana", "Petr", "Eva", "Tomáš", "Lucie", "Martin", "Alice", "Jiří", "Hana", "Karel"]
LAST = ["Nováková", "Svoboda", "Dvořák", "Černá", "Procházka", "Kučera", "Veselá", "Horák"]
DEPARTMENTS = ["Finance", "Sales", "Legal", "IT", "Support", "Marketing", "Operations"]
SEARCHES = ["nováková", "user09", "finance", "zzz-none"]


def populate(services: bootstrap.Services, count: int) -> float:
    """`count` users through the storage layer's tables, 500 rows per insert."""
    rng = random.Random(7)
    started = time.perf_counter()
    rows: list[dict[str, Any]] = []
    with services.db.atomic():
        for n in range(count):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            name = f"user{n:06d}@contoso.com"
            rows.append(
                {
                    "user_name": name,
                    "user_name_key": name,
                    "display_name": f"{first} {last}",
                    "first_name": first,
                    "surname": last,
                    "notification_email": f"{first}.{last}{n}@contoso.com".lower(),
                    "department": rng.choice(DEPARTMENTS),
                    "active": n % 50 != 0,
                }
            )
            if len(rows) == 500:
                SofaUser.insert_many(rows).execute()
                rows = []
        if rows:
            SofaUser.insert_many(rows).execute()
    return time.perf_counter() - started


class Heartbeat(QObject):
    """Ticks every 10 ms; a gap between ticks is how long the event loop was busy."""

    def __init__(self) -> None:
        super().__init__()
        self.gaps: list[float] = []
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start(HEARTBEAT_MS)

    def stop(self) -> dict[str, float]:
        self._timer.stop()
        gaps = sorted(self.gaps) or [0.0]
        return {
            "ticks": len(self.gaps),
            "p50_ms": round(gaps[len(gaps) // 2] * 1000, 1),
            "p99_ms": round(gaps[int(len(gaps) * 0.99)] * 1000, 1),
            "max_ms": round(gaps[-1] * 1000, 1),
        }

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append(now - self._last)
        self._last = now


class FirstPaint(QObject):
    """Notes when the table's viewport first paints with rows in the model."""

    def __init__(self, view: DirectoryView) -> None:
        super().__init__()
        self.view = view
        self.at: float | None = None
        view.users.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self.at is None:
            if self.view.users.model.rowCount() > 0:
                # After this paint: the rows are on screen once the event is handled.
                QTimer.singleShot(0, self._painted)
        return super().eventFilter(watched, event)

    def _painted(self) -> None:
        if self.at is None:
            self.at = time.perf_counter()


def run_until(app: QApplication, done: Callable[[], bool], timeout_s: float) -> bool:
    """Runs the event loop (not processEvents in a loop) until `done()` or the timeout."""
    deadline = time.perf_counter() + timeout_s
    check = QTimer()
    check.timeout.connect(lambda: (done() or time.perf_counter() > deadline) and app.quit())
    check.start(5)
    app.exec()
    check.stop()
    return done()


def steps(app: QApplication, actions: list[Callable[[], None]], interval_ms: int) -> None:
    """Runs each action `interval_ms` apart inside the event loop."""
    remaining = list(actions)

    def next_step() -> None:
        if not remaining:
            timer.stop()
            app.quit()
            return
        remaining.pop(0)()

    timer = QTimer()
    timer.timeout.connect(next_step)
    timer.start(interval_ms)
    app.exec()


def open_directory(app: QApplication, services: bootstrap.Services) -> tuple[DirectoryView, float]:
    started = time.perf_counter()
    view = DirectoryView(services)
    view.resize(1100, 700)
    painted = FirstPaint(view)
    view.show()
    run_until(app, lambda: painted.at is not None, 30)
    assert painted.at is not None, "the table never painted"
    view.painted = painted  # type: ignore[attr-defined]  (kept alive with the view)
    return view, painted.at - started


def scroll(app: QApplication, view: DirectoryView, heartbeat: Heartbeat) -> dict[str, Any]:
    bar = view.users.table.verticalScrollBar()
    jumps = [lambda: bar.setValue(bar.maximum()) for _ in range(60)]  # drag to the end: a fetch
    pages = [lambda: bar.setValue(bar.value() + bar.pageStep()) for _ in range(60)]
    heartbeat.start()
    steps(app, jumps + pages, 30)
    figures: dict[str, Any] = heartbeat.stop()
    figures["rows_loaded"] = view.users.model.rowCount()
    return figures


def type_searches(app: QApplication, view: DirectoryView, heartbeat: Heartbeat) -> dict[str, Any]:
    field = view.users.search
    answers: list[dict[str, Any]] = []
    heartbeat.start()
    for text in SEARCHES:
        field.clear()
        keys = [
            lambda ch=ch: QTest.sendKeyEvent(
                QTest.KeyAction.Click, field, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )
            for ch in text
        ]
        steps(app, keys, 120)
        typed = time.perf_counter()
        shown = run_until(app, lambda text=text: view.users.model.search() == text, 10)
        answers.append(
            {
                "search": text,
                "rows": view.users.model.rowCount(),
                "answer_after_last_key_ms": round((time.perf_counter() - typed) * 1000),
                "answered": shown,
            }
        )
    figures: dict[str, Any] = heartbeat.stop()
    figures["searches"] = answers
    return figures


def report(results: dict[str, Any]) -> bool:
    checks = [
        ("first rows painted", results["open_s"], FIRST_PAINT_TARGET_S, "s"),
        ("longest frame, scrolling", results["scroll"]["max_ms"], FRAME_TARGET_MS, "ms"),
        ("longest frame, typing a search", results["search"]["max_ms"], FRAME_TARGET_MS, "ms"),
    ]
    print(f"\n{results['users']:,} users (inserted in {results['populate_s']:.1f} s)")
    print(f"  rows loaded by scrolling: {results['scroll']['rows_loaded']:,}")
    for answer in results["search"]["searches"]:
        print(
            f"  search {answer['search']!r}: {answer['rows']} rows shown, "
            f"{answer['answer_after_last_key_ms']} ms after the last key"
        )
    print(f"  heartbeat gaps scrolling: {results['scroll']}")
    gaps = {k: v for k, v in results["search"].items() if k != "searches"}
    print(f"  heartbeat gaps searching: {gaps}")
    passed = all(a["answered"] for a in results["search"]["searches"])
    for name, value, target, unit in checks:
        ok = value < target
        passed &= ok
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {value:.3f} {unit} (target < {target} {unit})")
    return passed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    folder = tempfile.mkdtemp(prefix="sofa-gui-bench-")
    try:
        services = bootstrap.build(folder)
        populate_s = populate(services, args.users)
        heartbeat = Heartbeat()
        view, open_s = open_directory(app, services)
        results = {
            "users": args.users,
            "populate_s": round(populate_s, 2),
            "open_s": round(open_s, 3),
            "scroll": scroll(app, view, heartbeat),
            "search": type_searches(app, view, heartbeat),
            "machine": {
                "python": platform.python_version(),
                "pyside6": pyside_version,
                "cpus": os.cpu_count(),
            },
        }
        passed = report(results)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "gui_users.json").write_text(json.dumps(results, indent=2))
        view.close()
        services.db.close()
        return 0 if passed else 1
    finally:
        if args.keep:
            print(f"data folder kept: {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
