"""Sofa's built-in roles (SPEC §2): created by the first migration, never renamed or deleted;
their holders receive the failure e-mails. Stored under these English names; the GUI shows
them in its language (gui/role_names.py).
"""

from __future__ import annotations

from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP

ROLES_CONTEXT = "Roles"
ADMINISTRATOR = QT_TRANSLATE_NOOP("Roles", "Administrator")
SUBJECT_MANAGER = QT_TRANSLATE_NOOP("Roles", "Subject manager")
BUILTIN_ROLES = (ADMINISTRATOR, SUBJECT_MANAGER)
