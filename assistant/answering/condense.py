"""Turning a follow-up question into a standalone one without a language model.

"Who confirmed it?" retrieves nothing useful on its own. (A chat answerer
asks its model to rewrite it; see chat.py.) Without a model, a rule carries
the subject over: when the follow-up refers back
(a pronoun or demonstrative) or has too few content words to search with,
the content words of the latest earlier question that had enough of its own
are appended as context.

A follow-up's own words ("And when did that happen?") are seldom the
article's: they point back at the earlier subject. So the answerability
gate, calibrated on standalone questions (its measures count the question's
words that no passage holds), is not applied to a question carrying context
(`carries_context`); the score, type and missing-name checks still are.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.text.terms import STOP_WORDS, terms, words

REFERRING_WORDS = frozenset(
    """it its he him his she her they them their this that these those there then""".split()
)
# A follow-up with fewer content terms than this cannot stand alone.
MIN_OWN_TERMS = 3
_WORD = re.compile(r"\w[\w’'-]*")
# How a carried subject is written after the follow-up, and read back (`carries_context`).
_CONTEXT_OPENS = " (context: "
_CONTEXT = re.compile(re.escape(_CONTEXT_OPENS) + r"[^()]*\)$")


def carry_subject(question: str, earlier_questions: Sequence[str]) -> str:
    """The rule used without a language model; see the module docstring."""
    own = words(question)
    refers_back = any(w in REFERRING_WORDS for w in own)
    if not refers_back and len(terms(question)) >= MIN_OWN_TERMS:
        return question
    for earlier in reversed(earlier_questions):
        if len(terms(earlier)) >= MIN_OWN_TERMS or earlier is earlier_questions[0]:
            present = set(terms(question))
            context = [
                w
                for w in dict.fromkeys(_WORD.findall(earlier))
                if (t := terms(w)) and t[0] not in present and w.lower() not in STOP_WORDS
            ]
            if context:
                return f"{question}{_CONTEXT_OPENS}{' '.join(context)})"
            return question
    return question


def carries_context(question: str) -> bool:
    """Whether `question` is a follow-up that `carry_subject` gave an earlier subject."""
    return _CONTEXT.search(question) is not None
