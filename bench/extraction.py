"""Article extraction from HTML: the assistant's extractor and trafilatura settings, side by side.

    python bench/extraction.py [--pages bench/data/pages] [--repeat 3] [--per-page] [--grid]

Needs `pip install trafilatura htmldate lxml_html_clean` (jusText, which
trafilatura imports, needs lxml.html.clean, a separate package since lxml 5.2;
pip did not pull it in here). Nothing of this is a project dependency yet.

Reads every NAME.html in the page set with its gold NAME.json (see the
README there) and runs each extractor on the decoded markup, as
`assistant.articles` would hand it over.

Body metric (as in the ScrapingHub article-extraction benchmark, but on
single words rather than 4-word shingles): both texts become bags of
lower-cased word tokens (`\\w+`); true positives are the multiset
intersection. Per page, precision = tp / predicted tokens and recall =
tp / gold tokens. As there, precision is averaged over the pages where the
extractor returned something, recall over the pages whose gold body is not
empty, and F1 is the harmonic mean of those two means. A junk answer on a
no-article page therefore costs precision; an empty answer on one costs
nothing. "F1 page mean" is the plain mean of per-page F1 (1 when both texts
are empty, 0 when exactly one is), and "worst" the lowest per-page F1.

Metadata: title, author and date are compared with the gold labels on
article pages only, after normalising case, quotes and spaces; a date counts
when the first YYYY-MM-DD in the answer equals the gold date, an author when
the set of names matches. Speed is pages per second over the whole set,
metadata included, best of --repeat runs.

Safety: every extracted body is checked for raw markup (`<tag ...>`) and for
any fragment of text that exists on the page only inside <script>, <style>,
<noscript> or <template> (JSON-LD and hydration data that merely repeat the
visible article do not count).
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import re
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import lxml.html

from assistant.ingest.decoding import decode_bytes
from assistant.ingest.html import clean_edges, extract_html

PAGES_DIR = Path(__file__).resolve().parent / "data" / "pages"
TARGET_F1 = 0.95
TARGET_PRECISION = 0.92

_TOKEN = re.compile(r"\w+")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(\s[^<>]*)?/?>|<!--|<!\[CDATA\[")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# --- pages and answers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    name: str
    markup: str
    gold: dict[str, str]
    hidden_fragments: tuple[str, ...]  # text found only inside script/style/noscript/template

    @property
    def is_article(self) -> bool:
        return bool(self.gold["body"])


@dataclass(frozen=True)
class Extraction:
    body: str
    title: str = ""
    date: str = ""
    author: str = ""


Extractor = Callable[[str], Extraction]


def _squash(text: str) -> str:
    return " ".join(text.split())


def _hidden_fragments(markup: str) -> tuple[str, ...]:
    """Sentence-like fragments that appear in the page only inside non-rendered elements."""
    doc = lxml.html.fromstring(markup)
    hidden_parts = []
    for element in doc.iter("script", "style", "noscript", "template"):
        hidden_parts.append(element.text_content())
        element.drop_tree()
    visible = _squash(html.unescape(doc.text_content())).lower()
    fragments = set()
    for part in hidden_parts:
        for raw in re.split(r"[{}()\[\];\"<>\n]|\\n|\\\"", html.unescape(part)):
            piece = _squash(raw)
            if len(piece) >= 25 and " " in piece and piece.lower() not in visible:
                fragments.add(piece)
    return tuple(sorted(fragments))


def load_pages(folder: Path = PAGES_DIR) -> list[Page]:
    pages = []
    for path in sorted(folder.glob("*.html")):
        markup = decode_bytes(path.read_bytes())
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        pages.append(Page(path.stem, markup, gold, _hidden_fragments(markup)))
    if not pages:
        raise SystemExit(f"no pages in {folder}: run python bench/make_pages.py")
    return pages


# --- scoring --------------------------------------------------------------------------------


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


@dataclass(frozen=True)
class BodyScore:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float | None:
        return self.tp / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float:
        if not self.predicted and not self.gold:
            return 1.0
        if not self.predicted or not self.gold or not self.tp:
            return 0.0
        p, r = self.tp / self.predicted, self.tp / self.gold
        return 2 * p * r / (p + r)


def score_body(predicted: str, gold: str) -> BodyScore:
    pred, true = tokens(predicted), tokens(gold)
    return BodyScore(sum((pred & true).values()), sum(pred.values()), sum(true.values()))


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return _squash(html.unescape(text)).casefold()


def _names(text: str) -> frozenset[str]:
    parts = re.split(r";|,|\band\b|&", _norm(text))
    return frozenset(p.strip() for p in parts if p.strip())


def title_ok(found: str, gold: str) -> bool:
    return bool(found) and _norm(found) == _norm(gold)


def date_ok(found: str, gold: str) -> bool:
    match = _ISO_DATE.search(found or "")
    return match is not None and match.group() == gold


def author_ok(found: str, gold: str) -> bool:
    return bool(found) and _names(found) == _names(gold)


def unsafe(body: str, page: Page) -> list[str]:
    """Why this body is unsafe to store: raw tags, or text that was only in scripts/styles."""
    problems = []
    tag = _TAG.search(body)
    if tag:
        problems.append(f"raw markup {tag.group()[:30]!r}")
    squashed = _squash(body)
    leaked = [f for f in page.hidden_fragments if f in squashed]
    if leaked:
        problems.append(f"hidden text {leaked[0][:40]!r}")
    return problems


@dataclass
class Result:
    """One extractor's answers and scores; metrics over article pages unless `everything`."""

    name: str
    articles: frozenset[str] = frozenset()
    scores: dict[str, BodyScore] = field(default_factory=dict)
    answers: dict[str, Extraction] = field(default_factory=dict)
    problems: dict[str, list[str]] = field(default_factory=dict)
    pages_per_second: float = 0.0

    def _scores(self, everything: bool) -> list[BodyScore]:
        return [s for n, s in self.scores.items() if everything or n in self.articles]

    def precision(self, everything: bool = False) -> float:
        values = [s.precision for s in self._scores(everything) if s.precision is not None]
        return mean(values) if values else 0.0

    def recall(self, everything: bool = False) -> float:
        values = [s.recall for s in self._scores(everything) if s.recall is not None]
        return mean(values) if values else 0.0

    def f1(self, everything: bool = False) -> float:
        p, r = self.precision(everything), self.recall(everything)
        return 2 * p * r / (p + r) if p + r else 0.0

    def f1_page_mean(self) -> float:
        return mean(s.f1 for s in self._scores(False))

    def worst(self) -> tuple[float, str]:
        name, score = min(
            ((n, s) for n, s in self.scores.items() if n in self.articles), key=lambda kv: kv[1].f1
        )
        return score.f1, name

    def meets_target(self) -> bool:
        return self.f1() >= TARGET_F1 and self.precision() >= TARGET_PRECISION


def evaluate(name: str, extractor: Extractor, pages: list[Page], repeat: int = 1) -> Result:
    result = Result(name, frozenset(p.name for p in pages if p.is_article))
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        answers = {page.name: extractor(page.markup) for page in pages}
        best = min(best, time.perf_counter() - started)
    result.pages_per_second = len(pages) / best
    for page in pages:
        answer = answers[page.name]
        result.answers[page.name] = answer
        result.scores[page.name] = score_body(answer.body, page.gold["body"])
        result.problems[page.name] = unsafe(answer.body, page)
    return result


def field_accuracy(result: Result, pages: list[Page], field_name: str) -> float:
    check = {"title": title_ok, "date": date_ok, "author": author_ok}[field_name]
    articles = [p for p in pages if p.is_article]
    hits = sum(
        check(getattr(result.answers[p.name], field_name), p.gold[field_name]) for p in articles
    )
    return hits / len(articles)


# --- extractors -----------------------------------------------------------------------------


def assistant_extractor(markup: str) -> Extraction:
    """What the assistant stores (assistant/ingest/html.py): trafilatura with the recommended
    settings and the project's steps; a page it refuses gives no body."""
    page = extract_html(markup)
    return Extraction(page.text, page.title, page.date, page.author)


def _doc_fields(doc: Any) -> tuple[str, str, str]:
    if doc is None:
        return "", "", ""
    return doc.title or "", doc.date or "", doc.author or ""


def trafilatura_defaults(markup: str) -> Extraction:
    """What `trafilatura.extract(markup)` stores as text, with the metadata of the same run.

    `extract` appends the comment section to the text by default
    (include_comments=True), so the body here is text + comments, exactly the
    string `extract(markup)` returns.
    """
    import trafilatura

    doc: Any = trafilatura.bare_extraction(markup, with_metadata=True)
    if doc is None:
        return Extraction("")
    body = doc.text or ""
    if doc.comments:
        body = f"{body}\n{doc.comments}"
    return Extraction(body, *_doc_fields(doc))


@dataclass(frozen=True)
class TrafilaturaConfig:
    """One setting of trafilatura's options plus the project's own steps around it.

    `favor`, `fast`, `deduplicate` and `include_tables` are trafilatura
    options (include_comments is always False). The rest is what the project
    would add: `fallback` to trafilatura's baseline when the result is empty,
    `post` to trim furniture lines at the edges of the body, and `gate` to
    return nothing on pages that do not look like articles.
    """

    favor: str = "none"  # none | precision | recall
    fast: bool = False  # skip the readability/jusText fallback comparison
    deduplicate: bool = False  # with a fresh cache per page (see `_options`)
    include_tables: bool = True
    fallback: str = "none"  # none | baseline | baseline-if-article
    post: bool = False
    gate: str = "none"  # none | declared | declared+noindex

    def options(self) -> tuple[str, bool, bool, bool]:
        return (self.favor, self.fast, self.deduplicate, self.include_tables)

    def label(self) -> str:
        parts = [f"favor_{self.favor}" if self.favor != "none" else "balanced"]
        if self.fast:
            parts.append("fast")
        if self.deduplicate:
            parts.append("dedup")
        if not self.include_tables:
            parts.append("no-tables")
        if self.fallback != "none":
            parts.append(f"fallback={self.fallback}")
        if self.post:
            parts.append("post")
        if self.gate != "none":
            parts.append(f"gate={self.gate}")
        return " ".join(parts)


_ARTICLE_DECLARED = re.compile(
    r'"@type"\s*:\s*"(NewsArticle|Article|BlogPosting|OpinionNewsArticle|ReportageNewsArticle|'
    r'LiveBlogPosting|SocialMediaPosting|AnalysisNewsArticle)"'
    r'|<meta[^>]+property=["\']og:type["\'][^>]+content=["\']article["\']',
    re.IGNORECASE,
)
_OG_TYPE = re.compile(
    r'<meta[^>]+property=["\']og:type["\'][^>]+content=["\']([\w.:-]+)["\']', re.IGNORECASE
)
_NOINDEX = re.compile(r'<meta[^>]+name=["\']robots["\'][^>]+noindex', re.IGNORECASE)


def looks_like_article(markup: str, gate: str) -> bool:
    """False when the page says it is something else.

    "declared": an og:type other than article (a section front or home page
    says "website"). "declared+noindex" also refuses pages that ask search
    engines not to index them (search results, sign-in, print views) unless
    they declare an article type.
    """
    if gate == "none" or _ARTICLE_DECLARED.search(markup):
        return True
    og_type = _OG_TYPE.search(markup)
    if og_type and not og_type.group(1).lower().startswith("article"):
        return False
    return not (gate == "declared+noindex" and _NOINDEX.search(markup))


def _run_trafilatura(markup: str, options: tuple[str, bool, bool, bool]) -> Any:
    import trafilatura
    from trafilatura.deduplication import LRUCache

    favor, fast, deduplicate, include_tables = options
    return trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_tables=include_tables,
        favor_precision=favor == "precision",
        favor_recall=favor == "recall",
        fast=fast,
        # deduplicate=True shares one cache across the whole process: the fourth
        # time a paragraph is seen it is dropped, so re-extracting a page (a
        # re-ingest) returns nothing. A fresh cache per page only removes repeats
        # within the page.
        deduplicate=LRUCache(maxsize=4096) if deduplicate else False,
    )


def _finish(doc: Any, markup: str, config: TrafilaturaConfig) -> Extraction:
    import trafilatura

    title, date, author = _doc_fields(doc)
    if not looks_like_article(markup, config.gate):
        return Extraction("", title, date, author)
    body = (doc.text or "") if doc is not None else ""
    use_fallback = config.fallback == "baseline" or (
        config.fallback == "baseline-if-article" and _ARTICLE_DECLARED.search(markup)
    )
    if not body.strip() and use_fallback:
        body = trafilatura.baseline(markup)[1]
    if config.post:
        body = clean_edges(body, title, author)
    return Extraction(body, title, date, author)


def trafilatura_tuned(config: TrafilaturaConfig) -> Extractor:
    def run(markup: str) -> Extraction:
        return _finish(_run_trafilatura(markup, config.options()), markup, config)

    return run


def tuned_grid() -> list[TrafilaturaConfig]:
    """General settings only: every combination is applied to every page alike.

    The full product of the options that matter on this set, then the
    options that made no difference here (deduplicate with a per-page cache,
    the baseline fallback, tables off) tried on top of the usual winners.
    """
    grid = [
        TrafilaturaConfig(favor, fast, post=post, gate=gate)
        for favor, fast, post, gate in itertools.product(
            ("none", "precision", "recall"),
            (False, True),
            (False, True),
            ("none", "declared", "declared+noindex"),
        )
    ]
    for favor in ("none", "precision"):
        grid.append(TrafilaturaConfig(favor, deduplicate=True, post=True, gate="declared"))
        grid.append(TrafilaturaConfig(favor, include_tables=False, post=True, gate="declared"))
        for fallback in ("baseline", "baseline-if-article"):
            grid.append(TrafilaturaConfig(favor, fallback=fallback, post=True, gate="declared"))
    return grid


# The setting this benchmark recommends: the best here bar one choice, tables kept
# (include_tables=False wins on these pages only by dropping a layout table, and it
# drops real data tables with it).
RECOMMENDED_CONFIG = TrafilaturaConfig(favor="precision", post=True, gate="declared")


def complexity(config: TrafilaturaConfig) -> int:
    """How many settings differ from trafilatura's defaults (include_comments aside)."""
    default = TrafilaturaConfig()
    return sum(
        getattr(config, name) != getattr(default, name)
        for name in ("favor", "fast", "deduplicate", "include_tables", "fallback", "post", "gate")
    )


def evaluate_grid(pages: list[Page]) -> list[tuple[TrafilaturaConfig, Result]]:
    """Every configuration scored; trafilatura runs once per option set, the steps after it."""
    runs: dict[tuple[str, bool, bool, bool], dict[str, Any]] = {}
    scored = []
    for config in tuned_grid():
        if config.options() not in runs:
            runs[config.options()] = {
                p.name: _run_trafilatura(p.markup, config.options()) for p in pages
            }
        docs = runs[config.options()]
        result = Result(config.label(), frozenset(p.name for p in pages if p.is_article))
        for page in pages:
            answer = _finish(docs[page.name], page.markup, config)
            result.answers[page.name] = answer
            result.scores[page.name] = score_body(answer.body, page.gold["body"])
            result.problems[page.name] = unsafe(answer.body, page)
        scored.append((config, result))
    return scored


# --- dates ----------------------------------------------------------------------------------


def date_methods() -> dict[str, Callable[[str], str]]:
    import htmldate
    import trafilatura

    def traf(markup: str) -> str:
        doc: Any = trafilatura.bare_extraction(markup, with_metadata=True, fast=True)
        return (doc.date or "") if doc is not None else ""

    return {
        "assistant ingest/html.py": lambda m: extract_html(m).date,
        "trafilatura metadata": traf,
        "htmldate find_date() defaults": lambda m: htmldate.find_date(m) or "",
        "htmldate original_date=True": lambda m: htmldate.find_date(m, original_date=True) or "",
        "htmldate extensive_search=False, original_date=True": lambda m: (
            htmldate.find_date(m, extensive_search=False, original_date=True) or ""
        ),
    }


def hazards(pages: list[Page]) -> list[str]:
    """Two defaults that bite a store of articles, shown on the pages themselves."""
    import trafilatura

    by_name = {p.name: p for p in pages}
    notes = []
    page = by_name.get("wordpress-long-comments")
    if page:
        with_comments = trafilatura.extract(page.markup) or ""
        without = trafilatura.extract(page.markup, include_comments=False) or ""
        notes.append(
            f"`extract()` keeps include_comments=True: on {page.name} it returns "
            f"{len(with_comments.split())} words, {len(without.split())} without the comments "
            f"(gold: {len(page.gold['body'].split())})."
        )
    page = by_name.get("wordpress-blog")
    if page:
        sizes = []
        for _ in range(5):
            doc: Any = trafilatura.bare_extraction(page.markup, deduplicate=True)
            sizes.append(len(doc.text.split()) if doc is not None and doc.text else 0)
        notes.append(
            "`deduplicate=True` shares one cache across the process: extracting "
            f"{page.name} five times in a row gives {sizes} words, so a re-ingest of a page "
            "loses it. Pass a fresh `LRUCache` per page, or leave it off."
        )
    return notes


# --- report ---------------------------------------------------------------------------------


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def summary_rows(results: Iterable[Result], pages: list[Page]) -> list[str]:
    no_article = [p for p in pages if not p.is_article]
    rows = [
        "| extractor | P | R | F1 | F1 page mean | worst page (F1) | F1 all pages "
        "| no-article pages empty | title | date | author | unsafe pages | pages/s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        worst, worst_name = r.worst()
        empty = sum(not r.answers[p.name].body.strip() for p in no_article)
        bad = sum(bool(v) for v in r.problems.values())
        speed = f"{r.pages_per_second:.0f}" if r.pages_per_second else "–"
        rows.append(
            f"| {r.name} | {_fmt(r.precision())} | {_fmt(r.recall())} | **{_fmt(r.f1())}** | "
            f"{_fmt(r.f1_page_mean())} | {worst_name} ({worst:.2f}) | {_fmt(r.f1(True))} | "
            f"{empty}/{len(no_article)} | {field_accuracy(r, pages, 'title'):.2f} | "
            f"{field_accuracy(r, pages, 'date'):.2f} | {field_accuracy(r, pages, 'author'):.2f} | "
            f"{bad} | {speed} |"
        )
    return rows


def per_page_rows(results: list[Result], pages: list[Page]) -> list[str]:
    head = "| page | gold words | " + " | ".join(f"{r.name} P/R" for r in results) + " |"
    rows = [head, "|---|---|" + "---|" * len(results)]
    for page in pages:
        cells = []
        for r in results:
            s = r.scores[page.name]
            p = "–" if s.precision is None else f"{s.precision:.2f}"
            rec = "–" if s.recall is None else f"{s.recall:.2f}"
            flag = " ⚠" if r.problems[page.name] else ""
            cells.append(f"{p}/{rec}{flag}")
        gold_words = r.scores[page.name].gold
        rows.append(f"| {page.name} | {gold_words} | " + " | ".join(cells) + " |")
    return rows


def _rank(scored: tuple[TrafilaturaConfig, Result]) -> tuple[bool, float, float, int]:
    """Meets the target, then F1 on articles, then F1 with no-article pages, then simplest."""
    config, r = scored
    return (r.meets_target(), round(r.f1(), 3), round(r.f1(True), 3), -complexity(config))


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=PAGES_DIR)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    parser.add_argument("--per-page", action="store_true", help="print per-page P/R")
    parser.add_argument("--grid", action="store_true", help="print every tuned configuration")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")

    import htmldate
    import lxml
    import trafilatura

    pages = load_pages(args.pages)
    n_articles = sum(p.is_article for p in pages)
    print(
        f"{len(pages)} pages ({n_articles} articles, {len(pages) - n_articles} without one); "
        f"trafilatura {trafilatura.__version__}, htmldate {htmldate.__version__}, "
        f"lxml {lxml.__version__}\n"
    )

    scored = sorted(evaluate_grid(pages), key=_rank)
    best = scored[-1][0]
    options_only = max(
        (s for s in scored if not s[0].post and s[0].gate == "none" and s[0].fallback == "none"),
        key=_rank,
    )[0]

    contenders: list[tuple[str, Extractor]] = [
        ("assistant ingest/html.py", assistant_extractor),
        ("trafilatura extract() defaults", trafilatura_defaults),
        ("trafilatura include_comments=False", trafilatura_tuned(TrafilaturaConfig())),
        (f"trafilatura best options: {options_only.label()}", trafilatura_tuned(options_only)),
        (f"trafilatura best + project steps: {best.label()}", trafilatura_tuned(best)),
    ]
    if best != RECOMMENDED_CONFIG:
        contenders.append(
            (
                f"trafilatura recommended: {RECOMMENDED_CONFIG.label()}",
                trafilatura_tuned(RECOMMENDED_CONFIG),
            )
        )
    results = [evaluate(name, fn, pages, args.repeat) for name, fn in contenders]

    print(f"## Body ({n_articles} article pages), metadata, safety and speed\n")
    print("\n".join(summary_rows(results, pages)))
    print(
        f"\nTarget on the team's held-out real pages: F1 ≥ {TARGET_F1} and precision ≥ "
        f"{TARGET_PRECISION} (article pages). Configurations meeting it here: "
        f"{sum(r.meets_target() for _, r in scored)} of {len(scored)}."
    )

    if args.grid:
        print("\n## Every tuned configuration (include_comments=False), best last\n")
        print("\n".join(summary_rows([r for _, r in scored], pages)))

    print("\n## Unsafe bodies (raw markup, or text found only in script/style/noscript/template)\n")
    problems = [
        f"- {r.name} / {page}: {'; '.join(found)}"
        for r in results
        for page, found in r.problems.items()
        if found
    ]
    print("\n".join(problems) or "- none: no body held raw tags or hidden script/style text.")

    print("\n## Publication date: htmldate against the extractors\n")
    articles = [p for p in pages if p.is_article]
    print("| method | date accuracy | wrong pages | pages/s |\n|---|---|---|---|")
    for name, method in date_methods().items():
        started = time.perf_counter()
        found = {p.name: method(p.markup) for p in articles}
        rate = len(articles) / (time.perf_counter() - started)
        wrong = [p.name for p in articles if not date_ok(found[p.name], p.gold["date"])]
        accuracy = 1 - len(wrong) / len(articles)
        print(f"| {name} | {accuracy:.2f} | {', '.join(wrong) or '–'} | {rate:.0f} |")

    print("\n## trafilatura behaviours to know before wiring it in\n")
    for line in hazards(pages):
        print(f"- {line}")

    if args.per_page:
        print("\n## Per page: precision/recall (– = nothing returned / empty gold, ⚠ = unsafe)\n")
        print("\n".join(per_page_rows(results, pages)))


if __name__ == "__main__":
    main()
