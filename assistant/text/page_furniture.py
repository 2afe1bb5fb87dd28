"""Page furniture in articles saved from web pages as text: share bars, "Read more" links
and lists of links to other stories.

A page read as HTML loses these to trafilatura (ingest/html.py); a page a reader
copied into a .txt or .md file keeps them, and their lines read as sentences of the
story: "Read more: Why are water bills rising?" would be quoted as an answer, and a
related story's headline ("How public sector fraud is investigated") would answer
"How was the fraud discovered?". Removed here, when an article is read, are only lines
no story writes:

- a share bar, every word of which names a way of sharing ("Share | Tweet | Email",
  "Share this article  Facebook  X  WhatsApp");
- a short line sending the reader elsewhere ("Read more: …", "See also: …");
- a heading of links to other stories ("Related stories", "More on this story", "More
  from Politics", "You may also like") with the lines listed under it;
- a page's skip link and menu bar ("Skip to main content", "Menu | News | Sport |
  Weather"), which would otherwise be taken for the article's title.
"""

from __future__ import annotations

import re

# Words of a share bar: the ways of sharing and the few words around them.
_SHARING = frozenset(
    "share tweet email e-mail whatsapp facebook x twitter linkedin pin pinterest reddit "
    "messenger telegram print save copy link".split()
)
_AROUND_SHARING = frozenset("this article story page on via the".split())
_BAR_WORD = re.compile(r"[^\s|·•/,]+")
# A line sending the reader to another page: "Read more: Ofwat fines firms £168m".
_ELSEWHERE = re.compile(
    r"^\s*(?:read more|read next|also read|see also|related|more|watch|listen)\s*:\s*\S.{0,120}$",
    re.IGNORECASE,
)
# A heading over links to other stories.
_LINKS_HEADING = re.compile(
    r"^\s*(?:related(?: stories| articles| content| links| topics| coverage)?"
    r"|more on this (?:story|topic)|more from [\w &'’.-]{1,40}|more stories"
    r"|you (?:may|might) also (?:like|be interested in)|recommended(?: for you)?"
    r"|most (?:read|popular|viewed)|top stories|elsewhere on [\w .'’-]{1,40})\s*:?\s*$",
    re.IGNORECASE,
)
_SKIP_LINK = re.compile(r"^\s*skip to (?:the )?(?:main )?(?:content|navigation|main)\W*$", re.I)
# A menu bar: three or more short capitalised items between bars or dots, no figures.
_MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_MENU_ITEM = re.compile(r"[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}")
_LISTED = re.compile(r"^\s*(?:[-–—•*·▪]|\d{1,2}[.)])\s+\S")
# At most this many words in a line sending the reader elsewhere, or listed under a heading.
_LINK_WORDS = 16


def without_page_furniture(text: str) -> str:
    """`text` without share bars, "Read more" lines and headed lists of other stories."""
    lines = text.split("\n")
    kept: list[str] = []
    position = 0
    while position < len(lines):
        line = lines[position]
        if _LINKS_HEADING.match(line):
            position = _after_the_links(lines, position + 1)
            continue
        if not (
            _is_share_bar(line)
            or _sends_elsewhere(line)
            or _SKIP_LINK.match(line)
            or _is_menu(line)
        ):
            kept.append(line)
        position += 1
    return "\n".join(kept)


def _is_share_bar(line: str) -> bool:
    words = [word.lower() for word in _BAR_WORD.findall(line)]
    return (
        bool(words)
        and len(words) <= 12
        and any(word in _SHARING for word in words)
        and all(word in _SHARING or word in _AROUND_SHARING for word in words)
    )


def _is_menu(line: str) -> bool:
    items = _MENU_SEPARATOR.split(line.strip())
    return len(items) >= 3 and all(_MENU_ITEM.fullmatch(item) for item in items)


def _sends_elsewhere(line: str) -> bool:
    return bool(_ELSEWHERE.match(line)) and len(line.split()) <= _LINK_WORDS + 2


def _after_the_links(lines: list[str], start: int) -> int:
    """Where the text goes on after the links listed from line `start`: the lines marked as
    list items (after blank lines, perhaps), or the short lines right under the heading up
    to a blank one."""
    position = start
    while position < len(lines) and not lines[position].strip():
        position += 1
    marked = position < len(lines) and _LISTED.match(lines[position]) is not None
    if not marked and position > start:
        return start  # a paragraph after a blank line is the story's own
    while position < len(lines) and lines[position].strip():
        line = lines[position]
        if (marked and not _LISTED.match(line)) or len(line.split()) > _LINK_WORDS + 1:
            break
        position += 1
    return position
