"""A throw-away certificate authority and a TLS-terminating reverse proxy on loopback, as an
admin puts in front of Sofa (nginx, Caddy): TLS outside, plain HTTP to the upstream server;
and the fixtures that start them (import them into a test module to use them).
"""

from __future__ import annotations

import http.server
import ipaddress
import select
import socket
import ssl
import threading
from collections.abc import Callable
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from sofa_scim_desktop.scim.server import ScimServer

PEM = serialization.Encoding.PEM


@dataclass(frozen=True)
class CertFiles:
    cert: Path
    key: Path


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


def _alt_name(name: str) -> x509.GeneralName:
    try:
        return x509.IPAddress(ipaddress.ip_address(name))
    except ValueError:
        return x509.DNSName(name)


def _write_key(key: ec.EllipticCurvePrivateKey, path: Path) -> None:
    path.write_bytes(
        key.private_bytes(PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )


class TestAuthority:
    """A CA of its own, trusted only by whoever is given `ca_file`."""

    __test__ = False  # not a pytest test class

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name("Sofa test CA"))
            .issuer_name(_name("Sofa test CA"))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True, content_commitment=False, key_encipherment=False,
                    data_encipherment=False, key_agreement=False, key_cert_sign=True,
                    crl_sign=True, encipher_only=False, decipher_only=False,
                ),
                critical=True,
            )
            .sign(self.key, hashes.SHA256())
        )  # fmt: skip
        self.ca_file = folder / "test-ca.pem"
        self.ca_file.write_bytes(self.cert.public_bytes(PEM))

    def issue(self, names: list[str], valid_days: float = 90, label: str = "server") -> CertFiles:
        """A server certificate for `names` (host names or IP addresses) that expires in
        `valid_days` (negative: it has already expired).
        """
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        not_after = now + timedelta(days=valid_days)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(names[0]))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(min(now, not_after) - timedelta(days=30))
            .not_valid_after(not_after)
            .add_extension(x509.SubjectAlternativeName([_alt_name(n) for n in names]), False)
            .add_extension(x509.ExtendedKeyUsage([x509.ExtendedKeyUsageOID.SERVER_AUTH]), False)
            .sign(self.key, hashes.SHA256())
        )
        files = CertFiles(self.folder / f"{label}.pem", self.folder / f"{label}.key")
        files.cert.write_bytes(cert.public_bytes(PEM))
        _write_key(key, files.key)
        return files


class TlsProxy:
    """Listens on a loopback port with `cert`, forwards each connection's bytes, decrypted,
    to `upstream` (host, port). One thread per connection; close() ends them all.
    """

    def __init__(self, cert: CertFiles, upstream: tuple[str, int]) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert.cert, cert.key)
        self.upstream = upstream
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)  # accept() wakes up to see close()
        self.port: int = self.listener.getsockname()[1]
        self._closing = threading.Event()
        self._threads: list[threading.Thread] = []
        self._accepting = threading.Thread(target=self._accept, name="tls-proxy", daemon=True)
        self._accepting.start()

    def _accept(self) -> None:
        while not self._closing.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:  # the listener was closed
                return
            thread = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(5)
        try:
            with self.context.wrap_socket(conn, server_side=True) as tls:
                with socket.create_connection(self.upstream, timeout=5) as upstream:
                    self._pump(tls, upstream)
        except (OSError, ssl.SSLError):
            pass  # e.g. the client refused our certificate: what the check must report
        finally:
            conn.close()

    def _pump(self, tls: ssl.SSLSocket, upstream: socket.socket) -> None:
        # NOTE: one thread reads and writes both sockets: an SSL socket must not be read and
        # written from two threads at once.
        while not self._closing.is_set():
            readable, _, _ = select.select([tls, upstream], [], [], 0.2)
            if tls in readable or tls.pending():
                data = tls.recv(65536)
                if not data:
                    return
                upstream.sendall(data)
            if upstream in readable:
                data = upstream.recv(65536)
                if not data:
                    return
                tls.sendall(data)

    def close(self) -> None:
        self._closing.set()
        self.listener.close()
        self._accepting.join(5)
        for thread in self._threads:
            thread.join(5)


class NotSofa:
    """A plain web server that answers 404 in HTML to everything: what a proxy reaches when
    its route points at another site.
    """

    def __init__(self) -> None:
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotFound)
        self.address = ("127.0.0.1", self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


class _NotFound(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = b"<html><body><h1>404 Not Found</h1></body></html>"
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet in the test output


TEST_HOST = "sofa.test"  # RFC 2606: never a real name


def resolve_test_host(host: str, port: int) -> list[str]:
    """The resolver the checks are given: the test host is this computer, nothing else is."""
    if host == TEST_HOST:
        return ["127.0.0.1"]
    raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")


@pytest.fixture(scope="session")
def authority(tmp_path_factory: pytest.TempPathFactory) -> TestAuthority:
    return TestAuthority(tmp_path_factory.mktemp("ca"))


@pytest.fixture
def local_server(app: Any) -> Iterator[ScimServer]:
    """This computer's Sofa server: a real Waitress on a loopback port."""
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def proxy_to(
    authority: TestAuthority, local_server: ScimServer
) -> Iterator[Callable[..., TlsProxy]]:
    """proxy_to(names=[TEST_HOST], valid_days=90, upstream=local server): a started proxy."""
    started: list[TlsProxy] = []

    def start(
        names: list[str] | None = None,
        valid_days: float = 90,
        upstream: tuple[str, int] | None = None,
    ) -> TlsProxy:
        cert = authority.issue(names or [TEST_HOST], valid_days, label=f"cert{len(started)}")
        proxy = TlsProxy(cert, upstream or ("127.0.0.1", local_server.port))
        started.append(proxy)
        return proxy

    yield start
    for proxy in started:
        proxy.close()
