"""Sofa's field names as an admin reads them, for what the transaction log says changed
(SPEC §8.1 `detail.changes`, in the §7 `user list` keys); English, translated by the GUI.

# NOTE: QT_TRANSLATE_NOOP only marks a text for pyside6-lupdate (scripts/update_translations
# reads this file), as in services/connection_texts: this module stays free of Qt. The GUI
# looks each name up with QCoreApplication.translate(CONTEXT, name).
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    return text


CONTEXT = "SofaField"

USER_FIELDS: dict[str, str] = {
    "user_name": QT_TRANSLATE_NOOP("SofaField", "user name"),
    "active": QT_TRANSLATE_NOOP("SofaField", "active"),
    "display_name": QT_TRANSLATE_NOOP("SofaField", "display name"),
    "job": QT_TRANSLATE_NOOP("SofaField", "job"),
    "notification_email": QT_TRANSLATE_NOOP("SofaField", "notification e-mail"),
    "first_name": QT_TRANSLATE_NOOP("SofaField", "first name"),
    "surname": QT_TRANSLATE_NOOP("SofaField", "surname"),
    "degree_before": QT_TRANSLATE_NOOP("SofaField", "degree in front"),
    "degree_after": QT_TRANSLATE_NOOP("SofaField", "degree behind"),
    "telephone": QT_TRANSLATE_NOOP("SofaField", "telephone"),
    "mobile": QT_TRANSLATE_NOOP("SofaField", "mobile phone"),
    "sso_identifier": QT_TRANSLATE_NOOP("SofaField", "SSO identifier"),
    "personal_number": QT_TRANSLATE_NOOP("SofaField", "personal number"),
    "department": QT_TRANSLATE_NOOP("SofaField", "department"),
    "manager": QT_TRANSLATE_NOOP("SofaField", "direct superior"),
}

# An Entra group as Sofa keeps it (services/provisioning.py `_group_changes`).
GROUP_FIELDS: dict[str, str] = {
    "display_name": QT_TRANSLATE_NOOP("SofaField", "name"),
    "external_id": QT_TRANSLATE_NOOP("SofaField", "external ID"),
}
