"""Settings → Support: "Create a support bundle…" asks where, writes the zip off the GUI
thread and says where it went (or why not), in English and Czech."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import i18n
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.settings_view import SettingsView
from sofa_scim_desktop.gui.support_box import SupportBox
from tests.conftest import make_endpoint


@pytest.fixture
def box(qtbot: Any, services: bootstrap.Services) -> SupportBox:
    view = SettingsView(services)
    qtbot.addWidget(view)
    view.show()
    return view.support


def answer_save_path(monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Any]:
    asked: list[Any] = []

    def save_path(*args: Any) -> str | None:
        asked.append(args)
        return str(path) if path else None

    monkeypatch.setattr(prompts, "save_path", save_path)
    return asked


def wait_until_written(qtbot: Any, box: SupportBox) -> None:
    qtbot.waitUntil(lambda: box.create_button.isEnabled(), timeout=20_000)


def test_writes_the_bundle_and_says_where(
    qtbot: Any, box: SupportBox, services: bootstrap.Services, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    make_endpoint(services, "Contoso")
    target = tmp_path / "for-support.zip"
    asked = answer_save_path(monkeypatch, target)
    box.create_button.click()
    assert not box.create_button.isEnabled()  # while the thread writes
    wait_until_written(qtbot, box)
    assert asked[0][2].endswith(".zip")  # a suggested name
    assert "The support bundle was written to" in box.result.text()
    assert str(target) in box.result.text() and "Open the folder" in box.result.text()
    assert target.as_uri().rsplit("/", 1)[0] in box.result.text()  # the folder's link
    with zipfile.ZipFile(target) as archive:
        assert "logs/Contoso.json" in archive.namelist()


def test_cancelling_the_dialog_writes_nothing(
    box: SupportBox, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_path(monkeypatch, None)
    box.create_button.click()
    assert box.writer is None and box.result.isHidden() and box.create_button.isEnabled()


def test_a_name_without_extension_gets_zip(
    qtbot: Any, box: SupportBox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_path(monkeypatch, tmp_path / "bundle")
    box.create_button.click()
    wait_until_written(qtbot, box)
    assert (tmp_path / "bundle.zip").is_file()


def test_a_folder_that_is_gone_is_explained(
    qtbot: Any, box: SupportBox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_save_path(monkeypatch, tmp_path / "gone" / "bundle.zip")
    box.create_button.click()
    wait_until_written(qtbot, box)
    assert "No support bundle was written" in box.result.text()
    assert "no folder" in box.result.text() and "b00020" in box.result.styleSheet()


@pytest.fixture
def czech() -> Iterator[None]:
    i18n.apply_language("cs")
    yield
    i18n.apply_language("en")


def test_in_czech(
    qtbot: Any, czech: None, services: bootstrap.Services, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    box = SupportBox(services)
    qtbot.addWidget(box)
    assert box.title() == "Podpora"
    answer_save_path(monkeypatch, tmp_path / "podpora.zip")
    box.create_button.click()
    wait_until_written(qtbot, box)
    assert "Balíček pro podporu byl uložen do" in box.result.text()
