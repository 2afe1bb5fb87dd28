"""Commands that change or list the index: ingest, rebuild, remove, list."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from assistant import Assistant, IngestReport, Progress, UsageError
from assistant.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Options,
    count,
    print_json,
    shown,
)

# Seconds between progress lines when stderr is not a terminal (logs, CI).
LOG_PROGRESS_EVERY = 5.0


def register(commands: Any, options: Options) -> None:
    """Add ingest, rebuild, remove and list."""
    ingest = commands.add_parser(
        "ingest",
        parents=[options.common, options.output],
        help="add or update articles from files, folders and web addresses",
    )
    ingest.add_argument("paths", nargs="*", metavar="PATH_OR_URL")
    ingest.add_argument(
        "--urls",
        type=Path,
        metavar="FILE",
        help="also read the web addresses listed in FILE (one a line; # starts a comment)",
    )
    ingest.set_defaults(handler=_ingest, creates_index=True)
    rebuild = commands.add_parser(
        "rebuild",
        parents=[options.common, options.output],
        help="empty the index (even a damaged one) and ingest PATH... afresh",
    )
    rebuild.add_argument("paths", nargs="+", metavar="PATH")
    rebuild.set_defaults(handler=_rebuild, creates_index=True)
    remove = commands.add_parser(
        "remove", parents=[options.common], help="delete articles and their chunks"
    )
    remove.add_argument("sources", nargs="+", metavar="SOURCE")
    remove.set_defaults(handler=_remove)
    listing = commands.add_parser(
        "list", parents=[options.common, options.output], help="list the indexed articles"
    )
    listing.set_defaults(handler=_list)


def _ingest(bot: Assistant, args: argparse.Namespace) -> int:
    inputs = [*args.paths, *(_listed_urls(args.urls) if args.urls else [])]
    if not inputs:
        raise UsageError("Name files, folders or web addresses to ingest, or --urls FILE")
    report = bot.ingest(inputs, progress=progress_printer(sys.stderr))
    return reported(bot, report, args)


def _listed_urls(path: Path) -> list[str]:
    """The addresses in a --urls file: one a line, blank lines and # comments left out."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"Cannot read the list of addresses {path}: {error}") from None
    urls = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not urls:
        raise UsageError(f"{path} lists no web addresses (one a line)")
    return urls


def _rebuild(bot: Assistant, args: argparse.Namespace) -> int:
    report = bot.rebuild(args.paths, progress=progress_printer(sys.stderr))
    return reported(bot, report, args)


UNDATED_SHOWN = 5
NOTHING_READ = "nothing could be read from what was given (see the skipped list)"


def reported(
    bot: Assistant, report: IngestReport, args: argparse.Namespace, nothing_read: str = NOTHING_READ
) -> int:
    """Print the report; exit 2 when nothing given could be read (a script must notice),
    saying `nothing_read`."""
    if args.json:
        # A failure carries "error" and "exit_code", as every command's JSON failure does.
        failed = {"error": nothing_read, "exit_code": EXIT_USAGE} if report.read_nothing else {}
        print_json({**asdict(report), **failed})
    else:
        print(report.summary())
        for source, reason in report.skipped:
            print(f"  skipped {shown(bot, source)}: {reason}")
        for source, stored in report.copies:
            print(
                f"  not added {shown(bot, source)}: the same article is in the index as "
                f"{shown(bot, stored)}"
            )
        for source in report.pruned:
            print(f"  pruned {shown(bot, source)}: its file is gone")
        if report.undated:
            print(f"  {report.undated_line()}:")
            for source in report.undated[:UNDATED_SHOWN]:
                print(f"    {shown(bot, source)}")
            if len(report.undated) > UNDATED_SHOWN:
                print(f"    … and {len(report.undated) - UNDATED_SHOWN} more")
        for note in report.notes:
            print(f"  note: {note}")
    if report.read_nothing:
        print(f"assistant: {nothing_read}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def progress_printer(stream: TextIO) -> Callable[[Progress], None]:
    """A progress bar on a terminal, a line every few seconds in a log (none for a job of
    under a second: its report says it all)."""
    interactive = stream.isatty()
    last = [0.0, -1.0]  # time of the last line, chunks embedded at that line
    started: list[float] = []

    def show(progress: Progress) -> None:
        if progress.waiting_for or not progress.files_total:
            return  # the waiting is said once, in its own line; no files: nothing to count
        now = time.monotonic()
        started[:] = started or [now]
        finished = progress.finished
        if not interactive and now - started[0] < 1.0:
            return
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


def _remove(bot: Assistant, args: argparse.Namespace) -> int:
    for source in args.sources:
        record = bot.remove(source)
        copy = " and its uploaded copy" if bot.uploads.holds(record.file) else ""
        print(f"removed {shown(bot, record.source)} ({count(record.chunks, 'chunk')}){copy}")
        folder = bot.folder_reading(record)
        if folder is not None:
            print(
                f"  (the file is still in the registered folder {folder}, whose next sync reads"
                " it again: delete or move the file, or stop syncing the folder with"
                f" `assistant feeds remove {folder}`)"
            )
    return EXIT_OK


def _list(bot: Assistant, args: argparse.Namespace) -> int:
    records = bot.articles()
    if args.json:
        print_json([asdict(r) for r in records])
        return EXIT_OK
    if not records:
        print("The index is empty: add articles with `assistant ingest PATH`")
    for record in records:
        date = f" ({record.date})" if record.date else ""
        print(f"{shown(bot, record.source)}\t{record.title}{date}\t{count(record.chunks, 'chunk')}")
    return EXIT_OK
