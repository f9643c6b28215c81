"""`sofa-scim serve`: the headless SCIM server an operator runs on a host."""

from __future__ import annotations

import argparse
import signal
import threading
from types import FrameType

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.scim.access_log import AccessLog
from sofa_scim_desktop.scim.server import serving
from sofa_scim_desktop.services.journal import prune

PRUNE_INTERVAL_SECONDS = 3600


def serve(args: argparse.Namespace) -> int:
    services = bootstrap.build(args.data_dir, args.database)
    settings = services.settings
    host = args.host or settings.get("server.host")
    port = args.port if args.port is not None else int(settings.get("server.port"))
    access_log = AccessLog(args.log_format, args.log_level)
    server = serving(services.db, host, port, settings.get("server.trusted_proxy"), access_log)
    stopping = threading.Event()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    services.mail.start_worker()
    server.start()
    print(f"listening on {server.url}", flush=True)
    retention = int(settings.get("logs.retention_days"))
    while not stopping.wait(PRUNE_INTERVAL_SECONDS):
        prune(retention)
    server.stop()
    services.mail.stop_worker()
    return 0
