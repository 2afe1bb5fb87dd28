"""Reading article files (and fetched documents) into `Article` records.

Supported: .txt, .md, .html/.htm (the article body, through html.py), .pdf
(text by page, pdf.py), .docx (word.py), .json (one object or a list of
objects) and .jsonl (one object per line). JSON records need a `text` and
may carry `title`, `url`, `date`, `author` and `source`. Text and Markdown
files may start with a `---` front-matter block of `key: value` lines giving
the same fields. `read_document` reads bytes of a known kind, whether they
came from a file or from the web (fetch.py).

Nothing here raises for bad input: every file or record that cannot be used
comes back as `Skipped(source, reason)`, and the good ones still come back
as articles. Files over the size limit are refused from their size alone,
before any byte is read.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from assistant.ingest.decoding import NotText, clean_text, decode_bytes
from assistant.ingest.html import extract_html
from assistant.ingest.pdf import PageCallback, PdfProblem, read_pdf
from assistant.ingest.word import WordProblem, read_docx
from assistant.records import Article, Skipped
from assistant.text.datelines import byline_author, dateline
from assistant.text.footnotes import without_reference_list, without_reference_marks
from assistant.text.page_furniture import without_page_furniture
from assistant.text.sentences import split_sentences

SUPPORTED_SUFFIXES = (
    ".txt",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".pdf",
    ".docx",
    ".json",
    ".jsonl",
)
# Kinds of document, named by the suffix that stands for them.
_KIND_OF_SUFFIX = {".markdown": ".md", ".htm": ".html"}
TITLE_MAX_CHARS = 200
TITLE_SHORTENED_CHARS = 100
_FIELDS = ("title", "url", "date", "author", "source")


def source_name(path: Path) -> str:
    """How a file is named in the index: its absolute path, so two files never share a name.

    (A path relative to the working folder would give `012.txt` in two
    different folders the same name, and the second would replace the first.)
    """
    return path.expanduser().resolve().as_posix()


def legacy_source_name(path: Path) -> str:
    """How indexes written before absolute names named a file: relative to the working folder."""
    resolved = path.expanduser().resolve()
    try:
        return resolved.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def shown_source(source: str) -> str:
    """A source as people read it: a file inside the working folder relative to it."""
    if not source.startswith("/"):
        return source
    try:
        return Path(source).relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return source


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def split_addresses(
    inputs: Iterable[str | Path],
) -> tuple[list[Path], list[str], list[tuple[str, str]]]:
    """What a person gave to ingest, split into paths, web addresses, and refused addresses
    (any scheme but http and https, such as file://, with the reason)."""
    paths: list[Path] = []
    urls: list[str] = []
    refused: list[tuple[str, str]] = []
    for raw in inputs:
        text = str(raw).strip() if isinstance(raw, str) else ""
        if text.lower().startswith(("http://", "https://")):
            urls.append(text)
        elif text and _SCHEME.match(text):
            scheme = text.split(":", 1)[0]
            reason = f"only http:// and https:// addresses are fetched, not {scheme}:"
            refused.append((text, reason))
        else:
            paths.append(Path(raw))
    return paths, urls, refused


def find_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders (recursively, hidden entries skipped) into article files."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw).expanduser()
        if not path.exists():
            skipped.append(Skipped(str(raw), "not found: check the path"))
            continue
        candidates = [path] if path.is_file() else sorted(_walk(path))
        for candidate in candidates:
            key = candidate.resolve()
            if key in seen:
                continue
            seen.add(key)
            if candidate.suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(candidate)
            else:
                skipped.append(
                    Skipped(
                        source_name(candidate),
                        f"unsupported file type {candidate.suffix or '(none)'}; "
                        f"supported: {' '.join(SUPPORTED_SUFFIXES)}",
                    )
                )
    return files, skipped


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            if not name.startswith("."):
                yield Path(root) / name


def read_file(
    path: Path, max_bytes: int, on_page: PageCallback | None = None
) -> list[Article | Skipped]:
    """Read one file into its articles (several for JSON), or the reasons it was skipped."""
    source = source_name(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return [
                Skipped(
                    source,
                    f"too large ({size / 1048576:.1f} MB, limit {max_bytes / 1048576:.0f} MB; "
                    "raise ASSISTANT_MAX_FILE_MB to ingest it)",
                )
            ]
        data = path.read_bytes()
    except OSError as error:
        return [Skipped(source, f"cannot read: {error.strerror or error}")]
    return read_document(source, data, path.suffix.lower(), file=source, on_page=on_page)


def read_document(
    source: str,
    data: bytes,
    kind: str,
    *,
    file: str = "",
    url: str = "",
    on_page: PageCallback | None = None,
) -> list[Article | Skipped]:
    """Read a document of `kind` (a suffix such as ".pdf") into its articles, or the reasons
    it was skipped. `url` is where it was fetched from, for documents from the web."""
    kind = _KIND_OF_SUFFIX.get(kind, kind)
    if kind == ".pdf":
        return [_pdf_article(source, data, file, url, on_page)]
    if kind == ".docx":
        try:
            word = read_docx(data)
        except WordProblem as reason:
            return [Skipped(source, str(reason))]
        fields = {"title": word.title, "url": url}
        return [_article(source, clean_text(word.text), fields, file=file)]
    try:
        text = decode_bytes(data)
    except NotText as reason:
        return [Skipped(source, str(reason))]
    if kind in (".json", ".jsonl"):
        return [
            replace(item, file=file) if isinstance(item, Article) else item
            for item in _json_articles(source, text, lines=kind == ".jsonl")
        ]
    if kind == ".html":
        page = extract_html(text, url)
        if page.problem:
            return [Skipped(source, page.problem)]
        fields = {
            "title": page.title,
            "date": page.date,
            "author": page.author,
            "url": page.url or url,
        }
        article = _article(source, clean_text(page.text), fields, file=file)
        return [replace(article, site=page.site) if isinstance(article, Article) else article]
    fields, body = _front_matter(text)
    if kind == ".md":
        body = markdown_to_text(body)
        fields.setdefault("title", _first_heading(text))
    if url:
        fields.setdefault("url", url)
    return [_article(source, body, fields, file=file)]


def _pdf_article(
    source: str, data: bytes, file: str, url: str, on_page: PageCallback | None
) -> Article | Skipped:
    """A PDF as one article whose text keeps where each page starts."""
    try:
        pdf = read_pdf(data, on_page)
    except PdfProblem as reason:
        return Skipped(source, str(reason))
    # Pages are paragraphs apart; an empty page starts where the next text does.
    starts: list[int] = []
    text = ""
    for page in (without_reference_marks(clean_text(page)) for page in pdf.pages):
        separator = "\n\n" if text and page else ""
        starts.append(len(text) + len(separator))
        text += separator + page
    fields = {"title": pdf.title, "author": pdf.author, "url": url}
    article = _article(source, text, fields, file=file)
    if isinstance(article, Skipped) or not text.startswith(article.text):
        return article
    # A reference list cut from the end takes the pages it was on, when it filled them.
    return replace(article, page_starts=tuple(s for s in starts if s < len(article.text)))


def _article(source: str, text: str, fields: dict[str, str], file: str = "") -> Article | Skipped:
    # Reference marks ("said.[3]") are not the article's words and would read as citations;
    # the reference list an article ends with is not its sentences, nor a saved page's share
    # bars and links to other stories.
    text = without_page_furniture(without_reference_list(without_reference_marks(text))).strip()
    if not text:
        return Skipped(source, "no article text found")
    title = clean_text(fields.get("title", "")) or title_from_text(text)
    stated = clean_text(fields.get("date", ""))
    day = normalize_date(stated) if stated else normalize_date(dateline(text))
    warnings = (
        (
            f"its date {stated[:40]!r} is not a day the date filters understand (write it like "
            "2025-02-13); it is kept without a date",
        )
        if stated and not day
        else ()
    )
    return Article(
        source=clean_text(fields.get("source", "")) or source,
        title=title[:TITLE_MAX_CHARS],
        text=text,
        url=clean_text(fields.get("url", "")),
        date=day,
        author=clean_text(fields.get("author", "")) or byline_author(text),
        file=file,
        warnings=warnings,
    )


def title_from_text(text: str) -> str:
    """A title for an article that has none: its first line, else its first sentence, else
    its opening words. Always taken from the text itself, never from a file name, so that
    nothing but the article's own words is embedded with its chunks."""
    first_line = text.split("\n", 1)[0].strip().lstrip("#").strip()
    if len(first_line) <= TITLE_MAX_CHARS:
        return first_line
    sentences = split_sentences(first_line)
    if sentences and sentences[0].end - sentences[0].start <= TITLE_MAX_CHARS:
        return sentences[0].of(first_line)
    opening = first_line[:TITLE_SHORTENED_CHARS].rsplit(" ", 1)[0]
    return f"{opening}…"


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
# Header lines, as an article saved by hand often opens ("Title: …", "Date: …"), set
# apart from the text by a blank line.
_HEADER_LINES = re.compile(rf"\A((?:[ \t]*(?i:{'|'.join(_FIELDS)})[ \t]*:[^\n]*\n)+)[ \t]*\n")


def _front_matter(text: str) -> tuple[dict[str, str], str]:
    """The metadata fields a text opens with, in a `---` block or as header lines ("Title:
    Ferry operator buys…" then a blank line), and the text after them."""
    match = _FRONT_MATTER.match(text) or _HEADER_LINES.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in _FIELDS:
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|`)")
_MD_TAG = re.compile(r"<[^>\n]+>")


def markdown_to_text(markdown: str) -> str:
    """Plain text of Markdown: links and images become their words, markup is dropped."""
    text = _MD_IMAGE.sub(r"\1", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    return clean_text(_MD_TAG.sub("", text))


def _first_heading(text: str) -> str:
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else ""


def _json_articles(source: str, text: str, lines: bool) -> Iterator[Article | Skipped]:
    records: list[tuple[str, Any]] = []
    if lines:
        for number, line in enumerate(text.split("\n"), start=1):
            if line.strip():
                records.append((f"line {number}", line))
    else:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as error:
            yield Skipped(source, f"invalid JSON ({error.msg} at line {error.lineno})")
            return
        items = parsed if isinstance(parsed, list) else [parsed]
        records = [(f"item {i}", item) for i, item in enumerate(items, start=1)]
    used: set[str] = set()
    for where, raw in records:
        result = _json_record(source, where, raw)
        if isinstance(result, Article):
            if result.source in used:
                result = Skipped(
                    f"{source} ({where})",
                    f"source {result.source!r} repeats an earlier record; give each "
                    "record its own source or url",
                )
            else:
                used.add(result.source)
        yield result


def _json_record(source: str, where: str, raw: Any) -> Article | Skipped:
    place = f"{source} ({where})"
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as error:
            return Skipped(place, f"invalid JSON ({error.msg} at column {error.colno})")
    if not isinstance(raw, dict):
        return Skipped(place, "not a JSON object")
    body = raw.get("text")
    if isinstance(body, str) and not clean_text(body):
        return Skipped(place, "its field 'text' is empty")
    if not isinstance(body, str):
        found = ", ".join(sorted(map(str, raw))) or "none"
        return Skipped(place, f"needs a string field 'text' (fields found: {found})")
    fields: dict[str, str] = {}
    for name in _FIELDS:
        value = raw.get(name)
        if value is None:
            continue
        if not isinstance(value, (str, int, float)) or isinstance(value, bool):
            return Skipped(place, f"field '{name}' must be a string")
        fields[name] = str(value)
    if not fields.get("source"):
        fields["source"] = fields.get("url") or f"{source}#{where.rsplit(maxsplit=1)[-1]}"
    return _article(place, clean_text(body), fields)


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


def normalize_date(raw: str) -> str:
    """ISO `YYYY-MM-DD` for the date forms articles use; "" for anything that is not a day."""
    value = clean_text(raw)
    if not value:
        return ""
    iso = re.match(r"\d{4}-\d{2}-\d{2}", value)
    if iso:
        try:
            return date.fromisoformat(iso.group(0)).isoformat()
        except ValueError:
            return ""
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""
