"""Every statement of an Entra provisioning run reads through an index: none scans a table
that grows with the directory, and none narrows only by synchronization where a unique
column is at hand (that made a batch of 100 members cost 86 ms at 100,000 users).
"""

from __future__ import annotations

import logging
import re
import smtplib
from urllib.parse import quote

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.storage.tables import MailMessage
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

GROWING_TABLES = (
    "scim_user",
    "scim_user_value",
    "scim_group_member",
    "sofa_user",
    "group_membership",
    "role_membership",
    "log_entry",
    "mail_message",
    "password_token",
    "call_failure",
)
# NOTE: SQLite's EXPLAIN QUERY PLAN; PostgreSQL plans by statistics a test database lacks.
pytestmark = pytest.mark.sqlite_only
OBJECT_ID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"


def entra_run(scim: ScimClient, services: bootstrap.Services) -> None:
    services.directory.create_group("Accounting")
    services.synchronizations.map_group(scim.endpoint.identifier, "Accounting", OBJECT_ID)
    ids = [scim.post("/Users", json=entra_user(f"u{i}@contoso.com")).json["id"] for i in range(8)]
    scim.get("/Users?filter=" + quote('userName eq "u3@contoso.com"'))
    scim.get("/Users?filter=" + quote('emails[type eq "work"].value eq "u4@contoso.com"'))
    scim.get("/Users?filter=" + quote(f'id eq "{ids[1]}" and manager eq "{ids[0]}"'))
    scim.patch(f"/Users/{ids[2]}", json=patch({"op": "Replace", "path": "title", "value": "CFO"}))
    manager = {"op": "Add", "path": "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"}
    scim.patch(f"/Users/{ids[3]}", json=patch({**manager, "value": {"manager": ids[0]}}))
    group = scim.post("/Groups", json=entra_group("Accounting", OBJECT_ID)).json["id"]
    members = [{"value": i} for i in ids]
    scim.patch(f"/Groups/{group}", json=patch({"op": "Add", "path": "members", "value": members}))
    remove = {"op": "Remove", "path": f'members[value eq "{ids[5]}"]'}
    scim.patch(f"/Groups/{group}", json=patch(remove))
    scim.get(f"/Groups/{group}")
    scim.delete(f"/Users/{ids[6]}")
    scim.delete(f"/Groups/{group}")


def captured_statements(caplog: pytest.LogCaptureFixture) -> list[tuple[str, tuple]]:
    statements = []
    for record in caplog.records:
        if record.name == "peewee" and isinstance(record.msg, tuple):
            text, params = record.msg
            if text.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT")):
                statements.append((text, tuple(params or ())))
    return statements


def bad_steps(services: bootstrap.Services, text: str, params: tuple) -> list[str]:
    plan = [row[-1] for row in services.db.execute_sql("EXPLAIN QUERY PLAN " + text, params)]
    listing = " LIMIT " in text.upper() or text.upper().startswith("SELECT COUNT")
    bad = []
    for step in plan:
        scanned = re.match(r"SCAN (\w+)", step)
        if scanned and _table_of(scanned.group(1), text) in GROWING_TABLES:
            bad.append(step)
        if not listing and re.search(r"INDEX scim\w*_sync_id \(sync_id=\?\)$", step):
            bad.append(step)
    return bad


def _table_of(name: str, text: str) -> str:
    """The table an alias in a plan stands for (`scim_user u` -> u)."""
    aliased = re.search(rf'"?(\w+)"?\s+(?:AS\s+)?"?{name}"?\b', text)
    return aliased.group(1) if aliased and aliased.group(1) in GROWING_TABLES else name


def test_no_statement_of_an_entra_run_scans_a_growing_table(
    scim: ScimClient, services: bootstrap.Services, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        entra_run(scim, services)
    statements = captured_statements(caplog)
    assert len(statements) > 50  # the run really went through the database.
    problems = {
        text: bad for text, params in statements if (bad := bad_steps(services, text, params))
    }
    assert not problems, problems


class NullSmtp(smtplib.SMTP):
    """Accepts every message without a network: the statements of sending are what counts."""

    def __init__(self, config: object) -> None:
        super().__init__()

    def send_message(self, *args: object, **kwargs: object) -> dict[str, tuple[int, bytes]]:
        return {}

    def quit(self) -> tuple[int, bytes]:
        return (221, b"")


def test_the_mail_options_add_no_scan_to_an_entra_run(
    app: object, services: bootstrap.Services, caplog: pytest.LogCaptureFixture
) -> None:
    options = {"welcome_email": True, "password_link": True, "notify_failures": True}
    services.settings.set("smtp.host", "mail.invalid")
    services.settings.set("smtp.sender", "sofa@example.com")
    scim = ScimClient(app, make_endpoint(services, "Mailing", **options))
    with caplog.at_level(logging.DEBUG, logger="peewee"):
        entra_run(scim, services)
        scim.post("/Users", json=entra_user("u1@contoso.com"))  # a failure: 409
        MailWorker(services.db, services.settings, connect_to=NullSmtp).delivery.run(utcnow())
    statements = captured_statements(caplog)
    assert any("mail_message" in text for text, _ in statements)
    assert any("call_failure" in text for text, _ in statements)
    assert any("password_token" in text for text, _ in statements)
    assert MailMessage.select().where(MailMessage.state == "sent").count() == 16  # 8 users
    problems = {
        text: bad for text, params in statements if (bad := bad_steps(services, text, params))
    }
    assert not problems, problems
