"""Which way a statement points: negated or not, and a figure moving up or down.

Words, not meaning: "denied", "not", "never" negate; "rose", "jumped", "grew"
move a figure up; "fell", "slumped", "declined", "lost" move it down. A claim that
says "fell" where its evidence says only "jumped" turns the evidence around
(support.py), and a sentence telling of a rise does not answer "How much did
the shares fall?" (features.py). A clause negating a word of a question
("…has not been developed" for "When was it developed?") denies its premise
(extractive.py).
"""

from __future__ import annotations

import re

from assistant.text.terms import STOP_WORDS, terms, words

_NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|none|nobody|nothing|without|den(?:y|ies|ied|ying)"
    r"|refut\w*|reject\w*)\b|n['’]t\b",
    re.IGNORECASE,
)
_RISE = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|jump\w*|climb\w*|soar\w*|surg\w*|increas\w*|grew|grow\w*"
    r"|gain\w*|rall(?:y|ied|ies)|higher)\b",
    re.IGNORECASE,
)
_FALL = re.compile(
    r"\b(?:f[ae]ll(?:s|en|ing)?|drop\w*|slump\w*|slid\w*|slip\w*|declin\w*|decreas\w*"
    r"|plung\w*|tumbl\w*|shr[iu]nk\w*|lower|los(?:e|es|t|ing)"
    r"|(?:closed|ended|finished|was|were) down)\b",
    re.IGNORECASE,
)


# A denial of what was said: "denied reports that…", "rejected claims that…", "denies that…".
_DENIED_REPORT = re.compile(
    r"(?:den(?:y|ies|ied|ying)|reject\w*|refut\w*)\s+(?:(?:the|a|any|all)\s+)?"
    r"(?:(?:press\s+|newspaper\s+|media\s+)?(?:reports?|claims?|suggestions?|speculation"
    r"|rumou?rs?|allegations?|accusations?)(?:\s+[\w'’-]+){0,5}?\s+)?that\b",
    re.IGNORECASE,
)
# Passed over between a negation and the word it negates: "not yet been", "never even".
_PASSED_OVER = STOP_WORDS | {"yet", "ever", "even", "always", "fully", "properly", "quite"}
# Words standing for what was said before ("you can't do that in a semi-final"): a negation
# reaching one bears on it, not on the words after it.
_PRO_FORMS = frozenset("it that this so these those them".split())
# Where a sentence's clauses part: punctuation inside it, and the words joining two statements.
_CLAUSE = re.compile(r"[;,:]|\b(?:and|but|while|whereas|although|though)\b", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """The clauses of `text` (the text itself when it has one)."""
    return [part for part in _CLAUSE.split(text) if part.strip()] or [text]


def negated(text: str) -> bool:
    """Whether `text` has a word that negates ("not", "never", "denied", "didn't")."""
    return bool(_NEGATION.search(text))


def negates_one_of(text: str, wanted: frozenset[str]) -> bool:
    """Whether a negation in `text` bears on one of the `wanted` terms (`negated_terms`)."""
    return bool(negated_terms(text, wanted))


def negation_at(text: str) -> int | None:
    """Where the first negation of `text` starts; None when it has none."""
    found = _NEGATION.search(text)
    return found.start() if found else None


def denies_a_report(text: str) -> bool:
    """Whether `text` denies what was reported or claimed ("denied reports that it planned
    to cut 600 jobs"): the figures in it are what was denied, not what is so."""
    return any(_DENIED_REPORT.match(text, m.start()) for m in _NEGATION.finditer(text))


def negated_terms(text: str, wanted: frozenset[str]) -> set[str]:
    """The `wanted` terms a negation in `text` bears on: each the first word after a
    negation that is not a stop word or an adverb of time ("develop" in "has not yet been
    developed"; not "test" in "without a positive test"), unless a word standing for
    something said before comes first ("you can't do that in a semi-final"); and after
    "no" or "none", the participle its clause says of it ("confirm" in "No details have
    been confirmed", "injure" in "No one was injured")."""
    found: set[str] = set()
    for negation in _NEGATION.finditer(text):
        reported = _DENIED_REPORT.match(text, negation.start())
        if reported is not None:
            # "denied reports that it planned to cut 600 jobs": what the reports said.
            clause = _CLAUSE.split(text[reported.end() :], maxsplit=1)[0]
            found |= set(terms(clause)) & wanted
            continue
        after = (
            w for w in words(text[negation.end() :]) if w.lower() not in _PASSED_OVER - _PRO_FORMS
        )
        word = next(after, "")
        if word.lower() not in _PRO_FORMS:
            found |= set(terms(word)) & wanted
        if negation.group(0).lower() in _NONE_OF_IT and word.lower() not in _SET_PHRASES:
            # "No details of the line-up have been confirmed": what is said of none, too.
            clause = _CLAUSE.split(text[negation.end() :], maxsplit=1)[0]
            if (said := _SAID_OF_IT.search(clause)) is not None:
                found |= set(terms(said.group(1))) & wanted
    return found


# Negations naming what nothing is said of ("No one was injured"), and the verb saying it.
_NONE_OF_IT = frozenset({"no", "none", "nobody", "nothing"})
# "No doubt the band was confirmed": set phrases after "no" that deny nothing after them.
_SET_PHRASES = frozenset({"doubt", "matter", "longer", "sooner", "wonder", "surprise"})
_SAID_OF_IT = re.compile(
    r"\b(?:has|have|had|is|are|was|were|will be)\s+(?:yet\s+|so far\s+|since\s+)?"
    r"(?:been\s+)?(?:yet\s+)?([a-z]+(?:ed|en|t))\b",
    re.IGNORECASE,
)


def direction(text: str) -> int:
    """+1 when `text` moves a figure only up, -1 only down, 0 when neither or both."""
    return int(bool(_RISE.search(text))) - int(bool(_FALL.search(text)))


def opposite(one: str, other: str) -> bool:
    """Whether the two texts move a figure in opposite directions ("fell" / "jumped")."""
    return direction(one) * direction(other) < 0


def turns_around(claim: str, evidence: str) -> bool:
    """Whether a claim says the opposite of its evidence, as far as words tell: a clause of
    the claim has a negation that the evidence's clause most like it lacks, or the other way
    round ("denied" / "confirmed"), or has a figure moving one way where that clause has
    it moving only the other ("fell" / "jumped"). Clauses are compared, not whole sentences:
    "…was unrealistic and that NATO membership was no longer a priority" negates only its
    second part."""
    parts = clauses(evidence)
    part_terms = [set(terms(p)) for p in parts]
    for clause in clauses(claim):
        said = set(terms(clause))
        match = parts[max(range(len(parts)), key=lambda i: len(said & part_terms[i]))]
        if negated(clause) != negated(match) or opposite(clause, match):
            return True
    return False
