"""The confirmation before disabling a synchronization (issue 12): wherever Disable is offered
(the list's toolbar and context menu, the editor's checkbox on Save), it names what follows.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from sofa_scim_desktop.gui import prompts


class DisableQuestion(QObject):
    """The words; a QObject only so that `self.tr` gives lupdate one context for them."""

    def texts(self, name: str) -> tuple[str, str, str]:
        """Title, text and the confirming button's label."""
        text = self.tr(
            "Disable the synchronization “%1”? Entra's calls will be refused until you enable "
            "it again, and Entra may put the provisioning job in quarantine."
        ).replace("%1", name)
        return self.tr("Disable synchronization"), text, self.tr("Disable synchronization")


def confirm_disable(parent: QWidget | None, name: str) -> bool:
    return prompts.confirm(parent, *DisableQuestion(parent).texts(name))
