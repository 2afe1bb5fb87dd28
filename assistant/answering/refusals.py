"""Telling a model's refusal from an answer, and keeping a refusal's tail unseen.

The prompt asks the model to refuse with one exact sentence, but models word
it their own way: "The passages do not say.", "I don't have enough
information to answer this.", "Based on the provided passages, I cannot
determine…". Any of these, opening a reply that cites nothing, is a refusal:
the answer says the articles do not say, and whatever the model added from
its own knowledge ("However, it is widely known that…") is dropped.

While the answer streams, a reply that opens like a refusal is held back until
its first sentence is complete, so that such an addition never flashes up
before the refusal replaces it.
"""

from __future__ import annotations

import re

from assistant.answering.citations import cited_numbers, strip_markers
from assistant.text.sentences import split_sentences

_SOURCES = (
    r"(?:provided |given |available |supplied |above |retrieved )*(?:passages?|articles?|context"
    r"|sources?|texts?|documents?|excerpts?|information)(?: provided| given| above)?"
)
_LEAD_IN = (
    rf"(?:(?:i'm |i am )?sorry,?\s*|unfortunately,?\s*|based on (?:the )?{_SOURCES},?\s*"
    rf"|(?:in|from) (?:the )?{_SOURCES},?\s*)*"
)
_REFUSES = re.compile(
    rf"^\W*{_LEAD_IN}(?:but\s+)?(?:"
    # "The passages do not say", "The articles don't mention…"
    rf"(?:the |these |this )?{_SOURCES} (?:do(?:es)? not|don't|doesn't|never|fails? to) "
    r"(?:\w+ )?(?:say|state|mention|contain|include|provide|specify|give|answer|address"
    r"|discuss|indicate|tell|cover|have)"
    # "I don't have enough information", "I cannot determine…", "I am unable to answer"
    r"|(?:i|we) (?:do not|don't|cannot|can't|could not|couldn't|am unable to|was unable to"
    r"|are unable to|have no way to) (?:\w+ )?(?:have|find|determine|answer|say|tell|know"
    r"|provide|confirm|identify|locate)"
    # "There is no information about…", "There is not enough information…"
    r"|there (?:is|was|are) (?:no|not enough|insufficient) (?:\w+ )?(?:information|mention"
    r"|indication|data|details?|evidence|answer)"
    # "No passage says…", "None of the articles mention…"
    rf"|(?:no|none of the) {_SOURCES}\b"
    # "The answer is not in the passages", "This information is not provided."
    r"|(?:the |this )?(?:information|answer|detail)s? (?:is|are|was|were) not (?:\w+ )?"
    r"(?:provided|given|available|mentioned|stated|included|found|in)"
    r")\b",
    re.IGNORECASE,
)
# Openings that may turn into a refusal once the sentence is complete.
_MAY_REFUSE = re.compile(
    rf"^\W*(?:i\b|i'm\b|we\b|sorry|unfortunately|based\b|in the\b|from the\b|there\b|no\b"
    rf"|none\b|this\b|these\b|(?:the )?(?:{_SOURCES}|answer|details?)\b)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def is_refusal(text: str, refusal: str) -> bool:
    """Whether a reply refuses: it cites nothing and opens with the prompt's refusal sentence
    or says in its first sentence, in any common wording, that the passages do not answer."""
    if cited_numbers(text):
        return False
    plain = " ".join(strip_markers(text).split())
    said = " ".join(refusal.split()).rstrip(".")
    return plain.lower().startswith(said.lower()) or bool(_REFUSES.match(_first_sentence(plain)))


def may_be_refusing(text: str, refusal: str) -> bool:
    """Whether a reply begun with `text` should be held back: it is still in its first
    sentence and may become a refusal, or it already is one."""
    plain = " ".join(strip_markers(text).split())
    if not plain:
        return True
    said = " ".join(refusal.split())
    if said.lower().startswith(plain.lower()) or is_refusal(text, refusal):
        return True
    return not _SENTENCE_END.search(plain) and bool(_MAY_REFUSE.match(plain))


def _first_sentence(text: str) -> str:
    spans = split_sentences(text)
    return spans[0].of(text) if spans else text
