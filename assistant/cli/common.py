"""What every command shares: the parser class, common options, output helpers.

Each command module adds its subcommands with `register(commands, options)`
and attaches its handler with `set_defaults(handler=...)`; a handler takes
the Assistant and the parsed arguments and returns the exit code.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from assistant import Assistant

EXIT_OK = 0
EXIT_SERVICE = 1
EXIT_USAGE = 2

Handler = Callable[[Assistant, argparse.Namespace], int]


class Parser(argparse.ArgumentParser):
    """argparse with one-line errors, so usage mistakes read like every other error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


@dataclass(frozen=True)
class Options:
    """Option groups that commands take as parents: the index, --json, the search scope."""

    common: argparse.ArgumentParser
    output: argparse.ArgumentParser
    scope: argparse.ArgumentParser


def add_index_options(parser: argparse.ArgumentParser, default: object) -> None:
    """The options saying which index and answerer to use, taken before the command (by the
    main parser, `default` None) and after it (by each command, `default` SUPPRESS)."""
    parser.add_argument(
        "--index-dir",
        default=default,
        help="index folder (default: $ASSISTANT_INDEX_DIR or ./index)",
    )
    parser.add_argument(
        "--collection",
        metavar="NAME",
        default=default,
        help="the collection to use (default: $ASSISTANT_COLLECTION or articles); "
        "`assistant collections list` shows them",
    )
    parser.add_argument(
        "--llm", choices=("extractive", "openai"), default=default, help="answering backend"
    )
    parser.add_argument("--model", default=default, help="model name for the openai backend")


def options() -> Options:
    """The shared option groups."""
    common = Parser(add_help=False)
    # Given after the command, they override what was given before it; not given, they leave it.
    add_index_options(common, argparse.SUPPRESS)
    output = Parser(add_help=False)
    output.add_argument("--json", action="store_true", help="print one JSON document")
    scope = Parser(add_help=False)
    scope.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="SOURCE",
        help="only search this article (repeatable)",
    )
    start = scope.add_mutually_exclusive_group()
    start.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="only articles dated on or after"
    )
    start.add_argument(
        "--recent",
        type=days,
        metavar="DAYS",
        help="only articles dated within the last DAYS days (today counts as the first)",
    )
    scope.add_argument(
        "--to", dest="date_to", metavar="YYYY-MM-DD", help="only articles dated on or before"
    )
    return Options(common, output, scope)


def positive(text: str) -> int:
    """An argparse type: a whole number from 1 to 50."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None
    if not 1 <= value <= 50:
        raise argparse.ArgumentTypeError(f"must be from 1 to 50, not {value}")
    return value


def days(text: str) -> int:
    """An argparse type: a whole number of days, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number of days, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 day or more, not {value}")
    return value


def date_from(args: argparse.Namespace) -> str | None:
    """The first day of the search scope: --from as given, or the first of the last
    --recent DAYS days (by this machine's calendar), or None."""
    if args.recent:
        return (datetime.date.today() - datetime.timedelta(days=args.recent - 1)).isoformat()
    return str(args.date_from) if args.date_from else None


def print_json(value: Any) -> None:
    """One JSON document on stdout."""
    print(json.dumps(value, ensure_ascii=False, indent=2))


def shown(bot: Assistant, source: str) -> str:
    """A source as the command line shows it: as the browser does, in a form `show`,
    `remove` and `--source` accept back."""
    return bot.source_label(source)


def similarity(score: float) -> str:
    """A similarity with two decimals, never "-0.00" (a cosine just under nought)."""
    return f"{0.0 if round(score, 2) == 0 else score:.2f}"


def count(number: int, noun: str) -> str:
    """'1 chunk', '2 chunks'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def confirmed(question: str) -> bool:
    """Ask before something that cannot be undone (on stderr, reading stdin); anything but yes,
    or nothing to read, says no."""
    print(f"{question} This cannot be undone. [y/N] ", end="", file=sys.stderr, flush=True)
    reply = sys.stdin.readline()
    if not reply:
        print(
            "\nassistant: no answer to read: pass --yes to delete without asking", file=sys.stderr
        )
    return reply.strip().lower() in ("y", "yes")
