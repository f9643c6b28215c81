"""Plural forms outside Qt (mail, CLI): English one/other, Czech one/few/many."""

from __future__ import annotations

import pytest

from sofa_scim_desktop.domain import plurals


@pytest.mark.parametrize(
    ("count", "czech", "english"),
    [(0, "dní", "days"), (1, "den", "day"), (2, "dny", "days"), (4, "dny", "days"),
     (5, "dní", "days"), (12, "dní", "days"), (22, "dní", "days")],
)  # fmt: skip
def test_forms(count: int, czech: str, english: str) -> None:
    assert plurals.apply("{n:den|dny|dní}", "cs", {"n": count}) == czech
    assert plurals.apply("{n:day|days}", "en", {"n": count}) == english


def test_markup_without_an_integer_value_stays_visible() -> None:
    assert plurals.apply("{n:day|days}", "en", {"n": "3"}) == "{n:day|days}"
    assert plurals.apply("{m:day|days}", "en", {"n": 3}) == "{m:day|days}"
