"""Turning a follow-up question into a standalone one before retrieval.

"Who confirmed it?" retrieves nothing useful on its own. With a language
model the conversation and the follow-up go through the condense prompt.
Without one, a rule carries the subject over: when the follow-up refers back
(a pronoun or demonstrative) or has too few content words to search with,
the content words of the latest earlier question that had enough of its own
are appended as context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.cite import strip_markers
from assistant.lexical import STOP_WORDS, terms, words
from assistant.llms.base import ChatModel
from assistant.prompts import condense_messages

REFERRING_WORDS = frozenset(
    """it its he him his she her they them their this that these those there then""".split()
)
# A follow-up with fewer content terms than this cannot stand alone.
MIN_OWN_TERMS = 3
MAX_STANDALONE_CHARS = 500
_WORD = re.compile(r"\w[\w’'-]*")


def condense(question: str, history: Sequence[tuple[str, str]], chat: ChatModel | None) -> str:
    """A standalone version of `question` given the earlier (question, answer) turns."""
    if not history:
        return question
    if chat is not None:
        rewritten = strip_markers(chat.complete(condense_messages(question, history))).strip()
        rewritten = rewritten.strip('"').splitlines()[0].strip() if rewritten else ""
        return rewritten[:MAX_STANDALONE_CHARS] or question
    return carry_subject(question, [asked for asked, _ in history])


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
                return f"{question} (context: {' '.join(context)})"
            return question
    return question
