"""Quoting a long sentence only as far as it answers.

A sentence that answers often goes on past its answer in clauses that tell
something else: "Evacuees have been directed to a temporary shelter at the
Marsden County Fairgrounds in Redford, where volunteers are providing food, cots
and veterinary care for pets." The answer quotes it up to the last clause that
holds the short answer or a word of the question, and marks the cut with "…".
The quote stays word for word as far as it goes, and the passages panel shows
the whole sentence, so a reader checking it loses nothing.

What is cut must be safe to leave out: never a clause holding another thing of
the kind asked for (the short answer may be the wrong one: "originally due on 26
March, has been postponed to 9 April"), never a clause that qualifies or turns
the rest around ("…, but was later disqualified", "…, although no date was
set"), never whose word it is (", fire officials said on Tuesday"), never what
the short answer is said to be or do (", who finished second", which may be how
the question is answered in other words than its own), never inside
quotation marks or brackets, never between the items of a list ("to write, edit
and share"), never the items of a list the question asks for, and only a tail of
some length (SHORTEST_CUT words) beginning with a clause of that length: an
ellipsis standing for two words saves the reader nothing, and a short aside is
most often followed by the verb ("Ms Whitlock, a former headteacher, won…").

A sentence opening the story with its dateline ("Harrowgate, 12 February 2025 -
The council has approved…") is quoted from its own first word: where and when the
story was filed is no part of what the sentence says.
"""

from __future__ import annotations

import dataclasses
import re

from assistant.answering.question import Question
from assistant.answering.short_answer import short_answer
from assistant.records import QUOTE_CUT, Quote
from assistant.text.datelines import filed_before
from assistant.text.polarity import negated
from assistant.text.tense import has_a_finite_verb
from assistant.text.terms import STOP_WORDS, terms, words

SHORTEST_CUT = 4

# Where a clause may end: a comma or semicolon before a space, or a spaced dash.
_CLAUSE_END = re.compile(r"[,;](?=\s)|\s[–—-](?=\s)")
# "and" or "or" joining a list's last item: "to write, edit and share compositions".
_AND_OR = re.compile(r"\b(?:and|or)\b", re.IGNORECASE)
# What stands before a clause's first word.
_BEFORE_A_CLAUSE = r"[,;\s–—-]*"
# A relative clause, which tells of the words before it.
_RELATIVES = r"who|whose|whom|which|where"
_RELATIVE = re.compile(rf"{_BEFORE_A_CLAUSE}(?:{_RELATIVES})\b", re.IGNORECASE)
# A clause opening with a relative or a conjunction, whose "and" is its own: ", which
# delivered it late after a strike delayed its engines and seats".
_OPENS_A_CLAUSE = re.compile(
    rf"{_BEFORE_A_CLAUSE}(?:{_RELATIVES}|when|after|before|while|as|since|because)\b",
    re.IGNORECASE,
)
# A clause opening with its subject, which the words before it lead into: "and in 1990, in
# Aosta, she won outright".
_SUBJECT = re.compile(rf"{_BEFORE_A_CLAUSE}(?:he|she|it|they|we|i|you)\b", re.IGNORECASE)
# Who says so, after what they said: ", the two companies said on Thursday", ", according
# to police". A clause opening with the verb (", said the fault had been traced…") is what
# the person said next, not whose word the quote is.
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|according to|confirmed|confirms|announced|added|stated"
    r"|warned|insisted|argued|claimed|claims)\b",
    re.IGNORECASE,
)
# Words with which a later clause qualifies or takes back what the sentence says.
_QUALIFYING = re.compile(
    r"\b(?:but|although|though|yet|however|except|unless|until|despite|instead|rather"
    r"|only|later|subject|pending|provided|if|whether|alleged\w*|reportedly)\b",
    re.IGNORECASE,
)


def up_to_the_answer(question: Question, quote: Quote) -> Quote:
    """`quote` cut after the last clause holding its short answer or a word of `question`,
    with "…" in place of the rest; unchanged when nothing may be cut."""
    if quote.short is None or quote.item or question.wants_several:
        return quote
    text = quote.text.rstrip()
    answer_end = quote.short.end - quote.start
    every_end = [m.start() for m in _CLAUSE_END.finditer(text)]
    ends = [end for end in every_end if end >= answer_end]
    clauses = list(zip(ends, [*ends[1:], len(text)], strict=False))
    held = answer_end
    for end, following in clauses:
        if _holds_the_question(question, text[end:following]):
            held = following
    for end, following in clauses:
        before = max((e for e in every_end if e < end), default=None)
        if before is not None and not _ends_on_a_content_word(text[:before]):
            continue  # "…can overheat and, in a few cases,": an aside inside a clause
        if end == answer_end and _RELATIVE.match(text, end):
            continue  # "…James Pollard, who finished second": what makes it the answer
        if not _has_its_verb(text[:end], every_end):
            continue  # "The canton, which owns 42 percent," has not yet said what it did
        if end >= held and _may_cut(question, text, end, following):
            kept = text[:end].rstrip()
            return dataclasses.replace(quote, text=kept + QUOTE_CUT, end=quote.start + len(kept))
    return quote


def after_the_dateline(quote: Quote) -> Quote:
    """`quote` without the dateline its sentence opens with; unchanged when it opens with
    none, or when its short answer lies in it (the day filed may be the one asked for)."""
    opening = filed_before(quote.text)
    if not opening or (quote.short is not None and quote.short.start < quote.start + opening):
        return quote
    return dataclasses.replace(quote, text=quote.text[opening:], start=quote.start + opening)


def _may_cut(question: Question, text: str, at: int, next_end: int) -> bool:
    """Whether `text` may be cut at `at`, the clause after running to `next_end`: not inside
    a quotation or an aside, not before a list's next item, a short aside ("Ms Whitlock,
    a former headteacher, won…") or the subject the words before lead into, not after a
    word leading on ("…can overheat and, in a few cases, catch fire"), and not before
    anything the module's docstring keeps."""
    tail, following = text[at:], text[at:next_end]
    return (
        _closed(text[:at])
        and len(words(tail)) >= SHORTEST_CUT
        and len(words(following)) >= SHORTEST_CUT
        and (_OPENS_A_CLAUSE.match(following) or not _AND_OR.search(following))
        and not _SUBJECT.match(following)
        and _ends_on_a_content_word(text[:at])
        and not negated(tail)
        and not _QUALIFYING.search(tail)
        and not _attributes(tail)
        and short_answer(question, tail) is None
    )


def _has_its_verb(kept: str, every_end: list[int]) -> bool:
    """Whether `kept`, the start of a sentence, has a verb saying what its subject did or is,
    outside relative clauses and asides: "Ricciardi, the world number 14, served 19 aces"
    has; "The canton of Lucerne, which owns 42 percent of the company" and "Dafydd Hughes,
    the coxswain of the lifeboat" have not, their verb being still to come."""
    starts = [0, *(end for end in every_end if end < len(kept))]
    return any(
        not _RELATIVE.match(kept, start) and has_a_finite_verb(kept[start:end])
        for start, end in zip(starts, [*starts[1:], len(kept)], strict=False)
    )


def _holds_the_question(question: Question, clause: str) -> bool:
    """Whether `clause` has a word or number of `question`."""
    return bool(set(terms(clause)) & question.terms) or any(
        number in clause.replace(",", "") for number in question.numbers
    )


def _attributes(tail: str) -> bool:
    """Whether `tail` says whose word the sentence is: "according to", or a reporting verb
    past its first word."""
    first = re.search(r"\w", tail)
    return any(
        match.start() != (first.start() if first else 0) or match.group(0)[0] in "Aa"
        for match in _REPORTING.finditer(tail)
    )


def _ends_on_a_content_word(text: str) -> bool:
    """Whether `text` ends on a word that is no stop word: "can overheat and" leads into
    what follows."""
    last = words(text)[-1:]
    return bool(last) and last[0].lower() not in STOP_WORDS


def _closed(text: str) -> bool:
    """Whether every quotation mark and bracket opened in `text` is closed: a cut there
    does not leave a quotation or an aside half-quoted."""
    straight = text.count('"') % 2 == 0
    curly = text.count("“") == text.count("”")
    brackets = all(text.count(o) == text.count(c) for o, c in ("()", "[]", "{}"))
    return straight and curly and brackets
