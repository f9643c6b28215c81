"""Plural forms for the texts written outside Qt (mail, the CLI): the GUI uses Qt's own
(tr() with a count, numerus forms in the .ts). English has one and other; Czech one (1),
few (2–4) and many (0, 5 and more).
"""

from __future__ import annotations

import re

# `{days:den|dny|dní}` in a text: the form for the value named `days`.
_MARKUP = re.compile(r"\{(\w+):([^{}]*)\}")


def form_index(language: str, count: int) -> int:
    """Which of the language's forms `count` takes (English 2 forms, Czech 3)."""
    if language == "cs":
        if count == 1:
            return 0
        return 1 if 2 <= count <= 4 else 2
    return 0 if count == 1 else 1


def choose(language: str, count: int, forms: list[str]) -> str:
    return forms[min(form_index(language, count), len(forms) - 1)]


def apply(text: str, language: str, values: dict[str, object]) -> str:
    """Replaces each `{name:form|form…}` by the form for the integer `values[name]`; markup that
    names no integer value is left as it is (so that a mistake shows in the message).
    """

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if not isinstance(value, int) or isinstance(value, bool):
            return match.group(0)
        return choose(language, value, match.group(2).split("|"))

    return _MARKUP.sub(replace, text)
