"""Benchmark of `sofa-scim serve` under an Entra-like workload, against a bare Falcon ceiling.

    .venv/bin/python bench/scim_bench.py [--users N] [--group-members M] [--ops K] [--quick]

Sets up a throw-away data dir through the CLI (sync create, key generate), starts
`sofa-scim serve --port 0` and `bench/ceiling_app.py`, drives them with four keep-alive client
threads through the phases of an Entra provisioning run (create, match, update, fill a group,
change members, page through users, an incremental cycle), samples the server's RSS, prints a
table and PASS/FAIL per target, and writes `bench/results/latest.json`. Exit status 0 when
every target passes, 1 otherwise. See bench/README.md.
"""

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_servers
import bench_workload as work
import psutil
import psycopg
from bench_load import Call
from bench_load import PhaseResult
from bench_load import RssSampler
from bench_load import percentile
from bench_load import run_phase
from bench_load import send_one
from bench_load import split
from bench_servers import BenchError
from bench_servers import Endpoint
from bench_servers import log_summary
from bench_servers import pin
from bench_servers import start_ceiling
from bench_servers import start_sofa
from bench_servers import stop

ALL_CPUS = frozenset(os.sched_getaffinity(0))  # as this bench was started
CLIENTS = 4
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
SHARED_CPU_NOTE = (
    "The load generator is Python (4 threads, GIL-bound) on the same machine as the server: "
    "rates are lower bounds. 'srv ms/op' is the server's own CPU per request; 1000 / srv ms/op "
    "estimates its single-core rate (the GIL keeps the server on about one core)."
)


@dataclass(frozen=True)
class Sizes:
    users: int
    group_members: int
    lookups: int
    patches: int
    member_ops: int
    mixed: int
    ceiling_ops: int

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> "Sizes":
        quick = args.quick
        users = args.users or (5_000 if quick else 100_000)
        ops = args.ops or (2_000 if quick else 20_000)
        return cls(
            users=users,
            group_members=min(users, args.group_members or (2_000 if quick else 50_000)),
            lookups=ops,
            patches=ops,
            member_ops=1_000 if quick else 4_000,
            mixed=3_000 if quick else ops,
            ceiling_ops=500 if quick else 2_000,
        )


# --- The ceiling ----------------------------------------------------------------------------


def run_ceiling(sizes: Sizes, work_dir: Path, placement: str) -> dict:
    """Create, lookup and PATCH phases against the fixed-answer app (fewer creates/PATCHes)."""
    os.sched_setaffinity(0, ALL_CPUS)  # the server starts on every CPU, as from a shell
    endpoint = start_ceiling(work_dir)
    if placement != "none":  # where `sofa-scim serve` places itself: the stack's own ceiling
        pin(endpoint.process, {max(ALL_CPUS)})
    print(f"    ceiling: {place_load_generator(endpoint.process, placement)}")
    rng = random.Random(7)
    try:
        with RssSampler(endpoint.process.pid) as sampler:
            ids: list[str | None] = [None] * sizes.ceiling_ops
            phases = [
                _phase(endpoint, "create users", work.create_calls(0, len(ids), ids, rng), sampler),
                _phase(
                    endpoint,
                    "lookups by userName",
                    work.lookup_calls(sizes.ceiling_ops, sizes.lookups, rng, verify=False),
                    sampler,
                ),
                _phase(
                    endpoint,
                    "PATCH users",
                    work.patch_calls([i for i in ids if i] or ["x"], sizes.ceiling_ops, rng),
                    sampler,
                ),
            ]
    finally:
        stopped = stop(endpoint.process)
    return {"phases": phases, "stop": stopped}


def _phase(endpoint: Endpoint, name: str, calls: list[Call], sampler: RssSampler) -> PhaseResult:
    result = run_phase(endpoint, name, split(calls, CLIENTS), sampler)
    print_row(f"{endpoint.name}: {name}", result)
    return result


# --- Sofa -----------------------------------------------------------------------------------


class SofaRun:
    """The seven phases against `sofa-scim serve`, in order, sharing created ids."""

    def __init__(self, endpoint: Endpoint, sizes: Sizes, sampler: RssSampler) -> None:
        self.endpoint, self.sizes, self.sampler = endpoint, sizes, sampler
        self.rng = random.Random(42)
        self.ids: list[str] = []
        self.group_id: str | None = None
        self.phases: list[PhaseResult] = []
        self.batches: dict = {}
        self.checks: list[str] = []

    def run(self) -> None:
        self.create_users()
        self.lookups()
        self.patch_users()
        self.fill_group()
        self.change_members()
        self.walk_pages()
        self.mixed_cycle()

    def phase(self, name: str, shares: list[list[Call]]) -> PhaseResult:
        result = run_phase(self.endpoint, name, shares, self.sampler)
        print_row(f"sofa: {name}", result)
        self.phases.append(result)
        return result

    def create_users(self) -> None:
        slots: list[str | None] = [None] * self.sizes.users
        calls = work.create_calls(0, len(slots), slots, self.rng)
        self.phase("create users", split(calls, CLIENTS))
        self.ids = [i for i in slots if i]
        if len(self.ids) < len(slots):
            self.check_failed(f"only {len(self.ids)} of {len(slots)} users were created")
            self.ids = self.ids or ["missing"]

    def lookups(self) -> None:
        calls = work.lookup_calls(len(self.ids), self.sizes.lookups, self.rng, verify=True)
        self.phase("lookups by userName", split(calls, CLIENTS))

    def patch_users(self) -> None:
        calls = work.patch_calls(self.ids, self.sizes.patches, self.rng)
        self.phase("PATCH users", split(calls, CLIENTS))

    def fill_group(self) -> None:
        status, group = send_one(self.endpoint, Call("POST", "/Groups", work.group_body(self.rng)))
        if status != 201 or not group or "id" not in group:
            self.check_failed(f"POST /Groups answered {status} {group}: group phases skipped")
            return
        self.group_id = group["id"]
        calls = work.member_batch_calls(self.group_id, self.members)
        result = self.phase(f"member batches of {work.BATCH_SIZE} (1 client)", [calls])
        first, last = result.latencies_ms[:10], result.latencies_ms[-10:]
        first_p50, last_p50 = percentile(first, 50), percentile(last, 50)
        self.batches = {
            "batches": len(calls),
            "first10_p50_ms": round(first_p50, 2),
            "last10_p50_ms": round(last_p50, 2),
            "ratio": round(last_p50 / first_p50, 2) if first_p50 else None,
        }
        print(f"    first 10 batches p50 {first_p50:.1f} ms, last 10 p50 {last_p50:.1f} ms")

    @property
    def members(self) -> list[str]:
        return self.ids[: self.sizes.group_members]

    def change_members(self) -> None:
        if not self.group_id:
            return
        shares = work.toggle_shares(self.group_id, self.members, self.sizes.member_ops, CLIENTS)
        self.phase("single member remove/add", shares)
        self.check_group_size(len(self.members))

    def check_group_size(self, expected: int) -> None:
        status, group = send_one(self.endpoint, Call("GET", f"/Groups/{self.group_id}"))
        count = len((group or {}).get("members") or [])
        if status != 200 or count != expected:
            self.check_failed(f"GET /Groups/{{id}}: {status}, {count} members, expected {expected}")

    def walk_pages(self) -> None:
        self.phase(
            f"pages of {work.PAGE_SIZE} users", work.page_shares(len(self.ids), CLIENTS, True)
        )

    def mixed_cycle(self) -> None:
        shares = work.mixed_shares(
            self.ids, self.members, self.group_id, self.sizes.mixed, CLIENTS, self.rng
        )
        self.phase("mixed 70/20/10", shares)

    def check_failed(self, message: str) -> None:
        print(f"    CHECK FAILED: {message}")
        self.checks.append(message)


def run_sofa(sizes: Sizes, data_dir: Path, placement: str) -> dict:
    data_dir.mkdir(parents=True, exist_ok=True)
    os.sched_setaffinity(0, ALL_CPUS)  # the server starts on every CPU, as from a shell
    endpoint = start_sofa(data_dir)
    if placement == "pin":  # a build that does not place itself (A/B against an older commit)
        pin(endpoint.process, {max(ALL_CPUS)})
    print(f"    sofa: {place_load_generator(endpoint.process, placement)}")
    print(f"    sofa-scim serve at {endpoint.base_url} (pid {endpoint.process.pid})")
    try:
        with RssSampler(endpoint.process.pid) as sampler:
            run = SofaRun(endpoint, sizes, sampler)
            try:
                run.run()
            finally:
                time.sleep(1.0)
                rss_after = sampler.rss_mb()
                rss_peak = max(sampler.peak_mb, rss_after)
    finally:
        stopped = stop(endpoint.process)
    return {
        "phases": run.phases,
        "member_batches": run.batches,
        "failed_checks": run.checks,
        "rss_peak_mb": round(rss_peak, 1),
        "rss_after_mb": round(rss_after, 1),
        "stop": stopped,
        "log": log_summary(endpoint.log_path),
    }


# --- Targets and output ---------------------------------------------------------------------


def find(phases: list[PhaseResult], prefix: str) -> PhaseResult | None:
    return next((p for p in phases if p.name.startswith(prefix)), None)


def targets(sofa: dict, ceiling: dict) -> list[dict]:
    phases = sofa["phases"]
    look, ceil_look = find(phases, "lookups"), find(ceiling["phases"], "lookups")
    create, single = find(phases, "create"), find(phases, "single member")
    mixed, pages = find(phases, "mixed"), find(phases, "pages")
    share = 100 * look.rate / ceil_look.rate if look and ceil_look and ceil_look.rate else None
    ratio = sofa["member_batches"].get("ratio")
    errors = sum(p.errors + p.mismatches for p in phases) + len(sofa["failed_checks"])
    patches = find(phases, "PATCH users")
    # Issue 10's targets (100,000 users, a 50,000-member group, the server as the README starts it).
    rows = [
        ("lookups vs ceiling", share, ">=", 70.0, "%"),
        ("lookup p99", look and look.percentile(99), "<=", 10.0, "ms"),
        ("user creations", create and create.rate, ">=", 1500.0, "/s"),
        ("user PATCHes", patches and patches.rate, ">=", 1500.0, "/s"),
        ("member batches last10/first10 p50", ratio, "<=", 1.5, "x"),
        ("single member change p99", single and single.percentile(99), "<=", 10.0, "ms"),
        ("mixed cycle rate", mixed and mixed.rate, ">=", 3000.0, "/s"),
        ("mixed cycle p99", mixed and mixed.percentile(99), "<=", 20.0, "ms"),
        ("page of 100 users p99", pages and pages.percentile(99), "<=", 10.0, "ms"),
        ("server peak RSS", sofa["rss_peak_mb"], "<=", 120.0, "MB"),
        ("errors + wrong answers + failed checks", errors, "<=", 0, ""),
    ]
    return [_verdict(*row) for row in rows]


def _verdict(name: str, value: float | None, op: str, limit: float, unit: str) -> dict:
    compare = {">=": float.__ge__, "<=": float.__le__, "<": float.__lt__}[op]
    passed = value is not None and compare(float(value), float(limit))
    shown = None if value is None else round(float(value), 2)
    return {"target": name, "value": shown, "op": op, "limit": limit, "unit": unit, "pass": passed}


HEADER = (
    f"{'phase':<44}{'ops':>7}{'ops/s':>9}{'p50 ms':>8}{'p99 ms':>8}{'max ms':>8}"
    f"{'err':>5}{'wrong':>6}{'reconn':>7}{'srv ms/op':>10}{'RSS MB':>8}"
)


def print_row(label: str, r: PhaseResult) -> None:
    s = r.summary()
    print(
        f"{label:<44}{s['ops']:>7}{s['ops_per_s']:>9.0f}{s['p50_ms']:>8.2f}{s['p99_ms']:>8.2f}"
        f"{s['max_ms']:>8.1f}{s['errors']:>5}{s['mismatches']:>6}{s['reconnects']:>7}"
        f"{s['server_cpu_ms_per_op']:>10.2f}{s['rss_peak_mb']:>8.0f}",
        flush=True,
    )
    for sample in s["error_samples"][:2]:
        print(f"      e.g. {sample}")


def print_summary(sofa: dict, ceiling: dict, verdicts: list[dict]) -> None:
    print("\nResults\n" + HEADER)
    for result in ceiling["phases"]:
        print_row(f"ceiling: {result.name}", result)
    for result in sofa["phases"]:
        print_row(f"sofa: {result.name}", result)
    print(f"\nserver RSS: peak {sofa['rss_peak_mb']} MB, after the run {sofa['rss_after_mb']} MB")
    print(f"server stop on SIGTERM: {sofa['stop']}")
    print(f"server log: {sofa['log']}")
    print(f"NOTE: {SHARED_CPU_NOTE}\n\nTargets")
    for v in verdicts:
        value = "not run" if v["value"] is None else f"{v['value']} {v['unit']}"
        state = "PASS" if v["pass"] else "FAIL"
        print(f"  {state}  {v['target']:<40} {value:>14}  (target {v['op']} {v['limit']})")


def write_json(meta: dict, sofa: dict, ceiling: dict, verdicts: list[dict]) -> None:
    document = {
        **meta,
        "environment": environment(),
        "note": SHARED_CPU_NOTE,
        "ceiling": {**ceiling, "phases": [p.summary() for p in ceiling["phases"]]},
        "sofa": {**sofa, "phases": [p.summary() for p in sofa["phases"]]},
        "targets": verdicts,
        "all_pass": all(v["pass"] for v in verdicts),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(document, indent=2) + "\n")
    print(f"\nwrote {RESULTS}")


def environment() -> dict:
    def git(*command: str) -> str:
        done = subprocess.run(
            ["git", *command], capture_output=True, text=True, cwd=RESULTS.parent.parent
        )
        return done.stdout.strip()

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        "git_head": git("rev-parse", "--short", "HEAD"),
        "git_dirty": bool(git("status", "--porcelain", "--", "../sofa_scim_desktop")),
    }


def place_load_generator(server: subprocess.Popen[bytes], placement: str) -> str:
    """Entra calls from another machine: the load generator (this process and the client threads
    it starts) takes the CPUs the server left. `sofa-scim serve` places itself on one core
    (cli/cpu_placement.py), so the default placement measures it as the README starts it.
    Returns where each runs, for the report.
    """
    server_cpus = set(psutil.Process(server.pid).cpu_affinity())
    rest = set(ALL_CPUS) - server_cpus
    own = rest if placement != "none" and rest else set(ALL_CPUS)
    os.sched_setaffinity(0, own)
    return f"server on CPUs {sorted(server_cpus)}, load generator on CPUs {sorted(own)}"


def start_postgresql() -> Any:
    """A throw-away cluster (the tests' own, tests/pg_cluster.py) with an empty database that
    every sofa-scim command of the bench is given by `--database`.
    """
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tests.pg_cluster import Cluster

    cluster = Cluster()
    with psycopg.connect(cluster.url(), autocommit=True) as admin:
        admin.execute("CREATE DATABASE bench")
    bench_servers.DATABASE_ARGS[:] = ["--database", cluster.url("bench")]
    print(f"PostgreSQL: a throw-away cluster in {cluster.folder}")
    return cluster


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, help="users to create (100,000; quick: 5,000)")
    parser.add_argument("--group-members", type=int, help="members of the big group (50,000)")
    parser.add_argument("--ops", type=int, help="lookups, PATCHes and mixed ops (20,000)")
    parser.add_argument("--quick", action="store_true", help="a smoke run of under a minute")
    parser.add_argument(
        "--placement",
        choices=("product", "pin", "none"),
        default="product",
        help="product: the server places itself, the load generator takes the other CPUs; "
        "pin: the bench pins the server too (an older build); none: the OS places everything",
    )
    parser.add_argument("--no-pin", dest="placement", action="store_const", const="none")
    parser.add_argument("--keep", action="store_true", help="keep the data dir and server log")
    parser.add_argument(
        "--postgresql",
        action="store_true",
        help="Sofa on a throw-away PostgreSQL cluster on this machine (default: SQLite)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    sizes = Sizes.from_args(args)
    meta = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "arguments": vars(args),
        "sizes": asdict(sizes),
        "clients": CLIENTS,
        "cpu_placement": args.placement,
    }
    print(f"Sofa SCIM bench: {sizes}, {CLIENTS} client threads\nNOTE: {SHARED_CPU_NOTE}")
    print(f"CPU placement: {meta['cpu_placement']}\n\n{HEADER}")
    work_dir = Path(tempfile.mkdtemp(prefix="sofa-scim-bench-"))
    cluster = start_postgresql() if args.postgresql else None
    meta["database"] = "postgresql" if cluster else "sqlite"
    try:
        ceiling = run_ceiling(sizes, work_dir, args.placement)
        sofa = run_sofa(sizes, work_dir / "data", args.placement)
    except BenchError as exc:
        print(f"bench failed: {exc}\n(logs kept in {work_dir})", file=sys.stderr)
        return 2
    finally:
        if cluster is not None:
            cluster.remove()
    if args.keep:
        print(f"data dir and server log kept in {work_dir}")
    else:
        shutil.rmtree(work_dir, ignore_errors=True)
    verdicts = targets(sofa, ceiling)
    print_summary(sofa, ceiling, verdicts)
    write_json(meta, sofa, ceiling, verdicts)
    return 0 if all(v["pass"] for v in verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
