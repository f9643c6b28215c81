"""Fixtures that compose: services (real SQLite file) -> synchronization with a key -> Falcon
test client, or a real Waitress on a loopback port."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from typing import Any  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
import requests  # noqa: E402
from falcon import testing  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.scim.app import create_app  # noqa: E402
from sofa_scim_desktop.scim.server import ScimServer  # noqa: E402
from sofa_scim_desktop.services.synchronizations import SyncSettings  # noqa: E402

SCIM_JSON = "application/scim+json"


class MemoryKeyring(KeyringBackend):
    """Tests never touch the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def services(tmp_path: Any) -> Iterator[bootstrap.Services]:
    built = bootstrap.build(str(tmp_path / "data"))
    yield built
    built.db.close()


@dataclass
class Endpoint:
    """A synchronization as Entra sees it: its identifier and its secret token."""

    identifier: str
    key: str

    @property
    def path(self) -> str:
        return f"/scim/v2/{self.identifier}"

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}", "Content-Type": SCIM_JSON}


def make_endpoint(services: bootstrap.Services, name: str = "Contoso", **options: Any) -> Endpoint:
    identifier = name.replace(" ", "_")
    services.synchronizations.create(SyncSettings(name=name, identifier=identifier, **options))
    issued = services.synchronizations.issue_key(identifier, 365)
    return Endpoint(identifier, issued.key)


@pytest.fixture
def endpoint(services: bootstrap.Services) -> Endpoint:
    return make_endpoint(services)


class ScimClient:
    """Falcon's test client bound to one endpoint: `client.post("/Users", json=...)`."""

    def __init__(self, app: Any, endpoint: Endpoint) -> None:
        self.client = testing.TestClient(app)
        self.endpoint = endpoint

    def request(self, method: str, path: str, **kwargs: Any) -> testing.Result:
        headers = {**self.endpoint.headers, **kwargs.pop("headers", {})}
        return self.client.simulate_request(
            method, self.endpoint.path + path, headers=headers, **kwargs
        )

    def get(self, path: str, **kwargs: Any) -> testing.Result:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> testing.Result:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> testing.Result:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> testing.Result:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> testing.Result:
        return self.request("DELETE", path, **kwargs)


@pytest.fixture
def app(services: bootstrap.Services) -> Any:
    return create_app(services.db)


@pytest.fixture
def scim(app: Any, endpoint: Endpoint) -> ScimClient:
    return ScimClient(app, endpoint)


@dataclass
class LiveServer:
    url: str  # the endpoint URL Entra would be given
    session: requests.Session


@pytest.fixture
def live(app: Any, endpoint: Endpoint) -> Iterator[LiveServer]:
    """A real Waitress on a free loopback port, with a keep-alive session holding the key."""
    server = ScimServer(app, "127.0.0.1", 0)
    server.start()
    session = requests.Session()
    session.headers.update(endpoint.headers)
    yield LiveServer(f"{server.url}{endpoint.path}", session)
    session.close()
    server.stop()
