"""GUI fixtures: a synchronization factory, Czech typing and the Czech translation, and no real
modal dialog ever."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtCore import QSettings
from PySide6.QtCore import Qt
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui import i18n
from sofa_scim_desktop.gui import key_question
from sofa_scim_desktop.gui import prompts
from sofa_scim_desktop.gui.close_dialog import CloseDialog
from sofa_scim_desktop.gui.crash import CrashDialog
from sofa_scim_desktop.gui.editor import dialog as editor_dialog
from sofa_scim_desktop.gui.editor.dialog import SyncEditor
from sofa_scim_desktop.gui.main_window import MainWindow
from sofa_scim_desktop.gui.sync_page import SyncPage
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.synchronizations import SyncSettings
from tests.services.mail.conftest import smtp  # noqa: F401  (the aiosmtpd sink, reused)

GUID = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
GUID_2 = "11111111-2222-3333-4444-555555555555"
ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "sofa_scim_desktop" / "resources" / "translations"
TS = TRANSLATIONS / "sofa_scim_desktop_cs.ts"
TOOLS = Path(sys.executable).parent


@pytest.fixture(autouse=True)
def no_real_prompts(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test that expects a question replaces these; any other one fails the test."""

    def unexpected(*args: Any) -> Any:
        raise AssertionError(f"unexpected modal prompt: {args[1:3]}")

    monkeypatch.setattr(prompts, "confirm", unexpected)
    monkeypatch.setattr(prompts, "inform", unexpected)
    monkeypatch.setattr(prompts, "save_path", unexpected)
    monkeypatch.setattr(CloseDialog, "ask", classmethod(unexpected))
    monkeypatch.setattr(CrashDialog, "show_error", classmethod(unexpected))
    monkeypatch.setattr(key_question, "ask_key_replacement", unexpected)
    # pytest-qt closes every window after its test: an editor left with changes discards them
    # (a test of the unsaved-changes guard replaces this with its own answer).
    monkeypatch.setattr(editor_dialog, "ask_unsaved", lambda _editor: editor_dialog.DISCARD)


@pytest.fixture(autouse=True)
def window_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The window's remembered size and splitters (QSettings) in a folder of the test's own,
    never the admin's ~/.config.
    """
    folder = tmp_path_factory.mktemp("qsettings")
    for format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(format, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(autouse=True)
def no_timers_outlive_their_test() -> Iterator[None]:
    """Every window a test made stops its timers at the end: pytest-qt only closes them, and a
    list page that polls on would read the next test's database (the models share one proxy).
    """
    yield
    for widget in QApplication.topLevelWidgets():
        for timer in widget.findChildren(QTimer):
            timer.stop()


@pytest.fixture
def make_sync(services: bootstrap.Services) -> Callable[..., str]:
    def make(name: str = "Contoso", **options: Any) -> str:
        identifier = options.pop("identifier", name.replace(" ", "_"))
        services.synchronizations.create(SyncSettings(name=name, identifier=identifier, **options))
        return identifier

    return make


def type_text(widget: QWidget, text: str) -> None:
    """Types like a user, one character at a time: qtbot.keyClicks aborts the process on
    non-ASCII text (PLATFORM.md).
    """
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


@pytest.fixture
def mail_worker(services: bootstrap.Services) -> Iterator[MailWorker]:
    """The app's background sender, polling fast so that tests do not wait for it."""
    yield services.mail.start_worker(interval=0.2)
    services.mail.stop_worker()


@pytest.fixture(scope="session")
def compiled(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The committed .qm is what the committed .ts compiles to (pip ships the .qm): the tests
    never run against a stale one. Run scripts/build_translations and commit both when not.
    """
    lrelease = TOOLS / "pyside6-lrelease"
    for code in i18n.LANGUAGES:  # English too: its plural forms
        ts = TRANSLATIONS / f"sofa_scim_desktop_{code}.ts"
        fresh = tmp_path_factory.mktemp("qm") / f"{code}.qm"
        subprocess.run([str(lrelease), str(ts), "-qm", str(fresh)], check=True, capture_output=True)
        committed = i18n.qm_path(code)
        assert committed.is_file() and committed.read_bytes() == fresh.read_bytes(), (
            f"{committed} is stale: run scripts/build_translations and commit it"
        )


@pytest.fixture(autouse=True)
def english(compiled: None, qapp: Any) -> None:
    """Every GUI test starts in English, with its plural forms ("1 hour", "2 hours")."""
    i18n.apply_language("en")


@pytest.fixture
def czech(compiled: None) -> Iterator[None]:
    assert i18n.apply_language("cs") == "cs"
    yield
    i18n.apply_language("en")
    QLocale.setDefault(QLocale.system())


@pytest.fixture(params=["en", "cs"])
def language(request: pytest.FixtureRequest) -> str:
    """Each test that asks for it runs in English and in Czech."""
    if request.param == "cs":
        request.getfixturevalue("czech")
    return str(request.param)


@pytest.fixture
def window(qtbot: QtBot, services: bootstrap.Services) -> Iterator[MainWindow]:
    services.settings.set("server.port", "0")
    services.settings.set("gui.on_close", "quit")  # pytest-qt closes it before the teardown
    widget = MainWindow(services)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.server.stop()


@pytest.fixture
def page(qtbot: Any, services: bootstrap.Services) -> Callable[[], SyncPage]:
    """Builds the synchronization list page, shown (a test calls it once its data is ready).
    Test modules of other pages define a `page` of their own.
    """

    def build() -> SyncPage:
        widget = SyncPage(services)
        qtbot.addWidget(widget)
        widget.show()
        return widget

    return build


@pytest.fixture
def editor(qtbot: QtBot, services: bootstrap.Services) -> Callable[..., SyncEditor]:
    """Opens the synchronization editor (None: a new synchronization), shown."""

    def open_editor(identifier: str | None = None) -> SyncEditor:
        dialog = SyncEditor(services, identifier)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return open_editor
