"""Starting the desktop app: QApplication, the main window, the server, and clean quitting."""

from __future__ import annotations

import logging
import signal
import sys
from collections.abc import Callable
from importlib.resources import as_file
from importlib.resources import files
from pathlib import Path
from types import FrameType

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from sofa_scim_desktop import __version__
from sofa_scim_desktop.bootstrap import Services
from sofa_scim_desktop.gui.crash import CrashReporter
from sofa_scim_desktop.gui.i18n import apply_language
from sofa_scim_desktop.gui.log_file import start_log_file
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.server_control import ServerControl
from sofa_scim_desktop.gui.single_instance import SingleInstance

log = logging.getLogger("sofa.gui")

# Python runs its signal handlers only between bytecodes; while Qt's event loop waits in C++
# none run, so a timer lets the interpreter in a few times a second.
SIGNAL_POLL_MS = 200


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv or sys.argv[:1])
    app.setApplicationName("Sofa SCIM Desktop")
    app.setOrganizationName("Sofa")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path())))
    return app


def icon_path() -> Path:
    """The app's icon, inside the package: found the same way in a checkout, an installed
    wheel and a PyInstaller bundle (build.spec collects the package's resources).
    """
    with as_file(files("sofa_scim_desktop.resources") / "icons" / "sofa-scim.svg") as path:
        return Path(path)


def install_signal_handlers(app: QApplication, quit_app: Callable[[], None]) -> QTimer:
    """SIGINT/SIGTERM call `quit_app`: the window's quit, which does not ask (app.quit() would
    close the window as the admin does, and so ask whether to keep serving).
    """

    def on_signal(signum: int, frame: FrameType | None) -> None:
        # Queued: a signal that comes before app.exec() (right after "listening on") would be
        # lost by a quit outside the event loop.
        QTimer.singleShot(0, quit_app)

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(SIGNAL_POLL_MS)
    return timer


def announce(url: str) -> None:
    """SPEC §7: scripts wait for this line on stdout."""
    print(f"listening on {url}", flush=True)


def hand_over(instance: SingleInstance, data_dir: Path) -> int:
    """A second start for the same data folder: the running app comes forward, this one ends."""
    if instance.ask_running_to_raise():
        print(
            f"sofa-scim: Sofa SCIM Desktop already runs for the data folder {data_dir}; "
            "its window was brought forward.",
            file=sys.stderr,
        )
        return 0
    print(
        f"sofa-scim: Sofa SCIM Desktop already runs for the data folder {data_dir} but does "
        f"not answer; close it, or end its process (its lock file: {instance.lock_path}).",
        file=sys.stderr,
    )
    return 1


def open_window(app: QApplication, services: Services) -> MainWindow:
    """The main window and its server, quitting the app when the window closes for good."""
    # NOTE: the window quits the app itself (quitRequested): with the window in the tray, the
    # last visible window may be a dialog, and closing that must not stop the server.
    app.setQuitOnLastWindowClosed(False)
    server = ServerControl(services)
    server.started.connect(announce)
    window = MainWindow(services, server)
    window.quitRequested.connect(app.quit)
    install_signal_handlers(app, window.quit_app)
    return window


def run(services: Services, log_dir: Path | None = None, argv: list[str] | None = None) -> int:
    """The desktop app until it quits; `log_dir` defaults to `logs` in the data folder."""
    app = application(argv)
    instance = SingleInstance(services.data_dir, app)
    if not instance.claim():
        return hand_over(instance, services.data_dir)
    log_path = start_log_file(log_dir or services.data_dir / "logs")
    log.info("Sofa SCIM Desktop %s starts on the data folder %s", __version__, services.data_dir)
    reporter = CrashReporter(log_path, app)
    reporter.install()
    # Before any widget exists: each takes its texts, in the chosen language, when built.
    apply_language(services.settings.get("language"))
    window = open_window(app, services)
    instance.raiseRequested.connect(window.bring_forward)
    reporter.dialog_parent = window
    window.show()
    window.server.start()
    try:
        return app.exec()
    finally:
        window.server.stop()
        reporter.uninstall()
        instance.release()
        log.info("Sofa SCIM Desktop quit")
