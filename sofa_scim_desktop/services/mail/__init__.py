"""E-mail (SPEC §5): the outbox, SMTP, the background worker, templates and notifications."""
