"""Saves PNGs of the e-mail parts of the app (the SMTP settings with a test e-mail sent to a
local aiosmtpd server, the Mail outbox with messages in each state) into docs/screenshots/.

Usage: .venv/bin/python scripts/screenshots_mail.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring  # noqa: E402
from keyring.backends import fail  # noqa: E402
from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from shot_folder import save_png  # noqa: E402
from shot_folder import use_language  # noqa: E402

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.gui.app import application  # noqa: E402
from sofa_scim_desktop.gui.main_window import OUTBOX_PAGE  # noqa: E402
from sofa_scim_desktop.gui.main_window import SETTINGS_PAGE  # noqa: E402
from sofa_scim_desktop.gui.main_window import MainWindow  # noqa: E402
from sofa_scim_desktop.storage.tables import MailMessage  # noqa: E402
from sofa_scim_desktop.storage.tables import utcnow  # noqa: E402
from tests.conftest import MemoryKeyring  # noqa: E402
from tests.services.mail.conftest import SmtpSink  # noqa: E402
from tests.services.mail.conftest import free_port  # noqa: E402

REFUSED = "ConnectionRefusedError: [Errno 111] Connection refused"
# (recipient, subject, kind, state, attempts, last error, minutes ago)
MESSAGES = (
    ("carol@contoso.com", "Welcome to Sofa", "welcome", "sent", 1, None, 1560),
    ("bob@contoso.com", "Set your Sofa password", "password_link", "queued", 3, REFUSED, 50),
    ("admin@contoso.com", "Sofa: 3 failed Entra calls (Contoso – Entra ID)", "failures", "failed",
     12, "SMTPRecipientsRefused: {'admin@contoso.com': (550, b'5.1.1 User unknown')}", 30),
    ("jana.novakova@contoso.com", "Welcome to Sofa", "welcome", "queued", 0, None, 1),
)  # fmt: skip


def save(widget: QWidget, name: str) -> None:
    save_png(widget, name)


def wait_for(condition: object, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        QCoreApplication.processEvents()
        time.sleep(0.05)


def configure(services: bootstrap.Services, sink: SmtpSink) -> None:
    for key, value in (("smtp.host", "127.0.0.1"), ("smtp.port", str(sink.port)),
                       ("smtp.security", "none"), ("smtp.user", "mailer"),
                       ("smtp.sender", "Sofa SCIM <sofa@contoso.com>"),
                       ("smtp.password", "s3cret")):  # fmt: skip
        services.settings.set(key, value)


def add_messages() -> None:
    now = utcnow()
    for to, subject, kind, state, attempts, error, ago in MESSAGES:
        created = now - timedelta(minutes=ago)
        MailMessage.create(
            recipient=to, subject=subject, body_text="…", kind=kind, language="en",
            created_at=created, state=state, attempts=attempts, last_error=error,
            sent_at=created + timedelta(seconds=2) if state == "sent" else None,
            next_attempt_at=now + timedelta(hours=1),  # the worker leaves them as they are
        )  # fmt: skip


def shoot_problems(window: MainWindow, services: bootstrap.Services) -> None:
    """SMTP down (the test e-mail waits, with the error), no keyring, a mistyped sender."""
    services.settings.set("smtp.port", str(free_port()))  # nobody listens there
    window.show_page(SETTINGS_PAGE)
    page = window.settings_page
    page.load()
    page.test_mail.send()
    wait_for(lambda: "Connection refused" in page.test_mail.result.text())
    keyring.set_keyring(fail.Keyring())
    page.smtp_password.edit.setText("new password")
    page.smtp_sender.setText("sofa.contoso.com")
    page.save()
    save(window, "mail_3_settings_problems")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--language", choices=("en", "cs"), default="en")
    args = parser.parse_args()
    app = application(sys.argv[:1])
    use_language(args.language)
    keyring.set_keyring(MemoryKeyring())  # never the desktop's own keyring
    services = bootstrap.build(tempfile.mkdtemp(prefix="sofa-shots-mail-"))
    sink = SmtpSink(free_port())
    sink.start()
    configure(services, sink)
    services.settings.set("server.port", "0")
    window = MainWindow(services)
    window.resize(1100, 760)
    window.server.start()
    window.show_page(OUTBOX_PAGE)
    save(window, "mail_0_outbox_empty")
    add_messages()  # before the test e-mail: the outbox lists by arrival, newest first
    window.show_page(SETTINGS_PAGE)
    box = window.settings_page.test_mail
    box.recipient.setText("admin@contoso.com")
    box.send()
    wait_for(lambda: "admin@contoso.com" in box.result.text())  # "Sent to …" in any language
    save(window, "mail_1_settings_test_sent")
    window.show_page(OUTBOX_PAGE)
    window.outbox_page.table.selectRow(2)  # the failed one: its full error below
    save(window, "mail_2_outbox")
    shoot_problems(window, services)
    window.server.stop()  # first: closing the window while it serves would ask
    window.close()
    window.deleteLater()
    sink.stop()
    app.processEvents()


if __name__ == "__main__":
    main()
