"""The periods a question or sentence names, which set one period's figures apart."""

from __future__ import annotations

import pytest

from assistant.answering.periods import named_periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("Pre-tax profit for the second quarter reached £48.2 million.", {"quarter 2"}),
        ("What was the temperature on Saturday?", {"Saturday"}),
        ("The meeting on Thursday evening voted it through.", {"Thursday"}),
        ("Saturday's match was called off.", {"Saturday"}),
        # A day naming a kind of thing dates nothing, unless a word before it says when.
        ("By what margin did councillors end free Sunday parking?", set()),
        ("How many Saturday jobs were advertised?", set()),
        ("On Sunday parking was free.", {"Sunday"}),
    ],
)
def test_the_periods_named(text: str, periods: set[str]) -> None:
    assert named_periods(text) == periods
