"""Each log entry in the admin's words and language (SPEC §8.1): the Event column names the
event, the message says what changed. Entries made by real SCIM calls on a real SQLite file."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.log_model import EVENT
from sofa_scim_desktop.gui.log_model import MESSAGE
from sofa_scim_desktop.gui.log_viewer import LogViewer
from sofa_scim_desktop.storage.tables import AccessKey
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import utcnow
from tests.conftest import Endpoint
from tests.conftest import ScimClient
from tests.conftest import make_endpoint
from tests.gui.conftest import type_text
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch

SALES = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"

TEXTS = {
    "en": {
        "updated": ("User updated", "jana@contoso.cz: display name “Jana N.” → “Jana Nováková”"),
        "disabled": ("User disabled", "jana@contoso.cz: account deactivated"),
        "created": ("User created", "User jana@contoso.cz created: display name “Jana N.”; job"),
        "members": (
            "Group members changed",
            "Group Sales team — 1 member added: jana@contoso.cz (added to Sofa group Sales, "
            "got role Subject manager)",
        ),
        "deleted": (
            "User deleted",
            "User jana@contoso.cz deleted (kept in Sofa, deactivated): removed from Sofa "
            "group Sales; lost role Subject manager",
        ),
        "renamed": ("Group updated", "Group Sales EU: name “Sales team” → “Sales EU”"),
        "refused": (
            "Call refused",
            "Refused 12 calls: the key is wrong — Entra holds an old or mistyped Secret Token. "
            "Fix: Generate a key in Sofa's Access details and paste it into Secret Token in "
            "Entra (Provisioning → Admin Credentials).",
        ),
        "refused_once": ("Call refused", "Refused a call: the key has expired. Fix: Generate"),
        "failed": (
            "Call failed",
            "jana@contoso.cz: Entra could not create a user (HTTP 409): that name is already "
            "taken in Sofa. Fix: Sofa already has a user or group of that name",
        ),
        "mail": ("E-mail not sent", "erin@contoso.cz has no work e-mail, so no e-mail was sent"),
        "unusable": (
            "E-mail unusable",
            "erin@contoso.cz: the work e-mail 'emailName357' is not an e-mail address; it is "
            "kept as Entra sent it, but no e-mail is sent to it.",
        ),
    },
    "cs": {
        "updated": (
            "Uživatel upraven",
            "jana@contoso.cz: zobrazované jméno „Jana N.“ → „Jana Nováková“",
        ),
        "disabled": ("Uživatel deaktivován", "jana@contoso.cz: účet deaktivován"),
        "created": (
            "Uživatel vytvořen",
            "Uživatel jana@contoso.cz vytvořen: zobrazované jméno „Jana N.“; pracovní pozice",
        ),
        "members": (
            "Změna členů skupiny",
            "Skupina Sales team — 1 člen přidán: jana@contoso.cz (je nově členem skupiny Sales "
            "v Sofa, nově má roli Správce subjektů)",
        ),
        "deleted": (
            "Uživatel odstraněn",
            "Uživatel jana@contoso.cz odstraněn (v Sofa zůstává, deaktivovaný): už není členem "
            "skupiny Sales v Sofa; už nemá roli Správce subjektů",
        ),
        "renamed": ("Skupina upravena", "Skupina Sales EU: název „Sales team“ → „Sales EU“"),
        "refused": (
            "Volání odmítnuto",
            "Odmítnuto 12 volání: klíč je chybný — Entra má uložený starý nebo chybně zadaný "
            "Token tajného kódu. Oprava: Vygenerujte klíč v Přístupových údajích v Sofa",
        ),
        "refused_once": (
            "Volání odmítnuto",
            "Odmítnuto volání: platnost klíče skončila. Oprava: Vygenerujte nový klíč",
        ),
        "failed": (
            "Volání selhalo",
            "jana@contoso.cz: Entra nemohla vytvořit uživatele (HTTP 409): toto jméno už v Sofa "
            "existuje. Oprava: Sofa už má uživatele nebo skupinu tohoto jména",
        ),
        "mail": ("E-mail neodeslán", "erin@contoso.cz nemá pracovní e-mail"),
        "unusable": (
            "Nepoužitelný e-mail",
            "erin@contoso.cz: pracovní e-mail „emailName357“ není e-mailová adresa; je uložen "
            "tak, jak ho Entra poslala, ale žádný e-mail se na něj neposílá.",
        ),
    },
}


def shown(qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint) -> list[tuple[str, str]]:
    """(Event, Message) of each row, as the log viewer shows them."""
    viewer = LogViewer(services, endpoint.identifier)
    qtbot.addWidget(viewer)
    model = viewer.model
    return [
        (model.data(model.index(row, EVENT)), model.data(model.index(row, MESSAGE)))
        for row in range(model.rowCount())
    ]


def assert_shown(rows: list[tuple[str, str]], expected: tuple[str, str]) -> None:
    event, message = expected
    assert any(e == event and m.startswith(message) for e, m in rows), rows


def created_user(scim: ScimClient, user_name: str = "jana@contoso.cz", **extra: Any) -> str:
    answer = scim.post("/Users", json=entra_user(user_name, displayName="Jana N.", **extra))
    assert answer.status_code == 201, answer.text
    return str(answer.json["id"])


@pytest.fixture
def mapped(services: bootstrap.Services, endpoint: Endpoint) -> None:
    """Members of the Entra group SALES get the Sofa group Sales and the role Subject manager."""
    services.directory.create_group("Sales")
    services.synchronizations.map_group(endpoint.identifier, "Sales", SALES)
    services.synchronizations.map_role(endpoint.identifier, "Subject manager", SALES)


def test_a_changed_field_is_named_with_before_and_after(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint, language: str
) -> None:
    user = created_user(scim)
    rename = patch({"op": "Replace", "path": "displayName", "value": "Jana Nováková"})
    assert scim.patch(f"/Users/{user}", json=rename).status_code == 200
    disable = patch({"op": "Replace", "path": "active", "value": "False"})
    assert scim.patch(f"/Users/{user}", json=disable).status_code == 200

    rows = shown(qtbot, services, endpoint)
    for key in ("created", "updated", "disabled"):
        assert_shown(rows, TEXTS[language][key])


def test_membership_names_the_user_and_the_sofa_group_and_role(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint,
    mapped: None, language: str,
) -> None:  # fmt: skip
    user = created_user(scim)
    group = scim.post("/Groups", json=entra_group("Sales team", SALES)).json["id"]
    add = patch({"op": "Add", "path": "members", "value": [{"value": user}]})
    assert scim.patch(f"/Groups/{group}", json=add).status_code in (200, 204)
    rename = patch({"op": "Replace", "path": "displayName", "value": "Sales EU"})
    assert scim.patch(f"/Groups/{group}", json=rename).status_code in (200, 204)
    assert scim.delete(f"/Users/{user}").status_code == 204

    rows = shown(qtbot, services, endpoint)
    for key in ("members", "renamed", "deleted"):
        assert_shown(rows, TEXTS[language][key])


def test_repeated_refusals_say_how_many_why_and_the_fix(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint, language: str
) -> None:
    for _ in range(12):
        assert scim.get("/Users", headers={"Authorization": "Bearer old-key"}).status_code == 401
    rows = shown(qtbot, services, endpoint)
    assert_shown(rows, TEXTS[language]["refused"])


def test_a_single_refusal_and_a_failed_call_say_why_and_the_fix(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint, language: str
) -> None:
    created_user(scim)
    assert scim.post("/Users", json=entra_user("jana@contoso.cz")).status_code == 409
    AccessKey.update(expires_at=utcnow() - timedelta(days=1)).execute()
    assert scim.get("/Users").status_code == 401

    rows = shown(qtbot, services, endpoint)
    assert_shown(rows, TEXTS[language]["failed"])
    assert_shown(rows, TEXTS[language]["refused_once"])


def test_a_user_without_work_email_is_named(
    qtbot: QtBot, services: bootstrap.Services, app: object, language: str
) -> None:
    endpoint = make_endpoint(services, "Mailing", welcome_email=True)
    scim = ScimClient(app, endpoint)
    assert scim.post("/Users", json=entra_user("erin@contoso.cz", emails=[])).status_code == 201
    assert_shown(shown(qtbot, services, endpoint), TEXTS[language]["mail"])


def test_a_work_email_that_is_not_an_address_is_named_with_the_fix(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint,
    language: str,
) -> None:  # fmt: skip
    emails = [{"type": "work", "value": "emailName357"}]
    assert scim.post("/Users", json=entra_user("erin@contoso.cz", emails=emails)).status_code == 201
    assert_shown(shown(qtbot, services, endpoint), TEXTS[language]["unusable"])


def test_an_unknown_event_keeps_its_stored_message(
    qtbot: QtBot, services: bootstrap.Services, endpoint: Endpoint, language: str
) -> None:
    sync_id = services.synchronizations.get(endpoint.identifier).id
    LogEntry.create(
        sync=sync_id, level=logging.INFO, event="group.membership", message="Added bob\nmore"
    )
    LogEntry.create(  # a known event whose detail this version cannot read
        sync=sync_id, level=logging.INFO, event="user.updated", message="User x updated.",
        detail='{"unexpected": true}',
    )  # fmt: skip
    rows = shown(qtbot, services, endpoint)
    assert ("group.membership", "Added bob") in rows
    assert rows[0][1] == "User x updated."


def test_the_search_finds_what_the_admin_reads(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint, czech: None
) -> None:
    user = created_user(scim)
    rename = patch({"op": "Replace", "path": "displayName", "value": "Jana Nováková"})
    assert scim.patch(f"/Users/{user}", json=rename).status_code == 200
    viewer = LogViewer(services, endpoint.identifier)
    qtbot.addWidget(viewer)
    type_text(viewer.search, "ZOBRAZOVANÉ JMÉNO „JANA N.“ →")
    assert [r.event for r in viewer.model.records] == ["user.updated"]
    assert viewer.count.text() == "1 záznam"


@pytest.mark.parametrize(
    ("context", "source", "count", "text"),
    [
        ("CallTexts", "Refused %n calls: %1.", 3, "Odmítnuta 3 volání: %1."),
        ("CallTexts", "Refused %n calls: %1.", 12, "Odmítnuto 12 volání: %1."),
        ("ChangeTexts", "%n members added", 2, "2 členové přidáni"),
        ("ChangeTexts", "%n members added", 250, "250 členů přidáno"),
        ("ChangeTexts", "%n members removed", 4, "4 členové odebráni"),
        ("ChangeTexts", "… and %n more", 95, "… a 95 dalších"),
    ],
)
def test_czech_counts_take_their_plural_form(
    czech: None, context: str, source: str, count: int, text: str
) -> None:
    assert QCoreApplication.translate(context, source, "", count) == text


def test_a_large_membership_change_names_the_first_members_and_counts_the_rest(
    qtbot: QtBot, services: bootstrap.Services, scim: ScimClient, endpoint: Endpoint,
    mapped: None, language: str,
) -> None:  # fmt: skip
    users = [created_user(scim, f"user{i:02}@contoso.cz") for i in range(7)]
    group = scim.post("/Groups", json=entra_group("Sales team", SALES)).json["id"]
    add = patch({"op": "Add", "path": "members", "value": [{"value": u} for u in users]})
    assert scim.patch(f"/Groups/{group}", json=add).status_code in (200, 204)
    viewer = LogViewer(services, endpoint.identifier)
    qtbot.addWidget(viewer)
    message = viewer.model.worded(viewer.model.records[0]).message
    head = {
        "en": "7 members added: user00@contoso.cz (",
        "cs": "7 členů přidáno: user00@contoso.cz (",
    }
    assert head[language] in message
    assert "user04@contoso.cz" in message and "user05@contoso.cz" not in message
    assert message.endswith(", …")
    viewer.table.selectRow(0)
    assert "user06@contoso.cz: " in viewer.detail.what.toPlainText()  # all of them there
