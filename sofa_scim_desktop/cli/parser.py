"""The argument parser: every command takes --data-dir and --database, before or after it."""

from __future__ import annotations

import argparse
import os

from sofa_scim_desktop import __version__
from sofa_scim_desktop.cli import check
from sofa_scim_desktop.cli import commands
from sofa_scim_desktop.cli import serve
from sofa_scim_desktop.scim.access_log import FORMATS
from sofa_scim_desktop.scim.access_log import LEVELS as ACCESS_LEVELS

LOG_LEVELS = ("debug", "information", "warning")


def _common(defaults: bool) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    default = None if defaults else argparse.SUPPRESS
    common.add_argument(
        "--data-dir",
        default=default,
        help="folder of the database and settings (SOFA_SCIM_DATA_DIR)",
    )
    common.add_argument(
        "--database", default=default, help="sqlite:///path or postgresql://… (SOFA_SCIM_DATABASE)"
    )
    return common


def _sync_options(parser: argparse.ArgumentParser, creating: bool) -> None:
    parser.add_argument("--name", required=creating)
    parser.add_argument("--identifier")
    parser.add_argument("--description")
    parser.add_argument("--disabled", action="store_true")
    if not creating:
        parser.add_argument("--enabled", action="store_true")
    for flag in ("--notify-failures", "--welcome-email", "--password-link"):
        parser.add_argument(flag, action="store_true", default=None)
    parser.add_argument("--log-level", choices=LOG_LEVELS)
    parser.add_argument("--json", action="store_true")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sofa-scim",
        parents=[_common(True)],
        description="Sofa 365 Bridge: SCIM synchronizations.",
    )
    parser.add_argument("--version", action="version", version=f"sofa-scim {__version__}")
    parser.set_defaults(handler=commands.gui)
    sub = parser.add_subparsers(metavar="COMMAND")
    common = [_common(False)]

    def command(
        name: str, handler: object, parent: object = sub, **kw: object
    ) -> argparse.ArgumentParser:
        p: argparse.ArgumentParser = parent.add_parser(name, parents=common, **kw)  # type: ignore[attr-defined]
        p.set_defaults(handler=handler)
        return p

    command("gui", commands.gui, help="the desktop app with its embedded server")
    p = command("serve", serve.serve, help="the SCIM server alone")
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument(
        "--workers",
        type=int,
        default=os.environ.get("SOFA_SCIM_WORKERS", "1"),
        help="server processes on the one port, each on its own core (Linux; SOFA_SCIM_WORKERS)",
    )
    p.add_argument(
        "--log-format",
        choices=FORMATS,
        default=os.environ.get("SOFA_SCIM_LOG_FORMAT", "text"),
        help="one line per request on stderr: text or json (SOFA_SCIM_LOG_FORMAT)",
    )
    p.add_argument(
        "--log-level",
        choices=tuple(ACCESS_LEVELS),
        default=os.environ.get("SOFA_SCIM_LOG_LEVEL", "info"),
        help="info: every request; warning: 4xx and 5xx; error: 5xx (SOFA_SCIM_LOG_LEVEL)",
    )

    sync = sub.add_parser("sync", help="synchronizations").add_subparsers(
        metavar="ACTION", required=True
    )
    _sync_options(command("create", commands.sync_create, sync), creating=True)
    p = command("update", commands.sync_update, sync)
    p.add_argument("identifier_arg", metavar="ID")
    _sync_options(p, creating=False)
    p.add_argument(
        "--drop-alias",
        action="store_true",
        help="the old identifiers stop working now (else at Entra's first call on the new URL)",
    )
    command("list", commands.sync_list, sync).add_argument("--json", action="store_true")
    p = command("delete", commands.sync_delete, sync)
    p.add_argument("identifier_arg", metavar="ID")
    p.add_argument("--yes", action="store_true", help="confirm the deletion")

    key = sub.add_parser("key", help="access keys").add_subparsers(metavar="ACTION", required=True)
    p = command("generate", commands.key_generate, key)
    p.add_argument("identifier_arg", metavar="ID")
    p.add_argument("--days", type=int, required=True)
    p.add_argument(
        "--revoke-old",
        action="store_true",
        help="the previous key stops working now (a leaked key); else it works until Entra's "
        "first call with the new key, at most 24 hours",
    )
    p.add_argument("--json", action="store_true")

    for kind in ("group", "role"):
        p = command(kind, commands.named_create, sub, help=f"Sofa {kind}s")
        p.add_argument("action", choices=["create"])
        p.add_argument("name")
        p.set_defaults(kind=kind)

    for verb, handler, words in (
        ("map", commands.map_remote, "map remote groups"),
        ("unmap", commands.unmap_remote, "remove a mapping"),
    ):
        mapping = sub.add_parser(verb, help=words).add_subparsers(metavar="KIND", required=True)
        for kind in ("group", "role"):
            p = command(kind, handler, mapping)
            p.add_argument("identifier_arg", metavar="ID")
            p.add_argument(f"--sofa-{kind}", required=True, dest="target")
            p.add_argument("--remote", required=True)
            p.add_argument(
                "--dry-run", action="store_true", help="say who would gain or lose; change nothing"
            )
            p.add_argument("--json", action="store_true")
            p.set_defaults(kind=kind)
        if verb == "map":
            p = command("list", commands.map_list, mapping)
            p.add_argument("identifier_arg", metavar="ID")
            p.add_argument("--json", action="store_true")

    user = sub.add_parser("user", help="the Sofa directory").add_subparsers(
        metavar="ACTION", required=True
    )
    command("list", commands.user_list, user).add_argument("--json", action="store_true")
    p = command("create", commands.user_create, user)
    p.add_argument("user_name")
    p.add_argument("--email", required=True)
    p.add_argument("--first-name")
    p.add_argument("--surname")
    for action, handler in (("grant", commands.user_grant), ("revoke", commands.user_revoke)):
        p = command(action, handler, user)
        p.add_argument("user_name")
        target = p.add_mutually_exclusive_group(required=True)
        target.add_argument("--role")
        target.add_argument("--group")
    p = command("explain", commands.user_explain, user, help="why a user holds each group and role")
    p.add_argument("user_name")
    p.add_argument("--json", action="store_true")

    p = command("logs", commands.logs, help="a synchronization's transaction log")
    p.add_argument("identifier_arg", metavar="ID")
    p.add_argument("--level", choices=LOG_LEVELS + ("error",))
    p.add_argument("--json", action="store_true")

    p = command("check", check.check, help="what Entra's Test connection will meet")
    p.add_argument("identifier_arg", metavar="ID")
    p.add_argument(
        "--local-url",
        help="this computer's server, to compare with what the public address reaches "
        "(default: http://server.host:server.port of the settings)",
    )
    p.add_argument("--json", action="store_true")

    db = sub.add_parser("db", help="the database").add_subparsers(metavar="ACTION", required=True)
    command("migrate", commands.db_migrate, db, help="upgrade the schema (under a lock)")

    p = command("status", commands.status, help="health, outbox and unknown identifiers")
    p.add_argument("--json", action="store_true")

    mail = sub.add_parser("mail", help="e-mail").add_subparsers(metavar="ACTION", required=True)
    command("outbox", commands.mail_outbox, mail).add_argument("--json", action="store_true")
    p = command("test", commands.mail_test, mail, help="send a test e-mail now")
    p.add_argument("--to", required=True)

    support = sub.add_parser("support", help="help for support").add_subparsers(
        metavar="ACTION", required=True
    )
    p = command(
        "bundle", commands.support_bundle, support, help="a zip for support, personal data masked"
    )
    p.add_argument(
        "identifier_arg", metavar="ID", nargs="?", help="one synchronization (default: all)"
    )
    p.add_argument("--out", required=True, metavar="FILE.zip")

    settings = sub.add_parser("settings", help="settings").add_subparsers(
        metavar="ACTION", required=True
    )
    p = command("set", commands.settings_set, settings)
    p.add_argument("key")
    p.add_argument("value")
    command("get", commands.settings_get, settings).add_argument("key")
    return parser
