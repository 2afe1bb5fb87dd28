"""Commands about where articles come from: show, feeds (add, list, remove), sync.

`show` prints an article as the index stores it, which is how a person
checks what was actually read from a page, feed entry, PDF or file.
`sync --every 30m` keeps running, syncing at that interval, until stopped.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from typing import Any

from assistant import Assistant, AssistantError, SourceRecord, StoredArticle, UsageError
from assistant.cli.articles import progress_printer, reported
from assistant.cli.common import EXIT_OK, Options, count, print_json, shown

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|m|h|d)\s*$", re.IGNORECASE)
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# The shortest interval `sync --every` accepts: sites should not be asked more often.
MIN_EVERY_SECONDS = 60


def register(commands: Any, options: Options) -> None:
    """Add show, feeds and sync."""
    show = commands.add_parser(
        "show",
        parents=[options.common, options.output],
        help="print an article as the index stores it (what was read)",
    )
    show.add_argument("source", metavar="SOURCE")
    show.set_defaults(handler=_show)

    feeds = commands.add_parser(
        "feeds", parents=[options.common], help="register feeds; list registered sources"
    )
    actions = feeds.add_subparsers(dest="action", required=True, parser_class=type(feeds))
    add = actions.add_parser(
        "add",
        parents=[options.common, options.output],
        help="register an RSS or Atom feed and read its articles now",
    )
    add.add_argument("url", metavar="URL")
    add.set_defaults(handler=_feeds_add, creates_index=True)
    listing = actions.add_parser(
        "list",
        parents=[options.common, options.output],
        help="list the registered feeds, web pages, folders and files",
    )
    # The registered sources are there before any article: a feed whose entries all failed.
    listing.set_defaults(handler=_feeds_list, creates_index=True)
    remove = actions.add_parser(
        "remove",
        parents=[options.common],
        help="stop syncing a registered source (its articles stay)",
    )
    remove.add_argument("location", metavar="URL_OR_PATH")
    remove.set_defaults(handler=_feeds_remove, creates_index=True)

    sync = commands.add_parser(
        "sync",
        parents=[options.common, options.output],
        help="read every registered feed, web page and folder again (only changes are embedded)",
    )
    sync.add_argument(
        "--prune",
        action="store_true",
        help="remove articles whose files are gone from registered folders",
    )
    sync.add_argument(
        "--every",
        type=duration,
        metavar="INTERVAL",
        help="keep running, syncing every INTERVAL (like 30m, 2h; at least 1m)",
    )
    sync.set_defaults(handler=_sync, creates_index=True)


def duration(text: str) -> float:
    """An argparse type: '30m', '2h', '90s', '1d' as seconds (at least a minute)."""
    match = _DURATION.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"must be a number and s, m, h or d (30m), not {text!r}")
    seconds = float(match.group(1)) * _SECONDS[match.group(2).lower()]
    if seconds < MIN_EVERY_SECONDS:
        raise argparse.ArgumentTypeError(f"must be at least 1m, not {text!r}")
    return seconds


def _show(bot: Assistant, args: argparse.Namespace) -> int:
    article = bot.article(args.source)
    if args.json:
        print_json(article.to_dict())
        return EXIT_OK
    print(_header(bot, article))
    print()
    if not article.pages:
        print(article.text)
        return EXIT_OK
    for page in article.pages:
        text = article.text[page.start : page.end].strip()
        print(f"--- page {page.number} ---")
        if text:
            print(text)
    return EXIT_OK


def _header(bot: Assistant, article: StoredArticle) -> str:
    lines = [article.title, f"source: {shown(bot, article.source)}"]
    for name in ("url", "date", "author", "site"):
        value = getattr(article, name)
        if value and not (name == "url" and value == article.source):
            lines.append(f"{name}: {value}")
    if article.pages:
        lines.append(f"pages: {len(article.pages)}")
    lines.append(f"{count(len(article.text.split()), 'word')} in {count(article.chunks, 'chunk')}")
    return "\n".join(lines)


FEED_ENTRIES_UNREAD = (
    "the feed is registered, but none of its entries could be read (see the skipped list); "
    "`assistant sync` tries them again, `assistant feeds remove URL` forgets the feed"
)


def _feeds_add(bot: Assistant, args: argparse.Namespace) -> int:
    report = bot.add_feed(args.url, progress=progress_printer(sys.stderr))
    return reported(bot, report, args, FEED_ENTRIES_UNREAD)


def _feeds_list(bot: Assistant, args: argparse.Namespace) -> int:
    sources = bot.sources()
    if args.json:
        print_json([source.to_dict() for source in sources])
        return EXIT_OK
    if not sources:
        print(
            "No registered sources: `assistant feeds add URL` adds a feed; folders and web "
            "addresses given to `assistant ingest` are registered as they are read"
        )
    for source in sources:
        print(_source_line(bot, source))
    return EXIT_OK


def _source_line(bot: Assistant, source: SourceRecord) -> str:
    when = (
        time.strftime("%Y-%m-%d %H:%M", time.localtime(source.last_sync))
        if source.last_sync
        else "never synced"
    )
    title = f" ({source.title})" if source.title else ""
    status = f"; {source.last_status}" if source.last_status else ""
    articles = f"{source.articles} article{'' if source.articles == 1 else 's'}"
    return f"{source.kind}\t{shown(bot, source.location)}{title}\t{articles}\t{when}{status}"


def _feeds_remove(bot: Assistant, args: argparse.Namespace) -> int:
    source = bot.remove_source(args.location)
    print(f"no longer syncing {source.kind} {shown(bot, source.location)} (its articles stay)")
    return EXIT_OK


def _sync(bot: Assistant, args: argparse.Namespace) -> int:
    if not bot.sources():
        raise UsageError(
            "Nothing to sync: register a feed with `assistant feeds add URL`, or ingest "
            "folders or web addresses with `assistant ingest`"
        )
    if args.every is None:
        return reported(bot, bot.sync(progress_printer(sys.stderr), prune=args.prune), args)
    while True:  # until Ctrl+C, which the command line turns into exit code 130
        started = time.monotonic()
        stamp = time.strftime("%Y-%m-%d %H:%M:%S")
        print(f"[{stamp}] syncing", file=sys.stderr)
        try:
            reported(bot, bot.sync(progress_printer(sys.stderr), prune=args.prune), args)
        except AssistantError as error:  # one failed round is reported; the next one runs
            print(f"assistant: {error}", file=sys.stderr)
        sys.stdout.flush()
        time.sleep(max(0.0, args.every - (time.monotonic() - started)))
