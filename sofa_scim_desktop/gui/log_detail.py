"""The log viewer's detail area: for a call logged at Debug, the request as Entra sent it, the
operations as Sofa understood them and the change in Sofa side by side; for any other entry,
what happened in words beside the detail as it was recorded.
"""

from __future__ import annotations

import html
import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPlainTextEdit
from PySide6.QtWidgets import QSplitter
from PySide6.QtWidgets import QStackedWidget
from PySide6.QtWidgets import QTextEdit
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui.log_texts import LogTexts
from sofa_scim_desktop.gui.log_texts import Worded
from sofa_scim_desktop.gui.log_texts import parsed_detail
from sofa_scim_desktop.gui.placeholders import fill
from sofa_scim_desktop.services.journal import LogRecord

ENTRY_PAGE, CALL_PAGE = range(2)


def pretty(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _text_box(monospace: bool) -> QPlainTextEdit:
    """Read-only; long lines (a path, a schema URN) wrap, so that a narrow pane hides nothing."""
    box = QPlainTextEdit()
    box.setReadOnly(True)
    if monospace:
        box.setFont(QFont("monospace"))
        box.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return box


def _pane(title: str, box: QWidget, tooltip: str = "") -> QWidget:
    """A titled box, one of the panes side by side."""
    pane = QWidget()
    label = QLabel(f"<b>{html.escape(title)}</b>")
    label.setToolTip(tooltip)
    layout = QVBoxLayout(pane)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(box, 1)
    return pane


class LogDetail(QStackedWidget):
    def __init__(self, texts: LogTexts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.what = _text_box(monospace=False)
        self.what.setPlaceholderText(self.tr("Select an entry to see its details."))
        self.recorded = _text_box(monospace=True)
        self.request = _text_box(monospace=True)
        self.understood = _text_box(monospace=True)
        self.change = QTextEdit()
        self.change.setReadOnly(True)
        self.addWidget(self._entry_page())
        self.addWidget(self._call_page())

    def _entry_page(self) -> QSplitter:
        page = QSplitter(Qt.Orientation.Horizontal)
        page.addWidget(_pane(self.tr("What happened"), self.what))
        page.addWidget(_pane(self.tr("Detail as recorded"), self.recorded))
        page.setSizes([500, 400])
        return page

    def _call_page(self) -> QSplitter:
        page = QSplitter(Qt.Orientation.Horizontal)
        page.addWidget(_pane(self.tr("Request as Entra sent it"), self.request))
        normalised = self.tr(
            "Entra's forms normalised: operation names in lower case, the schema's attribute "
            'names, "True" and "False" as booleans, members as a list of ids.'
        )
        page.addWidget(
            _pane(self.tr("Operations as Sofa understood them"), self.understood, normalised)
        )
        page.addWidget(_pane(self.tr("Change in Sofa"), self.change))
        page.setSizes([330, 330, 330])
        return page

    def show_record(self, record: LogRecord | None, worded: Worded | None) -> None:
        detail: Any = parsed_detail(record) if record is not None else None
        if record is not None and record.event == "call" and _is_call(detail):
            self._show_call(detail)
            self.setCurrentIndex(CALL_PAGE)
            return
        self.setCurrentIndex(ENTRY_PAGE)
        if record is None or worded is None:
            self.what.clear()
            self.recorded.clear()
            return
        self.what.setPlainText("\n".join(worded.lines))
        self.recorded.setPlainText(record.detail_pretty() or self.tr("Nothing more was recorded."))

    def _show_call(self, detail: dict[str, Any]) -> None:
        request = detail["request"]
        body = request.get("body")
        sent = pretty(body) if body is not None else self.tr("(no body)")
        self.request.setPlainText(f"{request.get('method')} {request.get('uri')}\n\n{sent}")
        understood = detail.get("understood")
        self.understood.setPlainText(
            pretty(understood)
            if understood is not None
            else self.tr("Nothing to apply: the call sent no body.")
        )
        self.change.setHtml(self._change_html(detail))

    def _change_html(self, detail: dict[str, Any]) -> str:
        """The changes worded as in the table, then Sofa's answer to Entra."""
        parts = []
        for change in detail.get("changes") or []:
            worded = self.texts.word_event(change["event"], change["message"], change["detail"])
            parts.append(
                f"<p><b>{html.escape(worded.event)}</b><br>{_lines_html(worded.lines)}</p>"
            )
        if not parts:
            nothing = self.tr("Nothing changed in Sofa.")
            parts.append(f"<p>{html.escape(nothing)}</p>")
        response = detail.get("response") or {}
        answer = fill(self.tr("Sofa answered %1"), response.get("status", "?"))
        parts.append(f"<p><b>{html.escape(answer)}</b></p>")
        if response.get("body") is not None:
            body = html.escape(pretty(response["body"]))
            parts.append(f'<pre style="white-space: pre-wrap">{body}</pre>')
        return "".join(parts)


def _is_call(detail: Any) -> bool:
    return isinstance(detail, dict) and isinstance(detail.get("request"), dict)


def _lines_html(lines: tuple[str, ...]) -> str:
    return "<br>".join(html.escape(line).replace("    ", "&nbsp;" * 4) for line in lines)
