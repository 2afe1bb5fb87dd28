"""The `assistant` command: ingest, ask, search, list, remove (and eval, rebuild, serve).

Output for people by default, one JSON document with `--json`. Exit codes:
0 success; 1 the language model service failed; 2 a usage, configuration,
input or index problem. Expected errors print one line on stderr saying
what to do, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any, NoReturn, TextIO

from assistant import (
    Answer,
    Assistant,
    AssistantError,
    IngestReport,
    LLMError,
    Progress,
    UsageError,
    evaluate,
    load_cases,
)

EXIT_OK = 0
EXIT_SERVICE = 1
EXIT_USAGE = 2
# Seconds between progress lines when stderr is not a terminal (logs, CI).
LOG_PROGRESS_EVERY = 5.0


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors, so usage mistakes read like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    common = _Parser(add_help=False)
    common.add_argument(
        "--index-dir", help="index folder (default: $ASSISTANT_INDEX_DIR or ./index)"
    )
    common.add_argument("--llm", choices=("extractive", "openai"), help="answering backend")
    common.add_argument("--model", help="model name for the openai backend")
    output = _Parser(add_help=False)
    output.add_argument("--json", action="store_true", help="print one JSON document")
    scope = _Parser(add_help=False)
    scope.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="SOURCE",
        help="only search this article (repeatable)",
    )
    scope.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="only articles dated on or after"
    )
    scope.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="only articles dated on or before"
    )

    parser = _Parser(prog="assistant", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"assistant {_version()}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    ingest = commands.add_parser(
        "ingest", parents=[common, output], help="add or update articles from files and folders"
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    rebuild = commands.add_parser(
        "rebuild",
        parents=[common, output],
        help="empty the index (even a damaged one) and ingest PATH... afresh",
    )
    rebuild.add_argument("paths", nargs="+", metavar="PATH")
    ask = commands.add_parser(
        "ask", parents=[common, output, scope], help="answer a question with citations"
    )
    ask.add_argument("question")
    search = commands.add_parser(
        "search", parents=[common, output, scope], help="show the passages retrieved for a query"
    )
    search.add_argument("query")
    search.add_argument("-k", type=_positive, default=None, help="number of passages (1-50)")
    remove = commands.add_parser(
        "remove", parents=[common], help="delete articles and their chunks"
    )
    remove.add_argument("sources", nargs="+", metavar="SOURCE")
    commands.add_parser("list", parents=[common, output], help="list the indexed articles")
    serve = commands.add_parser(
        "serve", parents=[common], help="start the browser app (what `python app.py` starts)"
    )
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 7860)")
    evaluate = commands.add_parser(
        "eval", parents=[common, output], help="measure retrieval, answers and citations"
    )
    evaluate.add_argument(
        "file",
        type=Path,
        metavar="FILE.jsonl",
        help='lines of {"question", "answers": [...], "sources": [...]}',
    )
    return parser


def _positive(text: str) -> int:
    """An argparse type: a whole number from 1 to 50."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(f"must be from 1 to 50, not {value}")
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("assistant")
    except PackageNotFoundError:
        return "unknown (not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    logging.basicConfig(level=logging.WARNING, format="assistant: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        bot = Assistant(
            args.index_dir,
            llm=args.llm,
            model=args.model,
            host=getattr(args, "host", None),
            port=getattr(args, "port", None),
        )
        handler: Callable[[Assistant, argparse.Namespace], int] = _HANDLERS[args.command]
        if args.command not in ("ingest", "rebuild", "serve") and not bot.index_exists():
            where = bot.settings.chroma_url or bot.settings.index_dir
            raise UsageError(
                f"There is no index at {where} yet: add articles with `assistant ingest PATH` "
                "(or point --index-dir at an existing index)"
            )
        code = handler(bot, args)
        sys.stdout.flush()  # inside the try: a reader that went away is not an error
        return code
    except BrokenPipeError:
        # The reader stopped early (`assistant list | head -1`): what it read was complete.
        _silence_stdout()
        return EXIT_OK
    except LLMError as error:
        print(f"assistant: {error}", file=sys.stderr)
        return EXIT_SERVICE
    except AssistantError as error:
        print(f"assistant: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("assistant: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _ingest(bot: Assistant, args: argparse.Namespace) -> int:
    report = bot.ingest(args.paths, progress=progress_printer(sys.stderr))
    return _reported(bot, report, args)


def _rebuild(bot: Assistant, args: argparse.Namespace) -> int:
    report = bot.rebuild(args.paths, progress=progress_printer(sys.stderr))
    return _reported(bot, report, args)


def _reported(bot: Assistant, report: IngestReport, args: argparse.Namespace) -> int:
    """Print the report; exit 2 when nothing given could be read (a script must notice)."""
    if args.json:
        _print_json(asdict(report))
    else:
        print(report.summary())
        for source, reason in report.skipped:
            print(f"  skipped {_shown(bot, source)}: {reason}")
        for note in report.notes:
            print(f"  note: {note}")
    if report.read_nothing:
        print(
            "assistant: nothing could be read from the paths given (see the skipped list)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return EXIT_OK


def progress_printer(stream: TextIO) -> Callable[[Progress], None]:
    """A progress bar on a terminal, a line every few seconds in a log."""
    interactive = stream.isatty()
    last = [0.0, -1.0]  # time of the last line, chunks embedded at that line

    def show(progress: Progress) -> None:
        if progress.waiting_for:
            return  # the waiting is said once, in its own line
        now = time.monotonic()
        finished = progress.finished
        if not interactive and not finished:
            # In a log: a line when a batch was written (at most every second), else every
            # LOG_PROGRESS_EVERY seconds.
            wrote = progress.chunks_embedded != last[1] and now - last[0] >= 1.0
            if not wrote and now - last[0] < LOG_PROGRESS_EVERY:
                return
        last[0], last[1] = now, progress.chunks_embedded
        text = progress.describe()
        if interactive:
            width = 24
            filled = int(width * progress.files_done / max(progress.files_total, 1))
            stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {text}\033[K")
            if finished:
                stream.write("\n")
        else:
            stream.write(f"ingest: {text}\n")
        stream.flush()

    return show


def _ask(bot: Assistant, args: argparse.Namespace) -> int:
    answer = bot.ask(
        args.question, sources=args.source, date_from=args.date_from, date_to=args.date_to
    )
    if args.json:
        _print_json(answer.to_dict())
    else:
        _print_answer(bot, answer)
    return EXIT_OK


_VERDICT_MARKS = {"supported": "✓", "partial": "~", "unsupported": "✗", "uncited": "?"}


def _print_answer(bot: Assistant, answer: Answer) -> None:
    print(answer.text)
    if answer.note:
        print(f"\n({answer.note})")
    if answer.refused:
        if answer.passages:
            print("\nClosest passages:")
            for n, passage in enumerate(answer.passages[:3], start=1):
                print(
                    f"  [{n}] {passage.title} — {_shown(bot, passage.source)} "
                    f"(similarity {passage.score:.2f})"
                )
        return
    if answer.citations:
        print("\nSources:")
        for citation in answer.citations:
            span = f"chars {citation.start}-{citation.end}"
            print(
                f"  [{citation.n}] {citation.title} — {_shown(bot, citation.source)} "
                f"({span}, similarity {citation.score:.2f})"
            )
    if answer.claims:
        print("\nCheck:")
        for claim in answer.claims:
            mark = _VERDICT_MARKS.get(claim.verdict, "?")
            cites = "".join(f"[{n}]" for n in claim.citations) or "(no citation)"
            print(f"  {mark} {claim.verdict:<11} {cites} {claim.text}")
    if answer.dropped_citations:
        numbers = ", ".join(str(n) for n in answer.dropped_citations)
        print(f"\n(Removed citations to passages that were never retrieved: {numbers})")


def _search(bot: Assistant, args: argparse.Namespace) -> int:
    hits = bot.search(
        args.query, args.k, sources=args.source, date_from=args.date_from, date_to=args.date_to
    )
    if args.json:
        _print_json([{k: v for k, v in asdict(h).items() if k != "chunk_id"} for h in hits])
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
        print(f"[{n}] {hit.title} — {_shown(bot, hit.source)} (similarity {hit.score:.2f})")
        print(f"    {snippet[:300]}{'…' if len(snippet) > 300 else ''}")
    return EXIT_OK


def _why_no_hits(bot: Assistant, args: argparse.Namespace) -> str:
    """Why a search found nothing: an empty index, or a filter that excludes every article."""
    if not bot.articles():
        return "The index is empty: add articles with `assistant ingest PATH`"
    limits = [f"--source {s}" for s in args.source]
    limits += [f"--from {args.date_from}"] if args.date_from else []
    limits += [f"--to {args.date_to}"] if args.date_to else []
    if limits:
        return (
            f"No article in the index matches {' '.join(limits)} "
            "(undated articles never match a date range): widen or drop the filter"
        )
    return "No passages found for that query"


def _remove(bot: Assistant, args: argparse.Namespace) -> int:
    for source in args.sources:
        record = bot.remove(source)
        copy = " and its uploaded copy" if bot.uploads.holds(record.file) else ""
        print(f"removed {_shown(bot, record.source)} ({_count(record.chunks, 'chunk')}){copy}")
    return EXIT_OK


def _list(bot: Assistant, args: argparse.Namespace) -> int:
    records = bot.articles()
    if args.json:
        _print_json([asdict(r) for r in records])
        return EXIT_OK
    if not records:
        print("The index is empty: add articles with `assistant ingest PATH`")
    for record in records:
        date = f" ({record.date})" if record.date else ""
        print(
            f"{_shown(bot, record.source)}\t{record.title}{date}\t{_count(record.chunks, 'chunk')}"
        )
    return EXIT_OK


def _shown(bot: Assistant, source: str) -> str:
    """A source as the command line shows it: in a form `remove` and `--source` accept."""
    return bot.source_label(source, typed=True)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _eval(bot: Assistant, args: argparse.Namespace) -> int:
    cases = load_cases(args.file)

    def tick(done: int, total: int) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\r{done}/{total} questions\033[K")
            if done == total:
                sys.stderr.write("\n")

    figures = evaluate(bot, cases, progress=tick)
    if args.json:
        _print_json(figures)
    else:
        print(_table(figures))
    return EXIT_OK


def _serve(bot: Assistant, args: argparse.Namespace) -> int:
    from assistant.web import launch

    print(f"Answering with {bot.status().answering}")
    print(f"Serving on http://{bot.settings.host}:{bot.settings.port} (Ctrl+C stops)", flush=True)
    launch(bot, quiet=True)
    return EXIT_OK


_HANDLERS: dict[str, Callable[[Assistant, argparse.Namespace], int]] = {
    "ingest": _ingest,
    "rebuild": _rebuild,
    "ask": _ask,
    "search": _search,
    "remove": _remove,
    "list": _list,
    "eval": _eval,
    "serve": _serve,
}


def _table(figures: dict[str, Any]) -> str:
    """The figures as a small table for people."""

    def show(value: Any) -> str:
        if value is None:
            return "n/a"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    retrieval = figures["retrieval"]
    rows = [
        ("questions", figures["questions"]),
        ("retrieval queries (answerable, with sources)", retrieval["queries"]),
        ("retrieval hit@1", retrieval["hit@1"]),
        ("retrieval hit@5", retrieval["hit@5"]),
        ("retrieval MRR@10", retrieval["mrr@10"]),
        ("answer accuracy", figures["answer_accuracy"]),
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
    wrong = [c["question"] for c in figures["cases"] if not c["right"]]
    if wrong:
        lines.append("")
        lines.append("missed:")
        lines.extend(f"  - {question}" for question in wrong)
    return "\n".join(lines)
