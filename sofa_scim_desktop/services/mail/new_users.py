"""The welcome e-mail and the password-set link for users a synchronization creates (SPEC §2),
queued in the transaction that creates the user.
"""

from __future__ import annotations

from typing import Protocol

from sofa_scim_desktop.domain.user_mapping import SofaUserFields
from sofa_scim_desktop.services.mail import outbox
from sofa_scim_desktop.services.mail import templates
from sofa_scim_desktop.services.passwords import TOKEN_VALIDITY

WELCOME = "welcome"
PASSWORD_LINK = "password_link"
# The link is made when the message is sent (worker), so that the token never rests in the
# outbox in clear and its 72 hours start when the user can receive it.
LINK_PLACEHOLDER = "[[password-link]]"


class MailOptions(Protocol):
    @property
    def welcome_email(self) -> bool: ...

    @property
    def password_link(self) -> bool: ...


def wants_mail(options: MailOptions) -> bool:
    return bool(options.welcome_email or options.password_link)


def enqueue_for(
    options: MailOptions, user_id: int, fields: SofaUserFields, preferred: str | None
) -> str | None:
    """Queues what the options ask for; returns why nothing could be queued, if so."""
    recipient = (fields.notification_email or "").strip()
    if not recipient:
        return f"User {fields.user_name} has no work e-mail; no e-mail was sent to them."
    language = templates.language_for(preferred)
    values = {"name": fields.display_name or fields.first_name or fields.user_name,
              "user_name": fields.user_name}  # fmt: skip
    if options.welcome_email:
        message = templates.render(WELCOME, language, **values)
        outbox.enqueue(recipient, message.subject, message.body, WELCOME, language, user_id)
    if options.password_link:
        hours = int(TOKEN_VALIDITY.total_seconds() // 3600)
        message = templates.render(
            PASSWORD_LINK, language, link=LINK_PLACEHOLDER, hours=hours, **values
        )
        outbox.enqueue(recipient, message.subject, message.body, PASSWORD_LINK, language, user_id)
    return None
