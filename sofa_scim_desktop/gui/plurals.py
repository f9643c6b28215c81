"""English plurals of counted texts: `tr("%n member(s)", "", n)` comes back untranslated in
English (no English .qm is shipped), so "(s)" is resolved here; the Czech translation has its
own numerus forms (one, few, many) and no "(s)" to resolve.
"""

from __future__ import annotations


def plural(text: str, count: int) -> str:
    return text.replace("(s)", "" if count == 1 else "s")
