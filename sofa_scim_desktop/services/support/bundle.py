"""Writes the support bundle (SPEC §8.2): a zip of JSON files with a README.txt saying what
is in it and what was masked, and a manifest.json listing the files.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from sofa_scim_desktop import __version__
from sofa_scim_desktop.domain.errors import QT_TRANSLATE_NOOP
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.support import collect
from sofa_scim_desktop.services.support import installation
from sofa_scim_desktop.services.support.collect import LOG_DAYS
from sofa_scim_desktop.services.support.collect import Gathering
from sofa_scim_desktop.services.support.collect import Services
from sofa_scim_desktop.services.support.collect import iso

README = """\
Sofa SCIM Desktop: support bundle
Made {created} by Sofa SCIM Desktop {version}, for {scope}.

What is in it
  versions.json          Sofa, Python, Qt and library versions; the operating system;
                         the database (its kind, where it is, its schema)
  settings.json          every setting; the SMTP password only as "set" or "not set"
  synchronizations.json  each synchronization: its settings, its access key's dates,
                         its health, its group and role mappings, what it provisioned
  logs/<ID>.json         its transaction log of the last {days} days, newest first, one
                         entry a line (at most {limit:,}; "truncated" says when cut)
  outbox.json            the mail outbox: states, attempts, last errors (no bodies)
  status.json            what `sofa-scim status` says
  manifest.json          the list of these files

What was masked
  - E-mail addresses keep their first letter and domain: j***@contoso.cz.
  - Names (user names, display names, first names, surnames), in fields and in log
    messages, become initials: J. N.
  - Phone numbers keep their last two digits (***56); postal addresses, personal numbers,
    SSO identifiers and external ids are shown as ***.
  - Mail subjects keep their template's words; a name in them becomes initials.
  - Never included: access keys or their hashes (only the dates), passwords or their
    hashes, password-set link tokens, Authorization headers, bearer tokens, mail bodies.
    Anything shaped like one (a long random string, an argon2 hash, "Bearer ...") is
    replaced by [redacted] wherever it stands.
Kept: synchronization identifiers, object ids (GUIDs), group and role names, times, event
codes and HTTP statuses, so that support can follow each call.
"""

DESCRIPTIONS = {
    "versions.json": "Versions, operating system and database",
    "settings.json": "Every setting; secrets only as set / not set",
    "synchronizations.json": "Synchronizations with settings, key dates, health and mappings",
    "outbox.json": "Mail outbox states",
    "status.json": "What `sofa-scim status` says",
}


def write(services: Services, out: str | Path, identifier: str | None = None) -> Path:
    """Writes the bundle of one synchronization (or all) to `out`; the file appears whole
    or not at all. NotFound for an unknown identifier.
    """
    path = Path(out).expanduser().absolute()
    if not path.parent.is_dir():
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the support bundle: no folder {folder}."),
            folder=path.parent,
        )
    gathering = Gathering(services, identifier)
    files = _files(services, gathering)
    scope = f"the synchronization {identifier}" if identifier else "all synchronizations"
    partial = path.with_name(path.name + ".part")
    try:
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            listed = []
            for name, content in files.items():
                text = gathering.masker.text(_json(content))
                archive.writestr(name, text)
                listed.append({"name": name, "description": _describe(name), "bytes": len(text)})
            manifest = _manifest(gathering, identifier, listed)
            archive.writestr("manifest.json", gathering.masker.text(_json(manifest)))
            archive.writestr(
                "README.txt",
                README.format(created=manifest["created_at"], version=__version__,
                              scope=scope, days=LOG_DAYS, limit=collect.LOG_LIMIT),
            )  # fmt: skip
        partial.replace(path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise DomainError(
            QT_TRANSLATE_NOOP("Errors", "Cannot write the support bundle to {path}: {reason}."),
            path=path,
            reason=error.strerror,
        ) from None
    return path


def _files(services: Services, gathering: Gathering) -> dict[str, Any]:
    files: dict[str, Any] = {
        "versions.json": {
            **installation.versions(),
            "database": installation.database(services.db, services.data_dir),
        },
        "settings.json": installation.settings(services.settings),
        "synchronizations.json": gathering.synchronizations(),
    }
    for identifier, log in gathering.logs().items():
        files[f"logs/{identifier}.json"] = log
    files["outbox.json"] = gathering.outbox()
    files["status.json"] = gathering.status()
    return files


def _describe(name: str) -> str:
    if name.startswith("logs/"):
        return f"Transaction log of the last {LOG_DAYS} days, newest first, masked"
    return DESCRIPTIONS[name]


def _manifest(
    gathering: Gathering, identifier: str | None, files: list[dict[str, Any]]
) -> dict[str, Any]:
    return {
        "format": 1,
        "created_at": iso(gathering.now),
        "sofa_scim_desktop": __version__,
        "scope": identifier or "all",
        "synchronizations": [row.identifier for row in gathering.rows],
        "files": [*files, {"name": "manifest.json"}, {"name": "README.txt"}],
    }


def _json(value: Any) -> str:
    """Indented; but a log's entries one per line (PERF: indenting takes json's pure-Python
    encoder, 5 s for 20,000 Debug entries; a line each is still easy to read and to grep).
    """
    if isinstance(value, dict) and isinstance(value.get("entries"), list):
        head = {k: v for k, v in value.items() if k != "entries"}
        lines = ",\n".join(_compact(entry) for entry in value["entries"])
        return f'{_compact(head)[:-1]},\n"entries": [\n{lines}\n]}}\n'
    return json.dumps(value, ensure_ascii=False, indent=2, default=str) + "\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
