"""Asking who leads something in the words the articles use for it.

"Who heads the Marlow Vale Health Trust?" shares no word with "…said Dr Helen
Okafor, the chief executive of the Marlow Vale Health Trust": news names a
leader by a title, and readers ask with a verb (heads, leads, runs, chairs, is
in charge of, is the boss of). When the retrieved passages give the asked-about
organisation a leader's title ("the chief executive of X", "X's chairman", "X
chief executive"), or, failing that, a passage naming the organisation gives a
title right before someone's name ("Chief executive Tobias Wren said…"), the
question is read as "Who is the chief executive of X?",
which the sentence choice and the short answer handle like any question naming
a role. Nothing changes when no passage gives such a title.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.records import Passage

# "Who heads / runs / is in charge of the Marlow Vale Health Trust?"
_WHO_LEADS = re.compile(
    r"^\s*who\s+(?:heads|leads|runs|chairs|manages|is\s+(?:heading|leading|running)|"
    r"is\s+in\s+charge\s+of|is\s+the\s+(?:boss|head|leader)\s+of)\s+(?P<the>the\s+)?"
    r"(?P<body>[^?]+?)\s*\??\s*$",
    re.IGNORECASE,
)
# The titles a leader goes by, longest first so that "chief executive" wins over "chief".
_TITLE = (
    r"(?:chief executive|managing director|executive director|director general|"
    r"chief constable|headteacher|head teacher|chairman|chairwoman|chairperson|chair|"
    r"president|governor|director|principal|commissioner|commander|leader|head|boss|"
    r"manager|editor|dean|mayor)"
)


# A leader's title right before a person's name: "Chief executive Tobias Wren said…".
_BEFORE_A_NAME = re.compile(
    rf"\b(?P<title>{_TITLE})\s+(?-i:[A-Z][\w'’-]+\s+[A-Z][\w'’-]+)", re.IGNORECASE
)


def as_titled(question: str, passages: Sequence[Passage]) -> str:
    """`question` asked with the title the passages give its organisation's leader, or
    `question` as it is."""
    asked = _WHO_LEADS.match(question)
    if asked is None:
        return question
    body = asked.group("body")
    named = re.escape(body).replace(r"\ ", r"\s+")
    written = re.compile(
        rf"\b(?P<a>{_TITLE})\s+(?:of|at|for)\s+(?:the\s+)?{named}\b"
        rf"|\b{named}['’]s?\s+(?P<b>{_TITLE})\b"
        rf"|\b{named}\s+(?P<c>{_TITLE})\b",
        re.IGNORECASE,
    )
    found = next((m for p in passages if (m := written.search(p.text))), None)
    if found is not None:
        title = found.group("a") or found.group("b") or found.group("c")
    else:
        # "Chief executive Tobias Wren said…" in a passage naming the organisation: news
        # often drops "of X" where the article is about X.
        mentioned = re.compile(rf"\b{named}\b", re.IGNORECASE)
        beside = (_BEFORE_A_NAME.search(p.text) for p in passages if mentioned.search(p.text))
        title = next((m.group("title") for m in beside if m), "")
    if not title:
        return question
    return f"Who is the {title.lower()} of {asked.group('the') or ''}{body}?"
