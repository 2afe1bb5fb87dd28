"""The article in a web page: its body and metadata, through trafilatura (dates by htmldate).

trafilatura finds the article body and leaves out what surrounds it
(navigation, related-story lists, captions, cookie notices, comments,
footers); its metadata gives the title, author, site, canonical URL and,
through htmldate, the publication date. Its text output is plain text, so
no markup and no script or style content reaches the index.

Settings, measured in bench/extraction.py (bench/results/extraction.md):
comments are left out (they would be quoted as the article), precision is
favoured, tables are kept; `fast` stays off (without the fallback
extractors a page whose paragraphs are separated only by <br> gives
nothing) and so does `deduplicate` (its cache is shared by the whole
process, so a page extracted a second time would come back empty).

On top of that, a few general steps: the headline, bylines and datelines
that sites put inside the article are trimmed from its first lines, a
"(Reporting by …)" credit from its end; a page that declares itself not
an article (og:type "website") and a short page titled like an error page
("Page not found") give no article, with the reason.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from typing import Any

from assistant.text.datelines import BYLINE, DATELINE, ONLY_DATE

# trafilatura and htmldate log every page they find hard; the ingest report says what matters.
for _name in ("trafilatura", "htmldate", "courlan", "readability", "justext"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class HtmlArticle:
    """What was found in a page: the article's text and metadata, or why there is none."""

    text: str
    title: str = ""
    date: str = ""
    author: str = ""
    url: str = ""
    site: str = ""
    # Why the page gives no article ("" when it gives one, or when it is merely empty).
    problem: str = ""


def extract_html(markup: str, url: str = "") -> HtmlArticle:
    """The article in `markup` (a page fetched from `url`, when known)."""
    import trafilatura

    doc: Any = trafilatura.bare_extraction(
        markup,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        favor_precision=True,
        include_tables=True,
        deduplicate=False,
        prune_xpath=_HIDDEN,
        date_extraction_params={"original_date": True, "extensive_search": True},
    )
    if doc is None:
        return HtmlArticle("")
    title = _one_line(doc.title)
    author = _one_line(doc.author)
    found = HtmlArticle(
        text="",
        title=title,
        date=_checked_date(_one_line(doc.date), markup),
        author=author,
        url=_one_line(doc.url),
        site=_one_line(doc.sitename),
    )
    page_type = declared_type(markup)
    if page_type:
        return _without_text(found, f"the page says it is not an article (og:type {page_type})")
    text = clean_edges(doc.text or "", title, author)
    # The page's own <title> too: trafilatura may title it by its heading ("Sorry, we couldn't
    # find that page") where the <title> says "404 Page not found".
    tag = _TITLE_TAG.search(markup)
    said = [title or text[:80], html.unescape(tag.group(1)) if tag else ""]
    error = next((line for line in said if _ERROR_TITLE.search(line)), "")
    if error and len(text.split()) < ERROR_PAGE_WORDS:
        return _without_text(found, f"looks like an error page ({error.strip()[:60]!r})")
    if text and _only_links(text, markup):
        # What is left when a page has no article is its menus: "Home", "News", "Sport".
        return _without_text(found, "no article text found (only the page's links and menus)")
    if len(_words(text)) < FEWEST_WORDS and len(_linked_words(markup)) > len(_words(text)):
        # A section page: a list of stories, and a line such as "Subscribe to our newsletter".
        return _without_text(
            found, "no article text found (a few words beside a list of links: a section page?)"
        )
    return HtmlArticle(text, title, found.date, author, found.url, found.site)


def _only_links(text: str, markup: str) -> bool:
    """Whether every word of `text` is a word of the page's link texts (a menu, not a story)."""
    linked = {word.casefold() for word in _linked_words(markup)}
    return all(word.casefold() in linked for word in _words(text))


def _linked_words(markup: str) -> list[str]:
    """The words of the page's link texts."""
    return [word for found in _LINK_TEXT.findall(markup) for word in _words(found)]


def _words(text: str) -> list[str]:
    return _WORD.findall(html.unescape(_TAG.sub(" ", text)))


def _checked_date(date: str, markup: str) -> str:
    """The date, unless it is a bare year's 1 January guessed from loose text such as a
    "© 2025" footer, which a stricter search of the page's own date markup does not confirm."""
    if not date.endswith("-01-01"):
        return date
    from htmldate import find_date

    confirmed = find_date(markup, extensive_search=False, original_date=True) or ""
    return date if confirmed == date else ""


def _without_text(found: HtmlArticle, problem: str) -> HtmlArticle:
    return HtmlArticle("", found.title, found.date, found.author, found.url, found.site, problem)


def _one_line(value: Any) -> str:
    return " ".join(str(value or "").split())


# Elements a reader never sees, left out before extraction (scripts and styles are always).
_HIDDEN = [
    "//*[@hidden]",
    "//*[@aria-hidden='true']",
    "//*[contains(translate(@style, ' ', ''), 'display:none')]",
]


# --- pages that are not articles ----------------------------------------------------------

# A page titled like this with fewer words than this is an error page served as a page.
ERROR_PAGE_WORDS = 150
# Fewer words than this, and more in the page's links, is a list of stories, not a story.
FEWEST_WORDS = 25
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_LINK_TEXT = re.compile(r"<a\b[^>]*>(.*?)</a\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
_ERROR_TITLE = re.compile(
    r"\b(404|403|410|500|503|not found|page not found|error|access denied|forbidden|"
    r"unavailable|does not exist|no longer available|gone|(?:could|can)(?:n['’]t|not) find)\b",
    re.IGNORECASE,
)
_ARTICLE_DECLARED = re.compile(
    r'"@type"\s*:\s*"(NewsArticle|Article|BlogPosting|OpinionNewsArticle|ReportageNewsArticle|'
    r'LiveBlogPosting|SocialMediaPosting|AnalysisNewsArticle|TechArticle|ScholarlyArticle)"'
    r'|<meta[^>]+property=["\']og:type["\'][^>]+content=["\']article["\']',
    re.IGNORECASE,
)
_OG_TYPE = re.compile(
    r'<meta[^>]+property=["\']og:type["\'][^>]+content=["\']([\w.:-]+)["\']', re.IGNORECASE
)


def declared_type(markup: str) -> str:
    """The og:type a page declares when it is not an article (a front page says "website");
    "" when it declares an article type or nothing."""
    if _ARTICLE_DECLARED.search(markup):
        return ""
    og_type = _OG_TYPE.search(markup)
    if og_type and not og_type.group(1).lower().startswith("article"):
        return og_type.group(1)
    return ""


# --- furniture at the edges of the body ---------------------------------------------------

_CREDIT = re.compile(r"^\(?\s*(reporting|additional reporting|editing) by\b.*\)?$", re.IGNORECASE)
# Furniture is looked for in this many lines at the top, and only in short lines.
_HEAD_LINES = 3
_FURNITURE_WORDS = 12


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(html.unescape(text).split()).casefold()


def _names(author: str) -> list[str]:
    parts = re.split(r";|,|\band\b|&", _norm(author))
    return [part.strip() for part in parts if len(part.strip()) > 3]


def clean_edges(body: str, title: str = "", author: str = "") -> str:
    """Trim the furniture that sites put inside the article.

    At the top (first three lines only): the headline itself, with any short
    kicker above it ("Opinion", "In brief"); then bylines and datelines:
    short lines that start with "By Name", name the page's own author, or
    hold only a place and a date. At the bottom: a "Reporting by …" credit.
    The headline and author come from the page's own metadata, so nothing
    here knows about particular sites, and a sentence in the middle of an
    article is never touched.
    """
    lines = [line for line in body.split("\n") if line.strip()]
    if title:
        for i, line in enumerate(lines[:_HEAD_LINES]):
            if _norm(line) == _norm(title):
                if all(len(before.split()) <= 4 for before in lines[:i]):
                    lines = lines[i + 1 :]
                break
    names = _names(author) if author else []

    def is_furniture(line: str) -> bool:
        text = line.strip()
        if len(text.split()) > _FURNITURE_WORDS:
            return False
        if BYLINE.match(text) or DATELINE.match(text) or ONLY_DATE.match(text):
            return True
        return any(name in _norm(text) for name in names)

    head = 0
    while head < min(_HEAD_LINES, len(lines)) and is_furniture(lines[head]):
        head += 1
    lines = lines[head:]
    while lines and _CREDIT.match(lines[-1].strip()):
        lines.pop()
    return "\n".join(lines).strip()
