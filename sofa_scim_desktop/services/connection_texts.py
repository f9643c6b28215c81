"""The connection check's words: each step's title, and each outcome's message and fix, in
English with {named} placeholders. The CLI prints them as they are; the GUI translates them.

# NOTE: QT_TRANSLATE_NOOP here is a plain function that returns its text: it only marks the
# text for pyside6-lupdate (scripts/update_translations reads this file), so this module stays
# free of Qt. The GUI looks each text up with QCoreApplication.translate(CONTEXT, text).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    return text


CONTEXT = "ConnectionCheck"
_PUBLIC_URL_FIX = QT_TRANSLATE_NOOP(
    "ConnectionCheck",
    "Set Settings → Public base URL (the setting public_base_url) to the public HTTPS address "
    "of the reverse proxy in front of Sofa, e.g. https://sofa.example.com.",
)

TITLES: dict[str, str] = {
    "url": QT_TRANSLATE_NOOP("ConnectionCheck", "Public address"),
    "dns": QT_TRANSLATE_NOOP("ConnectionCheck", "Name look-up (DNS)"),
    "tls": QT_TRANSLATE_NOOP("ConnectionCheck", "TLS certificate"),
    "health": QT_TRANSLATE_NOOP("ConnectionCheck", "Reaches this server"),
    "scim": QT_TRANSLATE_NOOP("ConnectionCheck", "SCIM endpoint"),
}

# code -> (message, fix); the fix is None where there is nothing to do.
TEXTS: dict[str, tuple[str, str | None]] = {
    "url.ok": (QT_TRANSLATE_NOOP("ConnectionCheck", "{url} is an HTTPS address."), None),
    "url.not_https": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} is not an HTTPS address; Entra calls only HTTPS addresses.",
        ),
        _PUBLIC_URL_FIX,
    ),
    "url.no_host": (QT_TRANSLATE_NOOP("ConnectionCheck", "{url} names no host."), _PUBLIC_URL_FIX),
    "url.local": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} points at this computer ({host}); Entra, in Microsoft's cloud, cannot reach it.",
        ),
        _PUBLIC_URL_FIX,
    ),
    "url.private": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} uses {host}, a private or reserved address that Entra cannot reach from "
            "the internet.",
        ),
        _PUBLIC_URL_FIX,
    ),
    "url.bare_host": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} uses {host}, a name without a domain: only your local network can resolve "
            "it, Entra on the internet cannot.",
        ),
        _PUBLIC_URL_FIX,
    ),
    "dns.ok": (QT_TRANSLATE_NOOP("ConnectionCheck", "{host} resolves to {addresses}."), None),
    "dns.literal": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "{host} is an IP address: nothing to look up."),
        None,
    ),
    "dns.private": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{host} resolves here to {addresses}, not a public address: Entra looks the name "
            "up on the internet and cannot reach a private one.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Make sure the public DNS record of {host} points at the public address of your "
            "reverse proxy.",
        ),
    ),
    "dns.failed": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "{host} does not resolve ({reason})."),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Create a DNS record (A or AAAA) for {host} that points at the public address of "
            "your reverse proxy, or correct the host name in Settings → Public base URL.",
        ),
    ),
    "tls.ok": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck", "The certificate of {host} is trusted and valid until {expires}."
        ),
        None,
    ),
    "tls.expiring": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "The certificate of {host} expires on {expires} (days left: {days}); Entra "
            "refuses an expired certificate.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Renew the certificate of {host} on the reverse proxy before {expires} (for "
            "Let's Encrypt, check that automatic renewal runs).",
        ),
    ),
    "tls.expired": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "The certificate of {host} expired on {expires}; Entra refuses the connection.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck", "Renew the certificate of {host} on the reverse proxy."
        ),
    ),
    "tls.wrong_host": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "The certificate at {host}:{port} is not valid for {host}: it is for {names}.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Install on the reverse proxy a certificate whose names include {host}, or set "
            "the public base URL to a name the certificate covers.",
        ),
    ),
    "tls.untrusted": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck", "The certificate at {host}:{port} is not trusted ({reason})."
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Install a certificate from a public certificate authority (e.g. Let's Encrypt) "
            "with its full chain on the reverse proxy.",
        ),
    ),
    "tls.unreachable": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "No HTTPS connection to {host}:{port} ({reason})."),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Start the reverse proxy and open port {port} to the internet in its firewall.",
        ),
    ),
    "tls.handshake": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{host}:{port} answers, but the TLS handshake fails ({reason}).",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Let the reverse proxy terminate TLS 1.2 or newer on port {port}, or set the public "
            "base URL to the proxy's HTTPS port rather than the server's own.",
        ),
    ),
    "health.ok": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} reached this server (instance {instance}, version {version}).",
        ),
        None,
    ),
    "health.other_instance": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} reached another Sofa server (instance {remote}), not this one "
            "(instance {local}).",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Point the reverse proxy at this computer's server, {local_url} (Settings → "
            "Embedded server), or run the check on the computer it points at.",
        ),
    ),
    "health.database": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} reached this server, but its database does not answer: Entra's calls fail.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Start the database server (or free the database file), then check again.",
        ),
    ),
    "health.local_down": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} reached a Sofa server (instance {remote}), but the server on this computer "
            "({local_url}) does not answer ({reason}), so it is unclear whether it is this one.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Start the server on this computer (the desktop app or sofa-scim serve), then "
            "check again.",
        ),
    ),
    "health.local_unknown": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} reached a Sofa server (instance {remote}), but the address of the server on "
            "this computer is not known, so it is unclear whether it is this one.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Start the server on this computer with a fixed port (Settings → Embedded "
            "server), then check again.",
        ),
    ),
    "health.not_sofa": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{url} answered {answer}, not Sofa's health check, so it is unclear which server "
            "the reverse proxy reaches.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Forward {path} on the reverse proxy to Sofa's server, as /scim/v2/ is.",
        ),
    ),
    "health.unreachable": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "{url} did not answer ({reason})."),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Make the reverse proxy forward to Sofa's server ({local_url}) and check that "
            "the server runs.",
        ),
    ),
    "scim.ok": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "A call to {url} with a wrong key got Sofa's SCIM answer 401: the path reaches Sofa.",
        ),
        None,
    ),
    "scim.not_sofa": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "A call to {url} with a wrong key got {answer}, not Sofa's SCIM answer 401: the "
            "path does not reach Sofa.",
        ),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Forward {path} on the reverse proxy to Sofa's server unchanged, with the "
            "Authorization header.",
        ),
    ),
    "scim.unreachable": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "A call to {url} got no answer ({reason})."),
        QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "Make the reverse proxy forward {path} to Sofa's server and check that the "
            "server runs.",
        ),
    ),
    "skipped.url": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "Skipped: the public address must be fixed first."),
        None,
    ),
    "skipped.dns": (
        QT_TRANSLATE_NOOP("ConnectionCheck", "Skipped: {host} does not resolve."),
        None,
    ),
    "skipped.tls": (
        QT_TRANSLATE_NOOP(
            "ConnectionCheck", "Skipped: there is no trusted HTTPS connection to {host}."
        ),
        None,
    ),
}
