"""Fixtures that compose: services (real SQLite file) -> synchronization with a key -> Falcon
test client, or a real Waitress on a loopback port."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from contextlib import AbstractContextManager  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
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
from sofa_scim_desktop.storage.database import default_url  # noqa: E402
from sofa_scim_desktop.storage.database import is_postgresql  # noqa: E402
from tests import pg_cluster  # noqa: E402

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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database",
        choices=("sqlite", "postgresql"),
        default="sqlite",
        help="where the `services` fixture keeps its data: an SQLite file per test, or a "
        "fresh PostgreSQL database per test (SOFA_SCIM_TEST_POSTGRESQL names the server, "
        "else a throw-away cluster is started)",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about SQLite itself (its file, pragmas, plans, backups)"
    )
    config.addinivalue_line(
        "markers", "postgresql_only: about PostgreSQL itself; runs in the PostgreSQL pass"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    backend = config.getoption("--database")
    other = "postgresql_only" if backend == "sqlite" else "sqlite_only"
    why = f"runs in the {'PostgreSQL' if backend == 'sqlite' else 'SQLite'} pass"
    for item in items:
        if other in item.keywords:
            item.add_marker(pytest.mark.skip(reason=why))


@pytest.fixture(scope="session")
def postgresql_server(request: pytest.FixtureRequest) -> Iterator[pg_cluster.Databases]:
    """Fresh PostgreSQL databases: on SOFA_SCIM_TEST_POSTGRESQL's server, else on a cluster
    of this test run's own (started on first use, removed at the end).
    """
    given = os.environ.get("SOFA_SCIM_TEST_POSTGRESQL")
    if given:
        yield pg_cluster.Databases(given)
        return
    cluster = pg_cluster.Cluster()
    try:
        yield pg_cluster.Databases(cluster.url(), cluster)
    finally:
        cluster.remove()


@pytest.fixture
def database_url(
    request: pytest.FixtureRequest, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The test's database. On PostgreSQL the URL is also SOFA_SCIM_DATABASE, so that the
    processes a test starts (`sofa-scim …`) and a second `bootstrap.build` find the same one.
    """
    if request.config.getoption("--database") == "sqlite":
        yield default_url(tmp_path / "data")
        return
    databases: pg_cluster.Databases = request.getfixturevalue("postgresql_server")
    url = databases.create()
    monkeypatch.setenv("SOFA_SCIM_DATABASE", url)
    yield url
    databases.drop(url)


@pytest.fixture
def services(tmp_path: Any, database_url: str) -> Iterator[bootstrap.Services]:
    built = bootstrap.build(str(tmp_path / "data"), database_url)
    yield built
    built.db.close()


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a `sofa-scim` process a test starts: none of our settings but the
    database (SOFA_SCIM_DATABASE, set on PostgreSQL), plus `extra`.
    """
    keep = {"SOFA_SCIM_DATABASE"}
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith("SOFA_SCIM_") or k in keep
    }
    environment.update(extra or {})
    return environment


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


@pytest.fixture
def outage(
    request: pytest.FixtureRequest, services: bootstrap.Services, database_url: str
) -> Callable[[], AbstractContextManager[None]]:
    """`with outage():` the test's database is gone until the block ends: the SQLite file is
    moved away (the open connections keep the old one), or PostgreSQL refuses new connections
    to it and ends the open ones.
    """

    @contextmanager
    def moved_file() -> Iterator[None]:
        database_file = Path(services.db.database)
        moved = database_file.with_suffix(".moved")
        services.db.execute_sql("SELECT 1")  # the server's own connection stays on the old file
        database_file.rename(moved)
        try:
            yield
        finally:
            database_file.unlink(missing_ok=True)
            moved.rename(database_file)

    @contextmanager
    def refused() -> Iterator[None]:
        databases: pg_cluster.Databases = request.getfixturevalue("postgresql_server")
        databases.refuse_connections(database_url)
        try:
            yield
        finally:
            databases.allow_connections(database_url)

    return refused if is_postgresql(services.db) else moved_file
