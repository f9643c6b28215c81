"""The built-in roles' names in the GUI's language ("Administrátor", "Správce subjektů"),
beside texts that call them so; every other role and every group keeps the name it was given.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sofa_scim_desktop.domain.roles import BUILTIN_ROLES
from sofa_scim_desktop.domain.roles import ROLES_CONTEXT


def role_name(name: str) -> str:
    """How the role stored as `name` is shown."""
    return QCoreApplication.translate(ROLES_CONTEXT, name) if name in BUILTIN_ROLES else name


def role_names(names: list[str]) -> dict[str, str]:
    """Shown name -> stored name, for a choice among roles."""
    return {role_name(name): name for name in names}
