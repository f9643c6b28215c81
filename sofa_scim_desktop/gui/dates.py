"""Dates as the admin reads them: stored naive UTC, shown in local time in the locale's format."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtCore import QLocale
from PySide6.QtCore import QTimeZone


def to_qdatetime(moment: datetime) -> QDateTime:
    """A stored (naive UTC) time as a local QDateTime."""
    aware = moment.replace(tzinfo=UTC)
    utc = QDateTime.fromMSecsSinceEpoch(int(aware.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def local_text(moment: datetime | None, never: str = "") -> str:
    if moment is None:
        return never
    return QLocale().toString(to_qdatetime(moment), QLocale.FormatType.ShortFormat)


def local_seconds(moment: datetime) -> str:
    """With seconds, for the log, where several entries share a minute."""
    locale = QLocale()
    local = to_qdatetime(moment)
    date = locale.toString(local.date(), QLocale.FormatType.ShortFormat)
    return f"{date} {local.time().toString('HH:mm:ss')}"


def local_date(moment: datetime) -> str:
    return QLocale().toString(to_qdatetime(moment).date(), QLocale.FormatType.ShortFormat)
