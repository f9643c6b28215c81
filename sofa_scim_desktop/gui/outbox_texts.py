"""Why a message waits or failed, as the admin reads it in the Mail outbox, in the GUI's
language: what went wrong and what to change in Settings, then what the server said.

The outbox stores the reason as the sender saw it (services/mail/delivery.py): the waiting
note, or `ExceptionName: details`; the CLI shows it so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sofa_scim_desktop.services.mail.delivery import NOT_CONFIGURED

CONTEXT = "OutboxTexts"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    return text


# The exception's name (as stored before ": ") -> what it means for the admin.
_BY_ERROR = {
    "SMTPAuthenticationError": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "The SMTP server refused the login: check User and Password in Settings → E-mail.",
    ),
    "SMTPSenderRefused": QT_TRANSLATE_NOOP(
        "OutboxTexts", "The SMTP server refused the sender address: check Sender in Settings."
    ),
    "SMTPRecipientsRefused": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "The SMTP server refused the recipient's address: check the user's notification e-mail.",
    ),
    "SMTPNotSupportedError": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "The SMTP server does not offer what Security asks for: try TLS (port 465) or STARTTLS "
        "(port 587).",
    ),
    "ConnectionRefusedError": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "Nothing answers at the SMTP host and port: check SMTP host and Port in Settings.",
    ),
    "gaierror": QT_TRANSLATE_NOOP(
        "OutboxTexts", "The SMTP host's name was not found: check SMTP host in Settings."
    ),
    "TimeoutError": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "The SMTP server did not answer in time: check SMTP host, Port and the firewall.",
    ),
    "SSLError": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "The secure connection failed: check Security (TLS or STARTTLS) and the port.",
    ),
    "SSLCertVerificationError": QT_TRANSLATE_NOOP(
        "OutboxTexts",
        "The SMTP server's certificate is not valid for its name: check SMTP host.",
    ),
}
_WAITING = QT_TRANSLATE_NOOP(
    "OutboxTexts",
    "Waiting: no SMTP server is set up yet (Settings → E-mail: SMTP host and Sender). Nothing "
    "is lost.",
)
_SERVER_SAID = QT_TRANSLATE_NOOP("OutboxTexts", "%1 (%2)")


def outbox_error_text(stored: str | None) -> str:
    """The stored reason in the admin's words; unknown reasons as they were stored."""
    if not stored:
        return ""
    if stored == NOT_CONFIGURED:
        return QCoreApplication.translate(CONTEXT, _WAITING)
    name, _, details = stored.partition(": ")
    meaning = _BY_ERROR.get(name)
    if meaning is None:
        return stored
    said = QCoreApplication.translate(CONTEXT, _SERVER_SAID)
    meaning = QCoreApplication.translate(CONTEXT, meaning)
    return said.replace("%1", meaning).replace("%2", details) if details else meaning
