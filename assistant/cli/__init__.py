"""The `assistant` command: ingest, ask, search, list, show, remove, feeds, sync, chats and more.

Output for people by default, one JSON document with `--json`. Exit codes:
0 success; 1 the language model service failed; 2 a usage, configuration,
input or index problem. Expected errors print one line on stderr saying
what to do, never a traceback. One module per group of commands; each adds
its own subcommands (`register`) and handlers.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from assistant import Assistant, AssistantError, LLMError, UsageError
from assistant.cli import articles, chats, collections, questions, serve, sources
from assistant.cli.common import (
    EXIT_OK,
    EXIT_SERVICE,
    EXIT_USAGE,
    Parser,
    add_index_options,
    options,
    print_json,
)

COMMAND_MODULES = (articles, questions, chats, sources, serve, collections)


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = Parser(prog="assistant", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"assistant {_version()}")
    add_index_options(parser, None)
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    shared = options()
    for module in COMMAND_MODULES:
        module.register(commands, shared)
    return parser


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
            collection=getattr(args, "collection", None),
            llm=args.llm,
            model=args.model,
            host=getattr(args, "host", None),
            port=getattr(args, "port", None),
        )
        if getattr(args, "collection", None) and not getattr(args, "whole_installation", False):
            bot.check_collection()  # a mistyped --collection must not start a new collection
        if not getattr(args, "creates_index", False) and not bot.index_exists():
            where = bot.settings.chroma_url or bot.settings.index_dir
            raise UsageError(
                f"There is no index at {where} yet: add articles with `assistant ingest PATH` "
                "(or point --index-dir at an existing index)"
            )
        code = int(args.handler(bot, args))
        sys.stdout.flush()  # inside the try: a reader that went away is not an error
        return code
    except BrokenPipeError:
        # The reader stopped early (`assistant list | head -1`): what it read was complete.
        _silence_stdout()
        return EXIT_OK
    except LLMError as error:
        return _failed(args, error, EXIT_SERVICE)
    except AssistantError as error:
        return _failed(args, error, EXIT_USAGE)
    except KeyboardInterrupt:
        print("assistant: interrupted", file=sys.stderr)
        return 130


def _failed(args: argparse.Namespace, error: AssistantError, code: int) -> int:
    """Say why on stderr; with --json, also give stdout the one JSON document a script
    reading it expects (`{"error", "exit_code"}`)."""
    print(f"assistant: {error}", file=sys.stderr)
    if getattr(args, "json", False):
        print_json({"error": str(error), "exit_code": code})
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
