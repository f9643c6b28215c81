"""Smoke test of the PyInstaller bundle: it runs without the source tree or the venv.

.venv/bin/python scripts/smoke_bundle.py dist/sofa-scim
"""

import json
import os
import signal
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path


def run(exe: str, *args: str) -> str:
    done = subprocess.run([exe, *args], capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({done.returncode}): {done.stderr}")
    return done.stdout


def listening(process: subprocess.Popen) -> str:
    assert process.stdout is not None
    line = process.stdout.readline().strip()
    if not line.startswith("listening on "):
        process.kill()
        sys.exit(f"no listening line: {line!r} {process.stderr.read() if process.stderr else ''}")
    return line.removeprefix("listening on ")


def stop(process: subprocess.Popen, what: str) -> None:
    process.send_signal(signal.SIGTERM)
    if process.wait(timeout=20) != 0:
        sys.exit(f"{what} did not stop cleanly: exit {process.returncode}")


def check_files(folder: Path) -> None:
    """The windowed program beside the console one, and what a Linux package installs."""
    for name in ("sofa-scim", "sofa-scim-desktop"):
        program = folder / (name + (".exe" if sys.platform == "win32" else ""))
        if not os.access(program, os.X_OK):
            sys.exit(f"{program} is missing from the bundle")
    if sys.platform.startswith("linux"):
        for part in ("applications/cz.sofa.ScimDesktop.desktop",
                     "metainfo/cz.sofa.ScimDesktop.metainfo.xml",
                     "icons/hicolor/256x256/apps/cz.sofa.ScimDesktop.png"):  # fmt: skip
            if not (folder / "_internal" / "share" / part).is_file():
                sys.exit(f"share/{part} is missing from the bundle")
    print("sofa-scim, sofa-scim-desktop and the desktop entry are in the bundle")


def main(folder_name: str) -> None:
    folder = Path(folder_name)
    check_files(folder)
    exe = str(folder / "sofa-scim")
    data = tempfile.mkdtemp(prefix="sofa-bundle-")
    env = {**os.environ, "SOFA_SCIM_DATA_DIR": data, "QT_QPA_PLATFORM": "offscreen"}
    os.environ.update(env)
    print(run(exe, "--version").strip())
    run(exe, "sync", "create", "--name", "Smoke")
    key = json.loads(run(exe, "key", "generate", "Smoke", "--days", "90", "--json"))["key"]
    serve = subprocess.Popen([exe, "serve", "--port", "0"], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)  # fmt: skip
    url = listening(serve) + "/scim/v2/Smoke/Users?filter=userName%20eq%20%22x%22"
    request = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert json.load(answer)["totalResults"] == 0
    stop(serve, "serve")
    print("serve answered a SCIM call and stopped")
    run(exe, "settings", "set", "server.port", "0")
    gui = subprocess.Popen([exe, "gui"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)  # fmt: skip
    listening(gui)
    stop(gui, "gui")
    print("the desktop app started offscreen and quit")


if __name__ == "__main__":
    main(sys.argv[1])
