"""Two builds of `sofa-scim serve` compared in one run, burst by burst.

    .venv/bin/python bench/scim_ab.py --base ../wt-base [--users 20000] [--rounds 12]

`--base DIR` is a checkout of the other build (`git worktree add ../wt-base e3ba636`); its
package is run from this venv with `PYTHONPATH=DIR`, so both builds share every dependency.
Both servers run at once, on the same CPU (the one `serve` places itself on), the load
generator on the others. Each round runs a short burst of every phase against one build,
then the other (the order alternates by round), so that a machine that slows down or speeds
up between minutes slows both alike: on this shared VM, the rates of whole runs minutes apart
differed by a third for the same build. Reports per phase the median rate and server CPU per
request of each build and the median of the rounds' ratios. See bench/README.md.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path

import bench_workload as work
from bench_load import Call
from bench_load import RssSampler
from bench_load import run_phase
from bench_load import send_one
from bench_load import split
from bench_servers import Endpoint
from bench_servers import pin
from bench_servers import start_sofa
from bench_servers import stop

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results" / "ab.json"
CLIENTS = 4
PHASES = ("create", "lookup", "patch", "member", "page")


@dataclass
class Build:
    """One build under test: where its code is, its server, and its figures per phase."""

    name: str
    code: Path
    endpoint: Endpoint | None = None
    sampler: RssSampler | None = None
    ids: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    group_id: str = ""
    next_user: int = 0
    next_page: int = 1
    rates: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    errors: int = 0


@contextlib.contextmanager
def python_path(code: Path) -> Iterator[None]:
    """Commands started inside import the package from `code`."""
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(code)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


def start(build: Build, work_dir: Path, server_cpu: int) -> None:
    data_dir = work_dir / build.name
    data_dir.mkdir()
    with python_path(build.code):
        build.endpoint = start_sofa(data_dir)
    pin(build.endpoint.process, {server_cpu})
    build.sampler = RssSampler(build.endpoint.process.pid).__enter__()


def fill(build: Build, users: int, members: int, rng: random.Random) -> None:
    """The users and the group every round works on (not measured)."""
    assert build.endpoint is not None and build.sampler is not None
    slots: list[str | None] = [None] * users
    run_phase(build.endpoint, "fill", split(work.create_calls(0, users, slots, rng), CLIENTS),
              build.sampler)  # fmt: skip
    build.ids = [i for i in slots if i]
    build.next_user = users
    status, group = send_one(build.endpoint, Call("POST", "/Groups", work.group_body(rng)))
    if status != 201 or not group:
        raise SystemExit(f"{build.name}: POST /Groups answered {status}")
    build.group_id = group["id"]
    build.members = build.ids[:members]
    batches = work.member_batch_calls(build.group_id, build.members)
    run_phase(build.endpoint, "members", [batches], build.sampler)


def burst_calls(build: Build, phase: str, size: int, rng: random.Random) -> list[list[Call]]:
    if phase == "create":
        first, build.next_user = build.next_user, build.next_user + size
        return split(work.create_calls(first, size, [None] * size, rng), CLIENTS)
    if phase == "lookup":
        return split(work.lookup_calls(len(build.ids), size, rng, verify=True), CLIENTS)
    if phase == "patch":
        return split(work.patch_calls(build.ids, size, rng), CLIENTS)
    if phase == "member":
        return work.toggle_shares(build.group_id, build.members, size, CLIENTS)
    pages = max(CLIENTS, size // 10)  # a page costs several requests of the others
    calls = []
    for _ in range(pages):
        if build.next_page > len(build.ids):
            build.next_page = 1
        calls.append(Call("GET", f"/Users?startIndex={build.next_page}&count={work.PAGE_SIZE}"))
        build.next_page += work.PAGE_SIZE
    return split(calls, CLIENTS)


def burst(build: Build, phase: str, size: int, rng: random.Random) -> None:
    assert build.endpoint is not None and build.sampler is not None
    result = run_phase(build.endpoint, phase, burst_calls(build, phase, size, rng), build.sampler)
    build.rates.setdefault(phase, []).append(result.rate)
    build.cpu.setdefault(phase, []).append(result.server_cpu_s * 1000 / max(1, result.ops))
    build.errors += result.errors + result.mismatches


def _ratios(base: list[float], now: list[float]) -> list[float]:
    """Round by round: the two bursts of one round ran within seconds of each other."""
    return [n / b for b, n in zip(base, now, strict=True) if b]


def report(base: Build, candidate: Build, phases: list[str]) -> dict:
    head = ("phase", "base ops/s", "now ops/s", "ratio", "base ms", "now ms", "ratio")
    print("\n{:8s} {:>11s} {:>10s} {:>7s}   {:>8s} {:>7s} {:>7s}".format(*head),
          "  (medians; ratios of the rounds)")  # fmt: skip
    summary = {}
    for phase in phases:
        rate_ratios = _ratios(base.rates[phase], candidate.rates[phase])
        cpu_ratios = _ratios(base.cpu[phase], candidate.cpu[phase])
        row = {
            "base_ops_s": statistics.median(base.rates[phase]),
            "now_ops_s": statistics.median(candidate.rates[phase]),
            "rate_ratio": statistics.median(rate_ratios),
            "base_cpu_ms": statistics.median(base.cpu[phase]),
            "now_cpu_ms": statistics.median(candidate.cpu[phase]),
            "cpu_ratio": statistics.median(cpu_ratios),
        }
        summary[phase] = row
        print(f"{phase:8s} {row['base_ops_s']:11.0f} {row['now_ops_s']:10.0f} "
              f"{100 * (row['rate_ratio'] - 1):+6.1f}%   {row['base_cpu_ms']:8.3f} "
              f"{row['now_cpu_ms']:7.3f} {100 * (row['cpu_ratio'] - 1):+6.1f}%")  # fmt: skip
    print(f"errors and wrong answers: base {base.errors}, now {candidate.errors}")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, required=True, help="checkout of the other build")
    parser.add_argument("--candidate", type=Path, default=REPO, help="default: this checkout")
    parser.add_argument("--users", type=int, default=20_000)
    parser.add_argument("--members", type=int, default=5_000, help="members of the group")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--burst", type=int, default=2_000, help="requests per burst")
    parser.add_argument("--phases", default=",".join(PHASES), help="a comma-separated subset")
    args = parser.parse_args(argv)
    phases = [p for p in args.phases.split(",") if p]
    if not phases or set(phases) - set(PHASES):
        parser.error(f"--phases: a comma-separated subset of {','.join(PHASES)}")
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2:
        print("needs two CPUs: one for the servers, one for the load generator", file=sys.stderr)
        return 2
    server_cpu = cpus[-1]
    base = Build("base", args.base.resolve())
    candidate = Build("now", args.candidate.resolve())
    rng = random.Random(11)
    with tempfile.TemporaryDirectory(prefix="sofa-scim-ab-") as work_dir:
        try:
            for build in (base, candidate):
                start(build, Path(work_dir), server_cpu)
            os.sched_setaffinity(0, set(cpus[:-1]))
            print(f"servers on CPU {server_cpu}, load generator on {cpus[:-1]}; "
                  f"{args.users} users, a {args.members}-member group each")  # fmt: skip
            for build in (base, candidate):
                fill(build, args.users, args.members, rng)
            for round_ in range(args.rounds):
                order = (base, candidate) if round_ % 2 == 0 else (candidate, base)
                for phase in phases:
                    for build in order:
                        burst(build, phase, args.burst, rng)
                print(f"round {round_ + 1}/{args.rounds} done", flush=True)
            summary = report(base, candidate, phases)
        finally:
            for build in (base, candidate):
                if build.sampler is not None:
                    build.sampler.__exit__(None, None, None)
                if build.endpoint is not None:
                    stop(build.endpoint.process)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "arguments": {
            k: str(v) for k, v in vars(args).items()}, "summary": summary,
        "rounds": {b.name: {"rates": b.rates, "cpu_ms": b.cpu} for b in (base, candidate)},
    }, indent=1))  # fmt: skip
    return 0 if base.errors == candidate.errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
