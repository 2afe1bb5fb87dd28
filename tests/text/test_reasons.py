"""Reasons worded without a conjunction: what ends an explanation."""

from __future__ import annotations

import pytest

from assistant.text.reasons import tells_a_reason


@pytest.mark.parametrize(
    "sentence",
    [
        "The original code had become too slow for large libraries.",
        "The chapter could not afford a stone spire.",
        "The school was unable to recruit maths teachers.",
        "A shortage of drivers left the route without buses.",
        "Koubek believes an injection is to blame.",
        "The report blamed the rise on the closure of two theatres.",
    ],
)
def test_an_excess_inability_lack_or_blame_is_a_reason(sentence: str) -> None:
    assert tells_a_reason(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The pier reopened in 2004, and the cafe opened too.",
        "The theatre closed in 1994.",
        "She could see the coast from the pier.",
    ],
)
def test_a_plain_event_is_no_reason(sentence: str) -> None:
    assert not tells_a_reason(sentence)
