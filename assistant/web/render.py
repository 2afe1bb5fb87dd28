"""HTML for the browser chat: answers, the passages panel, status and reports.

Pure functions from values to HTML strings. Everything that comes from an
article or a model is escaped here, in one place:

- text is HTML-escaped, so tags in an article or an answer show as text
  and never run;
- in chat messages (which Gradio renders as Markdown) Markdown syntax is
  backslash-escaped too, so `![x](https://…)` is shown, not loaded, and no
  link of any scheme (`javascript:`, `data:`) is ever made from answer text;
- the only markup added is our own: citation chips, highlights, verdicts,
  and one kind of link: to a cited article's own http(s) address as the
  index stores it (never taken from answer text), opening in a new tab
  with rel="noopener noreferrer".

Citation chips carry the class `cite-ref-<turn>-<n>` and passages `data-passage`,
which the page script (static/app.js) uses to link a marker, the passage it
names and the answer sentences that cite it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from assistant import (
    Answer,
    ArticleRecord,
    Claim,
    IngestReport,
    Passage,
    ShortAnswer,
    Status,
    StoredArticle,
)

# How a source is shown to people (e.g. an upload by its file name rather than its copy's path).
Label = Callable[[str], str]
# The stored article for a source, when the panel should offer it whole (None: not shown).
ArticleLookup = Callable[[str], StoredArticle | None]
# Articles with no date named in an ingest report (the rest are counted).
UNDATED_SHOWN = 5
# Answers carry their citations in one canonical form: [n] per cited passage.
_MARKER = re.compile(r"\[(\d+)\]")


def _as_is(source: str) -> str:
    return source


# Something a Markdown renderer would turn into a link by itself (no backticks: code spans).
_ADDRESS = re.compile(r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>`]+", re.IGNORECASE)
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\](){}#+\-!|~])")


def escape(text: str) -> str:
    """HTML-escape text for use inside an element or a double-quoted attribute."""
    return html.escape(text, quote=True)


def _markdown_safe(text: str) -> str:
    """Escape text so that a Markdown renderer shows it literally (no tags, links, images).

    Web addresses become code spans: a renderer that turns bare addresses into
    links would otherwise make one of the escaped text, backslashes and all,
    and nothing in an answer or a question should become a link.
    """
    pieces: list[str] = []
    position = 0
    for match in _ADDRESS.finditer(text):
        address = match.group(0).rstrip(".,;:!?)]'\"")  # punctuation after it is the sentence's
        pieces.append(_escaped(text[position : match.start()]))
        pieces.append(f"`{address}`")
        position = match.start() + len(address)
    pieces.append(_escaped(text[position:]))
    return "".join(pieces)


def _escaped(text: str) -> str:
    return _MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def _chip(turn: int, n: int) -> str:
    # The reference is a class, not a data attribute: the chat's sanitiser drops data-*.
    # Reachable and usable from the keyboard (app.js opens it on Enter or Space).
    return (
        f'<span class="cite cite-ref-{turn}-{n}" title="Show passage {n}" tabindex="0" '
        f'role="button">&#91;{n}&#93;</span>'
    )


def answer_message(text: str, turn: int, short: str = "") -> str:
    """A chat message: the answer text, made inert, with clickable citation chips, and the
    short answer (its first appearance) in bold."""
    pieces: list[str] = []
    position = 0
    for match in _MARKER.finditer(text):
        pieces.append(_with_short(text[position : match.start()], short))
        if short and short in text[position : match.start()]:
            short = ""
        pieces.append(_chip(turn, int(match.group(1))))
        position = match.end()
    pieces.append(_with_short(text[position:], short))
    return "".join(pieces)


def _with_short(text: str, short: str) -> str:
    """Inert text with `short`, if it is in it, in bold."""
    at = text.find(short) if short else -1
    if at < 0:
        return _markdown_safe(text)
    end = at + len(short)
    return (
        f'{_markdown_safe(text[:at])}<b class="short-answer">{_markdown_safe(short)}</b>'
        f"{_markdown_safe(text[end:])}"
    )


def user_message(text: str) -> str:
    """A person's question as shown in the chat, inert."""
    return _markdown_safe(text)


def newest_source(answer: Answer, turn: int) -> str:
    """The line under an answer built from articles of different dates that says which is
    newest ('Newest source: 12 March 2005 [2]', its marker a chip); "" otherwise."""
    line = answer.newest_source_line
    return f'<br><span class="as-of">{answer_message(line, turn)}</span>' if line else ""


def notice_message(text: str) -> str:
    """A short notice in the chat (an error or a refusal), inert like an answer."""
    return f'<span class="notice">{_markdown_safe(text)}</span>'


def panel(
    answer: Answer, turn: int, label: Label = _as_is, articles: ArticleLookup | None = None
) -> str:
    """The passages panel for one answer: its sentences with verdicts, then the cited passages,
    each article's whole stored text one click away (when `articles` finds it)."""
    if answer.refused:
        return _refusal_panel(answer, turn, label)
    claims_html = "".join(_claim(claim, i, turn) for i, claim in enumerate(answer.claims))
    shown = _passages_to_show(answer)
    short = answer.short_answer
    offered: set[str] = set()
    passages_html = ""
    for n in shown:
        passage = answer.passages[n - 1]
        whole = None
        if articles is not None and passage.source not in offered:
            offered.add(passage.source)
            whole = articles(passage.source)
        passages_html += _passage(
            n,
            passage,
            turn,
            answer.claims,
            label,
            suggested=n not in _cited(answer),
            short=short if short is not None and short.n == n else None,
            whole=whole,
        )
    caution = f'<p class="note unsure">{escape(answer.caution)}</p>' if answer.caution else ""
    short_html = (
        f'<p class="short">Answer: <b class="short-answer">{escape(short.text)}</b> '
        f"{_chip(turn, short.n)}{_day(answer)}</p>"
        if short is not None
        else ""
    )
    note = f'<p class="note">{escape(answer.note)}</p>' if answer.note else ""
    dropped = ""
    if answer.dropped_citations:
        numbers = ", ".join(str(n) for n in answer.dropped_citations)
        dropped = (
            f'<p class="note warn">Removed citations to passages that were never '
            f"retrieved: {escape(numbers)}</p>"
        )
    return (
        f'<div class="panel" data-turn="{turn}">{short_html}{caution}'
        f'<h3>Answer, sentence by sentence</h3><ol class="claims">{claims_html}</ol>'
        f"{note}{dropped}<h3>Cited passages</h3>{passages_html}</div>"
    )


def _day(answer: Answer) -> str:
    """ " (14 April 2024, by the article's date)" after a short answer such as "on Sunday"."""
    day = answer.short_answer_day
    return f' <span class="day">({escape(day)})</span>' if day else ""


def _cited(answer: Answer) -> set[int]:
    return {c.n for c in answer.citations}


def _passages_to_show(answer: Answer) -> list[int]:
    numbers = [c.n for c in answer.citations]
    for claim in answer.claims:
        if claim.suggested and claim.suggested not in numbers:
            numbers.append(claim.suggested)
    return numbers


def _claim(claim: Claim, index: int, turn: int) -> str:
    mark, label, standing = claim.mark, claim.verdict_label, claim.relevance_label
    cites = "".join(_chip(turn, n) for n in claim.citations)
    if claim.suggested:
        cites += f'<span class="suggested">suggested: {_chip(turn, claim.suggested)}</span>'
    numbers = [*claim.citations, *([claim.suggested] if claim.suggested else [])]
    refs = " ".join(f"{turn}-{n}" for n in numbers)
    return (
        f'<li class="claim verdict-{escape(claim.verdict)} relevance-{escape(claim.relevance)}" '
        f'data-claim="{turn}-{index}" data-cites="{escape(refs)}">'
        f'<span class="verdict" title="support {claim.score:.2f}">{mark} {escape(label)}</span>'
        f' <span class="relevance">{escape(standing)}</span> {escape(claim.text)} {cites}</li>'
    )


def _passage(
    n: int,
    passage: Passage,
    turn: int,
    claims: Sequence[Claim],
    label: Label,
    *,
    suggested: bool = False,
    short: ShortAnswer | None = None,
    whole: StoredArticle | None = None,
) -> str:
    spans: dict[tuple[int, int], list[int]] = {}
    for index, claim in enumerate(claims):
        evidence = claim.evidence
        if evidence is not None and evidence.n == n:
            key = (evidence.start - passage.start, evidence.end - passage.start)
            spans.setdefault(key, []).append(index)
    bold = (short.start - passage.start, short.end - passage.start) if short else None
    return (
        f'<div class="passage{" suggested" if suggested else ""}" data-passage="{turn}-{n}">'
        f"{_passage_head(n, passage, label, suggested)}"
        f'<div class="passage-text">{_highlighted(passage.shown_text, spans, turn, bold)}</div>'
        f"{full_article(whole, passage) if whole is not None else ''}</div>"
    )


def full_article(article: StoredArticle, passage: Passage | None = None) -> str:
    """An article's whole stored text behind a "read it all" toggle, the passage marked in it
    and, where the article has pages, where each page begins; a hard-wrapped text's lines
    joined into its paragraphs."""
    text = article.shown_text
    marks: dict[int, list[str]] = {}
    for page in article.pages:
        marks.setdefault(page.start, []).append(
            f'<span class="page-mark">page {page.number}</span>'
        )
    if passage is not None and 0 <= passage.start < passage.end <= len(text):
        marks.setdefault(passage.start, []).append('<mark class="in-article">')
        marks.setdefault(passage.end, []).insert(0, "</mark>")
    pieces: list[str] = []
    position = 0
    for offset in sorted(marks):
        pieces.append(escape(text[position:offset]))
        pieces.extend(marks[offset])
        position = offset
    pieces.append(escape(text[position:]))
    shown = "".join(pieces).replace("\n", "<br>")
    words = len(text.split())
    pages = f", {count(len(article.pages), 'page')}" if article.pages else ""
    return (
        f'<details class="full-article"><summary>The whole article as stored ({words} words'
        f'{pages})</summary><div class="article-text">{shown}</div></details>'
    )


def safe_link(url: str, text: str) -> str:
    """A link to `url` if it is an http(s) address (else `text` alone), opening in a new tab
    and telling the site nothing about the page it came from."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return escape(text)
    return (
        f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer" '
        f'class="article-link">{escape(text)}</a>'
    )


def _passage_head(n: int, passage: Passage, label: Label, suggested: bool = False) -> str:
    details = [safe_link(passage.url, label(passage.source))]
    if passage.author:
        details.append(f"by {escape(passage.author)}")
    if passage.pages:
        details.append(escape(passage.page_label))
    if passage.date:
        details.append(escape(passage.date))
    # Cosine similarity, shown as a share (it may dip just below zero for an unrelated text).
    closeness = round(max(passage.score, 0.0) * 100)
    details.append(
        f'<span title="How close this passage is in meaning to the question; the order also '
        f"counts the question's words it holds\">{closeness}% match</span>"
    )
    tag = ' <span class="tag">suggested</span>' if suggested else ""
    return (
        f'<div class="passage-head"><span class="num">[{n}]</span> '
        f'<span class="title">{escape(passage.title)}</span>{tag}'
        f'<div class="meta">{" · ".join(details)}</div></div>'
    )


def _highlighted(
    text: str,
    spans: dict[tuple[int, int], list[int]],
    turn: int,
    bold: tuple[int, int] | None = None,
) -> str:
    """Passage text with the evidence sentences wrapped in <mark> and the short answer in
    bold, everything escaped."""
    out: list[str] = []
    position = 0
    for (start, end), claim_indexes in sorted(spans.items()):
        if start < position or start < 0 or end > len(text):
            continue
        refs = " ".join(f"{turn}-{i}" for i in claim_indexes)
        out.append(_bolded(text, position, start, bold))
        out.append(
            f'<mark class="evidence" data-claims="{refs}">{_bolded(text, start, end, bold)}</mark>'
        )
        position = end
    out.append(_bolded(text, position, len(text), bold))
    return "".join(out).replace("\n", "<br>")


def _bolded(text: str, start: int, end: int, bold: tuple[int, int] | None) -> str:
    """text[start:end] escaped, with the part inside `bold` in <b>."""
    if bold is None or bold[1] <= start or end <= bold[0]:
        return escape(text[start:end])
    inner_start, inner_end = max(start, bold[0]), min(end, bold[1])
    return (
        f'{escape(text[start:inner_start])}<b class="short-answer">'
        f"{escape(text[inner_start:inner_end])}</b>{escape(text[inner_end:end])}"
    )


def _refusal_panel(answer: Answer, turn: int, label: Label) -> str:
    """Why the question was refused, and the closest passages, if any, to see why. With
    none, the reason alone (a filter no article matches says so; an empty index is told to
    add articles)."""
    closest = "".join(
        _passage(n, p, turn, [], label) for n, p in enumerate(answer.closest, start=1)
    )
    if closest:
        note = f"{answer.note} These are the closest passages, so you can see why."
    else:
        note = answer.note or "The index has no passages to show: add articles first."
    return (
        f'<div class="panel refused" data-turn="{turn}">'
        f"<h3>No answer found in the articles</h3>"
        f'<p class="note">{escape(note.strip())}</p>{closest}</div>'
    )


def empty_panel() -> str:
    """What the panel shows before the first question."""
    return (
        '<div class="panel empty"><h3>Passages</h3><p class="note">Ask a question: the passages '
        "an answer cites appear here, with the sentences that support it highlighted. Select a "
        "citation like [1] to see which sentences cite it.</p></div>"
    )


def error_panel(message: str, heading: str = "No answer") -> str:
    """The panel after a failed question, or after another failed action (its `heading`)."""
    return (
        f'<div class="panel error"><h3>{escape(heading)}</h3>'
        f'<p class="note">{escape(message)}</p></div>'
    )


def report(result: IngestReport, label: Label = _as_is) -> str:
    """An ingest report for people."""
    skipped = "".join(
        f"<li><code>{escape(label(source))}</code>: {escape(reason)}</li>"
        for source, reason in result.skipped
    )
    skipped_html = f'<ul class="skipped">{skipped}</ul>' if skipped else ""
    replaced = "".join(
        f"<li>replaced <code>{escape(label(source))}</code></li>" for source in result.replaced
    )
    copies = "".join(
        f"<li>not added <code>{escape(label(source))}</code>: the same article is in the index "
        f"as <code>{escape(label(stored))}</code></li>"
        for source, stored in result.copies
    )
    notes = "".join(f"<li>{escape(note)}</li>" for note in result.notes)
    if result.undated:
        shown = ", ".join(
            f"<code>{escape(label(s))}</code>" for s in result.undated[:UNDATED_SHOWN]
        )
        more_undated = len(result.undated) - UNDATED_SHOWN
        shown += f" and {more_undated} more" if more_undated > 0 else ""
        notes += f"<li>{escape(result.undated_line())}: {shown}</li>"
    more = (
        f'<ul class="notes">{replaced}{copies}{notes}</ul>' if replaced or copies or notes else ""
    )
    return f'<div class="report"><p>{escape(result.summary())}</p>{skipped_html}{more}</div>'


# The article table's columns, in the order `article_rows` gives them.
ARTICLE_COLUMNS = ("Title", "Author", "Source", "Date", "Chunks")


def article_rows(records: Iterable[ArticleRecord], label: Label = _as_is) -> list[list[str | int]]:
    """Rows of the article table, in ARTICLE_COLUMNS order (plain values: Gradio escapes)."""
    return [[r.title, r.author, label(r.source), r.date, r.chunks] for r in records]


def article_table(records: Iterable[ArticleRecord], label: Label = _as_is) -> dict[str, Any]:
    """The article table's value with its headers: rows alone, when there are none, would
    leave the table headed 0, 1, 2…"""
    return {"headers": list(ARTICLE_COLUMNS), "data": article_rows(records, label)}


def count(number: int, noun: str) -> str:
    """'1 chunk', '2 chunks'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def status(state: Status) -> str:
    """The header line saying which models answer and how large the index is."""
    engine = state.embedding_engine or "loads on first use"
    return (
        f'<div class="status"><span>Answering: <b>{escape(state.answering)}</b></span> '
        f"<span>Embeddings: <b>{escape(state.embedder)}</b> ({escape(engine)})</span> "
        f"<span>Index: <b>{escape(count(state.articles, 'article'))}</b>, "
        f"<b>{escape(count(state.chunks, 'chunk'))}</b></span></div>"
    )


def status_loading() -> str:
    """The header line until the page has asked for the index's state."""
    return '<div class="status"><span>Loading the index…</span></div>'
