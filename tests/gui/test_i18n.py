"""The Czech translation: complete for the current code, applied by the language setting, with
Czech dates; the app falls back to English when no .qm was built."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import datetime
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import QLocale
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.gui import i18n
from sofa_scim_desktop.gui.access_dialog import AccessDialog
from sofa_scim_desktop.gui.close_dialog import CloseDialog
from sofa_scim_desktop.gui.crash import CrashDialog
from sofa_scim_desktop.gui.dates import local_date
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.gui.error_texts import error_text
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.relative_time import ago
from sofa_scim_desktop.gui.settings_view import SettingsView
from sofa_scim_desktop.gui.sync_model import HEALTH
from sofa_scim_desktop.gui.sync_model import LAST_SUCCESS
from sofa_scim_desktop.gui.sync_page import SyncPage
from tests.gui.conftest import compiled  # noqa: F401  (re-exported: other modules import it here)

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "sofa_scim_desktop" / "gui"
# Texts outside the GUI that the GUI translates (scripts/update_translations reads them too).
# The Qt-free texts the GUI translates: every module below the GUI that marks texts with
# QT_TRANSLATE_NOOP (the connection check, call outcomes, field names, every DomainError's).
GUI_TEXTS = sorted(
    path
    for folder in ("domain", "services")
    for path in (ROOT / "sofa_scim_desktop" / folder).rglob("*.py")
    if "QT_TRANSLATE_NOOP(" in path.read_text(encoding="utf-8")
)
TS = ROOT / "sofa_scim_desktop" / "resources" / "translations" / "sofa_scim_desktop_cs.ts"
TOOLS = Path(sys.executable).parent
# Czech has three plural forms: 1; 2–4; the rest (and 0).
CZECH_PLURAL_FORMS = 3

Message = tuple[str, str]


def messages(ts: Path) -> dict[Message, ET.Element]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name", ""), message.findtext("source", "")): message
        for context in root.iter("context")
        for message in context.iter("message")
    }


def translations(message: ET.Element) -> list[str]:
    element = message.find("translation")
    assert element is not None
    if message.get("numerus") == "yes":
        return [form.text or "" for form in element.iter("numerusform")]
    return [element.text or ""]


@pytest.fixture(scope="module")
def current_sources(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, ET.Element]:
    """What lupdate finds in the GUI code today, in a scratch .ts."""
    scratch = tmp_path_factory.mktemp("lupdate") / "scratch_cs.ts"
    sources = sorted(str(path) for path in [*GUI.rglob("*.py"), *GUI_TEXTS])
    lupdate = TOOLS / "pyside6-lupdate"
    subprocess.run([str(lupdate), *sources, "-ts", str(scratch)], check=True, capture_output=True)
    return messages(scratch)


def test_every_string_in_the_code_is_in_the_ts(current_sources: dict[Message, ET.Element]) -> None:
    missing = sorted(set(current_sources) - set(messages(TS)))
    assert not missing, "run scripts/update_translations and translate: " + repr(missing)


def test_every_message_is_translated() -> None:
    unfinished = [
        key
        for key, message in messages(TS).items()
        if message.find("translation") is None
        or message.find("translation").get("type") in ("unfinished", "obsolete", "vanished")  # type: ignore[union-attr]
        or not all(text.strip() for text in translations(message))
    ]
    assert not unfinished


def test_plurals_have_the_three_czech_forms() -> None:
    plurals = [message for message in messages(TS).values() if message.get("numerus") == "yes"]
    assert plurals
    for message in plurals:
        forms = translations(message)
        assert len(forms) == CZECH_PLURAL_FORMS
        assert all("%n" in form for form in forms)


def test_placeholders_are_kept() -> None:
    for (context, source), message in messages(TS).items():
        for placeholder in ("%1", "%2", "%3", *re.findall(r"\{\w+\}", source)):
            if placeholder in source:
                assert all(placeholder in text for text in translations(message)), (
                    context,
                    source,
                )


@pytest.mark.parametrize(
    ("setting", "system", "code"),
    [
        ("cs", "en_US", "cs"),
        ("en", "cs_CZ", "en"),
        ("system", "cs_CZ", "cs"),
        ("system", "de_DE", "en"),
    ],
)
def test_language_code_follows_the_setting(setting: str, system: str, code: str) -> None:
    assert i18n.language_code(setting, QLocale(system)) == code


def test_english_keeps_an_english_system_locale() -> None:
    assert i18n.locale_for("en", QLocale("en_GB")).name() == "en_GB"
    assert i18n.locale_for("cs", QLocale("en_GB")).name() == "cs_CZ"


def test_main_window_in_czech(qtbot: QtBot, services: bootstrap.Services, czech: None) -> None:
    services.settings.set("server.port", "0")
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert window.navigation.topLevelItem(0).child(0).text(0) == "Synchronizace uživatelů"
    assert window.sync_page.add_action.text() == "+ Přidat SCIM synchronizaci"
    assert window.sync_page.access_action.iconText() == "Přístupové údaje"
    assert window.server_status.text() == "SCIM server je zastaven"
    window.server.stop()


def test_editor_tabs_in_czech(qtbot: QtBot, services: bootstrap.Services, czech: None) -> None:
    editor = SyncEditor(services, None)
    qtbot.addWidget(editor)
    tabs = [editor.tabs.tabText(index) for index in range(editor.tabs.count())]
    assert tabs == [
        "Parametry",
        "Mapování členství ve skupinách",
        "Mapování členství v rolích",
        "Logování",
    ]
    assert editor.save_button.text() == "Uložit synchronizaci"
    assert editor.windowTitle() == "Nová synchronizace"


def test_access_dialog_in_czech(
    qtbot: QtBot, services: bootstrap.Services, make_sync: object, czech: None
) -> None:
    make_sync("Contoso")  # type: ignore[operator]
    dialog = AccessDialog(services, "Contoso")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Přístupové údaje – Contoso"
    assert dialog.show_generate.text() == "+ Vygenerovat klíč"
    assert dialog.copy_url.text() == "Zkopírovat URL do schránky"
    assert dialog.copy_key.text() == "Zkopírovat klíč do schránky"
    assert dialog.days.suffix() == " dnů"


def test_dates_follow_the_czech_locale(czech: None) -> None:
    assert QLocale().name() == "cs_CZ"
    assert local_date(datetime(2026, 3, 9, 12, 0)) == "9. 3. 2026"  # four digits, ČSN 01 6910


def test_missing_qm_runs_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(i18n, "qm_path", lambda code: tmp_path / f"none_{code}.qm")
    try:
        assert i18n.apply_language("cs") == "cs"
        assert i18n._installed == []
        assert "runs in English" in caplog.text
    finally:
        i18n.apply_language("en")
        QLocale.setDefault(QLocale.system())


def test_qt_own_texts_in_czech(czech: None) -> None:
    """qtbase_cs translates the standard buttons of message boxes and file dialogs."""
    assert len(i18n._installed) == 2
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Zrušit"


def test_settings_say_the_language_changes_on_restart(
    qtbot: QtBot, services: bootstrap.Services, czech: None
) -> None:
    view = SettingsView(services)
    qtbot.addWidget(view)
    notes = [label.text() for label in view.findChildren(QLabel)]
    assert "Jazyk se změní po restartu aplikace." in notes


def test_a_refusal_of_the_services_is_shown_in_czech(
    qtbot: QtBot, services: bootstrap.Services, czech: None
) -> None:
    """DomainError carries an English template and its values; the GUI shows the Czech one."""
    view = SettingsView(services)
    qtbot.addWidget(view)
    view.port.setText("80a")
    assert not view.check("server.port")
    assert view.errors["server.port"].text() == (
        "Očekává se číslo portu od 0 (libovolný volný port) do 65535."
    )
    services.directory.create_user("jana", "jana@contoso.cz")
    try:
        services.directory.create_user("jana", "jana@contoso.cz")
    except DomainError as error:
        assert error_text(error) == "Uživatel „jana“ už existuje."
        assert str(error) == "A user named 'jana' already exists."  # the CLI's, unchanged


@pytest.mark.parametrize(
    ("count", "text"),
    [(0, "0 záznamů"), (1, "1 záznam"), (3, "3 záznamy"), (5, "5 záznamů"), (22, "22 záznamů")],
)
def test_czech_plural_forms(czech: None, count: int, text: str) -> None:
    assert QCoreApplication.translate("LogViewer", "%n entries", "", count) == text


def test_close_question_in_czech(qtbot: QtBot, czech: None) -> None:
    dialog = CloseDialog("http://127.0.0.1:8080", tray=True)
    qtbot.addWidget(dialog)
    assert "Dokud je server zastavený, volání zřizování z Entra selhávají" in dialog.message.text()
    assert dialog.keep_button.text() == "Nechat server běžet v oznamovací oblasti"
    assert dialog.quit_button.text() == "Ukončit a zastavit server"


def test_crash_dialog_in_czech(qtbot: QtBot, czech: None, tmp_path: Path) -> None:
    dialog = CrashDialog(tmp_path / "sofa-scim-desktop.log", "Traceback …")
    qtbot.addWidget(dialog)
    assert dialog.message.text().startswith("Došlo k neočekávané chybě")
    assert str(tmp_path / "sofa-scim-desktop.log") in dialog.message.text()
    assert dialog.copy_button.text() == "Zkopírovat podrobnosti"


def test_the_list_says_health_in_czech(
    qtbot: QtBot, services: bootstrap.Services, make_sync: Any, czech: None
) -> None:
    make_sync("Contoso")
    make_sync("Adatum", enabled=False)
    page = SyncPage(services)
    qtbot.addWidget(page)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in (HEALTH, LAST_SUCCESS)]
    assert headers == ["Stav", "Poslední\núspěch"]  # two lines: the list fits 1100 px
    assert model.data(model.index(0, HEALTH)) == "Neaktivní"
    assert model.data(model.index(1, HEALTH)) == "Zatím bez volání"
    tip = model.data(model.index(1, HEALTH), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Entra zatím nevolala.\nŘešení: V Entra vložte Endpoint URL")


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "právě teď"), (5, "před 5 min"), (125, "před 2 h"), (60 * 24 * 2, "před 2 dny")],
)
def test_how_long_ago_in_czech(czech: None, minutes: int, text: str) -> None:
    now = datetime(2026, 12, 1, 12, 0)
    assert ago(now - timedelta(minutes=minutes), now) == text


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "No call for 1 hour"), (2, "No call for 2 hours"), (5, "No call for 5 hours")],
)
def test_english_plural_forms(count: int, text: str) -> None:
    assert QCoreApplication.translate("HealthWords", "No call for %n hours", "", count) == text


def test_every_english_plural_has_its_two_forms() -> None:
    english = messages(TS.with_name("sofa_scim_desktop_en.ts"))
    assert english and set(english) == {
        key for key, message in messages(TS).items() if message.get("numerus") == "yes"
    }
    for message in english.values():
        forms = translations(message)
        assert len(forms) == 2 and all("%n" in form for form in forms), forms
