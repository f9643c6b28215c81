"""The `sofa-scim` command line (SPEC §7): exit 0 on success, 2 on bad usage, 1 otherwise."""

from __future__ import annotations

import logging
import sys

from peewee import InterfaceError
from peewee import OperationalError

from sofa_scim_desktop.cli.parser import build_parser
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.storage.database import SchemaTooNew
from sofa_scim_desktop.storage.transactions import one_line


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        result: int = args.handler(args)
        return result
    except DomainError as error:
        print(f"sofa-scim: {error}", file=sys.stderr)
        return 1
    except ValueError as error:  # e.g. an unsupported database URL
        print(f"sofa-scim: {error}", file=sys.stderr)
        return 1
    except SchemaTooNew as error:
        print(f"sofa-scim: {error}", file=sys.stderr)
        return 1
    except (OperationalError, InterfaceError) as error:  # SPEC §8.4: one line, no traceback
        print(f"sofa-scim: the database is not available: {one_line(error)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def main_gui() -> int:
    """`sofa-scim-desktop [--data-dir DIR] [--database URL]`: the desktop app."""
    return main(["gui", *sys.argv[1:]])
