"""Dates as the admin reads them: stored naive UTC, shown in local time, in the locale's
unambiguous form with a four-digit year ("2 Dec 2026", "Dec 2, 2026", "2. 12. 2026"), never a
short form that reads two ways ("1 12 2027", "01/12/27"). The one place the GUI formats dates.
"""

from __future__ import annotations

import re
from datetime import UTC
from datetime import datetime

from PySide6.QtCore import QDate
from PySide6.QtCore import QDateTime
from PySide6.QtCore import QLocale
from PySide6.QtCore import QTimeZone

# Where numbers are how dates are written and read one way only (ČSN 01 6910: "2. 12. 2026").
NUMERIC_DATES = {QLocale.Language.Czech: "d. M. yyyy", QLocale.Language.Slovak: "d. M. yyyy"}


def to_qdatetime(moment: datetime) -> QDateTime:
    """A stored (naive UTC) time as a local QDateTime."""
    aware = moment.replace(tzinfo=UTC)
    utc = QDateTime.fromMSecsSinceEpoch(int(aware.timestamp() * 1000), QTimeZone.utc())
    return utc.toLocalTime()


def date_format(locale: QLocale) -> str:
    """The locale's long date without the weekday, its month abbreviated ("d MMM yyyy"), or
    the numeric form where that is the convention; always a four-digit year.
    """
    numeric = NUMERIC_DATES.get(locale.language())
    if numeric:
        return numeric
    long = locale.dateFormat(QLocale.FormatType.LongFormat)
    without_weekday = re.sub(r"d{4}[,.]?\s*", "", long).strip(" ,")
    with_short_month = re.sub(r"M{4}", "MMM", without_weekday)
    return re.sub(r"(?<!y)y{1,2}(?!y)", "yyyy", with_short_month)


def format_date(date: QDate) -> str:
    locale = QLocale()
    return locale.toString(date, date_format(locale))


def _time(local: QDateTime, seconds: bool = False) -> str:
    locale = QLocale()
    time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "s" not in time_format:
        time_format = re.sub(r"(m{1,2})", r"\1:ss", time_format, count=1)
    return locale.toString(local.time(), time_format)


def local_text(moment: datetime | None, never: str = "") -> str:
    """Date and time, e.g. "2 Dec 2026 16:05"."""
    if moment is None:
        return never
    local = to_qdatetime(moment)
    return f"{format_date(local.date())} {_time(local)}"


def local_seconds(moment: datetime) -> str:
    """With seconds, for the log, where several entries share a minute."""
    local = to_qdatetime(moment)
    return f"{format_date(local.date())} {_time(local, seconds=True)}"


def local_date(moment: datetime) -> str:
    return format_date(to_qdatetime(moment).date())


def local_time_of_day(moment: datetime) -> str:
    """Only the time ("16:05"), for what is plainly today."""
    return _time(to_qdatetime(moment))
