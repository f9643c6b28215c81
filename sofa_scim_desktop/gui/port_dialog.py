"""Asked when the server's port is taken: another port, or run without the server."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox
from PySide6.QtWidgets import QDialog
from PySide6.QtWidgets import QDialogButtonBox
from PySide6.QtWidgets import QHBoxLayout
from PySide6.QtWidgets import QLabel
from PySide6.QtWidgets import QSpinBox
from PySide6.QtWidgets import QVBoxLayout
from PySide6.QtWidgets import QWidget


class BusyPortDialog(QDialog):
    def __init__(self, host: str, port: int, reason: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("The SCIM server cannot start"))
        self.message = QLabel(
            self.tr(
                "Port %1 on %2 is already in use, probably by another program or another "
                "Sofa SCIM server (%3).\n\nEntra cannot reach this computer until the server "
                "runs. Choose another port (0 picks any free port):"
            )
            .replace("%1", str(port))
            .replace("%2", host)
            .replace("%3", reason)
        )
        self.message.setWordWrap(True)
        self.port = QSpinBox()
        self.port.setRange(0, 65535)
        self.port.setValue(0 if port == 65535 else port + 1)
        self.remember = QCheckBox(self.tr("Save this port in the settings"))
        self.remember.setChecked(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Port:")))
        row.addWidget(self.port)
        row.addWidget(self.remember)
        row.addStretch()
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Start on this port"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Run without server"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @classmethod
    def ask(
        cls, host: str, port: int, reason: str, parent: QWidget | None
    ) -> tuple[int, bool] | None:
        """(port, save it) or None to run without the server. Tests replace this."""
        dialog = cls(host, port, reason, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        answer = (dialog.port.value(), dialog.remember.isChecked())
        dialog.deleteLater()  # NOTE: by Qt, not Python's GC (see SyncEditor.edit)
        return answer if accepted else None
