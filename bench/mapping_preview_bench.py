"""How long the mapping preview takes (SPEC §8.3: `map … --dry-run`, the editor's preview) at
100,000 provisioned users and a 50,000-member Entra group.

    .venv/bin/python bench/mapping_preview_bench.py [--users N] [--members M] [--keep]

Builds the data with the storage layer directly (bulk inserts, no SCIM calls), then times
each step once and prints the figures. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sofa_scim_desktop import bootstrap  # noqa: E402
from sofa_scim_desktop.services.synchronizations import SyncSettings  # noqa: E402
from sofa_scim_desktop.storage.tables import ScimGroup  # noqa: E402
from sofa_scim_desktop.storage.tables import ScimGroupMember  # noqa: E402
from sofa_scim_desktop.storage.tables import ScimUser  # noqa: E402
from sofa_scim_desktop.storage.tables import SofaUser  # noqa: E402
from sofa_scim_desktop.storage.tables import Synchronization  # noqa: E402

BIG = "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"  # the 50,000-member group
SMALL = "11111111-2222-3333-4444-555555555555"  # every tenth user
BATCH = 500


def build(services: bootstrap.Services, users: int, members: int) -> str:
    """A synchronization `Bench` with `users` provisioned users, Entra group BIG holding the
    first `members` of them and SMALL every tenth one; Sofa group Staff and role Reader.
    Returns the synchronization's identifier.
    """
    sync = services.synchronizations.create(SyncSettings(name="Bench", identifier="Bench"))
    services.directory.create_group("Staff")
    services.directory.create_role("Reader")
    with services.db.atomic():
        _insert(SofaUser, [_sofa_user(n, sync.id) for n in range(users)])
        first_sofa = SofaUser.select(SofaUser.id).order_by(SofaUser.id).first().id
        _insert(ScimUser, [_scim_user(n, sync.id, first_sofa + n) for n in range(users)])
        first_scim = ScimUser.select(ScimUser.id).order_by(ScimUser.id).first().id
        big = _group(sync.id, "All staff", BIG)
        small = _group(sync.id, "Readers", SMALL)
        _insert(ScimGroupMember, [{"group": big, "user": first_scim + n} for n in range(members)])
        readers = [{"group": small, "user": first_scim + n} for n in range(0, users, 10)]
        _insert(ScimGroupMember, readers)
        Synchronization.update(scim_user_count=users).where(Synchronization.id == sync.id).execute()
    return str(sync.identifier)


def _insert(table: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), BATCH):
        table.insert_many(rows[start : start + BATCH]).execute()


def _sofa_user(n: int, sync_id: int) -> dict[str, Any]:
    name = f"user{n:06d}@contoso.com"
    return {"user_name": name, "user_name_key": name, "source": sync_id, "display_name": name}


def _scim_user(n: int, sync_id: int, sofa_id: int) -> dict[str, Any]:
    name = f"user{n:06d}@contoso.com"
    resource = json.dumps({"userName": name, "active": True})
    return {
        "scim_id": str(uuid.uuid4()), "sync": sync_id, "sofa_user": sofa_id,
        "user_name": name, "user_name_key": name, "resource": resource,
    }  # fmt: skip


def _group(sync_id: int, name: str, remote: str) -> int:
    resource = json.dumps({"displayName": name, "externalId": remote})
    row = ScimGroup.create(
        scim_id=str(uuid.uuid4()), sync=sync_id, display_name=name,
        display_name_key=name.lower(), external_id=remote, remote_key=remote, resource=resource,
    )  # fmt: skip
    return int(row.id)


def timed(label: str, work: Callable[[], Any], describe: Callable[[Any], str]) -> float:
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"{label:<52} {seconds * 1000:>9.0f} ms   {describe(result)}")
    return seconds


def _counts(effects: Any) -> str:
    return f"{len(effects.gains):>6} gain(s), {len(effects.losses):>6} loss(es)"


def run(users: int, members: int, folder: Path) -> None:
    services = bootstrap.build(str(folder), None)
    started = time.perf_counter()
    identifier = build(services, users, members)
    print(
        f"built {users:,} users, a {members:,}-member group: {time.perf_counter() - started:.1f} s"
    )
    syncs = services.synchronizations

    def map_staff(dry_run: bool) -> Any:
        return syncs.map_group(identifier, "Staff", BIG, dry_run=dry_run)

    def unmap_staff(dry_run: bool) -> Any:
        return syncs.unmap_group(identifier, "Staff", BIG, dry_run=dry_run)

    timed("map group --dry-run (Staff <- 50,000 members)", lambda: map_staff(True), _counts)
    timed("map group (the same, done, with the recompute)", lambda: map_staff(False), _counts)
    timed("unmap group --dry-run", lambda: unmap_staff(True), _counts)
    editor_rows = ([("Staff", SMALL)], [("Reader", BIG)])
    timed("editor preview (Staff <- Readers, Reader <- all)",
          lambda: syncs.preview_mappings(identifier, *editor_rows), _counts)  # fmt: skip
    timed("map list", lambda: syncs.mapping_list(identifier), lambda r: f"{len(r)} mapping(s)")
    timed("user explain", lambda: services.directory.explain("user000000@contoso.com"),
          lambda e: f"{len(e.groups)} group reason(s)")  # fmt: skip
    timed("unmap group (done, with the recompute)", lambda: unmap_staff(False), _counts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--members", type=int, default=50_000)
    parser.add_argument("--keep", action="store_true", help="keep the data folder")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="mapping-bench-"))
    try:
        run(args.users, min(args.members, args.users), folder)
    finally:
        if args.keep:
            print(f"data kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
