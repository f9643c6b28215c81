"""Filling a translated template's %1, %2, … in one pass, so that a value that itself contains
"%2" (a user's display name, a path) is never filled in again.
"""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """`fill("%1 → %2", "a", "b")` == "a → b"; a placeholder without a value stays as it is."""

    def value(found: re.Match[str]) -> str:
        index = int(found.group(1)) - 1
        return str(values[index]) if index < len(values) else found.group(0)

    return _PLACEHOLDER.sub(value, template)
