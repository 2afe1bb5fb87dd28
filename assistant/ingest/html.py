"""Visible article text and metadata from an HTML page, with the standard library only.

What a reader sees is kept; scripts, styles, templates, forms and page
chrome (navigation, headers, footers, asides) are dropped. When the page
marks its article with <article> or <main>, only that part is kept, which
removes most boilerplate without a readability model. Malformed markup is
tolerated: `html.parser` never raises on bad nesting.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "head"}
)
_CHROME = frozenset({"nav", "header", "footer", "aside", "form", "button", "select", "menu"})
_BLOCK = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "pre",
        "figure",
        "figcaption",
        "dd",
        "dt",
        "hr",
        "td",
        "th",
    }
)
_VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "source", "area", "col"})

_META_KEYS = {
    "title": ("og:title", "twitter:title", "dc.title"),
    "date": (
        "article:published_time",
        "date",
        "dc.date",
        "pubdate",
        "publish-date",
        "og:updated_time",
    ),
    "author": ("author", "article:author", "dc.creator"),
    "url": ("og:url",),
}


@dataclass
class HtmlArticle:
    """What was found in a page: its visible text and any metadata it declares."""

    text: str
    title: str = ""
    date: str = ""
    author: str = ""
    url: str = ""


@dataclass
class _Region:
    """Text collected inside one kind of container (whole body, <main>, <article>)."""

    parts: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(self.parts)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.hides: list[bool] = []  # parallel to stack: did this element hide its content?
        self.hidden_depth = 0
        self.regions = {"body": _Region(), "main": _Region(), "article": _Region()}
        self.open_regions: dict[str, int] = {"main": 0, "article": 0}
        self.title_parts: list[str] = []
        self.first_h1: list[str] = []
        self.h1_done = False
        self.meta: dict[str, str] = {}
        self.canonical = ""
        self.time_datetime = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (attributes.get("property") or attributes.get("name") or "").lower()
            if key and attributes.get("content"):
                self.meta.setdefault(key, attributes["content"].strip())
            return
        if tag == "link" and "canonical" in attributes.get("rel", "").lower():
            self.canonical = attributes.get("href", "").strip()
            return
        if tag == "time" and not self.time_datetime:
            self.time_datetime = attributes.get("datetime", "").strip()
        if tag in _VOID:
            if tag in ("br", "hr"):
                self._emit("\n")
            return
        hides = tag in _INVISIBLE or tag in _CHROME or "hidden" in attributes
        self.stack.append(tag)
        self.hides.append(hides)
        self.hidden_depth += hides
        if tag in self.open_regions:
            self.open_regions[tag] += 1
        if tag in _BLOCK:
            self._emit("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self.stack:
            return
        # Close everything opened after `tag` too: browsers do the same with bad nesting.
        while self.stack:
            open_tag = self.stack.pop()
            self.hidden_depth -= self.hides.pop()
            self._close(open_tag)
            if open_tag == tag:
                break

    def _close(self, tag: str) -> None:
        if tag in _BLOCK:
            self._emit("\n")
        if tag == "h1" and self.first_h1:
            self.h1_done = True
        if tag in self.open_regions and self.open_regions[tag] > 0:
            self.open_regions[tag] -= 1

    def handle_data(self, data: str) -> None:
        if "title" in self.stack and "svg" not in self.stack:
            self.title_parts.append(data)
            return
        if self.hidden_depth:
            return
        if "h1" in self.stack and not self.h1_done:
            self.first_h1.append(data)
        self._emit(data)

    def _emit(self, text: str) -> None:
        if self.hidden_depth and text != "\n":
            return
        self.regions["body"].parts.append(text)
        for name, depth in self.open_regions.items():
            if depth:
                self.regions[name].parts.append(text)


def _squash(text: str) -> str:
    return " ".join(text.split())


def extract_html(markup: str) -> HtmlArticle:
    """Parse `markup` and return its visible text (line per block) and metadata."""
    parser = _Extractor()
    parser.feed(markup)
    parser.close()
    body = parser.regions["article"].text().strip() or parser.regions["main"].text().strip()
    if not body:
        body = parser.regions["body"].text()
    lines = [_squash(line) for line in body.split("\n")]
    text = "\n".join(line for line in lines if line)

    def meta(kind: str) -> str:
        return next((parser.meta[k] for k in _META_KEYS[kind] if parser.meta.get(k)), "")

    title = (
        meta("title") or _squash("".join(parser.title_parts)) or _squash("".join(parser.first_h1))
    )
    return HtmlArticle(
        text=text,
        title=title,
        date=meta("date") or parser.time_datetime,
        author=meta("author"),
        url=parser.canonical or meta("url"),
    )
