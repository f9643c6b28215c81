"""The warning that Entra cannot reach the public base URL (domain.public_url's rules), why,
and how to fix it, with a button to Settings; shown in the Connect Entra panel and in Access
details, wherever the admin is about to copy an Endpoint URL.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtCore import Qt
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication
from PySide6.QtWidgets import QFrame
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QPushButton
from PySide6.QtWidgets import QStyle
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.domain import public_url
from sofa_scim_desktop.gui.colours import NOTE_BORDER
from sofa_scim_desktop.gui.colours import background_colour
from sofa_scim_desktop.gui.colours import text_colour_on_background


def frame_style() -> str:
    """A note's background of the palette in use, under the palette's own text."""
    background = background_colour("note").name()
    text = text_colour_on_background().name()
    return (
        f"#publicUrlWarning {{ background: {background}; border: 1px solid {NOTE_BORDER};"
        f" border-radius: 4px; }} #publicUrlWarning QLabel {{ color: {text};"
        " background: transparent; }"
    )


class PublicUrlWords(QObject):
    """Why Entra cannot reach an address, one sentence per problem (Settings' preview too)."""

    def reasons(self, found: public_url.PublicUrl) -> list[str]:
        texts = {
            public_url.NOT_HTTPS: self.tr(
                "%1 is not an HTTPS address; Entra calls only HTTPS addresses."
            ),
            public_url.NO_HOST: self.tr("%1 names no host."),
            public_url.LOCAL: self.tr(
                "%2 is this computer; Entra calls from Microsoft's cloud, not from here."
            ),
            public_url.PRIVATE: self.tr(
                "%2 is a private or local-network address, out of reach from the internet."
            ),
            public_url.BARE_HOST: self.tr(
                "%2 is a name without a domain; only your local network can resolve it."
            ),
        }
        return [
            texts[problem].replace("%1", found.url).replace("%2", found.host)
            for problem in found.problems
        ]

    def warning(self, found: public_url.PublicUrl) -> str:
        lines = [self.tr("Entra cannot reach this Endpoint URL:")]
        lines += [f"• {reason}" for reason in self.reasons(found)]
        lines.append(
            self.tr(
                "Fix: set the public base URL in Settings to the public HTTPS address of the "
                "reverse proxy in front of Sofa, e.g. https://sofa.example.com; every Endpoint "
                "URL follows it."
            )
        )
        return "\n".join(lines)

    def settings_button(self) -> str:
        return self.tr("Change it in Settings…")


class PublicUrlWarning(QFrame):
    """Hidden while the public base URL is a public HTTPS address. Emits `settingsRequested`
    when the admin asks to change it.
    """

    settingsRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("publicUrlWarning")
        self.setStyleSheet(frame_style())
        self.problems: tuple[str, ...] = ()
        self.words = PublicUrlWords(self)
        icon = QLabel()
        style = QApplication.style()
        pixmap = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(20, 20)
        icon.setPixmap(pixmap)
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.settings_button = QPushButton(self.words.settings_button())
        self.settings_button.clicked.connect(self.settingsRequested)
        button_row = QHBoxLayout()
        button_row.addStretch()
        button_row.addWidget(self.settings_button)
        texts = QVBoxLayout()
        texts.addWidget(self.text)
        texts.addLayout(button_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(texts, 1)
        self.hide()

    def show_for(self, base_url: str) -> bool:
        """Shows why Entra cannot reach `base_url`, or hides; True when it warns."""
        found = public_url.classify(base_url)
        self.problems = found.problems
        if found.reachable:
            self.hide()
            return False
        self.text.setText(self.words.warning(found))
        self.show()
        return True
