"""Whether the passages hold the names, numbers and words a question is about.

Names and numbers are what a small embedding model blurs and what decides
whether passages are about the question at all: "Who is Pete Hegseth?" is
about Hegseth, and passages that never mention him cannot answer it however
close they are in meaning, while a passage that does may answer it even when
the whole question and the passage are far apart in meaning. Used by the
relevance gate (pipeline.py) and the extractive answerer's refusals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answering.recognise import find
from assistant.records import Passage
from assistant.text.terms import terms

# Two names match when one begins with this much of the other ("Brazil"/"Brazilian").
NAME_PREFIX = 5
# Numbers, not the digits of a name such as "Q1", "G8" or "H2".
_DIGITS = re.compile(r"(?<![A-Za-z])(?:\d[\d,.]*\d|\d)")
# Names that news writes in more than one way (as terms): a question about "Britain" is
# about an article's "UK" ("US" is a stop word, so it is never looked for), one about "Q1"
# about its "first quarter".
_OTHER_NAMES = [
    frozenset({"uk", "britain", "british"}),
    frozenset({"usa", "america", "american"}),
    frozenset({"holland", "netherland", "dutch"}),
    # Countries whose people are called by a word not starting like the country's name:
    # a question about a "Welsh amateur" is about an article's "Wales".
    *(
        frozenset(terms(names))
        for names in (
            "Wales Welsh",
            "France French",
            "Ireland Irish",
            "Scotland Scottish Scots",
            "England English",
            "Spain Spanish",
            "Switzerland Swiss",
            "Denmark Danish",
            "Sweden Swedish",
            "Finland Finnish",
            "Norway Norwegian",
            "Poland Polish",
            "Greece Greek",
            "Turkey Turkish",
            "Portugal Portuguese",
            "China Chinese",
            "Japan Japanese",
            "Iceland Icelandic",
            "Thailand Thai",
            "Philippines Filipino",
        )
    ),
    # Periods of a financial year: "Q1" is the "first quarter", "H2" the "second half".
    frozenset({"q1", "q2", "q3", "q4", "quarter"}),
    frozenset({"h1", "h2", "half"}),
    # A firm's officers by their initials: the "CEO" is its "chief executive".
    frozenset({"ceo", "execut"}),
    frozenset({"cfo", "financi"}),
    frozenset({"coo", "oper"}),
    frozenset({"cto", "technolog"}),
]
_ALSO_CALLED = {term: group for group in _OTHER_NAMES for term in group}


_A_NAME_IN = re.compile(r"\s+names?\b", re.IGNORECASE)


def absent_from(question: str, passages: Sequence[Passage], articles: str = "") -> list[str]:
    """The names and numbers of `question` that appear in none of the passages (or titles),
    nor in `articles` (the whole text of the passages' articles, when known)."""
    text = " ".join(f"{p.title}\n{p.text}" for p in passages) + "\n" + articles
    present = set(terms(text))
    absent = [
        name.text
        for name in find(question, "name")
        # A name of small words only ("AT&T" is "at" and "t") cannot be looked for by its terms.
        if terms(name.text)
        and not any(_same_name(t, present) for t in terms(name.text))
        # "What is the Latin name of…?": the language a name is asked in, not a name.
        and not _A_NAME_IN.match(question, name.end)
    ]
    return absent + absent_numbers(question, text)


def absent_numbers(question: str, text: str) -> list[str]:
    """The numbers of `question` (years, amounts, scores) that `text` does not hold."""
    digits = {_number(d) for d in _DIGITS.findall(text)}
    return [n for n in _DIGITS.findall(question) if _number(n) not in digits]


def _number(digits: str) -> str:
    """A number as written, in one form for comparing: "1,500" is "1500", "8.0" is "8"."""
    plain = digits.replace(",", "")
    return plain.rstrip("0").rstrip(".") if "." in plain else plain


def names_the_passages_hold(question: str, passages: Sequence[Passage]) -> bool:
    """True when the question names something and every name and number is in the passages."""
    asked = find(question, "name") or _DIGITS.search(question)
    return bool(asked) and not absent_from(question, passages)


def one_passage_holds_the_question(question: str, passages: Sequence[Passage]) -> bool:
    """True when one passage holds every content word of the question, or all but one of
    four or more: keyword evidence that the passage is about what is asked, however far the
    question and a long passage covering several things are in meaning ("What are the rare
    earth minerals worth?")."""
    asked = set(terms(question))
    if len(asked) < 2:
        return False
    needed = len(asked) - (1 if len(asked) >= 4 else 0)
    return any(len(asked & set(terms(f"{p.title}\n{p.text}"))) >= needed for p in passages)


def _same_name(term: str, present: set[str]) -> bool:
    if term in present or _ALSO_CALLED.get(term, frozenset()) & present:
        return True
    if len(term) < NAME_PREFIX:
        return False
    return any(
        len(other) >= NAME_PREFIX and other.startswith(term[:NAME_PREFIX]) for other in present
    )
