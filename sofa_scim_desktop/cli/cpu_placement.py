"""One core per server process, chosen by the server itself (SPEC §8.4: the default command is
the fast one, with no `taskset` of the operator's).

PERF: a `serve` process is bound to about one core by the GIL anyway. Left to the OS, its
Waitress I/O thread and worker threads are spread over the cores and hand the GIL to each other
across them: on the 2-core VM of bench/README.md that halved the requests per second (1,526
lookups/s unpinned, 3,105 on one core). On one core the hand-over stays local.
"""

from __future__ import annotations

import os

# "off" leaves the placement to the OS, e.g. where a core is reserved for something else, or
# several independent `serve` processes share a host (`--workers N` places its workers apart).
ENV_PINNING = "SOFA_SCIM_CPU_PINNING"


def pin_to_one_cpu(worker_index: int = 0) -> int | None:
    """Binds this process (the calling thread and the threads it starts later) to one CPU of
    those it may use: worker 0 to the last, worker 1 to the one before, and so on (CPU 0 tends to
    take the interrupts and the desktop's work). Returns the CPU, or None when nothing was done:
    one CPU only, not Linux, or pinning turned off.
    """
    if os.environ.get(ENV_PINNING, "").strip().lower() in ("off", "0", "no", "false"):
        return None
    if not hasattr(os, "sched_setaffinity"):  # Linux only; Windows and macOS schedule alone
        return None
    allowed = sorted(os.sched_getaffinity(0))
    if len(allowed) < 2:
        return None
    cpu = allowed[-1 - worker_index % len(allowed)]
    os.sched_setaffinity(0, {cpu})
    return cpu
