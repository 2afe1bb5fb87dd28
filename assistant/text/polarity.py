"""Which way a statement points: negated or not, and a figure moving up or down.

Words, not meaning: "denied", "not", "never" negate; "rose", "jumped", "grew"
move a figure up; "fell", "slumped", "declined" move it down. A claim that
says "fell" where its evidence says only "jumped" turns the evidence around
(support.py), and a sentence telling of a rise does not answer "How much did
the shares fall?" (features.py).
"""

from __future__ import annotations

import re

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
    r"|plung\w*|tumbl\w*|shr[iu]nk\w*|lower|(?:closed|ended|finished|was|were) down)\b",
    re.IGNORECASE,
)


def negated(text: str) -> bool:
    """Whether `text` has a word that negates ("not", "never", "denied", "didn't")."""
    return bool(_NEGATION.search(text))


def direction(text: str) -> int:
    """+1 when `text` moves a figure only up, -1 only down, 0 when neither or both."""
    return int(bool(_RISE.search(text))) - int(bool(_FALL.search(text)))


def opposite(one: str, other: str) -> bool:
    """Whether the two texts move a figure in opposite directions ("fell" / "jumped")."""
    return direction(one) * direction(other) < 0
