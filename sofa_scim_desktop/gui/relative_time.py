"""How long ago something happened, as the admin says it ("5 min ago"): Entra calls about every
40 minutes, so minutes tell at a glance what a date and time would make the admin work out.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from sofa_scim_desktop.domain.clock import utcnow

CONTEXT = "RelativeTime"


class RelativeTime(QObject):
    """The texts, as methods: lupdate takes `self.tr(text, "", n)` for a plural (numerus)
    message, and not QCoreApplication.translate with a count. The class names the context.
    """

    def just_now(self) -> str:
        return self.tr("just now")

    def minutes(self, count: int) -> str:
        return self.tr("%n min ago", "", count)

    def hours(self, count: int) -> str:
        return self.tr("%n h ago", "", count)

    def days(self, count: int) -> str:
        return self.tr("%n days ago", "", count)  # 2 or more


_WORDS = RelativeTime()


def ago(moment: datetime, now: datetime | None = None) -> str:
    """`moment` (stored naive UTC) relative to `now`: "just now", "5 min ago", "3 h ago",
    "4 days ago".
    """
    seconds = max(0, int(((now or utcnow()) - moment).total_seconds()))
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if minutes < 1:
        return _WORDS.just_now()
    if hours < 1:
        return _WORDS.minutes(minutes)
    if hours < 48:
        return _WORDS.hours(hours)
    return _WORDS.days(days)
