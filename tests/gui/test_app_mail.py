"""The desktop app sends mail while it runs: its worker starts with it and stops on quit."""

from __future__ import annotations

import os
import signal
import subprocess

from sofa_scim_desktop import bootstrap
from tests.cli.test_cli import COMMAND
from tests.cli.test_cli import read_line
from tests.services.mail.conftest import SmtpSink


def test_the_app_sends_waiting_mail_then_quits_cleanly(
    services: bootstrap.Services, smtp: SmtpSink
) -> None:
    services.settings.set("server.port", "0")
    services.mail.send_test("admin@example.com")  # waits in the outbox: no worker here
    process = subprocess.Popen(
        [*COMMAND, "gui", "--data-dir", str(services.data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    try:
        assert read_line(process).startswith("listening on http://127.0.0.1:")
        [received] = smtp.wait_for(1, timeout=15)
        assert received.envelope_to == ["admin@example.com"]
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0  # the worker thread ended with the app
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        assert process.stdout is not None and process.stderr is not None
        process.stdout.close()
        process.stderr.close()
    [entry] = services.mail.outbox()
    assert entry.state == "sent"
