"""The network side of the connection check: name look-ups, the TLS handshake and one HTTP(S)
GET, each with a short timeout, through the standard library only.
"""

from __future__ import annotations

import http.client
import json
import socket
import ssl
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from typing import Any

# host, port -> the addresses the name resolves to (socket.getaddrinfo, or a test's own).
Resolver = Callable[[str, int], list[str]]
BODY_LIMIT = 64 * 1024  # a health or error answer is a few hundred bytes
# OpenSSL's X509_V_FLAG_NO_CHECK_TIME: verify the chain but not the dates (to read an
# expired certificate's end date); the ssl module has no name for it.
_NO_CHECK_TIME = 0x200000
_EXPIRED, _HOSTNAME_MISMATCH = 10, 62  # X509_V_ERR_CERT_HAS_EXPIRED, _HOSTNAME_MISMATCH


def system_resolver(host: str, port: int) -> list[str]:
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True)
class Certificate:
    not_after: datetime  # UTC
    names: tuple[str, ...]  # the subjectAltName entries (DNS names and IP addresses)


class CertificateProblem(Exception):
    """The handshake refused the certificate: `kind` is expired, wrong_host or untrusted."""

    def __init__(self, kind: str, reason: str, certificate: Certificate | None) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.certificate = certificate


class HandshakeFailed(Exception):
    """Something accepted the connection but did not complete a TLS handshake (plain HTTP on
    that port, no common protocol version), or reset it.
    """


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str  # the media type alone, lower case
    body: bytes
    location: str | None  # of a redirect

    def describe(self) -> str:
        """The answer in a few words: 'HTTP 404 (text/html)', 'HTTP 301 to https://…'."""
        if self.location:
            return f"HTTP {self.status} to {self.location}"
        return f"HTTP {self.status} ({self.content_type or 'no content type'})"

    def json_object(self) -> dict[str, Any]:
        """The body as a JSON object; empty when it is not one."""
        try:
            document = json.loads(self.body)
        except ValueError:
            return {}
        return document if isinstance(document, dict) else {}


def reason(error: BaseException) -> str:
    """Why a network call failed, in a few words ('timed out', 'Connection refused')."""
    if isinstance(error, TimeoutError) or "timed out" in str(error):
        return "timed out"
    return getattr(error, "strerror", None) or str(error) or type(error).__name__


def tls_context(ca_file: str | None, lenient: bool = False) -> ssl.SSLContext:
    """Verifies against `ca_file`, or the system's CA store (which honours SSL_CERT_FILE).
    `lenient` still verifies the chain but neither the dates nor the name: to read them.
    """
    context = ssl.create_default_context(cafile=ca_file)
    if lenient:
        context.check_hostname = False
        context.verify_flags = ssl.VerifyFlags(context.verify_flags | _NO_CHECK_TIME)
    return context


def _certificate(tls: ssl.SSLSocket) -> Certificate:
    peer = tls.getpeercert() or {}
    seconds = ssl.cert_time_to_seconds(str(peer.get("notAfter")))
    names = tuple(str(entry[1]) for entry in peer.get("subjectAltName", ()))
    return Certificate(datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None), names)


def _connect(address: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((address, port), timeout=timeout)


def handshake(
    address: str, host: str, port: int, ca_file: str | None, timeout: float
) -> Certificate:
    """The certificate `host` presents at `address`; CertificateProblem when refused, OSError
    when nothing answers.
    """
    try:
        return _handshake(address, host, port, tls_context(ca_file), timeout)
    except ssl.SSLCertVerificationError as error:
        code = error.verify_code
        kind = {_EXPIRED: "expired", _HOSTNAME_MISMATCH: "wrong_host"}.get(code, "untrusted")
        reason = str(error.verify_message or error.reason)
        details = None
        if kind != "untrusted":  # trusted, but refused for its dates or names: read them
            lenient = tls_context(ca_file, lenient=True)
            try:
                details = _handshake(address, host, port, lenient, timeout)
            except (OSError, ValueError, HandshakeFailed):
                pass
        raise CertificateProblem(kind, reason, details) from None


def _handshake(
    address: str, host: str, port: int, context: ssl.SSLContext, timeout: float
) -> Certificate:
    with _connect(address, port, timeout) as sock:
        try:
            tls = context.wrap_socket(sock, server_hostname=host)
        except ssl.SSLCertVerificationError:
            raise
        except (ssl.SSLError, TimeoutError, ConnectionResetError) as error:
            # NOTE: a plain HTTP server (Waitress) waits for a request line that never comes
            # and times out; nginx or Caddy answer 400, which OpenSSL calls a wrong version.
            raise HandshakeFailed(reason(error)) from None
        with tls:
            return _certificate(tls)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to `host` (its name in SNI, the certificate check and Host) at one chosen
    address: the one the check resolved, whatever resolver it was given.
    """

    def __init__(
        self, host: str, port: int, address: str, context: ssl.SSLContext, timeout: float
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self.address = address
        self.tls_context = context

    def connect(self) -> None:
        sock = _connect(self.address, self.port, float(self.timeout or 5))
        self.sock = self.tls_context.wrap_socket(sock, server_hostname=self.host)


def _get(connection: http.client.HTTPConnection, path: str, headers: dict[str, str]) -> Answer:
    try:
        connection.request("GET", path, headers={"Connection": "close", **headers})
        response = connection.getresponse()
        body = response.read(BODY_LIMIT)
    except http.client.HTTPException as error:  # not HTTP at all on that port
        raise OSError(f"no HTTP answer: {error!r}") from None
    finally:
        connection.close()
    media_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
    return Answer(response.status, media_type, body, response.getheader("Location"))


def https_get(
    address: str,
    host: str,
    port: int,
    path: str,
    ca_file: str | None,
    timeout: float,
    headers: dict[str, str] | None = None,
) -> Answer:
    connection = _PinnedHTTPSConnection(host, port, address, tls_context(ca_file), timeout)
    return _get(connection, path, headers or {})


def http_get(host: str, port: int, path: str, timeout: float) -> Answer:
    """Plain HTTP, for the local server's own address."""
    return _get(http.client.HTTPConnection(host, port, timeout=timeout), path, {})
