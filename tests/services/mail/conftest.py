"""A real SMTP server on loopback (aiosmtpd) collecting messages, and a mail worker with short
intervals and a clock the tests move."""

from __future__ import annotations

import email
import email.policy
import socket
import time
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field
from datetime import datetime
from datetime import timedelta
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.mail.failures import Batching
from sofa_scim_desktop.services.mail.outbox import RetryPolicy
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.storage.tables import utcnow

SENDER = "sofa@example.com"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class Received:
    envelope_to: list[str]
    message: Message

    @property
    def subject(self) -> str:
        return str(self.message["Subject"])

    @property
    def text(self) -> str:
        body = self.message.get_body(("plain",))  # type: ignore[attr-defined]
        content: str = body.get_content()
        return content


@dataclass
class SmtpSink:
    """Handler and controller: `messages` fills as the worker sends."""

    port: int
    messages: list[Received] = field(default_factory=list)
    controller: Controller | None = None
    logins: list[tuple[str, str]] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(Received(list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def authenticate(
        self, server: Any, session: Any, envelope: Any, mechanism: str, auth: Any
    ) -> Any:
        from aiosmtpd.smtp import AuthResult

        login = (auth.login.decode(), auth.password.decode())
        self.logins.append(login)
        return AuthResult(success=login == ("mailer", "s3cret"), handled=False)

    def start(self) -> None:
        self.controller = Controller(
            self, hostname="127.0.0.1", port=self.port, authenticator=self.authenticate,
            auth_require_tls=False,
        )  # fmt: skip
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def wait_for(self, count: int, timeout: float = 10) -> list[Received]:
        wait_until(lambda: len(self.messages) >= count, timeout)
        return self.messages


def wait_until(condition: Callable[[], bool], timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def smtp(services: bootstrap.Services) -> Iterator[SmtpSink]:
    sink = SmtpSink(free_port())
    sink.start()
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(sink.port)),
                       ("smtp.security", "none"), ("smtp.sender", SENDER)):  # fmt: skip
        services.settings.set(key, value)
    yield sink
    sink.stop()


class Clock:
    """Real time plus an offset the test moves forward."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return utcnow() + self.offset

    def advance(self, **delta: float) -> None:
        self.offset += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


FAST_RETRY = RetryPolicy(
    first=timedelta(seconds=1), longest=timedelta(minutes=1), give_up_after=timedelta(hours=1)
)
BATCHING = Batching(gather=timedelta(seconds=30), window=timedelta(hours=1))


@pytest.fixture
def worker(services: bootstrap.Services, clock: Clock) -> MailWorker:
    """Not started: tests call run_once() with the clock where they want it."""
    return MailWorker(
        services.db, services.settings, policy=FAST_RETRY, batching=BATCHING, clock=clock
    )
