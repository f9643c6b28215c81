"""The background thread that composes notifications and sends the outbox (SPEC §5)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from datetime import timedelta

from peewee import Database
from peewee import InterfaceError
from peewee import OperationalError

from sofa_scim_desktop.services.health import prune_counts
from sofa_scim_desktop.services.mail import failures
from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail import watch
from sofa_scim_desktop.services.mail.delivery import Connect
from sofa_scim_desktop.services.mail.delivery import Delivery
from sofa_scim_desktop.services.mail.failures import Batching
from sofa_scim_desktop.services.mail.outbox import RetryPolicy
from sofa_scim_desktop.services.mail.smtp import SmtpConfig
from sofa_scim_desktop.services.mail.smtp import connect
from sofa_scim_desktop.services.mail.watch import Watch
from sofa_scim_desktop.services.secrets import Secrets
from sofa_scim_desktop.services.settings import Settings
from sofa_scim_desktop.storage import transactions
from sofa_scim_desktop.storage.tables import utcnow
from sofa_scim_desktop.storage.transactions import NOTICES
from sofa_scim_desktop.storage.transactions import one_line
from sofa_scim_desktop.storage.transactions import serialize

log = logging.getLogger("sofa.mail")
WATCH_EVERY = timedelta(minutes=10)  # key expiry, silence and pruning happen this often.
KEEP = timedelta(days=90)  # sent and failed messages stay visible in the outbox this long.


class MailWorker:
    """Start/stop like storage.database.Checkpointer; `wake()` to send at once (test e-mail).

    Every pass reads the outbox from the database, so a restart loses nothing, and another
    process's worker (GUI and `serve` on one database) never sends a message it claimed.
    """

    def __init__(
        self, db: Database, settings: Settings, secrets: Secrets | None = None, *,
        interval: float = 5.0, policy: RetryPolicy | None = None,
        batching: Batching | None = None, clock: Callable[[], datetime] = utcnow,
        connect_to: Connect = connect, watching: Watch | None = None,
    ) -> None:  # fmt: skip
        self.db = db
        self.interval = interval
        self.batching = batching or Batching()
        self.clock = clock
        secrets = secrets or settings.secrets
        self.delivery = Delivery(
            db,
            lambda: SmtpConfig.load(settings, secrets),
            lambda: settings.get("public_base_url"),
            policy or RetryPolicy(),
            connect_to,
        )
        self.watching = watching or Watch()
        self._watched_at: datetime | None = None
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread = threading.Thread(target=self._run, name="mail-worker", daemon=True)

    def start(self) -> MailWorker:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join()

    def wake(self) -> None:
        self._wake.set()

    def run_once(self) -> int:
        """One pass: compose due notifications, then send due mail; returns how many were sent."""
        now = self.clock()
        watching = self._watched_at is None or now - self._watched_at >= WATCH_EVERY

        def compose() -> None:
            # NOTE: one composer at a time across server processes: the second then finds
            # the failures reported and the notices stamped, and sends nothing twice.
            serialize(NOTICES, 0)
            failures.compose_due(now, self.batching)
            if watching:
                watch.check(now, self.watching)
                outbox.prune(now - KEEP)
                prune_counts()  # housekeeping of the health figures, on the same cadence

        transactions.write(self.db, compose)
        if watching:
            self._watched_at = now
        return self.delivery.run(self.clock())  # after composing: what it queued is due.

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    self.run_once()
                except (OperationalError, InterfaceError) as error:  # the database is down
                    log.warning("mail worker pass failed: %s", one_line(error))
                except Exception:  # a bad pass must not end the worker: the next one retries.
                    log.exception("mail worker pass failed")
                self._wake.wait(self.interval)
                self._wake.clear()
        finally:
            self.db.close()  # this thread's own connection.
