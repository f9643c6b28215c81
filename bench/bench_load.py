"""The load generator: keep-alive SCIM clients, a phase runner over threads, an RSS sampler.

Each client thread owns one HTTP/1.1 keep-alive connection (`http.client`, cheaper per call
than `requests`: the generator shares the CPU with the server), as one Entra worker would.
Request bodies are serialised before a phase starts, so the timed loop only sends and reads.
"""

import http.client
import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import field

import psutil
from bench_servers import Endpoint

Check = Callable[[bytes], bool]
RETRYABLE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)
MAX_SAMPLES = 5


@dataclass(frozen=True)
class Call:
    """One request, relative to the SCIM base URL; `check` judges a 2xx answer's body."""

    method: str
    path: str
    body: bytes | None = None
    check: Check | None = None


class CountingConnection(http.client.HTTPConnection):
    """An HTTP connection that counts how often it (re)connects."""

    opens = 0

    def connect(self) -> None:
        self.opens += 1
        super().connect()


class ScimClient:
    """One keep-alive connection to one endpoint, with the bearer key on every call."""

    def __init__(self, endpoint: Endpoint, timeout: float = 60.0) -> None:
        self.prefix = endpoint.prefix
        self.conn = CountingConnection(endpoint.host, endpoint.port, timeout=timeout)
        self.headers = {
            "Authorization": f"Bearer {endpoint.key}",
            "Accept": "application/scim+json",
        }
        self.body_headers = {**self.headers, "Content-Type": "application/scim+json"}

    def send(self, call: Call) -> tuple[int, bytes]:
        headers = self.body_headers if call.body is not None else self.headers
        for attempt in (1, 2):
            reused = self.conn.sock is not None
            try:
                self.conn.request(call.method, self.prefix + call.path, call.body, headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except RETRYABLE:
                # NOTE: a keep-alive connection the server closed while idle: retry once.
                self.conn.close()
                if attempt == 2 or not reused:
                    raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        self.conn.close()


@dataclass
class WorkerLog:
    """What one client thread saw."""

    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    mismatches: int = 0
    samples: list[str] = field(default_factory=list)

    def note(self, call: Call, what: str) -> None:
        if len(self.samples) < MAX_SAMPLES:
            self.samples.append(f"{call.method} {call.path[:120]} -> {what[:300]}")


@dataclass
class PhaseResult:
    name: str
    clients: int
    ops: int
    seconds: float
    latencies_ms: list[float]
    errors: int
    mismatches: int
    reconnects: int
    server_cpu_s: float
    client_cpu_s: float
    rss_peak_mb: float
    samples: list[str]

    @property
    def rate(self) -> float:
        return self.ops / self.seconds if self.seconds else 0.0

    def percentile(self, q: float) -> float:
        return percentile(self.latencies_ms, q)

    def summary(self) -> dict:
        return {
            "name": self.name,
            "clients": self.clients,
            "ops": self.ops,
            "seconds": round(self.seconds, 3),
            "ops_per_s": round(self.rate, 1),
            "p50_ms": round(self.percentile(50), 2),
            "p99_ms": round(self.percentile(99), 2),
            "max_ms": round(max(self.latencies_ms, default=0.0), 2),
            "errors": self.errors,
            "mismatches": self.mismatches,
            "reconnects": self.reconnects,
            "server_cpu_ms_per_op": round(1000 * self.server_cpu_s / max(self.ops, 1), 3),
            "client_cpu_ms_per_op": round(1000 * self.client_cpu_s / max(self.ops, 1), 3),
            "rss_peak_mb": round(self.rss_peak_mb, 1),
            "error_samples": self.samples,
        }


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def split(calls: list[Call], clients: int) -> list[list[Call]]:
    """Deal calls out round-robin, one share per client thread."""
    return [calls[k::clients] for k in range(clients)]


def run_phase(
    endpoint: Endpoint, name: str, shares: list[list[Call]], sampler: "RssSampler"
) -> PhaseResult:
    """Run each share on its own client thread, all started together; time the whole phase."""
    clients = [ScimClient(endpoint) for _ in shares]
    logs = [WorkerLog() for _ in shares]
    gate = threading.Barrier(len(shares) + 1)
    threads = [
        threading.Thread(target=_work, args=(c, s, log, gate), daemon=True)
        for c, s, log in zip(clients, shares, logs, strict=True)
    ]
    for thread in threads:
        thread.start()
    cpu_before, client_before = sampler.cpu_seconds(), time.process_time()
    sampler.start_phase()
    gate.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    for client in clients:
        client.close()
    return PhaseResult(
        name=name,
        clients=len(shares),
        ops=sum(len(s) for s in shares),
        seconds=seconds,
        latencies_ms=[ms for log in logs for ms in log.latencies_ms],
        errors=sum(log.errors for log in logs),
        mismatches=sum(log.mismatches for log in logs),
        reconnects=sum(max(0, c.conn.opens - 1) for c in clients),
        server_cpu_s=sampler.cpu_seconds() - cpu_before,
        client_cpu_s=time.process_time() - client_before,
        rss_peak_mb=sampler.phase_peak_mb(),
        samples=[s for log in logs for s in log.samples][:MAX_SAMPLES],
    )


def _work(client: ScimClient, share: list[Call], log: WorkerLog, gate: threading.Barrier) -> None:
    gate.wait()
    clock = time.perf_counter
    for call in share:
        started = clock()
        try:
            status, body = client.send(call)
        except (OSError, http.client.HTTPException) as exc:
            log.latencies_ms.append((clock() - started) * 1000)
            log.errors += 1
            log.note(call, f"{type(exc).__name__}: {exc}")
            continue
        log.latencies_ms.append((clock() - started) * 1000)
        if not 200 <= status < 300:
            log.errors += 1
            log.note(call, f"{status} {body.decode(errors='replace')}")
        elif call.check is not None and not _passes(call.check, body):
            log.mismatches += 1
            log.note(call, f"{status} unexpected body {body.decode(errors='replace')}")


def _passes(check: Check, body: bytes) -> bool:
    try:
        return check(body)
    except (ValueError, KeyError, TypeError, IndexError):
        return False


def send_one(endpoint: Endpoint, call: Call) -> tuple[int, dict | None]:
    """One untimed request (set-up and checks between phases); the JSON answer if any."""
    client = ScimClient(endpoint)
    try:
        status, body = client.send(call)
    finally:
        client.close()
    try:
        return status, json.loads(body) if body else None
    except ValueError:
        return status, None


class RssSampler:
    """Samples the server's resident memory (with any children) on a background thread."""

    def __init__(self, pid: int, interval_s: float = 0.2) -> None:
        self.process = psutil.Process(pid)
        self.interval_s = interval_s
        self.peak_mb = 0.0
        self._phase_peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "RssSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def rss_mb(self) -> float:
        try:
            processes = [self.process, *self.process.children(recursive=True)]
            return sum(p.memory_info().rss for p in processes) / 2**20
        except psutil.Error:
            return 0.0

    def cpu_seconds(self) -> float:
        try:
            times = self.process.cpu_times()
        except psutil.Error:
            return 0.0
        return times.user + times.system

    def start_phase(self) -> None:
        self._phase_peak_mb = self.rss_mb()

    def phase_peak_mb(self) -> float:
        self._sample()
        return self._phase_peak_mb

    def _sample(self) -> None:
        mb = self.rss_mb()
        self.peak_mb = max(self.peak_mb, mb)
        self._phase_peak_mb = max(self._phase_peak_mb, mb)

    def _run(self) -> None:
        while not self._stop.wait(self.interval_s):
            self._sample()
