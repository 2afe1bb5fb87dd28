"""Measuring the assistant on a labelled question set (`assistant eval FILE.jsonl`).

Each line of the file is `{"question", "answers": [...], "sources": [...]}`;
an empty `answers` list means the articles cannot answer the question and
the right response is a refusal. Reported:

- retrieval, by source: hit@1, hit@5 and MRR@10 over the distinct articles
  of the top 10 passages (answerable questions with sources);
- answer accuracy: a gold answer appears in a non-refused answer (amounts,
  units and dates compared in one written form: "260 km" holds "260
  kilometres", text/written_forms.py); how often
  a gold answer is in a cited passage; the mean length of answers in words;
  how often an answer marks a short answer, and how often that short answer
  is (or holds) a gold answer;
- citation precision: the share of citations whose passage, on its own,
  supports the sentence that cites it;
- the share of answer sentences that are unsupported, and that cite nothing;
- refusal accuracy (unanswerable questions refused) and the false-refusal
  rate (answerable questions refused);
- of the answers given, the share said to answer the question (not "may
  not answer"), and how often each kind is right: how far a reader can
  trust the label;
- latency of `ask`, p50 and p95;
- accuracy and refusals per group, when cases name a `group` (or `folder`).

The rank metrics are plain functions, reused by the benchmarks in bench/.
`cases_from_feedback` turns readers' feedback on saved answers into such a
question set, so their corrections become their own regression test.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.atomic_file import write_atomically
from assistant.errors import UsageError
from assistant.records import Answer, SavedAnswer
from assistant.text.written_forms import plain_form

RETRIEVAL_DEPTH = 10
_MARKERS = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class Case:
    """One labelled question."""

    question: str
    answers: tuple[str, ...]
    sources: tuple[str, ...]
    # A group to report separately (a "folder" or "group" field in the file), or "".
    group: str = ""

    @property
    def answerable(self) -> bool:
        """False when the right response is a refusal."""
        return bool(self.answers)


def load_cases(path: Path) -> list[Case]:
    """Read a JSONL question set, or raise UsageError naming the bad line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(f"Cannot read {path}: {error.strerror or error}") from None
    cases = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            question = record["question"]
            if not isinstance(question, str) or not question.strip():
                raise ValueError("'question' must be a non-empty string")
            if "answer" in record and "answers" not in record:
                # Without this, every question would be scored as one to refuse.
                raise ValueError(
                    "the field is 'answers', a list of acceptable answers, not 'answer'"
                )
            answers = _listed(record.get("answers"))
            sources = tuple(str(s) for s in record.get("sources") or [])
            group = str(record.get("group") or record.get("folder") or "")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise UsageError(
                f'{path} line {number}: expected {{"question", "answers", "sources"}} ({error})'
            ) from None
        cases.append(Case(question.strip(), answers, sources, group))
    if not cases:
        raise UsageError(f"{path} holds no questions")
    return cases


def _listed(answers: object) -> tuple[str, ...]:
    """The acceptable answers of a record: a list, or one answer written alone."""
    if answers is None:
        return ()
    if isinstance(answers, str):
        return (answers,) if answers.strip() else ()
    if not isinstance(answers, list):
        raise ValueError("'answers' must be a list of acceptable answers")
    return tuple(str(a) for a in answers)


def source_matches(found: str, gold: str) -> bool:
    """True when a stored source names the gold one (equal, or the same path tail)."""
    found, gold = found.strip("/"), gold.strip("/")
    return found == gold or found.endswith("/" + gold) or gold.endswith("/" + found)


def distinct(sources: Iterable[str]) -> list[str]:
    """Sources in first-seen order without repeats (passages → ranked articles)."""
    return list(dict.fromkeys(sources))


def first_hit_rank(ranked: Sequence[str], gold: Sequence[str]) -> int | None:
    """1-based rank of the first source matching any gold source, or None."""
    for rank, found in enumerate(ranked, start=1):
        if any(source_matches(found, g) for g in gold):
            return rank
    return None


@dataclass
class RankScores:
    """hit@1, hit@5 and MRR@10 accumulated over queries."""

    ranks: list[int | None] = field(default_factory=list)

    def add(self, rank: int | None) -> None:
        """Record the gold article's rank for one query (None: not in the top 10)."""
        self.ranks.append(rank)

    def as_dict(self) -> dict[str, float | None]:
        """The three figures (None without queries: there is nothing to measure), plus the
        number of queries."""
        n = len(self.ranks)
        return {
            "queries": n,
            "hit@1": sum(1 for r in self.ranks if r == 1) / n if n else None,
            "hit@5": sum(1 for r in self.ranks if r is not None and r <= 5) / n if n else None,
            "mrr@10": sum(1 / r for r in self.ranks if r is not None and r <= 10) / n
            if n
            else None,
        }


def percentile(values: Sequence[float], share: float) -> float:
    """The `share` percentile (0..1) of `values` by the nearest-rank method."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


@dataclass
class _Tally:
    """Counts for one group of cases (all of them, or one folder)."""

    answerable: int = 0
    unanswerable: int = 0
    correct: int = 0
    refused_right: int = 0
    false_refusals: int = 0

    def add(self, case: Case, right: bool, refused: bool) -> None:
        if case.answerable:
            self.answerable += 1
            self.correct += right
            self.false_refusals += refused
        else:
            self.unanswerable += 1
            self.refused_right += right

    def figures(self) -> dict[str, Any]:
        return {
            "questions": self.answerable + self.unanswerable,
            "answer_accuracy": _share(self.correct, self.answerable),
            "false_refusal_rate": _share(self.false_refusals, self.answerable),
            "refusal_accuracy": _share(self.refused_right, self.unanswerable),
        }


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _holds(text: str, golds: Sequence[str]) -> bool:
    """Whether a gold answer is in `text`, however either writes amounts, units and dates."""
    plain = plain_form(text)
    return any(plain_form(gold) in plain for gold in golds)


def evaluate(
    bot: Any, cases: Sequence[Case], progress: Callable[[int, int], None] | None = None
) -> dict[str, Any]:
    """Run every case through `bot` (an Assistant) and return the figures."""
    retrieval = RankScores()
    total = _Tally()
    groups: dict[str, _Tally] = {}
    citations = precise = sentences = unsupported = uncited = 0
    answered = in_cited = with_short = short_right = words = 0
    # Answers given, by their label: said to answer, or "may not answer"; and how many right.
    given = {False: 0, True: 0}
    given_right = {False: 0, True: 0}
    latencies: list[float] = []
    details = []
    for done, case in enumerate(cases, start=1):
        if case.answerable and case.sources:
            hits = bot.search(case.question, RETRIEVAL_DEPTH)
            retrieval.add(first_hit_rank(distinct(h.source for h in hits), case.sources))
        started = time.perf_counter()
        answer = bot.ask(case.question)
        latencies.append(time.perf_counter() - started)
        right = (
            not answer.refused and _holds(answer.text, case.answers)
            if case.answerable
            else answer.refused
        )
        total.add(case, right, answer.refused)
        if case.group:
            groups.setdefault(case.group, _Tally()).add(case, right, answer.refused)
        short = answer.short_answer
        if not answer.refused:
            given[answer.unsure] += 1
            given_right[answer.unsure] += right
        if case.answerable and not answer.refused:
            answered += 1
            words += len(_MARKERS.sub("", answer.text).split())
            in_cited += any(_holds(c.text, case.answers) for c in answer.citations)
            if short is not None:
                with_short += 1
                short_right += any(
                    plain_form(gold) in plain_form(short.text)
                    or plain_form(short.text) in plain_form(gold)
                    for gold in case.answers
                )
        for claim in answer.claims:
            sentences += 1
            unsupported += claim.verdict == "unsupported"
            uncited += claim.verdict == "uncited"
            citations += len(claim.citations)
            precise += len(set(claim.citations) & set(claim.supporting))
        details.append(
            {
                "question": case.question,
                "group": case.group,
                "right": right,
                "refused": answer.refused,
                "answer": answer.text,
                "short_answer": short.text if short else None,
                "unsure": answer.unsure,
                "expected": list(case.answers),
                "cited": list(dict.fromkeys(c.source for c in answer.citations)),
            }
        )
        if progress:
            progress(done, len(cases))
    return {
        **total.figures(),
        "retrieval": retrieval.as_dict(),
        "gold_in_cited_passage": _share(in_cited, answered),
        "mean_answer_words": words / answered if answered else None,
        "short_answer_rate": _share(with_short, answered),
        "short_answer_accuracy": _share(short_right, with_short),
        "said_to_answer": _share(given[False], given[False] + given[True]),
        "right_when_said_to_answer": _share(given_right[False], given[False]),
        "right_when_may_not_answer": _share(given_right[True], given[True]),
        "citation_precision": _share(precise, citations),
        "unsupported_share": _share(unsupported, sentences),
        "uncited_share": _share(uncited, sentences),
        "latency_p50_s": percentile(latencies, 0.5),
        "latency_p95_s": percentile(latencies, 0.95),
        "groups": {name: tally.figures() for name, tally in sorted(groups.items())},
        "cases": details,
    }


def cases_from_feedback(rated: Sequence[SavedAnswer]) -> tuple[list[dict[str, Any]], int]:
    """The question-set lines that readers' feedback teaches, and how many ratings taught none.

    A "right answer" the reader wrote is the gold answer (sources: the cited
    articles whose passage holds it). A thumbs up keeps the answer as it is:
    its short answer (else its text) is the gold, its cited articles the
    sources, and an approved refusal is an unanswerable question. A thumbs
    down without a right answer says only what is wrong, not what is right,
    so it is left out. A follow-up is written as it was read ("Who confirmed it?
    (context: …)"): asked alone, its bare words would be another question.
    """
    lines: list[dict[str, Any]] = []
    for saved in rated:
        given, answer = saved.feedback, saved.answer
        if given is None:
            continue
        if given.correction:
            gold = given.correction
            cited = [c for c in answer.citations if gold.lower() in c.text.lower()]
        elif given.rating == "up" and answer.refused:
            lines.append({"question": _as_read(answer), "answers": [], "sources": []})
            continue
        elif given.rating == "up":
            short = answer.short_answer
            gold = short.text if short else " ".join(_MARKERS.sub("", answer.text).split())
            cited = list(answer.citations)
        else:
            continue
        sources = list(dict.fromkeys(c.source for c in cited))
        lines.append({"question": _as_read(answer), "answers": [gold], "sources": sources})
    return lines, sum(saved.feedback is not None for saved in rated) - len(lines)


def _as_read(answer: Answer) -> str:
    """The question as the assistant read it: a follow-up with its carried context."""
    return answer.standalone_question or answer.question


def write_cases(path: Path, lines: Sequence[dict[str, Any]]) -> None:
    """Write a question set (JSONL) whole or not at all: a reader never sees half of it."""
    text = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    try:
        write_atomically(path, lambda temporary: temporary.write_text(text, encoding="utf-8"))
    except OSError as error:
        raise UsageError(f"Cannot write {path}: {error.strerror or error}") from None
