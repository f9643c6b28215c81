"""Sending over SMTP (smtplib): security none / STARTTLS / TLS, login when a user is set."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from email.utils import make_msgid

from sofa_scim_desktop.services.secrets import Secrets
from sofa_scim_desktop.services.settings import Settings

TIMEOUT_SECONDS = 30


@dataclass(frozen=True)
class SmtpConfig:
    host: str
    port: int
    security: str  # none, starttls, tls
    user: str
    sender: str
    password: str | None

    @property
    def configured(self) -> bool:
        return bool(self.host and self.sender)

    @classmethod
    def load(cls, settings: Settings, secrets: Secrets) -> SmtpConfig:
        """Read at send time, so that changed settings apply without a restart."""
        return cls(
            host=settings.get("smtp.host"),
            port=int(settings.get("smtp.port")),
            security=settings.get("smtp.security"),
            user=settings.get("smtp.user"),
            sender=settings.get("smtp.sender"),
            password=secrets.smtp_password() if settings.get("smtp.user") else None,
        )


def build_message(
    sender: str, recipient: str, subject: str, text: str, html: str | None
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False, usegmt=True)
    message["Message-ID"] = make_msgid(domain=sender.rpartition("@")[2] or None)
    message.set_content(text)
    if html:
        message.add_alternative(html, subtype="html")
    return message


def connect(config: SmtpConfig) -> smtplib.SMTP:
    """An open, authenticated connection; the caller closes it (`with`)."""
    context = ssl.create_default_context()
    client: smtplib.SMTP
    if config.security == "tls":
        client = smtplib.SMTP_SSL(
            config.host, config.port, timeout=TIMEOUT_SECONDS, context=context
        )
    else:
        client = smtplib.SMTP(config.host, config.port, timeout=TIMEOUT_SECONDS)
    try:
        if config.security == "starttls":
            client.starttls(context=context)
        if config.user:
            client.login(config.user, config.password or "")
    except BaseException:
        client.close()
        raise
    return client
