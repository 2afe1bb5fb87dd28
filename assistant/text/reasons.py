"""Reasons a sentence gives without a conjunction saying so.

"Because", "due to" and their kin mark a reason (short_answer.py finds the clause
after them). Articles as often word a reason by what it was: an excess ("the code
had become too slow", "repairs were judged too expensive"), an inability ("the
chapter could not afford a stone spire", "the school was unable to recruit"), a
lack ("a shortage of drivers") or blame ("an injection is to blame", "blamed the
fall on the weather"). An explanation that reaches such a sentence has given its
cause (extractive.py), as one that reaches an earlier event has (tense.py).
"""

from __future__ import annotations

import re

_UNMARKED_REASON = re.compile(
    r"\btoo\s+(?:much\s+|many\s+|few\s+|little\s+)?[a-z]"
    r"|\b(?:could\s*n[o']t|can\s*n[o']t|were\s+unable|was\s+unable|unable)\s+(?:to\s+)?\w"
    r"|\b(?:lack|shortage|absence)\s+of\b"
    r"|\bto\s+blame\b|\bblam(?:ed|ing)\b",
    re.IGNORECASE,
)


def tells_a_reason(sentence: str) -> bool:
    """True when `sentence` words a reason as an excess, an inability, a lack or blame."""
    return _UNMARKED_REASON.search(sentence) is not None
