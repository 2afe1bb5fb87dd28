"""The text of a PDF, page by page, through PDFium (pypdfium2).

pypdfium2 was measured against pypdf (bench/pdf_text.py): about 18 times
faster and exact on two-column text where pypdf splits words and leaves
ligatures. PDFium marks a hyphen at a line end as U+0002 (mapped back to
"-") and a soft-hyphen break as "‐" plus a line break (the word is joined).

PDFium ends every printed line with a line break, but elsewhere in the
assistant a line is a paragraph, a heading or a bullet (sentences never run
across one: text/sentences.py). A sentence the page wraps ("…the developer
Brightfield Energy / says it will power 13,000 homes.") is therefore joined
again: a line break becomes a space when the line does not end a sentence
and either the next line goes on in lower case or a comma, the line ends on
a small word ("on", "the"), or the line runs (nearly) the width of the
page's text, as wrapped lines do; a short line (a heading, a paragraph's
last line) and a line before a bullet keep their break, and in a column
narrower than 40 characters width alone joins nothing. The text keeps its
length, so page offsets are unchanged. A title in the PDF's metadata that
is only a file name ("report.html") is passed over for the first line.

Pages are read one at a time and closed at once, so a 500-page document
never holds more than one page's objects; `on_page` is told as each page
is done (progress for long documents). A PDF without any text on any page
is a scan (no text layer) and is reported as such, as are encrypted and
damaged files. PDFium is not thread-safe: one lock serialises every call.
"""

from __future__ import annotations

import itertools
import math
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from assistant.text.terms import STOP_WORDS

_PDFIUM = threading.Lock()
_SOFT_BREAK = re.compile(r"(\w)[\u2010\u00ad]\r?\n(\w)")
_HARD_HYPHEN = "\x02"
# A line this share of the page's usual full line width or wider was wrapped, not ended.
_FULL_LINE = 0.7
# Text this many characters wide or narrower is a column whose lines end too early to tell.
_NARROW = 40
# A title that is only the name of the file the PDF was made from ("report.html").
_FILE_NAME = re.compile(
    r"\.(?:html?|pdf|docx?|odt|rtf|txt|md|pages|indd)$|^Microsoft Word - ", re.IGNORECASE
)
_ENDS_SENTENCE = re.compile(r"[.!?:…][\"'”’)\]]*\s*$")
_GOES_ON = re.compile(r"^\s*[a-z(,;]")
_LAST_WORD = re.compile(r"\w+(?=\W*$)")
_BULLET = re.compile(r"^\s*(?:[•▪◦‣∙·*–—-]|\d{1,2}[.)]|[a-z][.)])\s")

PageCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfText:
    """A PDF's text, page by page, and the title and author it names (if any)."""

    pages: tuple[str, ...]
    title: str = ""
    author: str = ""


class PdfProblem(ValueError):
    """Raised with a short reason when a PDF gives no text (scanned, encrypted, damaged)."""


def read_pdf(data: bytes, on_page: PageCallback | None = None) -> PdfText:
    """The text of the PDF in `data`, or PdfProblem saying why there is none."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise PdfProblem(_load_problem(str(error))) from None
        try:
            total = len(document)
            title, author = _metadata(document)
            pages: list[str] = []
            for index in range(total):
                pages.append(_page_text(document, index))
                if on_page is not None:
                    on_page(index + 1, total)
        finally:
            document.close()
    if not any(page.strip() for page in pages):
        raise PdfProblem("no text layer (scanned PDF)" if total else "a PDF with no pages")
    return PdfText(tuple(pages), title, author)


def _page_text(document: object, index: int) -> str:
    page = document[index]  # type: ignore[index]
    try:
        textpage = page.get_textpage()
        try:
            raw = str(textpage.get_text_range())
        finally:
            textpage.close()
    finally:
        page.close()
    text = raw.replace(_HARD_HYPHEN, "-").replace("\r\n", "\n").replace("\r", "\n")
    return unwrap(_SOFT_BREAK.sub(r"\1\2", text).strip())


def unwrap(page: str) -> str:
    """The page with the line breaks inside wrapped sentences turned into spaces (same length)."""
    lines = page.split("\n")
    widths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(widths) < 2:
        return page
    # The usual width of a full line: near the longest, but not set by one overlong line. In
    # a narrow column a short item and a wrapped line look alike: only lower case joins there.
    usual = widths[int(0.9 * (len(widths) - 1))]
    full = _FULL_LINE * usual if usual >= _NARROW else math.inf
    joined = []
    for line, following in itertools.pairwise(lines):
        wrapped = (
            line.strip()
            and following.strip()
            and not _ENDS_SENTENCE.search(line)
            and not _BULLET.match(following)
            and (
                _GOES_ON.match(following)
                or len(line.rstrip()) >= full
                or _last_word(line) in STOP_WORDS  # "…reopen to visitors on / Midsummer Day"
            )
        )
        joined.append(line + (" " if wrapped else "\n"))
    return "".join(joined) + lines[-1]


def _last_word(line: str) -> str:
    found = _LAST_WORD.search(line)
    return found.group(0).lower() if found else ""


def _metadata(document: object) -> tuple[str, str]:
    try:
        info = document.get_metadata_dict(skip_empty=True)  # type: ignore[attr-defined]
    except Exception:  # metadata is a nicety; a document without it is still read
        return "", ""
    title = str(info.get("Title", "")).strip()
    if _FILE_NAME.search(title):
        title = ""  # the article's first line names it better
    return title, str(info.get("Author", "")).strip()


def _load_problem(message: str) -> str:
    if "password" in message.lower():
        return "encrypted PDF (it needs a password): save a copy without a password to ingest it"
    return "not a readable PDF (damaged or truncated)"
