"""Handlers of the `sofa-scim` commands other than `serve`: each builds the services, calls
one use case and prints its result (JSON with --json).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from datetime import datetime
from typing import Any

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop import config
from sofa_scim_desktop.domain import plurals
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.domain.identifiers import derive_identifier
from sofa_scim_desktop.services.health import CallFigures
from sofa_scim_desktop.services.health import figures_by_sync
from sofa_scim_desktop.services.health import health_of
from sofa_scim_desktop.services.journal import LEVEL_NAMES
from sofa_scim_desktop.services.journal import LEVELS
from sofa_scim_desktop.services.mail.outbox import OutboxEntry
from sofa_scim_desktop.services.mail.worker import MailWorker
from sofa_scim_desktop.services.status import snapshot
from sofa_scim_desktop.services.support import bundle
from sofa_scim_desktop.services.synchronizations import MappingEffects
from sofa_scim_desktop.services.synchronizations import SyncSettings
from sofa_scim_desktop.services.synchronizations import aliases_of
from sofa_scim_desktop.services.synchronizations import settings_of
from sofa_scim_desktop.storage.database import code_schema
from sofa_scim_desktop.storage.database import migrate
from sofa_scim_desktop.storage.tables import LogEntry
from sofa_scim_desktop.storage.tables import Synchronization
from sofa_scim_desktop.storage.tables import utcnow


def _services(args: argparse.Namespace) -> bootstrap.Services:
    return bootstrap.build(args.data_dir, args.database)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") + "Z" if moment else None


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    print()


def gui(args: argparse.Namespace) -> int:
    # Imported here: the other commands (and `serve` on a host) must run without Qt.
    from sofa_scim_desktop.gui.app import run

    return run(_services(args), config.log_dir(args.data_dir))


# --- Synchronizations ---------------------------------------------------------------------


def _settings_from(args: argparse.Namespace, base: SyncSettings | None) -> SyncSettings:
    name = args.name if args.name is not None else (base.name if base else "")
    identifier = args.identifier or (base.identifier if base else derive_identifier(name))
    values = dataclasses.asdict(base) if base else {}
    values.update(name=name, identifier=identifier)
    if args.description is not None:
        values["description"] = args.description
    if args.disabled:
        values["enabled"] = False
    elif getattr(args, "enabled", False) or base is None:
        values["enabled"] = True
    for flag in ("notify_failures", "welcome_email", "password_link"):
        if getattr(args, flag) is not None:
            values[flag] = getattr(args, flag)
    if args.log_level:
        values["log_level"] = args.log_level
    return SyncSettings(**values)


def _sync_json(
    services: bootstrap.Services, row: Synchronization, figures: CallFigures | None = None
) -> dict[str, Any]:
    figures = figures or figures_by_sync()[row.id]
    health = health_of(figures)
    return {
        "identifier": row.identifier,
        "name": row.name,
        "type": row.type,
        "description": row.description,
        "enabled": row.enabled,
        "notify_failures": row.notify_failures,
        "welcome_email": row.welcome_email,
        "password_link": row.password_link,
        "log_level": row.log_level,
        "last_call": _iso(row.last_call_at),
        "key_expires_at": _iso(services.synchronizations.key_expiry(row)),
        "previous_key_valid_until": _iso(services.synchronizations.previous_key_valid_until(row)),
        "aliases": aliases_of(row.id),
        "endpoint_url": _endpoint(services, row.identifier),
        "last_success": _iso(figures.last_success),
        "calls_24h": figures.calls_24h,
        "failed_24h": figures.failed_24h,
        "refused_24h": figures.refused_24h,
        "health": health.state,
        "health_reason": health.reason,
    }


def _endpoint(services: bootstrap.Services, identifier: str) -> str:
    return f"{services.settings.get('public_base_url')}/scim/v2/{identifier}"


def sync_create(args: argparse.Namespace) -> int:
    services = _services(args)
    row = services.synchronizations.create(_settings_from(args, None))
    if args.json:
        _print_json(_sync_json(services, row))
    else:
        print(f"Created synchronization '{row.name}' ({row.identifier}).")
    return 0


def sync_update(args: argparse.Namespace) -> int:
    if args.enabled and args.disabled:
        print("sofa-scim: use either --enabled or --disabled.", file=sys.stderr)
        return 2
    services = _services(args)
    syncs = services.synchronizations
    old = syncs.get(args.identifier_arg)
    row = syncs.update(args.identifier_arg, _settings_from(args, settings_of(old)))
    dropped = syncs.drop_aliases(row.identifier) if args.drop_alias else []
    if args.json:
        _print_json(_sync_json(services, row))
        return 0
    print(f"Updated synchronization '{row.name}' ({row.identifier}).")
    if row.identifier != old.identifier and not args.drop_alias:
        print(
            f"The old Tenant URL ({_endpoint(services, old.identifier)}) keeps working with the "
            "same key until Entra calls the new one; in Entra (Provisioning → Admin "
            f"Credentials) set Tenant URL to {_endpoint(services, row.identifier)}"
        )
    if dropped:
        print(f"The old identifier {', '.join(dropped)} no longer works.")
    return 0


def sync_list(args: argparse.Namespace) -> int:
    services = _services(args)
    figures = figures_by_sync()
    rows = [_sync_json(services, r, figures[r.id]) for r in services.synchronizations.all()]
    if args.json:
        _print_json(rows)
        return 0
    if not rows:
        print("No synchronizations yet; create one with 'sofa-scim sync create --name NAME'.")
    for row in rows:
        print(
            f"{row['identifier']:<24} {row['name']:<28} {row['health']:<12} "
            f"last call {row['last_call'] or 'never'}  key expires "
            f"{row['key_expires_at'] or '(no key)'}\n    {row['health_reason']}"
        )
    return 0


def sync_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        print(
            "sofa-scim: deleting removes the synchronization with its settings, keys and "
            "mappings; add --yes to confirm.",
            file=sys.stderr,
        )
        return 2
    detached = _services(args).synchronizations.delete(args.identifier_arg)
    users = plurals.choose("en", detached, ["user", "users"])
    print(f"Deleted '{args.identifier_arg}'; {detached} {users} kept, deactivated.")
    return 0


def key_generate(args: argparse.Namespace) -> int:
    services = _services(args)
    syncs = services.synchronizations
    issued = syncs.issue_key(args.identifier_arg, args.days, revoke_old=args.revoke_old)
    endpoint = _endpoint(services, args.identifier_arg)
    grace = syncs.previous_key_valid_until(syncs.get(args.identifier_arg))
    if args.json:
        _print_json(
            {
                "key": issued.key,
                "endpoint_url": endpoint,
                "expires_at": _iso(issued.expires_at),
                "previous_key_valid_until": _iso(grace),
            }
        )
        return 0
    print(f"Endpoint URL (Entra's Tenant URL): {endpoint}")
    print(f"Access key (Entra's Secret token): {issued.key}")
    print(f"Expires: {_iso(issued.expires_at)}")
    print("Store the key now: Sofa keeps only its hash and cannot show it again.")
    if grace is not None:
        print(
            "The previous key keeps working until Entra's first call with the new one, at the "
            f"latest until {_iso(grace)}."
        )
    return 0


# --- Directory ----------------------------------------------------------------------------


def named_create(args: argparse.Namespace) -> int:
    directory = _services(args).directory
    (directory.create_group if args.kind == "group" else directory.create_role)(args.name)
    print(f"Created {args.kind} '{args.name}'.")
    return 0


_MAPPING_TEXTS = {
    ("map", True): "Dry run: members of remote group {remote} would get the {kind} '{target}'; "
    "nothing was changed.",
    ("map", False): "Members of remote group {remote} now get the {kind} '{target}'.",
    ("unmap", True): "Dry run: remote group {remote} would no longer grant the {kind} "
    "'{target}'; nothing was changed.",
    ("unmap", False): "Remote group {remote} no longer grants the {kind} '{target}'.",
}


def map_remote(args: argparse.Namespace) -> int:
    """SPEC §8.3: who gains or loses what (with --dry-run: would), as text or JSON."""
    return _change_mapping(args, "map")


def unmap_remote(args: argparse.Namespace) -> int:
    return _change_mapping(args, "unmap")


def _change_mapping(args: argparse.Namespace, action: str) -> int:
    syncs = _services(args).synchronizations
    change = getattr(syncs, f"{action}_{args.kind}")  # map_group, unmap_role, …
    done = change(args.identifier_arg, args.target, args.remote, dry_run=args.dry_run)
    if args.json:
        _print_json(done.as_json())
        return 0
    text = _MAPPING_TEXTS[(action, args.dry_run)]
    print(text.format(remote=args.remote, kind=args.kind, target=args.target))
    _print_effects(done, args.dry_run)
    return 0


def _print_effects(done: MappingEffects, dry_run: bool) -> None:
    for label, changes in (
        ("would gain" if dry_run else "gained", done.gains),
        ("would lose" if dry_run else "lost", done.losses),
    ):
        print(f"{len(changes)} {label}" + (":" if changes else "."))
        for change in changes:
            print(f"  {change.user_name:<36} {change.kind} {change.name}")


def map_list(args: argparse.Namespace) -> int:
    """SPEC §8.3: every mapping with the Entra group's name once seen, and its members."""
    rows = _services(args).synchronizations.mapping_list(args.identifier_arg)
    if args.json:
        _print_json(
            [
                {
                    "kind": r.kind,
                    r.kind: r.name,
                    "remote": r.remote,
                    "remote_name": r.remote_name,
                    "seen": r.seen,
                    "members": r.members,
                }  # fmt: skip
                for r in rows
            ]
        )
        return 0
    if not rows:
        print(f"'{args.identifier_arg}' has no mappings yet.")
    for r in rows:
        remote = r.remote_name if r.seen else "(never sent by Entra: a typo, or not assigned)"
        print(f"{r.kind:<5} {r.name:<28} <- {r.remote}  {remote}  {r.members} member(s)")
    return 0


def user_list(args: argparse.Namespace) -> int:
    users = _services(args).directory.users()
    if args.json:
        _print_json([dataclasses.asdict(user) for user in users])
        return 0
    for user in users:
        state = "removed" if user.removed else "active" if user.active else "inactive"
        print(
            f"{user.user_name:<36} {state:<8} {user.source or 'local':<16} "
            f"groups: {', '.join(user.groups) or '-'}; roles: {', '.join(user.roles) or '-'}"
        )
    return 0


def user_create(args: argparse.Namespace) -> int:
    _services(args).directory.create_user(args.user_name, args.email, args.first_name, args.surname)
    print(f"Created user '{args.user_name}'.")
    return 0


def user_grant(args: argparse.Namespace) -> int:
    _services(args).directory.grant(args.user_name, group=args.group, role=args.role)
    print(f"Granted {args.group or args.role} to {args.user_name}.")
    return 0


def user_revoke(args: argparse.Namespace) -> int:
    _services(args).directory.revoke(args.user_name, group=args.group, role=args.role)
    print(f"Withdrew {args.group or args.role} from {args.user_name}.")
    return 0


def user_explain(args: argparse.Namespace) -> int:
    """SPEC §8.3: each group and role of the user with how it was granted."""
    explained = _services(args).directory.explain(args.user_name)
    if args.json:
        _print_json(explained.as_json())
        return 0
    for kind, memberships in (("group", explained.groups), ("role", explained.roles)):
        for m in memberships:
            if m.sync is None:
                why = "granted by hand"
            else:
                remote = f"'{m.remote_name}' ({m.remote})" if m.remote_name else m.remote
                why = f"from synchronization {m.sync}, Entra group {remote or '(unknown)'}"
            print(f"{kind:<5} {m.name:<28} {why}")
    if not explained.groups and not explained.roles:
        print(f"{args.user_name} holds no group and no role.")
    return 0


# --- Logs, mail, settings ----------------------------------------------------------------


def logs(args: argparse.Namespace) -> int:
    services = _services(args)
    sync = services.synchronizations.get(args.identifier_arg)
    query = LogEntry.select().where(LogEntry.sync == sync.id)
    if args.level:
        query = query.where(LogEntry.level >= LEVELS.get(args.level, logging.ERROR))
    entries = list(query.order_by(LogEntry.at.desc(), LogEntry.id.desc()).limit(10_000))
    if args.json:
        _print_json(
            [
                {
                    "at": _iso(e.at),
                    "level": LEVEL_NAMES.get(e.level, str(e.level)),
                    "event": e.event,
                    "message": e.message,
                    "detail": json.loads(e.detail) if e.detail else None,
                }
                for e in entries
            ]
        )
        return 0
    for e in entries:
        print(f"{_iso(e.at)}  {LEVEL_NAMES.get(e.level, e.level):<11} {e.message}")
    return 0


def _outbox_json(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "to": entry.to,
        "subject": entry.subject,
        "kind": entry.kind,
        "state": entry.state,
        "attempts": entry.attempts,
        "last_error": entry.last_error,
        "created_at": _iso(entry.created_at),
        "sent_at": _iso(entry.sent_at),
    }


def mail_outbox(args: argparse.Namespace) -> int:
    entries = _services(args).mail.outbox()
    if args.json:
        _print_json([_outbox_json(e) for e in entries])
        return 0
    for e in entries:
        when = _iso(e.sent_at or e.created_at)
        print(f"{e.id:>5}  {e.state:<7} {when}  {e.kind:<13} {e.to}  {e.subject}")
        if e.last_error and e.state != "sent":
            print(f"       attempts {e.attempts}, last error: {e.last_error}")
    return 0


def mail_test(args: argparse.Namespace) -> int:
    """Queues a test e-mail and tries to send it at once; it stays queued if that fails."""
    mail = _services(args).mail
    message_id = mail.send_test(args.to)
    MailWorker(mail.db, mail.settings).delivery.run(utcnow(), only=message_id)
    entry = mail.entry(message_id)
    if entry is not None and entry.state == "sent":
        print(f"Test e-mail sent to {entry.to}.")
        return 0
    reason = entry.last_error if entry else None
    raise DomainError(f"The test e-mail is queued, not sent: {reason or 'unknown reason'}")


def settings_set(args: argparse.Namespace) -> int:
    settings = _services(args).settings
    value = settings.set(args.key, args.value)
    print(f"{args.key} = {value}")
    overridden_by = settings.environment_override(args.key)
    if overridden_by:
        print(f"sofa-scim: note: {overridden_by} is set and wins over this value", file=sys.stderr)
    return 0


def settings_get(args: argparse.Namespace) -> int:
    print(_services(args).settings.get(args.key))
    return 0


def db_migrate(args: argparse.Namespace) -> int:
    """SPEC §8.4: upgrades the schema under a lock; the others wait, then find it done."""
    services = bootstrap.build(args.data_dir, args.database, upgrade=False)
    applied = migrate(services.db)
    done = ", ".join(applied) if applied else "nothing to do"
    print(f"database schema {code_schema()}: {done}")
    return 0


def status(args: argparse.Namespace) -> int:
    _services(args)
    state = snapshot()
    if args.json:
        _print_json(state)
        return 0
    print(f"sofa-scim {state['version']}, database schema {state['schema_version']}")
    for sync in state["synchronizations"]:
        print(f"{sync['identifier']:<24} {sync['health']:<12} {sync['health_reason']}")
    outbox = ", ".join(f"{n} {s}" for s, n in sorted(state["outbox"].items())) or "empty"
    print(f"mail outbox: {outbox}")
    unknown = state["unknown_identifiers"]
    tried = ", ".join(u["identifier"] for u in unknown)
    print(
        f"calls to unknown identifiers: {state['unknown_identifier_calls']}"
        + (f" (last tried: {tried})" if tried else "")
    )
    return 0


def support_bundle(args: argparse.Namespace) -> int:
    """SPEC §8.2: prints the path written."""
    print(bundle.write(_services(args), args.out, args.identifier_arg))
    return 0
