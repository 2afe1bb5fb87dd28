"""Commands that ask the index: ask, search, eval."""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant import (
    NEW_CONVERSATION,
    Answer,
    Assistant,
    UsageError,
    answer_markdown,
    evaluate,
    load_cases,
)
from assistant.cli.common import (
    EXIT_OK,
    Options,
    date_from,
    positive,
    print_json,
    shown,
    similarity,
)


def register(commands: Any, options: Options) -> None:
    """Add ask, search and eval."""
    ask = commands.add_parser(
        "ask",
        parents=[options.common, options.output, options.scope],
        help="answer a question with citations",
    )
    ask.add_argument(
        "question", help="the question, or - to read it from standard input (for long pastes)"
    )
    ask.add_argument("--markdown", action="store_true", help="print the answer as Markdown")
    kept = ask.add_mutually_exclusive_group()
    kept.add_argument("--chat", metavar="ID", help="follow up this saved conversation")
    kept.add_argument(
        "-c",
        "--continue",
        dest="resume",
        action="store_true",
        help="follow up the most recent conversation",
    )
    kept.add_argument(
        "--no-save", action="store_true", help="do not save (by default each question is saved)"
    )
    ask.set_defaults(handler=_ask)
    search = commands.add_parser(
        "search",
        parents=[options.common, options.output, options.scope],
        help="show the passages retrieved for a query",
    )
    search.add_argument("query")
    search.add_argument("-k", type=positive, default=None, help="number of passages (1-50)")
    search.set_defaults(handler=_search)
    evaluation = commands.add_parser(
        "eval",
        parents=[options.common, options.output],
        help="measure retrieval, answers and citations",
    )
    evaluation.add_argument(
        "file",
        type=Path,
        metavar="FILE.jsonl",
        help='lines of {"question", "answers": [...], "sources": [...]}',
    )
    evaluation.set_defaults(handler=_eval)


def _ask(bot: Assistant, args: argparse.Namespace) -> int:
    answer = bot.ask(
        sys.stdin.read() if args.question == "-" else args.question,
        conversation=_conversation_for(bot, args),
        sources=args.source,
        date_from=date_from(args),
        date_to=args.date_to,
    )
    if args.json:
        print_json(answer.to_dict())
    elif args.markdown:
        sys.stdout.write(answer_markdown(answer, label=bot.source_label))
    else:
        _print_answer(bot, answer)
    return EXIT_OK


def _conversation_for(bot: Assistant, args: argparse.Namespace) -> str | None:
    """The conversation the question goes into: the one named, the latest, or a new one
    (None: not saved, as asked)."""
    if args.no_save:
        return None
    if args.chat:
        return bot.conversation_id(args.chat)
    if args.resume:
        latest = bot.conversations()
        if not latest:
            raise UsageError("There is no conversation to continue: ask without --continue")
        return latest[0].id
    return NEW_CONVERSATION


def _print_answer(bot: Assistant, answer: Answer) -> None:
    if answer.asked_as_line:
        print(f"{answer.asked_as_line}\n")
    if answer.short_answer is not None:
        print(f"{answer.short_answer_line}\n")
    print(answer.text)
    if answer.caution and answer.short_answer is None:
        # With a short answer, its line already says it may not answer the question.
        print(f"\n({answer.caution})")
    if answer.newest_source_line and not answer.refused:
        print(f"\n{answer.newest_source_line}")
    if answer.note:
        print(f"\n({answer.note})")
    if answer.refused:
        if answer.closest:
            print("\nClosest passages:")
            for n, passage in enumerate(answer.closest, start=1):
                print(
                    f"  [{n}] {passage.title} — {shown(bot, passage.source)} "
                    f"(similarity {similarity(passage.score)})"
                )
        return
    if answer.citations:
        print("\nSources:")
        for citation in answer.citations:
            span = f"chars {citation.start}-{citation.end}"
            if citation.pages:
                span = f"{citation.passage.page_label}, {span}"
            if citation.date:
                span = f"{citation.shown_date}, {span}"
            if citation.author:
                span = f"by {citation.author}, {span}"
            print(
                f"  [{citation.n}] {citation.title} — {shown(bot, citation.source)} "
                f"({span}, similarity {similarity(citation.score)})"
            )
    if answer.claims:
        print("\nCheck:")
        for claim in answer.claims:
            cites = "".join(f"[{n}]" for n in claim.citations) or "(no citation)"
            print(
                f"  {claim.mark} {claim.verdict_label} {cites} {claim.text}  "
                f"({claim.relevance_label})"
            )
    if answer.dropped_citations:
        numbers = ", ".join(str(n) for n in answer.dropped_citations)
        print(f"\n(Removed citations to passages that were never retrieved: {numbers})")


def _search(bot: Assistant, args: argparse.Namespace) -> int:
    hits = bot.search(
        args.query, args.k, sources=args.source, date_from=date_from(args), date_to=args.date_to
    )
    if args.json:
        print_json([{k: v for k, v in asdict(h).items() if k != "chunk_id"} for h in hits])
        return EXIT_OK
    if not hits:
        print(_why_no_hits(bot, args))
        return EXIT_OK
    print(
        "Best first, ranked by meaning and keywords together "
        "(similarity: how close in meaning alone, 0 to 1)"
    )
    for n, hit in enumerate(hits, start=1):
        snippet = " ".join(hit.text.split())
        pages = f", {hit.page_label}" if hit.pages else ""
        dated = f"{hit.date[:10]}, " if hit.date else ""
        print(
            f"[{n}] {hit.title} — {shown(bot, hit.source)}{pages} "
            f"({dated}similarity {similarity(hit.score)})"
        )
        print(f"    {snippet[:300]}{'…' if len(snippet) > 300 else ''}")
    return EXIT_OK


def _why_no_hits(bot: Assistant, args: argparse.Namespace) -> str:
    """Why a search found nothing: an empty index, or a filter that excludes every article."""
    if not bot.articles():
        return "The index is empty: add articles with `assistant ingest PATH`"
    limits = [f"--source {s}" for s in args.source]
    limits += [f"--from {args.date_from}"] if args.date_from else []
    limits += [f"--recent {args.recent} (from {date_from(args)})"] if args.recent else []
    limits += [f"--to {args.date_to}"] if args.date_to else []
    if limits:
        return (
            f"No article in the index matches {' '.join(limits)} "
            "(undated articles never match a date range): widen or drop the filter"
        )
    return "No passages found for that query"


def _eval(bot: Assistant, args: argparse.Namespace) -> int:
    cases = load_cases(args.file)

    def tick(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done}/{total} questions\033[K")
            if done == total:
                sys.stderr.write("\n")

    figures = evaluate(bot, cases, progress=tick)
    if args.json:
        print_json(figures)
    else:
        print(_table(figures))
    return EXIT_OK


def _table(figures: dict[str, Any]) -> str:
    """The figures as a small table for people."""

    def show(value: Any) -> str:
        if value is None:
            return "n/a"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    retrieval = figures["retrieval"]
    ranked: list[tuple[str, Any]] = [
        ("retrieval hit@1", retrieval["hit@1"]),
        ("retrieval hit@5", retrieval["hit@5"]),
        ("retrieval MRR@10", retrieval["mrr@10"]),
    ]
    rows = [
        ("questions", figures["questions"]),
        ("retrieval queries (answerable, with sources)", retrieval["queries"]),
        # Without gold sources there is no retrieval to score: one line says so.
        *(ranked if retrieval["queries"] else [("retrieval", "not scored: no sources given")]),
        # The gold anywhere in the answer: the short answer's own accuracy is further down.
        ("answer accuracy (gold in the answer)", figures["answer_accuracy"]),
        ("gold answer in a cited passage", figures["gold_in_cited_passage"]),
        ("mean answer length (words)", figures["mean_answer_words"]),
        ("short answer marked (share of answers)", figures["short_answer_rate"]),
        ("short answer right (when marked)", figures["short_answer_accuracy"]),
        ("answers said to answer (not 'may not answer')", figures["said_to_answer"]),
        ("  right when said to answer", figures["right_when_said_to_answer"]),
        ("  right when 'may not answer'", figures["right_when_may_not_answer"]),
        ("citation precision", figures["citation_precision"]),
        ("unsupported sentences (share)", figures["unsupported_share"]),
        ("uncited sentences (share)", figures["uncited_share"]),
        ("refusal accuracy (unanswerable)", figures["refusal_accuracy"]),
        ("false refusals (answerable)", figures["false_refusal_rate"]),
        ("latency p50 (s)", figures["latency_p50_s"]),
        ("latency p95 (s)", figures["latency_p95_s"]),
    ]
    width = max(len(name) for name, _ in rows)
    lines = [f"{name:<{width}}  {show(value)}" for name, value in rows]
    if figures["groups"]:
        lines.append("")
        lines.append("group: questions, answer accuracy, false refusals, refusal accuracy")
        for name, group in figures["groups"].items():
            cells = [
                show(group[key])
                for key in ("answer_accuracy", "false_refusal_rate", "refusal_accuracy")
            ]
            lines.append(f"  {name}: {group['questions']}, {', '.join(cells)}")
    lines.extend(_missed(figures["cases"]))
    return "\n".join(lines)


def _missed(cases: list[dict[str, Any]]) -> list[str]:
    """The questions answered wrongly, refused, or answered where the articles do not
    say, each under its own heading and with what was expected, so a reader can check
    one without going back to the questions file."""
    kinds = {
        "answered wrongly:": [
            c for c in cases if c["expected"] and not c["right"] and not c["refused"]
        ],
        "refused, though the articles say:": [c for c in cases if c["expected"] and c["refused"]],
        "answered, though the articles do not say:": [
            c for c in cases if not c["expected"] and not c["right"]
        ],
    }
    lines = []
    for heading, missed in kinds.items():
        if not missed:
            continue
        warned = sum(bool(c.get("unsure")) for c in missed if not c["refused"])
        said = f" ({warned} of them said they may not answer)" if warned else ""
        lines += ["", f"{heading.removesuffix(':')}{said}:"]
        for case in missed:
            lines.append(f"  - {case['question']}")
            if case["expected"]:
                lines.append(f"    expected: {' | '.join(case['expected'])}")
            if not case["refused"]:
                short = f"{case['short_answer']} — " if case["short_answer"] else ""
                unsure = " (may not answer)" if case.get("unsure") else ""
                text = " ".join(case["answer"].split())[:200]
                lines.append(f"    answer{unsure}: {short}{text}")
    return lines
