"""The WSGI app's own CPU per request, in process and without HTTP: where the time goes.

    .venv/bin/python bench/app_profile.py [--users N] [--members M] [--profile PHASE]

Builds a throw-away database, then calls the Falcon app directly (one thread, no Waitress)
with the bench's Entra-shaped requests and prints µs per request for each phase. With
`--profile PHASE` it prints the cProfile top functions of that phase. A tool for finding
costs; the figures that count come from `scim_bench.py` against the real server.
"""

import argparse
import cProfile
import io
import os
import pstats
import random
import sys
import tempfile
import time
from urllib.parse import urlsplit

import bench_workload as work
from bench_load import Call
from falcon import testing

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.server import served_app
from sofa_scim_desktop.services.synchronizations import SyncSettings


class InProcess:
    def __init__(self, app, base: str, key: str) -> None:
        self.app, self.base, self.key = app, base, key

    def call(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        url = urlsplit(self.base + path)
        environ = testing.create_environ(
            method=method,
            path=url.path,
            query_string=url.query,
            headers={
                "Authorization": f"Bearer {self.key}",
                "Content-Type": "application/scim+json",
            },
            body=body or b"",
        )
        status: list[str] = []
        chunks = self.app(environ, lambda s, h, e=None: status.append(s))
        data = b"".join(chunks)
        return int(status[0].split()[0]), data


def run(client: InProcess, calls, label: str, profile: tuple[str, str] | None) -> None:
    """Runs `calls`; `profile` = (phase, sort key) prints that phase's cProfile top."""
    profiler = cProfile.Profile() if profile and profile[0] == label else None
    started = time.process_time()
    if profiler:
        profiler.enable()
    for call in calls:
        status, data = client.call(call.method, call.path, call.body)
        if status >= 400 or (call.check and not call.check(data)):
            sys.exit(f"{label}: {call.method} {call.path} -> {status} {data[:300]!r}")
    if profiler:
        profiler.disable()
    spent = time.process_time() - started
    print(f"{label:>10}: {len(calls):6} calls, {spent / len(calls) * 1e6:8.0f} µs/call")
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(profile[1]).print_stats(45)
        print(out.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=5000)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--ops", type=int, default=2000)
    parser.add_argument("--profile")
    parser.add_argument("--sort", default="tottime")
    args = parser.parse_args()
    profile = (args.profile, args.sort) if args.profile else None
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        services = bootstrap.build(folder)
        services.synchronizations.create(SyncSettings(name="Bench", identifier="bench"))
        key = services.synchronizations.issue_key("bench", 365).key
        # As served: calls counted in the background, a request line per call (to /dev/null).
        access_log = AccessLog(stream=open(os.devnull, "w"))  # noqa: SIM115
        app, calls = served_app(services.db, access_log)
        # Their threads run as in `serve`: without them, every request line is written at once.
        calls.start()
        access_log.start()
        client = InProcess(app, "http://localhost/scim/v2/bench", key)
        ids: list[str | None] = [None] * args.users
        run(client, work.create_calls(0, args.users, ids, rng), "create", profile)
        names = [work.user_name(rng.randrange(args.users)) for _ in range(args.ops)]
        lookups = [work.lookup_call(n, 1) for n in names]
        run(client, lookups, "lookup", profile)
        misses = [work.lookup_call(f"nobody{i}@contoso.com", 0) for i in range(args.ops)]
        run(client, misses, "miss", profile)
        user_ids = [i for i in ids if i]
        patches = [work.user_patch_call(rng.choice(user_ids), n) for n in range(args.ops)]
        run(client, patches, "patch", profile)
        group_ids: list[str | None] = [None]
        run(client, [_group_call(rng, group_ids)], "group", None)
        members = user_ids[: args.members]
        run(client, work.member_batch_calls(group_ids[0], members), "batch", profile)
        toggles = work.toggle_calls(group_ids[0], members[:200], min(args.ops, 1000))
        run(client, toggles, "toggle", profile)
        pages = [
            Call("GET", f"/Users?startIndex={1 + i * 100}&count=100")
            for i in range(min(50, args.users // 100))
        ]
        run(client, pages, "page", profile)
        access_log.stop()
        calls.stop()


def _group_call(rng: random.Random, group_ids: list[str | None]):
    return Call("POST", "/Groups", work.group_body(rng), work.keep_id(group_ids, 0))


if __name__ == "__main__":
    main()
