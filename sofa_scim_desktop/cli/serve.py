"""`sofa-scim serve`: the headless SCIM server an operator runs on a host."""

from __future__ import annotations

import argparse
import faulthandler
import socket
from collections.abc import Callable

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.cli import workers
from sofa_scim_desktop.cli.cpu_placement import pin_to_one_cpu
from sofa_scim_desktop.cli.stop_signals import StopSignals
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.server import serving
from sofa_scim_desktop.services.instance import become_worker
from sofa_scim_desktop.services.journal import prune

PRUNE_INTERVAL_SECONDS = 3600
STOP_REPORT_SECONDS = 10  # a stop still running then prints every thread's stack on stderr


def serve(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise DomainError("--workers must be 1 or more.")
    # Also the one place that migrates: the workers find the schema up to date.
    services = bootstrap.build(args.data_dir, args.database)
    settings = services.settings
    host = args.host or settings.get("server.host")
    port = args.port if args.port is not None else int(settings.get("server.port"))
    if args.workers == 1:
        pin_to_one_cpu(0)  # before the server's threads exist: they inherit it
        return _run(args, services, host, port, 0, None, _announce)
    services.db.close()  # a forked worker opens its own connection

    def worker(index: int, sock: socket.socket, ready: Callable[[str], None]) -> int:
        pin_to_one_cpu(index)
        become_worker(index)
        own = bootstrap.build(args.data_dir, args.database, upgrade=False)
        return _run(args, own, host, port, index, sock, ready)

    return workers.supervise(args.workers, host, port, worker)


def _announce(url: str) -> None:
    print(f"listening on {url}", flush=True)  # SPEC §7: scripts wait for this line


def _run(
    args: argparse.Namespace,
    services: bootstrap.Services,
    host: str,
    port: int,
    index: int,
    sock: socket.socket | None,
    ready: Callable[[str], None],
) -> int:
    """One server process until SIGTERM/SIGINT. Worker 0 alone sends mail and prunes the logs:
    the others would only race it for the same rows.
    """
    settings = services.settings
    access_log = AccessLog(args.log_format, args.log_level)
    server = serving(
        services.db, host, port, settings.get("server.trusted_proxy"), access_log, sock=sock
    )
    stop = StopSignals()
    if index == 0:
        services.mail.start_worker()
    server.start()
    ready(server.url)
    retention = int(settings.get("logs.retention_days"))
    while not stop.wait(PRUNE_INTERVAL_SECONDS):
        if index == 0:
            prune(retention)
    _report_a_hung_stop()
    server.stop()
    services.mail.stop_worker()
    faulthandler.cancel_dump_traceback_later()  # nothing to cancel when none was set
    return 0


def _report_a_hung_stop() -> None:
    """A stop normally takes well under a second; one that hangs says where it hangs."""
    try:
        faulthandler.dump_traceback_later(STOP_REPORT_SECONDS, exit=False)
    except (RuntimeError, ValueError):  # no stderr (a windowed bundle): nobody to tell
        pass
