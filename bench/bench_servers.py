"""Start and stop what the bench measures: `sofa-scim serve` (set up by its CLI), the ceiling."""

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
LISTENING = re.compile(rb"listening on http://([^\s:/]+):(\d+)")
START_TIMEOUT_S = 60.0
# `--database URL` for every sofa-scim command (scim_bench.py --postgresql sets it).
DATABASE_ARGS: list[str] = []


class BenchError(RuntimeError):
    """Something the bench needs did not work; the message says what."""


@dataclass
class Endpoint:
    """A running server under test and how to reach its SCIM base URL."""

    name: str
    host: str
    port: int
    prefix: str
    key: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}{self.prefix}"


def sofa_executable() -> list[str]:
    """`sofa-scim` from the venv; `python -m sofa_scim_desktop` when it is not installed."""
    script = REPO / ".venv" / "bin" / "sofa-scim"
    if script.exists():
        return [str(script)]
    if shutil.which("sofa-scim"):
        return ["sofa-scim"]
    return [sys.executable, "-m", "sofa_scim_desktop"]


def sofa_command(data_dir: Path, *args: str) -> list[str]:
    """The one place that builds a `sofa-scim` command line: `--data-dir` after the subcommand."""
    return [*sofa_executable(), *args, "--data-dir", str(data_dir), *DATABASE_ARGS]


def sofa_json(data_dir: Path, *args: str) -> dict:
    """Run a `sofa-scim ... --json` command and return its JSON object."""
    command = sofa_command(data_dir, *args)
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPO)
    if done.returncode != 0:
        raise BenchError(f"{' '.join(args)} exited {done.returncode}: {done.stderr.strip()}")
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError as exc:
        raise BenchError(f"{' '.join(args)} printed no JSON: {done.stdout[:300]!r}") from exc


def start_sofa(data_dir: Path) -> Endpoint:
    """Create a synchronization and a key with the CLI, then start `sofa-scim serve`."""
    sync = sofa_json(data_dir, "sync", "create", "--name", "Bench", "--json")
    identifier = sync["identifier"]
    key = sofa_json(data_dir, "key", "generate", identifier, "--days", "365", "--json")
    command = sofa_command(data_dir, "serve", "--host", "127.0.0.1", "--port", "0")
    log_path = data_dir / "serve.log"
    process, host, port = _start(command, "sofa", log_path)
    return Endpoint("sofa", host, port, f"/scim/v2/{identifier}", key["key"], process, log_path)


def start_ceiling(work_dir: Path) -> Endpoint:
    key = "ceiling"
    app = Path(__file__).with_name("ceiling_app.py")
    command = [sys.executable, str(app), "--port", "0", "--threads", "4", "--key", key]
    log_path = work_dir / "ceiling.log"
    process, host, port = _start(command, "ceiling", log_path)
    return Endpoint("ceiling", host, port, "/scim/v2/ceiling", key, process, log_path)


def _start(
    command: list[str], name: str, log_path: Path
) -> tuple[subprocess.Popen[bytes], str, int]:
    """Start a server, wait for its `listening on` line; its output goes on to a log file."""
    log = log_path.open("wb")
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, cwd=REPO)
    found: queue.Queue[tuple[str, int]] = queue.Queue()
    threading.Thread(target=_drain, args=(process, log, found), daemon=True).start()
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and process.poll() is None:
        try:
            host, port = found.get(timeout=0.2)
            return process, host, port
        except queue.Empty:
            continue
    stop(process)
    raise BenchError(f"{name} did not print 'listening on' (see {log_path}): {_tail(log_path)}")


def _drain(process: subprocess.Popen[bytes], log, found: queue.Queue) -> None:
    """Copy the server's stdout to its log (so a full pipe never blocks it); report the port."""
    assert process.stdout is not None
    for line in process.stdout:
        log.write(line)
        log.flush()
        match = LISTENING.search(line)
        if match:
            found.put((match.group(1).decode(), int(match.group(2))))
    log.close()


def _tail(path: Path, size: int = 800) -> str:
    time.sleep(0.2)
    text = path.read_bytes()[-size:].decode(errors="replace") if path.exists() else ""
    return text.strip() or "(no output)"


def log_summary(path: Path) -> dict:
    """Counts of what the server logged: warnings, errors, Waitress's queue-depth warnings."""
    lines = path.read_text(errors="replace").splitlines() if path.exists() else []
    errors = [line for line in lines if "ERROR" in line or "Traceback" in line]
    return {
        "lines": len(lines),
        "warnings": sum("WARNING" in line for line in lines),
        "waitress_queue_warnings": sum("Task queue depth" in line for line in lines),
        "errors": len(errors),
        "first_errors": errors[:5],
    }


def pin(process: subprocess.Popen[bytes], cpus: set[int]) -> None:
    """Keep every thread of a started server on these CPUs (threads it starts later inherit)."""
    for thread in psutil.Process(process.pid).threads():
        os.sched_setaffinity(thread.id, cpus)


def stop(process: subprocess.Popen[bytes], timeout: float = 10.0) -> dict:
    """SIGTERM (the clean stop SPEC §7 promises), SIGKILL if it does not come; how it went."""
    if process.poll() is not None:
        return {"exit_code": process.returncode, "stop_s": 0.0, "killed": False}
    started = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout)
        killed = False
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        killed = True
    elapsed = round(time.perf_counter() - started, 3)
    return {"exit_code": process.returncode, "stop_s": elapsed, "killed": killed}
