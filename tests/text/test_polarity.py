"""What a negation bears on, which decides whether a sentence denies a question's premise."""

from __future__ import annotations

import pytest

from assistant.text.polarity import negated_terms
from assistant.text.terms import terms

WANTED = frozenset(terms("developed semi-final charged goal confirmed injured"))


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("The drug has not yet been developed.", {"develop"}),
        ("She was not charged.", {"charg"}),
        # A word standing for what was said before takes the negation, not what follows it.
        ('"You can\'t do that in a semi-final," he said.', set()),
        ("It was not that the goal came late.", set()),
        # After "no", what its clause says of it is denied too; not after a set phrase.
        ("No details have been confirmed, but rumours suggest U2.", {"confirm"}),
        ("No one was injured.", {"injur"}),
        ("There is no doubt the band was confirmed.", set()),
    ],
)
def test_a_negation_bears_on_the_first_word_after_it(sentence: str, negated: set[str]) -> None:
    assert negated_terms(sentence, WANTED) == negated
