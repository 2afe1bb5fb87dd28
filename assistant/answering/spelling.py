"""A refusal that says which of the question's words may be misspelt.

"Who is the judge in the Balko case?" is refused because no article says
"Balko"; the article the search found says "Balco". Saying "did you mean
Balco?" turns a dead end into a second try. Only a refusal gets the hint,
and only for a word that no dictionary knows ("place" is never a slip for
"peace") and none of the closest passages writes in any form (no shared
term), while one of them writes a word spelt almost the same (a
similarity ratio of at least `CLOSE`, starting with the same letter, which is
how typing slips look; a name for a capitalised word, an ordinary word for a
lower-case one). The passages are the ones the refusal shows, so the
suggested word can be checked there.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

from assistant.records import Passage
from assistant.text.terms import STOP_WORDS, in_the_dictionary, terms

# How alike a word and its suggestion must be (difflib's ratio, 0 to 1).
CLOSE = 0.8
# Shorter names, and shorter ordinary words, are too often another one a letter away.
SHORTEST = 4
SHORTEST_WORD = 5
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def misspelt(question: str, passages: Sequence[Passage]) -> list[tuple[str, str]]:
    """The question's words written in none of `passages`, each with the word the passages
    write that is spelt almost the same: [("Balko", "Balco")]."""
    written: dict[str, str] = {}
    for passage in passages:
        for word in _WORD.findall(passage.text):
            written.setdefault(word.lower(), word)
    held = {term for passage in passages for term in terms(passage.text)}
    found = []
    opening = next(iter(_WORD.findall(question)), "")
    for word in dict.fromkeys(_WORD.findall(question)):
        lower = word.lower()
        if len(word) < SHORTEST or lower in STOP_WORDS or lower in written:
            continue
        if set(terms(word)) & held or in_the_dictionary(word):
            continue  # written in another form ("carried" for "carry"), or a word ("place")
        name = word[:1].isupper()
        if not name and len(word) < SHORTEST_WORD:
            continue
        # A name is suggested for a name, a word for a word ("May" is not meant for "many",
        # nor "face" for "France"); the question's first word may be either.
        alike = [
            other
            for other in written
            if other[:1] == lower[:1] and (word == opening or written[other][:1].isupper() == name)
        ]
        close = difflib.get_close_matches(lower, alike, n=1, cutoff=CLOSE)
        if close:
            found.append((word, written[close[0]]))
    return found


def with_spelling_hint(why: str, question: str, passages: Sequence[Passage]) -> str:
    """`why` (a refusal's reason) followed by "Did you mean …?" when words seem misspelt."""
    slips = misspelt(question, passages)
    if not slips:
        return why
    meant = ", ".join(f"“{right}” for “{typed}”" for typed, right in slips)
    return f"{why} Did you mean {meant}?"
