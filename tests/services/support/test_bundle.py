"""The support bundle of a realistic database: users provisioned over real HTTP with Debug
logging, failing and refused calls, an SMTP password, a welcome mail and a password link
sent. No key, password, token, e-mail address or name used here is anywhere in the zip;
what support needs is."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import zipfile
from dataclasses import dataclass
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.parse import quote
from urllib.parse import quote_plus

import pytest
import requests

from sofa_scim_desktop import __version__
from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.passwords import PasswordLinks
from sofa_scim_desktop.services.passwords import token_hash
from sofa_scim_desktop.services.support import bundle
from sofa_scim_desktop.storage.database import is_postgresql
from sofa_scim_desktop.storage.tables import SofaUser
from tests.conftest import Endpoint
from tests.conftest import LiveServer
from tests.conftest import make_endpoint
from tests.samples import ENTERPRISE
from tests.samples import entra_group
from tests.samples import entra_user
from tests.samples import patch
from tests.services.mail.conftest import SmtpSink

GUID = "5e0f9a61-3c1d-4b7e-9a55-0d3c2b1a0f11"
SMTP_PASSWORD = "s3cret"  # what the test SMTP server accepts
USER_PASSWORD = "Modry-Kun-Skace-2026"
LINK = re.compile(r"/password/([A-Za-z0-9_-]+)")


@dataclass(frozen=True)
class Person:
    user_name: str
    given: str
    family: str
    phone: str
    external_id: str
    street: str
    employee_number: str
    email: str = ""  # the work address, when the user name is not one

    @property
    def display(self) -> str:
        return f"{self.given} {self.family}"

    def body(self) -> dict[str, Any]:
        return entra_user(
            self.user_name,
            externalId=self.external_id,
            displayName=self.display,
            name={"formatted": self.display, "givenName": self.given, "familyName": self.family},
            phoneNumbers=[{"type": "mobile", "value": self.phone}],
            addresses=[{"type": "work", "streetAddress": self.street, "locality": "Olomouc"}],
            preferredLanguage="cs-CZ",
            emails=[{"primary": True, "type": "work", "value": self.email or self.user_name}],
            **{ENTERPRISE: {"employeeNumber": self.employee_number, "department": "Finance"}},
        )


PEOPLE = (
    Person("jana.novakova@contoso.cz", "Jana", "Nováková", "+420 777 123 456", "jnovakova",
           "Vinohradská 12", "EMP-48213"),
    Person("petr.dvorak@contoso.cz", "Petr", "Dvořák", "+420 603 987 654", "pdvorak",
           "Palackého 7", "EMP-50977"),
    Person("krystyna.walczak@contoso.cz", "Krystyna", "Walczak", "+48 601 222 333", "kwalczak",
           "Husova 3", "EMP-61004"),
    Person("mkucera", "Martin", "Kučera", "+420 731 555 010", "mkucera-ext", "Masarykova 40",
           "EMP-70311", email="martin.kucera@contoso.cz"),
)  # fmt: skip
RENAMED_FAMILY = "Dvořáková"  # Jana's new surname, sent by PATCH
LOCAL = ("lukas.horak", "lukas.horak@contoso.cz", "Lukáš", "Horák")  # created by hand
TEST_MAIL_TO = "ivana.kralova@contoso.cz"


@dataclass
class Scene:
    endpoint: Endpoint
    forbidden: list[str] = field(default_factory=list)  # secrets and personal data


@pytest.fixture
def endpoint(services: bootstrap.Services) -> Endpoint:
    """The `live` server's synchronization: Debug logging, both new-user e-mails."""
    return make_endpoint(
        services, "Contoso", log_level="debug", welcome_email=True, password_link=True
    )


@pytest.fixture
def scene(
    services: bootstrap.Services, live: LiveServer, endpoint: Endpoint, smtp: SmtpSink,
    worker: MailWorker,
) -> Scene:  # fmt: skip
    services.settings.set("public_base_url", "https://sofa.contoso.cz")
    services.settings.set("smtp.user", "mailer")
    services.settings.set("smtp.password", SMTP_PASSWORD)
    make_endpoint(services, "Fabrikam")  # never called
    services.directory.create_group("Accounting")
    services.synchronizations.map_group(endpoint.identifier, "Accounting", GUID)
    services.directory.create_user(*LOCAL)
    scene = Scene(endpoint, [endpoint.key, hashlib.sha256(endpoint.key.encode()).hexdigest()])
    provision(live, scene)
    call_wrongly(live, scene)
    services.mail.send_test(TEST_MAIL_TO)
    assert worker.run_once() == 2 * len(PEOPLE) + 1  # a welcome and a link each, and the test
    set_password_by_link(services, smtp, scene)
    scene.forbidden += [SMTP_PASSWORD, USER_PASSWORD, TEST_MAIL_TO, *LOCAL, RENAMED_FAMILY]
    for person in PEOPLE:
        scene.forbidden += [
            person.user_name, person.given, person.family, person.display, person.phone,
            person.phone.replace(" ", ""), person.external_id, person.street,
            person.employee_number, person.email or person.user_name,
        ]  # fmt: skip
    return scene


def provision(live: LiveServer, scene: Scene) -> None:
    ids = []
    for person in PEOPLE:
        answer = live.session.post(f"{live.url}/Users", json=person.body())
        assert answer.status_code == 201, answer.text
        ids.append(answer.json()["id"])
    group = live.session.post(f"{live.url}/Groups", json=entra_group("Accounting", GUID))
    assert group.status_code == 201, group.text
    members = [{"value": i, "display": p.display} for i, p in zip(ids, PEOPLE, strict=True)]
    operation = {"op": "Add", "path": "members", "value": members}
    answer = live.session.patch(f"{live.url}/Groups/{group.json()['id']}", json=patch(operation))
    assert answer.status_code in (200, 204), answer.text
    rename = {"op": "Replace", "path": "name.familyName", "value": RENAMED_FAMILY}
    answer = live.session.patch(f"{live.url}/Users/{ids[0]}", json=patch(rename))
    assert answer.status_code in (200, 204), answer.text
    found = live.session.get(
        f"{live.url}/Users", params={"filter": f'userName eq "{PEOPLE[1].user_name}"'}
    )
    assert found.json()["totalResults"] == 1


def call_wrongly(live: LiveServer, scene: Scene) -> None:
    """A refused creation (409), a bad filter (400), a wrong key, an unknown identifier."""
    again = live.session.post(f"{live.url}/Users", json=PEOPLE[2].body())
    assert again.status_code == 409
    bad = live.session.get(f"{live.url}/Users", params={"filter": "userName zz 'x'"})
    assert bad.status_code == 400
    wrong_key = secrets.token_urlsafe(32)
    scene.forbidden.append(wrong_key)
    refused = requests.get(
        f"{live.url}/Users", headers={"Authorization": f"Bearer {wrong_key}"}, timeout=10
    )
    assert refused.status_code == 401
    unknown = live.url.replace(f"/{scene.endpoint.identifier}", "/Contosso")
    assert live.session.get(f"{unknown}/Users").status_code == 401


def set_password_by_link(services: bootstrap.Services, smtp: SmtpSink, scene: Scene) -> None:
    tokens = [m.group(1) for r in smtp.messages if (m := LINK.search(r.text))]
    assert len(tokens) == len(PEOPLE)
    assert PasswordLinks(services.db).set_password(tokens[0], USER_PASSWORD).value == "valid"
    stored = SofaUser.get(SofaUser.password_hash.is_null(False)).password_hash
    assert stored.startswith("$argon2id$")
    scene.forbidden += [*tokens, *(token_hash(t) for t in tokens), stored, stored[:40]]


def contents(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def forms(needle: str) -> set[str]:
    """The ways a value may stand in a file: as it is, JSON-escaped, URL-encoded."""
    return {needle, json.dumps(needle)[1:-1], quote(needle), quote_plus(needle)}


def test_the_bundle_holds_no_secret_and_no_personal_data(
    services: bootstrap.Services, scene: Scene, tmp_path: Path
) -> None:
    files = contents(bundle.write(services, tmp_path / "support.zip"))
    assert len(scene.forbidden) > 40
    for name, raw in files.items():
        text = raw.decode("utf-8")
        for needle in scene.forbidden:
            for form in forms(needle):
                assert form.encode() not in raw, (name, needle)
                assert form.lower() not in text.lower(), (name, needle)
        assert "$argon2" not in text, name
        assert not re.search(r"(?i)bearer\s+[A-Za-z0-9_-]{8,}", text), name


def test_the_bundle_holds_what_support_needs(
    services: bootstrap.Services, scene: Scene, tmp_path: Path
) -> None:
    files = contents(bundle.write(services, tmp_path / "support.zip"))
    manifest = json.loads(files["manifest.json"])
    assert {f["name"] for f in manifest["files"]} == set(files)
    assert manifest["synchronizations"] == ["Contoso", "Fabrikam"]
    assert "What was masked" in files["README.txt"].decode()
    versions = json.loads(files["versions.json"])
    assert versions["sofa_scim_desktop"] == __version__
    assert versions["libraries"]["falcon"] and versions["libraries"]["peewee"]
    kind = "postgresql" if is_postgresql(services.db) else "sqlite"
    assert versions["database"]["kind"] == kind
    settings = json.loads(files["settings.json"])
    assert settings["smtp.password"] == "set"
    assert settings["public_base_url"] == "https://sofa.contoso.cz"
    [contoso, _fabrikam] = json.loads(files["synchronizations.json"])
    assert contoso["identifier"] == "Contoso" and contoso["settings"]["log_level"] == "debug"
    assert contoso["mappings"]["groups"] == [
        {"sofa": "Accounting", "remote": GUID, "remote_name": "Accounting"}
    ]
    expiry = services.synchronizations.key_expiry(services.synchronizations.get("Contoso"))
    assert contoso["key"]["expires_at"] == expiry.isoformat(timespec="seconds") + "Z"
    assert contoso["provisioned"] == {"users": len(PEOPLE), "groups": 1}
    health = contoso["health"]
    assert health["health"] == "refused" and "access key is wrong" in health["health_reason"]
    assert (health["failed_24h"], health["refused_24h"]) == (2, 1)
    assert health["endpoint_url"] == "https://sofa.contoso.cz/scim/v2/Contoso"
    outbox = json.loads(files["outbox.json"])
    assert outbox["counts"] == {"sent": 2 * len(PEOPLE) + 1}
    welcome = [m for m in outbox["messages"] if m["kind"] == "welcome"]
    assert {m["subject"] for m in welcome} == {"Vítejte v aplikaci Sofa"}
    assert {m["recipient"] for m in welcome} == {"j***@contoso.cz", "p***@contoso.cz",
                                                 "k***@contoso.cz", "m***@contoso.cz"}  # fmt: skip
    status = json.loads(files["status.json"])
    assert status["unknown_identifier_calls"] == 1
    assert [u["identifier"] for u in status["unknown_identifiers"]] == ["Contosso"]
    assert {s["identifier"]: s["health"] for s in status["synchronizations"]} == {
        "Contoso": "refused", "Fabrikam": "never_called"
    }  # fmt: skip


def test_the_log_is_there_newest_first_and_masked(
    services: bootstrap.Services, scene: Scene, tmp_path: Path
) -> None:
    files = contents(bundle.write(services, tmp_path / "support.zip"))
    log = json.loads(files["logs/Contoso.json"])
    entries = log["entries"]
    assert [e["at"] for e in entries] == sorted((e["at"] for e in entries), reverse=True)
    events = {e["event"] for e in entries}
    assert {"user.created", "group.created", "call.failed", "call.refused", "call"} <= events
    [refused] = [e for e in entries if e["event"] == "call.refused"]
    assert refused["detail"]["reason"] == "wrong_key"
    conflict = next(e for e in entries if e["event"] == "call.failed" and "409" in str(e))
    assert conflict["detail"]["user_name"] == "k***@contoso.cz"
    created = [e for e in entries if e["event"] == "user.created"]
    assert {e["message"] for e in created} >= {"User j***@contoso.cz created."}
    posted = next(
        e["detail"]["request"]["body"] for e in entries
        if e["event"] == "call" and e["message"].startswith("POST /scim/v2/Contoso/Users")
        and e["detail"]["response"]["status"] == 201
    )  # fmt: skip
    assert posted["name"]["givenName"] in {"J.", "P.", "K.", "M."}
    assert posted["phoneNumbers"][0]["value"].startswith("***")
    assert posted["emails"][0]["value"].endswith("***@contoso.cz")
    assert json.loads(files["logs/Fabrikam.json"])["entries"] == []


def test_one_synchronization_only(
    services: bootstrap.Services, scene: Scene, tmp_path: Path
) -> None:
    files = contents(bundle.write(services, tmp_path / "contoso.zip", "Contoso"))
    assert json.loads(files["manifest.json"])["scope"] == "Contoso"
    assert [s["identifier"] for s in json.loads(files["synchronizations.json"])] == ["Contoso"]
    assert "logs/Fabrikam.json" not in files
