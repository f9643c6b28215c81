"""A refusal of the services, as the admin reads it: in the GUI's language.

The services raise DomainError with an English template and its values (domain/errors.py);
the template is looked up in the translation, then filled the same way. An error that carries
no template (an OS error, say) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sofa_scim_desktop.domain.errors import CONTEXT
from sofa_scim_desktop.domain.errors import DomainError


def error_text(error: BaseException) -> str:
    if not isinstance(error, DomainError):
        return str(error)
    template = QCoreApplication.translate(CONTEXT, error.template)
    try:
        return template.format(**error.values) if error.values else template
    except (KeyError, IndexError, ValueError):  # a translation with a mistyped placeholder
        return str(error)
