"""The connection check in the GUI: the check runs off the GUI thread through a real TLS
proxy, and each step shows with its icon, message and fix, in English and in Czech.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import i18n
from sofa_scim_desktop.gui.connection_check_view import ConnectionCheckDialog
from sofa_scim_desktop.gui.connection_check_view import ConnectionCheckView
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.scim.server import ScimServer
from sofa_scim_desktop.services.connection_report import Options
from sofa_scim_desktop.services.connection_texts import TEXTS
from sofa_scim_desktop.services.connection_texts import TITLES
from tests.conftest import Endpoint
from tests.gui.test_i18n import TS
from tests.gui.test_i18n import compiled  # noqa: F401  (fixture)
from tests.gui.test_i18n import messages
from tests.tls_proxy import TEST_HOST
from tests.tls_proxy import NotSofa
from tests.tls_proxy import TestAuthority
from tests.tls_proxy import authority  # noqa: F401  (fixtures)
from tests.tls_proxy import local_server  # noqa: F401
from tests.tls_proxy import proxy_to  # noqa: F401
from tests.tls_proxy import resolve_test_host

Build = Callable[..., ConnectionCheckView]


@pytest.fixture(autouse=True)
def no_check_left_running() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone(30_000)


@pytest.fixture
def view(
    qtbot: QtBot,
    services: bootstrap.Services,
    endpoint: Endpoint,
    authority: TestAuthority,  # noqa: F811
    local_server: ScimServer,  # noqa: F811
) -> Build:
    """view(resolver=…): the check of the endpoint's synchronization as the admin sees it;
    the test host resolves to loopback, which the check reports as a private address.
    """

    def build(resolver: Any = resolve_test_host) -> ConnectionCheckView:
        options = Options(ca_file=str(authority.ca_file), resolver=resolver)
        widget = ConnectionCheckView(
            services, endpoint.identifier, lambda: local_server.url, options
        )
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return build


def use_proxy(services: bootstrap.Services, proxy: Any) -> None:
    services.settings.set("public_base_url", f"https://{TEST_HOST}:{proxy.port}")


def run_to_end(qtbot: QtBot, widget: ConnectionCheckView) -> None:
    with qtbot.waitSignal(widget.finished, timeout=30_000):
        widget.run_button.click()


def test_each_step_shows_its_status_message_and_fix(
    qtbot: QtBot,
    view: Build,
    services: bootstrap.Services,
    proxy_to: Any,  # noqa: F811
) -> None:
    use_proxy(services, proxy_to(valid_days=7))
    widget = view()
    run_to_end(qtbot, widget)
    assert [row.status for row in widget.rows] == ["ok", "warning", "warning", "ok", "ok"]
    assert [row.title.text() for row in widget.rows] == [
        "Public address", "Name look-up (DNS)", "TLS certificate", "Reaches this server",
        "SCIM endpoint",
    ]  # fmt: skip
    tls = widget.rows[2]
    assert "expires on" in tls.message.text()
    assert tls.fix.text().startswith("Fix: Renew the certificate of sofa.test")
    assert not tls.icon.pixmap().isNull()
    assert widget.rows[0].fix.isHidden()  # nothing to fix where all is well
    assert widget.summary.text() == "It should work, but look at the warnings."


def test_an_error_says_the_test_will_fail(
    qtbot: QtBot,
    view: Build,
    services: bootstrap.Services,
    proxy_to: Any,  # noqa: F811
) -> None:
    site = NotSofa()
    try:
        use_proxy(services, proxy_to(upstream=site.address))
        widget = view()
        run_to_end(qtbot, widget)
    finally:
        site.close()
    assert widget.rows[4].status == "error"
    assert "HTTP 404 (text/html)" in widget.rows[4].message.text()
    assert widget.summary.text().startswith("Entra's “Test connection” will fail")


def test_the_window_stays_responsive_while_the_check_runs(
    qtbot: QtBot,
    view: Build,
    services: bootstrap.Services,
    proxy_to: Any,  # noqa: F811
) -> None:
    use_proxy(services, proxy_to())
    release = threading.Event()

    def slow_dns(host: str, port: int) -> list[str]:
        release.wait(10)
        return resolve_test_host(host, port)

    widget = view(resolver=slow_dns)
    started = time.monotonic()
    widget.run()
    assert time.monotonic() - started < 1  # run() returned; the check goes on in the pool
    assert widget.running and not widget.run_button.isEnabled()
    assert widget.summary.text().startswith("Checking…")
    qtbot.wait(100)  # the event loop turns meanwhile
    release.set()
    qtbot.waitUntil(lambda: not widget.running, timeout=30_000)
    assert [row.status for row in widget.rows] == ["ok", "warning", "ok", "ok", "ok"]


def test_a_deleted_synchronization_is_said(
    qtbot: QtBot, view: Build, services: bootstrap.Services, endpoint: Endpoint
) -> None:
    widget = view()
    services.synchronizations.delete(endpoint.identifier)
    widget.run()
    assert widget.summary.text().startswith("The check could not run: No synchronization")
    assert not widget.running


def test_the_steps_in_czech(
    qtbot: QtBot,
    view: Build,
    services: bootstrap.Services,
    proxy_to: Any,  # noqa: F811
    compiled: None,  # noqa: F811
) -> None:
    use_proxy(services, proxy_to(valid_days=-2))
    assert i18n.apply_language("cs") == "cs"
    try:
        widget = view()
        run_to_end(qtbot, widget)
    finally:
        i18n.apply_language("en")
    assert widget.run_button.text() == "Zkontrolovat připojení"
    assert widget.rows[2].title.text() == "Certifikát TLS"
    assert widget.rows[2].message.text().startswith("Certifikátu pro sofa.test vypršela platnost")
    assert widget.rows[2].fix.text().startswith("Řešení: Obnovte certifikát")
    assert widget.rows[3].message.text() == (
        "Přeskočeno: s sofa.test není důvěryhodné spojení HTTPS."
    )


def test_every_czech_text_keeps_its_placeholders() -> None:
    czech = messages(TS)
    for text in [*TITLES.values(), *(t for pair in TEXTS.values() for t in pair if t)]:
        translation = czech[("ConnectionCheck", text)].findtext("translation") or ""
        assert sorted(re.findall(r"{\w+}", translation)) == sorted(re.findall(r"{\w+}", text))


def test_the_synchronization_list_opens_the_check_for_the_selected_row(
    qtbot: QtBot,
    services: bootstrap.Services,
    endpoint: Endpoint,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(
        ConnectionCheckDialog,
        "show_for",
        classmethod(lambda cls, s, identifier, local, parent: opened.append(identifier)),
    )
    page = SyncPage(services)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.check_action.trigger()
    page.timer.stop()  # no polling after the test, whenever Qt deletes the page
    assert opened == [endpoint.identifier]
