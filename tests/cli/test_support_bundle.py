"""`sofa-scim support bundle [ID] --out FILE.zip` run as a real process (SPEC §8.2)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sofa_scim_desktop import bootstrap
from tests.cli.test_cli import failed
from tests.cli.test_cli import ok
from tests.conftest import make_endpoint


def test_writes_the_zip_and_prints_its_path(services: bootstrap.Services, tmp_path: Path) -> None:
    endpoint = make_endpoint(services, "Contoso")
    out = tmp_path / "support.zip"
    printed = ok("support", "bundle", "--out", str(out), "--data-dir", str(services.data_dir))
    assert printed.strip() == str(out)
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        synchronizations = json.loads(archive.read("synchronizations.json"))
        text = b"".join(archive.read(name) for name in names)
    assert {"README.txt", "manifest.json", "logs/Contoso.json", "status.json"} <= names
    assert [s["identifier"] for s in synchronizations] == ["Contoso"]
    assert endpoint.key.encode() not in text


def test_one_synchronization(services: bootstrap.Services, tmp_path: Path) -> None:
    make_endpoint(services, "Contoso")
    make_endpoint(services, "Fabrikam")
    out = tmp_path / "fabrikam.zip"
    ok("support", "bundle", "Fabrikam", "--out", str(out), "--data-dir", str(services.data_dir))
    with zipfile.ZipFile(out) as archive:
        assert json.loads(archive.read("manifest.json"))["synchronizations"] == ["Fabrikam"]


def test_an_unknown_identifier_is_refused(services: bootstrap.Services, tmp_path: Path) -> None:
    out = tmp_path / "x.zip"
    data = str(services.data_dir)
    error = failed("support", "bundle", "Nope", "--out", str(out), "--data-dir", data)
    assert "No synchronization with the identifier 'Nope'" in error
    assert not out.exists()


def test_a_missing_folder_is_refused(services: bootstrap.Services, tmp_path: Path) -> None:
    out = tmp_path / "no" / "such" / "x.zip"
    error = failed("support", "bundle", "--out", str(out), "--data-dir", str(services.data_dir))
    assert "no folder" in error and str(out.parent) in error


def test_out_is_required(services: bootstrap.Services) -> None:
    error = failed("support", "bundle", "--data-dir", str(services.data_dir), status=2)
    assert "--out" in error
