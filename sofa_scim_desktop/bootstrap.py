"""The composition root: opens the database and builds the services the entry points use."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peewee import Database

from sofa_scim_desktop import config
from sofa_scim_desktop.domain.errors import DomainError
from sofa_scim_desktop.services.directory import Directory
from sofa_scim_desktop.services.mail.service import Mail
from sofa_scim_desktop.services.secrets import Secrets
from sofa_scim_desktop.services.secrets import instance_key
from sofa_scim_desktop.services.settings import Settings
from sofa_scim_desktop.services.settings import environment_errors
from sofa_scim_desktop.services.synchronizations import Synchronizations
from sofa_scim_desktop.storage.database import open_database


@dataclass
class Services:
    db: Database
    data_dir: Path
    settings: Settings
    synchronizations: Synchronizations
    directory: Directory
    mail: Mail  # the outbox, the test e-mail and the background sender (start_worker)
    database_url: str = ""  # as opened (About shows it without its password)


def build(
    data_dir: str | None = None, database: str | None = None, upgrade: bool = True
) -> Services:
    """`upgrade`: bring the schema up to date first (every start does; `db migrate` says so)."""
    refused = environment_errors()
    if refused:  # SPEC §8.4: a mistyped variable stops the start instead of being ignored
        raise DomainError("; ".join(refused))
    folder = config.data_dir(data_dir)
    url = config.database_url(database, folder)
    db = open_database(url, upgrade)
    settings = Settings(Secrets(instance_key(url)))
    if settings.get("smtp.user"):
        settings.secrets.adopt_shared_password()
    directory = Directory(db)
    return Services(db, folder, settings, Synchronizations(db), directory, Mail(db, settings), url)
