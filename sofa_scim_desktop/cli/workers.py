"""`serve --workers N` (SPEC §8.4): N server processes on one port.

Each worker is a forked process with its own listening socket on the same address
(SO_REUSEPORT): the kernel spreads new connections over them, and each has its own GIL and its
own core (cli.cpu_placement). The parent only supervises: it holds the port, prints the one
`listening on` line once every worker serves, starts a worker again when one dies, and passes
SIGTERM/SIGINT on. Several processes on one database is what several hosts do anyway
(storage.transactions), on SQLite as on PostgreSQL.
"""

from __future__ import annotations

import os
import select
import signal
import socket
import sys
import time
import traceback
from collections.abc import Callable

from sofa_scim_desktop.cli.stop_signals import StopSignals
from sofa_scim_desktop.domain.errors import DomainError

# A worker gets its index, a bound socket and a callback to call with its URL once it serves;
# it returns its exit status.
Worker = Callable[[int, socket.socket, Callable[[str], None]], int]

READY_TIMEOUT = 60.0  # seconds for every worker to serve (a first start may migrate)
STOP_TIMEOUT = 10.0  # seconds the workers get to finish their requests after SIGTERM
RESTART_PAUSE = 1.0  # seconds before a worker that died is started again (no fork storm)


def supervise(count: int, host: str, port: int, worker: Worker) -> int:
    if not sys.platform.startswith("linux") or not hasattr(socket, "SO_REUSEPORT"):
        raise DomainError(
            "--workers above 1 needs Linux (SO_REUSEPORT); elsewhere run one serve per port "
            "behind a load balancer."
        )
    holder = _reserve(host, port)
    port = holder.getsockname()[1]
    stop = StopSignals()
    pool = _Pool(holder.family, host, port, worker)
    try:
        pool.start_all(count)
        if not pool.wait_ready(count, stop):
            return 1
        print(f"listening on {_url(host, port)}", flush=True)
        print(f"sofa-scim: {count} workers on port {port}, pids {pool.pids()}", file=sys.stderr)
        while not stop.wait(0.5):
            pool.restart_dead()
        return 0
    finally:
        pool.stop_all()
        holder.close()


class _Pool:
    def __init__(self, family: int, host: str, port: int, worker: Worker) -> None:
        self.family, self.host, self.port, self.worker = family, host, port, worker
        self.children: dict[int, int] = {}  # pid -> worker index
        self.ready_read, self.ready_write = os.pipe()

    def pids(self) -> str:
        return ", ".join(str(pid) for pid in sorted(self.children))

    def start(self, index: int) -> None:
        pid = os.fork()
        if pid == 0:  # the worker: never returns into the parent's code
            status = 1
            try:
                signal.set_wakeup_fd(-1)  # the supervisor's; the worker makes its own
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                signal.signal(signal.SIGTERM, signal.SIG_DFL)
                os.close(self.ready_read)
                sock = _listening(self.family, self.host, self.port)
                status = self.worker(index, sock, self._say_ready)
            except BaseException:  # noqa: BLE001 — said on stderr, then the exit status says it
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(status)
        self.children[pid] = index

    def _say_ready(self, url: str) -> None:
        os.write(self.ready_write, b".")

    def start_all(self, count: int) -> None:
        for index in range(count):
            self.start(index)

    def wait_ready(self, count: int, stop: StopSignals) -> bool:
        """True once every worker serves; False (said why) when one died first or time ran out."""
        ready = 0
        deadline = time.monotonic() + READY_TIMEOUT
        while ready < count and not stop.received:
            readable, _, _ = select.select([self.ready_read], [], [], 0.2)
            if readable:
                ready += len(os.read(self.ready_read, count))
            for pid, status in self._reap():
                index = self.children.pop(pid)
                print(
                    f"sofa-scim: worker {index} exited ({_status(status)}) before it served",
                    file=sys.stderr,
                )
                return False
            if time.monotonic() > deadline:
                late = count - ready
                print(
                    f"sofa-scim: {late} workers did not serve in {READY_TIMEOUT:.0f} s",
                    file=sys.stderr,
                )
                return False
        return not stop.received

    def restart_dead(self) -> None:
        for pid, status in self._reap():
            index = self.children.pop(pid)
            said = f"worker {index} (pid {pid}) exited ({_status(status)})"
            print(f"sofa-scim: {said}; starting it again", file=sys.stderr)
            time.sleep(RESTART_PAUSE)
            self.start(index)

    def stop_all(self) -> None:
        for pid in self.children:
            _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT
        while self.children and time.monotonic() < deadline:
            for pid, _status in self._reap():
                self.children.pop(pid, None)
            time.sleep(0.05)
        for pid in self.children:  # still busy after STOP_TIMEOUT
            _signal(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        self.children.clear()

    def _reap(self) -> list[tuple[int, int]]:
        done = []
        for pid in list(self.children):
            finished, status = os.waitpid(pid, os.WNOHANG)
            if finished:
                done.append((pid, status))
        return done


def _reserve(host: str, port: int) -> socket.socket:
    """A socket bound to the address but not listening: it holds the port (0 picks one) for the
    workers' sockets, and the kernel gives connections only to listening ones.
    """
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        raise DomainError(f"cannot listen on {host}:{port}: {error.strerror}") from error
    return sock


def _listening(family: int, host: str, port: int) -> socket.socket:
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    return sock  # Waitress calls listen() itself


def _signal(pid: int, signum: int) -> None:
    try:
        os.kill(pid, signum)
    except ProcessLookupError:
        pass


def _status(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by {signal.Signals(os.WTERMSIG(status)).name}"
    return f"exit status {os.WEXITSTATUS(status)}"


def _url(host: str, port: int) -> str:
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"
