"""The values that flow between the parts: frozen records, and nothing that acts on them.

Everything above imports its types from here, so no module imports another
just to name a type. Behaviour is limited to reading and checking a value
(parsing a date filter, formatting an answer for people, the JSON shape of
a record); every record is frozen except the ingest report, which an ingest
fills in as it goes.

    Article ─► Chunk ─► (store) ArticleRecord
                         Passage ──► Citation (a Passage under the number the answer shows)
    Quote, ClaimText ──► Claim (+ Evidence) ──► Answer
    SearchFilter limits a search; IngestReport, Progress and Status report on the work.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.errors import UsageError
from assistant.text.relative_days import day_meant
from assistant.text.sentences import split_sentences, unwrapped

# An earlier turn of a conversation: (question, answer text).
Turn = tuple[str, str]
History = Sequence[Turn]


def plural(number: int, noun: str) -> str:
    """'1 article', '2 articles': counts are read by people."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def date_ordinal(date: str) -> int:
    """An ISO date (YYYY-MM-DD…) as the int YYYYMMDD for range filters; 0 when unknown."""
    digits = date[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def long_date(date: str) -> str:
    """An ISO date as people write it ('2005-03-12' → '12 March 2005'); other text as it is."""
    ordinal = date_ordinal(date)
    if not ordinal:
        return date
    try:
        day = datetime.date(ordinal // 10000, ordinal // 100 % 100, ordinal % 100)
    except ValueError:
        return date
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def article_id_for(source: str) -> str:
    """A stable id for a source string."""
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:24]


# --- articles and chunks ------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """One article as read: its text and what is known about where it came from."""

    source: str
    title: str
    text: str
    url: str = ""
    date: str = ""
    author: str = ""
    # The file it was read from (absolute), for files; "" otherwise.
    file: str = ""
    # What a person should know about how it was read (e.g. a date that was not understood).
    warnings: tuple[str, ...] = ()
    # The site that published it (web pages), and where each page starts in `text` (PDFs).
    site: str = ""
    page_starts: tuple[int, ...] = ()

    @property
    def doc_hash(self) -> str:
        """Hash of everything that ends up in the index; a change means re-embedding.

        The site and page starts count only when present, so articles read
        before they existed keep their hash (and are not re-embedded).
        """
        digest = hashlib.sha256()
        for part in (self.title, self.url, self.date, self.author, self.text):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\x1f")
        if self.site or self.page_starts:
            extra = f"{self.site}\x1f{','.join(map(str, self.page_starts))}"
            digest.update(extra.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()[:24]


@dataclass(frozen=True)
class Skipped:
    """A file or record that was not ingested, and why, in words a person can act on."""

    source: str
    reason: str


@dataclass(frozen=True)
class Chunk:
    """One retrievable piece of an article, with its [start, end) span in the article text."""

    index: int
    start: int
    end: int
    text: str
    tokens: int


@dataclass(frozen=True)
class ArticleRecord:
    """What the index knows about one article (the commit marker of its chunks)."""

    article_id: str
    source: str
    title: str
    doc_hash: str
    chunks: int
    url: str = ""
    date: str = ""
    author: str = ""
    ingested_at: float = 0.0
    # The file the article was read from (absolute), "" when it did not come from a file.
    file: str = ""
    site: str = ""
    # Where each page starts in the article's text (PDFs); empty for articles without pages.
    page_starts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Passage:
    """A stored chunk with its article's fields; when retrieved, with its scores too.

    `score` is the cosine similarity of passage and query (what the refusal
    gate compares); `rank_score` is the fused score the ranking used.
    """

    chunk_id: str
    article_id: str
    source: str
    title: str
    text: str
    start: int
    end: int
    url: str = ""
    date: str = ""
    author: str = ""
    index: int = 0
    doc_hash: str = ""
    score: float = 0.0
    rank_score: float = 0.0
    # The pages of its article the passage lies on (PDFs), first to last; empty otherwise.
    pages: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the fields a reader needs, not the store's bookkeeping."""
        hidden = ("chunk_id", "doc_hash", "rank_score", "index")
        shape = {k: v for k, v in dataclasses.asdict(self).items() if k not in hidden}
        shape["pages"] = list(self.pages)
        return shape

    @property
    def shown_text(self) -> str:
        """The text as a page shows it: a hard-wrapped text's lines joined into paragraphs,
        one character for one, so every offset into `text` holds."""
        return unwrapped(self.text)

    @property
    def page_label(self) -> str:
        """'p. 3', 'pp. 3–4', or "" for an article without pages."""
        return page_label(self.pages)


def page_label(pages: Sequence[int]) -> str:
    """How a citation names its pages: 'p. 3', 'pp. 3–4'; "" when there are none."""
    if not pages:
        return ""
    first, last = min(pages), max(pages)
    return f"p. {first}" if first == last else f"pp. {first}–{last}"


@dataclass(frozen=True)
class SearchFilter:
    """Restrict a search to some sources and/or a date range (dates as YYYYMMDD ints)."""

    sources: tuple[str, ...] = ()
    date_from: int = 0
    date_to: int = 0

    @classmethod
    def parse(
        cls, sources: Sequence[str] = (), date_from: str | None = None, date_to: str | None = None
    ) -> SearchFilter:
        """A filter from what a person typed, or UsageError saying what to write instead."""
        start, end = (
            _day(date_from, "start date"),
            _day(date_to, "end date"),
        )
        if start and end and start > end:
            raise UsageError(
                f"The start date ({date_from}) is after the end date ({date_to}): swap them"
            )
        return cls(tuple(dict.fromkeys(sources)), start, end)

    def is_empty(self) -> bool:
        """True when the filter lets everything through."""
        return not (self.sources or self.date_from or self.date_to)


def _day(value: str | None, which: str) -> int:
    if not value:
        return 0
    try:
        day = datetime.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(
            f"The {which} must be a real day written like 2025-02-13, not {value!r}"
        ) from None
    return day.year * 10000 + day.month * 100 + day.day


# --- answers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Citation:
    """A passage the answer cites, under the number the answer shows for it."""

    n: int
    passage: Passage

    @property
    def source(self) -> str:
        """The cited article's source."""
        return self.passage.source

    @property
    def title(self) -> str:
        """The cited article's title."""
        return self.passage.title

    @property
    def text(self) -> str:
        """The cited passage's text."""
        return self.passage.text

    @property
    def score(self) -> float:
        """The cited passage's similarity to the question."""
        return self.passage.score

    @property
    def start(self) -> int:
        """Where the passage starts in its article's text."""
        return self.passage.start

    @property
    def end(self) -> int:
        """Where the passage ends in its article's text."""
        return self.passage.end

    @property
    def url(self) -> str:
        """The cited article's URL, if known."""
        return self.passage.url

    @property
    def date(self) -> str:
        """The cited article's date, if known."""
        return self.passage.date

    @property
    def author(self) -> str:
        """The cited article's author (its byline), if known."""
        return self.passage.author

    @property
    def shown_date(self) -> str:
        """The cited article's date as people write it ('12 March 2005'); "" if unknown."""
        return long_date(self.passage.date)

    @property
    def pages(self) -> tuple[int, ...]:
        """The pages the cited passage lies on (PDFs); empty otherwise."""
        return self.passage.pages

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the number and the passage's fields side by side."""
        return {"n": self.n, **self.passage.to_dict()}


@dataclass(frozen=True)
class ShortAnswer:
    """The words that answer the question ("nearly 90 minutes"), inside passage `n`'s text,
    at [start, end) in its article (the same offsets as the passage's)."""

    n: int
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Quote:
    """A sentence an extractive answerer quotes, with the (retrieval) number of its passage."""

    n: int
    text: str
    start: int
    end: int
    score: float
    short: ShortAnswer | None = None
    # An item of the list the quote before leads into: shown on a line of its own.
    item: bool = False


@dataclass(frozen=True)
class Refusal:
    """An answerer's word that the passages do not answer, and why (said to the reader)."""

    note: str


@dataclass(frozen=True)
class ClaimText:
    """One answer sentence without its markers, and the passage numbers it cites."""

    text: str
    cited: tuple[int, ...]


@dataclass(frozen=True)
class Evidence:
    """The passage sentence that best supports a claim, located in its article."""

    n: int
    text: str
    start: int
    end: int


# How a claim's verdict reads to people (a mark and words), and whether it answers the question:
# a quote can be true to its article and still not answer.
VERDICT_LABELS = {
    "supported": ("✓", "supported"),
    "partial": ("~", "partly supported"),
    "unsupported": ("✗", "not supported"),
    "uncited": ("?", "no citation"),
}
QUOTED_LABEL = "quoted word for word"
# What stands for the end of a sentence an extractive answer quotes only up to its answer.
QUOTE_CUT = "…"
RELEVANCE_LABELS = {
    "answers": "answers the question",
    "unsure": "may not answer the question",
    "related": "does not answer the question",
    "off-topic": "off the question's topic",
}
# How many of the closest passages a refusal shows.
CLOSEST_SHOWN = 3
# Said with an answer chosen with little confidence (relevance "unsure").
UNSURE_NOTE = "This answer may not answer the question: compare it with its passage."


@dataclass(frozen=True)
class Claim:
    """One answer sentence with its citations, support score, verdict and evidence.

    `supporting` lists the cited passages that on their own back the sentence
    at least partly; a citation not in it is a citation the reader should
    doubt (this is what citation precision counts).
    """

    text: str
    citations: tuple[int, ...]
    score: float
    verdict: str
    evidence: Evidence | None = None
    suggested: int | None = None
    supporting: tuple[int, ...] = ()
    # Whether the sentence answers the question: "answers", "unsure" (it was chosen as the
    # answer with little confidence), "related" or "off-topic".
    relevance: str = "answers"

    @property
    def mark(self) -> str:
        """The verdict as one mark: ✓ supported, ~ partly, ✗ not supported, ? no citation."""
        return VERDICT_LABELS.get(self.verdict, ("?", self.verdict))[0]

    @property
    def verdict_label(self) -> str:
        """The verdict in words ("partly supported"); a sentence that is its passage's sentence
        word for word (an extractive answer's quote) is "quoted word for word": its support
        is a given, and whether it answers the question is what tells."""
        if self.verdict == "supported" and self.is_a_quote:
            return QUOTED_LABEL
        return VERDICT_LABELS.get(self.verdict, ("?", self.verdict))[1]

    @property
    def is_a_quote(self) -> bool:
        """Whether the sentence is written word for word in its evidence (which may hold a
        list's dash or a heading before it, or go on where the quote is cut)."""
        if self.evidence is None:
            return False
        quoted = self.text.removesuffix(QUOTE_CUT)
        return " ".join(quoted.split()) in " ".join(self.evidence.text.split())

    @property
    def relevance_label(self) -> str:
        """Whether the sentence answers the question, in words."""
        return RELEVANCE_LABELS.get(self.relevance, self.relevance)


@dataclass(frozen=True)
class Answer:
    """An answer with everything needed to check it.

    `passages` are all retrieved passages: the ones the text cites first, as
    [1], [2]… in the order the text first cites them, then the others in rank
    order (a refusal shows the first few, as `closest`);
    `citations` holds only the cited ones; `claims` has a verdict per sentence.
    """

    question: str
    text: str
    mode: str
    refused: bool
    citations: tuple[Citation, ...] = ()
    claims: tuple[Claim, ...] = ()
    passages: tuple[Passage, ...] = ()
    standalone_question: str = ""
    model: str = ""
    note: str = ""
    dropped_citations: tuple[int, ...] = ()
    interrupted: bool = False
    seconds: float = 0.0
    short_answer: ShortAnswer | None = None
    # Where the answer is saved: its conversation and its own id there (feedback names it);
    # `not_saved` says why an answer asked in a conversation could not be saved.
    conversation: str = ""
    saved_as: int = 0
    not_saved: str = ""

    @property
    def closest(self) -> tuple[Passage, ...]:
        """What a refusal shows: the passages retrieval ranked first (by meaning and
        keywords together), listed by their similarity to the question, the figure shown
        beside each, so that the list reads from closest down."""
        return tuple(sorted(self.passages[:CLOSEST_SHOWN], key=lambda p: -p.score))

    @property
    def unsure(self) -> bool:
        """Whether the answer may not answer the question: a claim was chosen with little
        confidence ("unsure"), or none of its sentences answers (a model's answer made of
        related or off-topic sentences). The reader should compare it with its passage."""
        if self.refused or not self.claims:
            return False
        relevance = {c.relevance for c in self.claims}
        return "unsure" in relevance or "answers" not in relevance

    @property
    def caution(self) -> str:
        """What to tell the reader of an unsure answer (see `unsure`); "" otherwise."""
        return UNSURE_NOTE if self.unsure else ""

    @property
    def asked_as_line(self) -> str:
        """'(Asked as: Who confirmed it? (context: …))' for a follow-up read with what came
        before, so a reader sees when it was read in the wrong conversation; "" otherwise."""
        if not self.standalone_question or self.standalone_question == self.question:
            return ""
        return f"(Asked as: {self.standalone_question})"

    @property
    def short_answer_line(self) -> str:
        """'Answer: Marc Fogel [1]', with a warning when the answer is unsure; "" without one."""
        short = self.short_answer
        if short is None:
            return ""
        warning = f" ({RELEVANCE_LABELS['unsure']})" if self.unsure else ""
        day = f" ({self.short_answer_day})" if self.short_answer_day else ""
        return f"Answer: {short.text} [{short.n}]{day}{warning}"

    @property
    def short_answer_day(self) -> str:
        """For a short answer such as "on Sunday" or "yesterday", the day it means by the
        cited article's date ("14 April 2024, by the article's date"); "" otherwise."""
        short = self.short_answer
        cited = next((c for c in self.citations if short and c.n == short.n), None)
        if short is None or cited is None or not cited.date:
            return ""
        at = short.start - cited.start
        # Its own sentence only: "…will close three branches.\n\nThe plan passed on Tuesday"
        # does not say Tuesday is to come.
        opening = next((s.start for s in split_sentences(cited.text) if s.start <= at < s.end), at)
        sentence = cited.text[max(opening, at - 120) : at + len(short.text)]
        meant = day_meant(short.text, cited.date, sentence)
        return f"{long_date(meant.isoformat())}, by the article's date" if meant else ""

    def __str__(self) -> str:
        """The answer as people read it: its text, then its numbered sources (repr has all)."""
        lines = [self.short_answer_line] if self.short_answer else []
        lines.append(self.text)
        if self.refused and self.note:
            lines.append(f"({self.note})")
        if self.citations:
            if self.newest_source_line:
                lines.append(self.newest_source_line)
            lines.append("")
            for citation in self.citations:
                place = citation.url or citation.source
                date = f", {citation.date}" if citation.date else ""
                pages = f", {citation.passage.page_label}" if citation.pages else ""
                lines.append(f"[{citation.n}] {citation.title} — {place}{pages}{date}")
        return "\n".join(lines)

    @property
    def newest_source(self) -> Citation | None:
        """The citation of the newest article when the cited articles have different dates
        (so a reader knows what the answer holds as of when); None otherwise."""
        dated = [c for c in self.citations if date_ordinal(c.date)]
        if len({date_ordinal(c.date) for c in dated}) < 2:
            return None
        return max(dated, key=lambda c: (date_ordinal(c.date), -c.n))

    @property
    def newest_source_line(self) -> str:
        """'Newest source: 12 March 2005 [2]' when the cited articles have different dates."""
        newest = self.newest_source
        return f"Newest source: {newest.shown_date} [{newest.n}]" if newest else ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant ask --json` and of the web API."""
        return {
            "question": self.question,
            "standalone_question": self.standalone_question,
            "answer": self.text,
            "mode": self.mode,
            "model": self.model,
            "refused": self.refused,
            "interrupted": self.interrupted,
            "note": self.note,
            "citations": [c.to_dict() for c in self.citations],
            "claims": [dataclasses.asdict(c) for c in self.claims],
            "dropped_citations": list(self.dropped_citations),
            "short_answer": dataclasses.asdict(self.short_answer) if self.short_answer else None,
            "unsure": self.unsure,
            "caution": self.caution,
            "newest_source": (
                {"n": newest.n, "date": newest.date} if (newest := self.newest_source) else None
            ),
            "passages": [p.to_dict() for p in self.passages],
            "closest": [p.to_dict() for p in self.closest] if self.refused else [],
            "seconds": round(self.seconds, 3),
            "conversation": self.conversation,
            "saved_as": self.saved_as,
            "not_saved": self.not_saved,
        }

    @classmethod
    def from_dict(cls, shape: dict[str, Any]) -> Answer:
        """The Answer back from its JSON shape (`to_dict`), as saved with a conversation."""

        def passage(fields: dict[str, Any]) -> Passage:
            known = {f.name for f in dataclasses.fields(Passage)} - {"chunk_id"}
            kept = {k: v for k, v in fields.items() if k in known}
            return Passage(chunk_id="", **{**kept, "pages": tuple(fields.get("pages") or ())})

        def claim(fields: dict[str, Any]) -> Claim:
            evidence = fields.get("evidence")
            return Claim(
                **{
                    **fields,
                    "citations": tuple(fields.get("citations") or ()),
                    "supporting": tuple(fields.get("supporting") or ()),
                    "evidence": Evidence(**evidence) if evidence else None,
                }
            )

        short = shape.get("short_answer")
        return cls(
            question=shape["question"],
            text=shape["answer"],
            mode=shape.get("mode", ""),
            refused=bool(shape.get("refused")),
            citations=tuple(
                Citation(c["n"], passage({k: v for k, v in c.items() if k != "n"}))
                for c in shape.get("citations") or ()
            ),
            claims=tuple(claim(c) for c in shape.get("claims") or ()),
            passages=tuple(passage(p) for p in shape.get("passages") or ()),
            standalone_question=shape.get("standalone_question", ""),
            model=shape.get("model", ""),
            note=shape.get("note", ""),
            dropped_citations=tuple(shape.get("dropped_citations") or ()),
            interrupted=bool(shape.get("interrupted")),
            seconds=float(shape.get("seconds") or 0.0),
            short_answer=ShortAnswer(**short) if short else None,
            conversation=shape.get("conversation", ""),
            saved_as=int(shape.get("saved_as") or 0),
            not_saved=shape.get("not_saved", ""),
        )


# --- reports ------------------------------------------------------------------------------


# How an ingest report tells of articles with no date, after their count.
_UNDATED = (
    "with no date found (date filters leave such articles out; a line like '9 May 2025' or "
    "'Published: 9 May 2025' under the headline gives one)"
)


@dataclass
class IngestReport:
    """What an ingest did. `chunks` and `articles` count the whole index afterwards."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    chunks: int = 0
    articles: int = 0
    embedded_chunks: int = 0
    seconds: float = 0.0
    added_sources: list[str] = field(default_factory=list)
    updated_sources: list[str] = field(default_factory=list)
    # Articles removed because an upload replaced them on purpose.
    replaced: list[str] = field(default_factory=list)
    # Articles not stored because the same article is already stored under another source:
    # (source given, source it is stored as).
    copies: list[tuple[str, str]] = field(default_factory=list)
    # Things the person should know that are not failures (e.g. two uploads with one name).
    notes: list[str] = field(default_factory=list)
    # Web requests: pages and feeds downloaded, and those the server said had not changed.
    fetched: int = 0
    not_modified: int = 0
    # Articles a sync removed because their files are gone (only when asked to prune).
    pruned: list[str] = field(default_factory=list)
    # Articles added or updated with no date found: date filters leave them out.
    undated: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for people: counts of each outcome and the index size."""
        replaced = f", {len(self.replaced)} replaced" if self.replaced else ""
        replaced += f", {len(self.pruned)} pruned" if self.pruned else ""
        copies = len(self.copies)
        copied = f", {copies} {'copy' if copies == 1 else 'copies'} not added" if copies else ""
        web = ""
        if self.fetched or self.not_modified:
            web = f"; {plural(self.fetched, 'download')}, {self.not_modified} not modified"
        return (
            f"{self.added} added, {self.updated} updated{replaced}, {self.unchanged} unchanged"
            f"{copied}, "
            f"{len(self.skipped)} skipped; the index holds {plural(self.articles, 'article')} in "
            f"{plural(self.chunks, 'chunk')}{web} ({self.seconds:.1f} s)"
        )

    def undated_line(self) -> str:
        """How many articles read have no date, and what that means; "" when none."""
        if not self.undated:
            return ""
        return f"{plural(len(self.undated), 'article')} {_UNDATED}"

    @property
    def read_nothing(self) -> bool:
        """True when nothing given could be read: every path or address was missing or skipped
        (an address or feed the server says has not changed counts as read)."""
        return not (
            self.added or self.updated or self.unchanged or self.not_modified or self.copies
        )


@dataclass(frozen=True)
class Progress:
    """A snapshot of a running ingest, for progress bars and logs."""

    files_done: int
    files_total: int
    chunks_embedded: int
    elapsed: float
    finished: bool = False
    # While another process holds the index's write lock: its process id (nothing is done yet).
    waiting_for: str = ""
    # What is being read right now when one item takes long (e.g. "report.pdf: page 200/500").
    reading: str = ""

    @property
    def rate(self) -> float:
        """Files per second so far."""
        return self.files_done / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def remaining(self) -> float | None:
        """Estimated seconds left, or None before there is a rate."""
        if not self.files_done or not self.rate:
            return None
        return (self.files_total - self.files_done) / self.rate

    def describe(self) -> str:
        """One line for people: files done, chunks embedded, rate, time left."""
        if self.waiting_for:
            return f"waiting for process {self.waiting_for}, which is writing to the index…"
        left = self.remaining
        eta = f", about {left:.0f} s left" if left is not None and not self.finished else ""
        reading = f"; reading {self.reading}" if self.reading and not self.finished else ""
        # Before the first file is done (one long file, say), the pace in chunks, not "0.0
        # files/s".
        if self.files_done:
            pace = f", {self.rate:.1f} files/s"
        elif self.chunks_embedded and self.elapsed > 0:
            pace = f", {self.chunks_embedded / self.elapsed:.0f} chunks/s"
        else:
            pace = ""
        return (
            f"{self.files_done}/{plural(self.files_total, 'file')} done, "
            f"{plural(self.chunks_embedded, 'chunk')} embedded{pace}{eta}{reading}"
        )


@dataclass(frozen=True)
class Status:
    """What an Assistant is set up with and how large its index is, for the faces to show."""

    answering: str
    model: str
    embedder: str
    embedding_engine: str
    index: str
    index_exists: bool
    articles: int
    chunks: int
    file_types: tuple[str, ...]

    def line(self) -> str:
        """One line for people: how it answers, what embeds, how large the index is."""
        return (
            f"answering: {self.answering}; embeddings: {self.embedder}"
            f"{f' ({self.embedding_engine})' if self.embedding_engine else ''}; index: "
            f"{plural(self.articles, 'article')}, {plural(self.chunks, 'chunk')} at {self.index}"
        )


# --- stored articles and registered sources ----------------------------------------------


@dataclass(frozen=True)
class ArticlePage:
    """One page of a stored article (PDFs): its number and its [start, end) span in the text."""

    number: int
    start: int
    end: int


@dataclass(frozen=True)
class StoredArticle:
    """An article as the index holds it: the whole text that was read, with what is known.

    This is what a person checks to see what was actually read from a page,
    feed entry, PDF or file; `pages` is empty for articles without pages.
    """

    source: str
    title: str
    text: str
    url: str = ""
    date: str = ""
    author: str = ""
    site: str = ""
    file: str = ""
    pages: tuple[ArticlePage, ...] = ()
    chunks: int = 0
    ingested_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant show --json`."""
        return dataclasses.asdict(self)

    @property
    def shown_text(self) -> str:
        """The text as a page shows it: a hard-wrapped text's lines joined into paragraphs,
        one character for one, so every offset into `text` holds."""
        return unwrapped(self.text)


def pages_of(text_length: int, page_starts: Sequence[int]) -> tuple[ArticlePage, ...]:
    """The page spans of a text of `text_length` characters whose pages start at `page_starts`."""
    ends = [*page_starts[1:], text_length]
    return tuple(
        ArticlePage(number, start, end)
        for number, (start, end) in enumerate(zip(page_starts, ends, strict=True), start=1)
    )


SOURCE_KINDS = ("feed", "url", "folder", "file")


@dataclass(frozen=True)
class SourceRecord:
    """A registered source that `sync` reads again: a feed, a web page, a folder or a file.

    `articles` counts the articles that came from it at its last sync;
    `last_status` says in words how that sync went.
    """

    kind: str
    location: str
    title: str = ""
    added_at: float = 0.0
    last_sync: float = 0.0
    last_status: str = ""
    articles: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant feeds list --json`."""
        return dataclasses.asdict(self)


# --- conversations ------------------------------------------------------------------------

RATINGS = ("up", "down")


@dataclass(frozen=True)
class Feedback:
    """A reader's word on one answer: thumbs "up" or "down", an optional note, and the right
    answer when they give one (`assistant feedback export` turns these into a question set)."""

    rating: str
    note: str = ""
    correction: str = ""
    given_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class SavedAnswer:
    """One question and its answer as a conversation keeps them, with the reader's feedback.

    The answer holds its citations with their passage texts, so a saved answer
    can be read (and exported) after its articles have left the index.
    """

    id: int
    answer: Answer
    asked_at: float
    feedback: Feedback | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: the answer's, with when it was asked and the feedback."""
        return {
            "id": self.id,
            "asked_at": self.asked_at,
            **self.answer.to_dict(),
            "feedback": self.feedback.to_dict() if self.feedback else None,
        }


@dataclass(frozen=True)
class ConversationSummary:
    """A saved conversation as a list shows it: its title, times and number of questions."""

    id: str
    title: str
    created_at: float
    updated_at: float
    questions: int = 0
    user: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant chats list --json`."""
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Conversation:
    """A saved conversation with every answer in it, oldest first."""

    summary: ConversationSummary
    answers: tuple[SavedAnswer, ...] = ()

    @property
    def id(self) -> str:
        """The conversation's id."""
        return self.summary.id

    @property
    def title(self) -> str:
        """The conversation's title."""
        return self.summary.title

    @property
    def history(self) -> list[Turn]:
        """The (question, answer text) pairs a follow-up question is read against: each
        question as it was read, with the subject it carried ("Who was the runner-up?
        (context: 2025 marathon)"), so the next knows what the conversation is about now."""
        return [
            (saved.answer.standalone_question or saved.answer.question, saved.answer.text)
            for saved in self.answers
        ]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of `assistant chats export --json`."""
        return {**self.summary.to_dict(), "answers": [a.to_dict() for a in self.answers]}
