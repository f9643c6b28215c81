"""Smoke test of the wheel as `pip install` leaves it (issue 13 C): run by the Python of a fresh
venv, outside the source tree, it checks that the package is the installed one, that the GUI
starts in Czech with its icon (offscreen), and that `serve` answers /healthz.

scripts/smoke_wheel builds the wheel and the venv, then runs: VENV/bin/python smoke_wheel.py
"""

import os
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def check_installed() -> None:
    import sofa_scim_desktop

    where = Path(sofa_scim_desktop.__file__).resolve()
    if "site-packages" not in where.parts:
        sys.exit(f"sofa_scim_desktop comes from {where}, not from the installed wheel")
    print(f"sofa_scim_desktop {sofa_scim_desktop.__version__} from {where.parent}")


def check_gui_in_czech() -> None:
    from PySide6.QtWidgets import QLabel

    from sofa_scim_desktop import bootstrap
    from sofa_scim_desktop.gui.app import application
    from sofa_scim_desktop.gui.app import open_window
    from sofa_scim_desktop.gui.i18n import apply_language

    app = application(["sofa-scim-desktop"])
    if app.windowIcon().pixmap(64, 64).isNull():
        sys.exit("the GUI has no icon: the SVG is not in the wheel, or Qt cannot draw it")
    apply_language("cs")
    services = bootstrap.build(tempfile.mkdtemp(prefix="sofa-wheel-"))
    window = open_window(app, services)
    window.show()
    app.processEvents()
    texts = {label.text() for label in window.findChildren(QLabel)}
    if "Důvěryhodná proxy" not in texts or "Trusted proxy" in texts:  # Settings' field label
        sys.exit(f"the GUI is not in Czech: the .qm is not in the wheel ({sorted(texts)[:12]})")
    print("the GUI starts in Czech with its icon")
    window.quit_app()


def check_serve() -> None:
    program = Path(sys.executable).parent / "sofa-scim"
    data = tempfile.mkdtemp(prefix="sofa-wheel-serve-")
    process = subprocess.Popen(
        [str(program), "serve", "--port", "0", "--data-dir", data],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.startswith("listening on "):
        process.kill()
        sys.exit(f"serve printed {line!r}: {process.communicate()[1]}")
    with urllib.request.urlopen(line.removeprefix("listening on ") + "/healthz", timeout=10) as got:
        if got.status != 200:
            sys.exit(f"/healthz answered {got.status}")
    process.send_signal(signal.SIGTERM)
    if process.wait(timeout=20) != 0:
        sys.exit(f"serve did not stop cleanly: exit {process.returncode}")
    print("sofa-scim serve answers /healthz and stops on SIGTERM")


if __name__ == "__main__":
    check_installed()
    check_gui_in_czech()
    check_serve()
