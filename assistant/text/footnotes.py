"""Reference marks: the "[3]", "[a]", "[citation needed]" and "²" that encyclopaedias and
papers attach to their sentences; and the list of references they end with.

They are not words of the article, and they look exactly like the `[n]` an
answer cites its passages with: quoted as they stand, "…said.[3]" would cite
passage 3, whatever passage 3 is. So articles are stored without them
(ingest/readers.py), the sentence splitter lets a sentence end after them,
and text shown to a model or quoted in an answer has them removed, for
articles stored before this rule.

A mark counts only when it is attached to the word or punctuation before it
(no space), and only in the forms these references take: a number of up to
three digits (not starting with 0), a letter, "note 4", or a bracketed
editorial remark ("citation needed", "who?", "dubious – discuss"), and not
followed by a word, "(" or "=" as an index in code is ("items[0]",
"row[1].name", "a[2] = b"). "[sic]", "[the minister]" and "x [1]" are left
alone.
"""

from __future__ import annotations

import re

_EDITORIAL = r"[a-z][a-z\x20,'’–-]{0,40}?(?:needed|\?|discuss|dead link|verification)"
# One attached reference mark, as a regular expression other patterns can embed.
# (Case-insensitive on its own, so that it can sit in a case-sensitive pattern.)
REFERENCE_MARK = (
    r"(?i:(?<=\S)\[(?:[1-9]\d{0,2}|[a-z]|(?:note|nb|n)\x20?\d{1,3}|" + _EDITORIAL + r")\]"
    r"(?!\.?[\w(]|\s*=)"
    r"|(?<=[.,;:!?\"'”’)\]])[¹²³⁴⁵⁶⁷⁸⁹⁰]+)"
)
_MARKS = re.compile(f"(?:{REFERENCE_MARK})+")


def without_reference_marks(text: str) -> str:
    """`text` with its reference marks removed (nothing else changes)."""
    return _MARKS.sub("", text)


# The heading of the list a page or paper ends with: references, notes, links.
_LIST_HEADING = re.compile(
    r"^[#\s]*(?:references|notes|notes and references|footnotes|sources|bibliography|"
    r"further reading|external links|see also|citations|works cited)\s*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def without_reference_list(text: str) -> str:
    """`text` without the list of references, notes or links it ends with, from its heading
    on: "Journal of Polar Hydrology 41(2): 113–129." is no sentence of the article, and
    would be quoted as one. Only a heading on a line of its own in the second half of the
    text counts, so an article that opens with "Notes" or speaks of sources keeps them."""
    for heading in _LIST_HEADING.finditer(text):
        if heading.start() >= len(text) / 2:
            return text[: heading.start()].rstrip()
    return text
