"""How long ago something happened, as the admin says it ("5 min ago"): Entra calls about every
40 minutes, so minutes tell at a glance what a date and time would make the admin work out.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from sofa_scim_desktop.domain.clock import utcnow

CONTEXT = "RelativeTime"


def ago(moment: datetime, now: datetime | None = None) -> str:
    """`moment` (stored naive UTC) relative to `now`: "just now", "5 min ago", "3 h ago",
    "4 days ago".
    """
    seconds = max(0, int(((now or utcnow()) - moment).total_seconds()))
    minutes, hours, days = seconds // 60, seconds // 3600, seconds // 86400
    if minutes < 1:
        return QCoreApplication.translate("RelativeTime", "just now")
    if hours < 1:
        return QCoreApplication.translate("RelativeTime", "%n min ago", "", minutes)
    if hours < 48:
        return QCoreApplication.translate("RelativeTime", "%n h ago", "", hours)
    return QCoreApplication.translate("RelativeTime", "%n days ago", "", days)  # 2 or more
