"""`sofa-scim check ID [--json]` (SPEC §8.2): what Entra's "Test connection" will meet."""

from __future__ import annotations

import argparse
import json
import sys

from sofa_scim_desktop import bootstrap
from sofa_scim_desktop.services.connection_check import check_synchronization
from sofa_scim_desktop.services.connection_check import settings_local_url
from sofa_scim_desktop.services.connection_report import Report


def check(args: argparse.Namespace) -> int:
    """Exit 0 when no step is an error (warnings allowed), 1 otherwise."""
    services = bootstrap.build(args.data_dir, args.database)
    local_url = args.local_url or settings_local_url(services.settings)
    report = check_synchronization(services, args.identifier_arg, local_url)
    if args.json:
        json.dump(report.as_json(), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_lines(report)
    return 0 if report.ok else 1


def print_lines(report: Report) -> None:
    """One line per step: status, title, message and the fix."""
    for step in report.steps:
        fix = f" Fix: {step.fix}" if step.fix else ""
        print(f"{step.status:<8} {step.title:<20} {step.message}{fix}")
