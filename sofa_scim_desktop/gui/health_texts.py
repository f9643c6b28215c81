"""A synchronization's health in the GUI's language: a short reason for the list, and the full
reason with its fix for the tooltip, worded from the state and its figures (services.health)
rather than from the English `reason` sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from sofa_scim_desktop.services.health import CallFigures
from sofa_scim_desktop.services.health import Health

HOURS_AS_DAYS = 48  # "for 3 days" reads better than "for 72 hours"


class HealthWords(QObject):
    """The words; a QObject only so that `self.tr` gives lupdate one context for all of them."""

    def refusal_short(self, reason: str) -> str:
        return {
            "missing_key": self.tr("Refused: no key"),
            "wrong_key": self.tr("Refused: wrong key"),
            "expired_key": self.tr("Refused: key expired"),
            "revoked_key": self.tr("Refused: replaced key"),
            "disabled": self.tr("Refused: was disabled"),
            "old_identifier": self.tr("Refused: old Tenant URL"),
        }.get(reason, self.tr("Refused"))

    def refusal_reason(self, reason: str) -> str:
        """Why Entra's calls are refused, as a sentence."""
        return {
            "missing_key": self.tr("Entra's calls carry no access key."),
            "wrong_key": self.tr("Entra's calls carry a wrong access key."),
            "expired_key": self.tr("Entra's calls carry an access key that has expired."),
            "revoked_key": self.tr("Entra's calls carry an access key that a newer one replaced."),
            "disabled": self.tr("Entra called while the synchronization was disabled."),
            "old_identifier": self.tr(
                "Entra calls the Tenant URL of the synchronization's old identifier."
            ),
        }.get(reason, self.tr("Entra's calls are refused."))

    def refusal_fix(self, reason: str) -> str:
        return {
            "missing_key": self.tr(
                "In Entra (Provisioning → Admin Credentials), paste the key from Access details "
                "into Secret Token."
            ),
            "wrong_key": self.tr(
                "Generate a key in Access details and paste it into Secret Token in Entra "
                "(Provisioning → Admin Credentials)."
            ),
            "expired_key": self.tr(
                "Generate a new key in Access details and paste it into Secret Token in Entra."
            ),
            "revoked_key": self.tr(
                "Paste the newest key from Access details into Secret Token in Entra."
            ),
            "disabled": self.tr("Enable the synchronization, or stop provisioning in Entra."),
            "old_identifier": self.tr(
                "In Entra, set Tenant URL to the Endpoint URL shown in Connect Entra."
            ),
        }.get(reason, self.tr("See Display the logs for the reason."))

    # NOTE: the English texts need no "(s)": silence starts at 24 hours, days at 2, and a
    # synchronization fails from 2 calls on. Czech has its three forms in the .ts.
    def _silent_for(self, hours: int) -> str:
        if hours >= HOURS_AS_DAYS:
            return self.tr("No call for %n days", "", hours // 24)
        return self.tr("No call for %n hours", "", hours)

    def short_text(self, health: Health) -> str:
        """A few words for the list's Health column."""
        args = health.args
        if health.state == "ok":
            return self.tr("OK")
        if health.state == "failing":
            text = self.tr("Failing: %1 of %n calls", "", int(args.get("calls", 0)))
            return text.replace("%1", str(args.get("failed", 0)))
        if health.state == "refused":
            return self.refusal_short(str(args.get("refusal", "")))
        if health.state == "silent":
            return self._silent_for(int(args.get("hours", 0)))
        if health.state == "never_called":
            return self.tr("Not called yet")
        return self.tr("Disabled")

    def headline(self, health: Health) -> str:
        """The reason's first sentence: what the tray says."""
        args = health.args
        state = health.state
        if state == "disabled":
            return self.tr("The synchronization is disabled: Sofa refuses Entra's calls.")
        if state == "never_called":
            return self.tr("Entra has not called yet.")
        if state == "refused":
            return self.refusal_reason(str(args.get("refusal", "")))
        if state == "failing":
            text = self.tr(
                "%1 of %n calls in the last 24 hours failed.", "", int(args.get("calls", 0))
            )
            return text.replace("%1", str(args.get("failed", 0)))
        if state == "silent":
            hours = int(args.get("hours", 0))
            if hours >= HOURS_AS_DAYS:
                return self.tr("Entra has not called for %n days.", "", hours // 24)
            return self.tr("Entra has not called for %n hours.", "", hours)
        failed = int(args.get("failed", 0))
        if failed:
            return self.tr(
                "Entra's calls are answered; %n failed in the last 24 hours.", "", failed
            )
        return self.tr("Entra's calls are answered.")

    def reason_and_fix(self, health: Health) -> tuple[str, str | None]:
        """The full reason (the headline and what follows from it), and what to do (None
        when nothing needs doing).
        """
        args = health.args
        state = health.state
        headline = self.headline(health)
        logs = self.tr("Display the logs shows each failed call with its fix.")
        if state == "disabled":
            return headline, self.tr(
                "Enable it (Enable synchronization) when Entra should provision again."
            )
        if state == "never_called":
            return headline, self.tr(
                "Paste the Endpoint URL into Entra as the Tenant URL and the key as the Secret "
                "Token, then click Test Connection."
            )
        if state == "refused":
            refused = self.tr(
                "Refused in the last 24 hours: %n.", "", int(args.get("refused_24h", 0))
            )
            return f"{headline} {refused}", self.refusal_fix(str(args.get("refusal", "")))
        if state == "failing":
            return headline + self._quarantine(health), logs
        if state == "silent":
            often = self.tr("It calls about every 40 minutes.")
            return f"{headline} {often}", self.tr(
                "Check in Entra that provisioning is on and not in quarantine (Provisioning → "
                "Overview)."
            )
        return headline, logs if args.get("failed") else None

    def _quarantine(self, health: Health) -> str:
        """What a failing synchronization's headline is followed by: the quarantine warning
        and, on a line of its own, the last failure as Entra was told (in English).
        """
        args = health.args
        if args.get("quarantine_soon"):
            text = " " + self.tr("Entra will put the job in quarantine if this goes on.")
        else:
            text = " " + self.tr("Entra quarantines a job whose calls mostly fail.")
        last = str(args.get("last_failure") or "")
        if last:
            text += "\n" + self.tr("Last failure: %1").replace("%1", last)
        return text

    def tooltip(self, health: Health, last_failure: bool = True) -> str:
        """The reason and the fix; `last_failure` False leaves out the last failure's
        sentence (long, and in the log too) where space is short.
        """
        reason, fix = self.reason_and_fix(health)
        if not last_failure:
            reason = reason.splitlines()[0]
        fix_label = self.tr("Fix:")  # NOTE: outside the f-string, where lupdate finds it
        return f"{reason}\n{fix_label} {fix}" if fix else reason

    def sentence(self, name: str, health: Health) -> str:
        """One line for the tray's menu and tooltip: the synchronization's name and why."""
        return f"{name}: {self.headline(health)}"

    def all_ok(self) -> str:
        """For the tray, when every synchronization is well."""
        return self.tr("Every synchronization: Entra's calls are answered.")

    def last_day(self, figures: CallFigures) -> str:
        """The last 24 hours' failures and refusals, e.g. "3 failed · 12 refused"."""
        parts = []
        if figures.failed_24h:
            parts.append(self.tr("%n failed", "", figures.failed_24h))
        if figures.refused_24h:
            parts.append(self.tr("%n refused", "", figures.refused_24h))
        if parts:
            return " · ".join(parts)
        return self.tr("No failures") if figures.calls_24h else ""

    def last_day_tooltip(self, figures: CallFigures) -> str:
        text = self.tr("Calls in the last 24 hours: %1 (failed: %2, refused: %3).")
        for place, count in (
            ("%1", figures.calls_24h),
            ("%2", figures.failed_24h),
            ("%3", figures.refused_24h),
        ):
            text = text.replace(place, str(count))
        return text
