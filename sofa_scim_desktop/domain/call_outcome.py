"""What a call to a synchronization came to, and what an Entra admin can do about it
(SPEC §8.1): the classification behind the health of a synchronization and the sentences of
`call.refused` and `call.failed`. Codes go to the log's detail; the GUI words them itself.

# NOTE: QT_TRANSLATE_NOOP only marks the fixes for pyside6-lupdate (scripts/update_translations
# reads this file), so the GUI shows them in the admin's language with
# QCoreApplication.translate(CONTEXT, fix); the module stays free of Qt.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802  (the name lupdate knows)
    return text


CONTEXT = "CallOutcome"

OK = "ok"
FAILED = "failed"
REFUSED = "refused"

# `sofa-scim check` announces itself so: its deliberately wrong key is not Entra's refusal.
CHECK_USER_AGENT_PREFIX = "sofa-scim-check/"

# `old_identifier` (SPEC §8.3): the right key on a renamed synchronization's old Tenant URL,
# after Entra called the new one (the alias ended); only the URL in Entra is out of date.
REFUSAL_REASONS = (
    "missing_key", "wrong_key", "expired_key", "revoked_key", "disabled", "old_identifier",
)  # fmt: skip

_REFUSALS = {
    "missing_key": (
        "the call carried no access key",
        QT_TRANSLATE_NOOP(
            "CallOutcome",
            "In Entra (Provisioning → Admin Credentials), paste the key from Sofa's Access "
            "details into Secret Token.",
        ),
    ),
    "wrong_key": (
        "the access key is wrong",
        QT_TRANSLATE_NOOP(
            "CallOutcome",
            "Generate a key in Sofa's Access details and paste it into Secret Token in Entra "
            "(Provisioning → Admin Credentials).",
        ),
    ),
    "expired_key": (
        "the access key has expired",
        QT_TRANSLATE_NOOP(
            "CallOutcome",
            "Generate a new key in Sofa's Access details and paste it into Secret Token in Entra.",
        ),
    ),
    "revoked_key": (
        "the access key was replaced by a newer one",
        QT_TRANSLATE_NOOP(
            "CallOutcome",
            "Paste the newest key from Sofa's Access details into Secret Token in Entra.",
        ),
    ),
    "old_identifier": (
        "the Tenant URL names the synchronization's old identifier",
        QT_TRANSLATE_NOOP(
            "CallOutcome",
            "In Entra (Provisioning → Admin Credentials), set Tenant URL to the Endpoint URL "
            "Sofa shows for the synchronization: its identifier was changed.",
        ),
    ),
    "disabled": (
        "the synchronization is disabled in Sofa",
        QT_TRANSLATE_NOOP(
            "CallOutcome", "Enable the synchronization in Sofa, or stop provisioning in Entra."
        ),
    ),
}


def outcome(method: str, status: int) -> str:
    """OK for what was applied or answered; FAILED for what Sofa could not apply.

    A GET's 404 is an answer (Entra looks users up by id), and so is a DELETE's: what should
    be gone is gone (an idempotent no-op). 401 and 403 are refusals, decided before.
    """
    if status < 400 or (status == 404 and method in ("GET", "DELETE")):
        return OK
    if status in (401, 403):
        return REFUSED
    return FAILED


def refusal_text(reason: str) -> str:
    return _REFUSALS[reason][0]


def refusal_fix(reason: str) -> str:
    return _REFUSALS[reason][1]


_FIX_BY_SCIM_TYPE = {
    "uniqueness": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Sofa already has a user or group of that name that this synchronization does not "
        "manage: rename or remove it in Sofa, or change the value Entra sends for it.",
    ),
    "invalidValue": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Check the attribute mappings of the Sofa application in Entra (Provisioning → "
        "Mappings): Sofa refused a value it sent.",
    ),
    "invalidSyntax": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Entra sent a request Sofa could not read; if the mappings use expressions, check them "
        "(Provisioning → Mappings).",
    ),
    "invalidFilter": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Use userName, externalId, displayName or id as the matching attribute in Entra "
        "(Provisioning → Mappings → Matching precedence).",
    ),
    "invalidPath": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Remove the attribute Sofa does not know from the mappings in Entra (Provisioning → "
        "Mappings).",
    ),
    "noTarget": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Entra changed a value Sofa does not have; restart provisioning in Entra if it repeats.",
    ),
    "mutability": QT_TRANSLATE_NOOP(
        "CallOutcome",
        "Remove the mapping of a read-only attribute in Entra (Provisioning → Mappings).",
    ),
    "tooMany": QT_TRANSLATE_NOOP(
        "CallOutcome", "Narrow the query; Entra normally asks for one user at a time."
    ),
}
_FIX_GONE = QT_TRANSLATE_NOOP(
    "CallOutcome",
    "Entra changed a user or group Sofa no longer has (deleted in Sofa?); restart "
    "provisioning in Entra (Provisioning → Restart provisioning) to clear its state.",
)
_FIX_TOO_LARGE = QT_TRANSLATE_NOOP(
    "CallOutcome", "Entra sent more than Sofa accepts at once; it retries in smaller batches."
)
_FIX_SERVER = QT_TRANSLATE_NOOP(
    "CallOutcome",
    "Sofa could not write the change (see the server's output or the app's log "
    "file); Entra retries it in its next cycle.",
)
_FIX_MAPPINGS = QT_TRANSLATE_NOOP(
    "CallOutcome",
    "Check the attribute mappings of the Sofa application in Entra (Provisioning → Mappings).",
)


def failure_fix(status: int, scim_type: str | None) -> str:
    """One sentence an Entra admin can act on, for a call Sofa could not apply."""
    if scim_type in _FIX_BY_SCIM_TYPE:
        return _FIX_BY_SCIM_TYPE[scim_type]
    if status == 404:
        return _FIX_GONE
    if status == 413:
        return _FIX_TOO_LARGE
    if status >= 500:
        return _FIX_SERVER
    return _FIX_MAPPINGS
