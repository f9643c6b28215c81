"""The Directory fits the window at the usual sizes, in English and Czech: no header cut, no
detail pane clipped at the right edge."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtCore import Qt

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.gui.main_window import DIRECTORY_PAGE
from sofa_scim_desktop.gui.main_window import MainWindow

SIZES = [(1100, 700), (1366, 768)]


@pytest.fixture
def directory(window: MainWindow, contoso: bootstrap.Services, language: str) -> MainWindow:
    window.show_page(DIRECTORY_PAGE)
    window.directory_page.users.table.selectRow(1)
    return window


def settle() -> None:
    for _ in range(3):
        QCoreApplication.processEvents()


@pytest.mark.parametrize("size", SIZES)
def test_every_column_header_is_readable(directory: MainWindow, size: tuple[int, int]) -> None:
    directory.resize(*size)
    settle()
    table = directory.directory_page.users.table
    metrics = table.horizontalHeader().fontMetrics()
    for column in range(table.model().columnCount()):
        label = table.model().headerData(column, Qt.Orientation.Horizontal)
        assert table.columnWidth(column) >= metrics.horizontalAdvance(label) + 12, label


@pytest.mark.parametrize("size", SIZES)
def test_the_detail_pane_is_never_clipped(directory: MainWindow, size: tuple[int, int]) -> None:
    directory.resize(*size)
    settle()
    detail = directory.directory_page.users.detail
    assert detail.user_name() is not None
    assert detail.geometry().right() <= detail.parentWidget().width()
    # What does not fit the pane's width can be scrolled to, never cut off.
    body = detail.widget()
    fits = body.width() <= detail.viewport().width()
    assert fits or detail.horizontalScrollBar().isVisible()
    assert body.minimumSizeHint().width() <= body.width()


@pytest.mark.parametrize("size", SIZES)
def test_the_window_holds_the_directory(directory: MainWindow, size: tuple[int, int]) -> None:
    directory.resize(*size)
    settle()
    assert directory.centralWidget().minimumSizeHint().width() <= size[0]
    assert directory.width() == size[0]
