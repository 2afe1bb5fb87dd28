"""A question whose premise the articles deny: "When was the toddler version developed?"
over "…but a version for toddlers has not yet been developed."

Quoting the closest sentence would answer it with a date from another sentence,
or with the denial itself marked as if it answered. The extractive answerer
refuses instead, and gives the denying sentence as its reason; asked "Was it
built?", it quotes that sentence, which answers (extractive.py).
Words, not reading: a negation bears on a word of the question when that word
is the first after it that is not a stop word (text/polarity.py).
"""

from __future__ import annotations

import math
import re

from assistant.answering.passage_sentences import sentence_before
from assistant.answering.question import Question, name_terms
from assistant.answering.rating import Rated
from assistant.answering.short_answer import short_answer
from assistant.text.polarity import (
    denies_a_report,
    negated,
    negated_terms,
    negates_one_of,
    negation_at,
)
from assistant.text.tense import tells_what_did_not_happen
from assistant.text.terms import terms

# A sentence holding this share of the question's own words, negating one, may deny it.
DENIAL_SHARE = 0.6


# A question about what is still to come: "When will…", "When is it due…".
_ASKS_AHEAD = re.compile(
    r"\b(?:will|shall|(?:is|are) (?:due|expected|set|going|scheduled|planned))\b", re.IGNORECASE
)


def denied_premise(rated: Rated) -> int | None:
    """The candidate sentence (its index) saying that what the question takes as so is
    not: it holds most of the question's own words (when the question has only one, also
    what it asks about and, with the sentence before it in its paragraph, its names), a
    negation in it bears on one of them, and no sentence holding as many, the question's
    names it holds and the words it negates, says them without negating ("A fifth album,
    Long Light, … has not yet been released" for "When was Long Light released?", beside
    "Salt and Ember was released in 2019"; "The tower was never built." for "Was the
    Alvalade water tower built?", beside "…designed the Alvalade water tower in 1955").
    None when the question itself negates. A sentence that goes on from its negation to
    what a question about the future asks for answers it: "…has not yet published its
    forecasts, which are due on 6 May" says when they will be, not when they were (nor
    does "…announced in 2023 but has not yet been released"); so does one giving an
    amount asked for after its negation ("…has never raced there and will run just 77
    days after Athens" for "How many days after Athens…?"). A sentence telling what
    would have happened ("…credit for his plea, without which he would have been given
    nine years") denies nothing that did."""
    question = rated.question
    if negated(question.text) or not question.plain:
        return None
    if len(question.plain) < 2 and not question.names:
        return None
    least = math.ceil(DENIAL_SHARE * len(question.plain))
    holding = []
    for index, sentence in enumerate(rated.candidates.sentences):
        found = set(terms(sentence.text))
        if len(question.plain & found) < least:
            continue
        before = sentence_before(rated.passages, sentence)
        window = sentence.text if before is None else f"{before.text} {sentence.text}"
        named = question.names & set(name_terms(window))
        if len(question.plain) >= 2 or (named == question.names and question.focus <= found):
            holding.append((index, sentence.text, found, named))
    for index, text, _, named in holding:
        ahead_or_amount = _ASKS_AHEAD.search(question.text) or question.wants == "number"
        if ahead_or_amount and _answers_after_negating(question, text):
            # "…has not yet published its forecasts, which are due on 6 May"; "…has never
            # raced there and will run just 77 days after Athens" for "How many days…".
            continue
        if tells_what_did_not_happen(text):
            continue  # "…without which his sentence would have been nine years": no denial
        denied = negated_terms(text, question.plain)
        # Said plainly elsewhere: the same names and the very words denied, not negated.
        if denied and not any(
            named | denied <= found and not negates_one_of(other, question.plain)
            for _, other, found, _ in holding
        ):
            return index
    return None


# A clause saying something has not happened: "has not yet published", "is yet to decide".
_NOT_HAPPENED = re.compile(
    r"\b(?:has|have|had|is|are|was|were|did|does|do)(?: not|n['’]t)\b|\bnot yet\b|\byet to\b"
    r"|\bnever\b",
    re.IGNORECASE,
)
# Words saying what follows is still to come: "…which are due on 6 May", "…will return in 2026".
_TO_COME = re.compile(
    r"\b(?:will|would|shall|due|expected|set to|scheduled|planned|plans?|intends?|hopes?"
    r"|whether)\b",
    re.IGNORECASE,
)
# A question asking what happened: "When did…", "Who was…", "How much was it sold for?".
_ASKS_WHAT_HAPPENED = re.compile(r"\b(?:did|was|were|had)\b", re.IGNORECASE)


def still_to_come(question: Question, text: str) -> bool:
    """Whether `text`, asked what happened, says it has not happened yet and gives what is
    asked for only for what is to come: "The bank has not yet published updated forecasts,
    which are due on 6 May" for "When did the bank release its forecasts?"; "…has not yet
    decided whether the festival will return in 2026" for "When did it pay back ticket
    holders?". Quoting it would give a date that answers another question."""
    if _ASKS_AHEAD.search(question.text) or not (
        question.past or _ASKS_WHAT_HAPPENED.search(question.text)
    ):
        return False
    answer, denial = short_answer(question, text), _NOT_HAPPENED.search(text)
    if answer is None or denial is None or answer[0] < denial.end():
        return False
    return _TO_COME.search(text, denial.end(), answer[0]) is not None


def _answers_after_negating(question: Question, text: str) -> bool:
    """Whether `text` gives what the question asks for after its first negation; not when
    it denies a report ("denied reports that it planned to cut 600 jobs": the 600 is what
    was denied)."""
    answer, negation = short_answer(question, text), negation_at(text)
    if denies_a_report(text):
        return False
    return answer is not None and negation is not None and answer[0] > negation
