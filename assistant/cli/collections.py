"""`assistant collections list|create|delete|settings`: the named collections of one installation.

Each collection has its own articles, keyword view, registered sources and
uploads; every other command works on one of them (`--collection NAME`,
default $ASSISTANT_COLLECTION or `articles`). Deleting asks first, unless
`--yes` says the caller (a script) already knows. `settings` shows or changes
what a collection keeps for itself (its model, how many passages…), which
every command on it then uses unless a flag says otherwise.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from assistant import Assistant, AssistantError, UsageError
from assistant.cli.common import EXIT_OK, EXIT_USAGE, Options, confirmed, count, print_json


def register(commands: Any, options: Options) -> None:
    """Add `collections` with list, create and delete."""
    group = commands.add_parser(
        "collections",
        help="list, create or delete the named collections of articles; their own settings",
    )
    actions = group.add_subparsers(dest="action", required=True, parser_class=type(group))
    listing = actions.add_parser(
        "list", parents=[options.common, options.output], help="the collections and their sizes"
    )
    listing.set_defaults(handler=_list)
    create = actions.add_parser(
        "create", parents=[options.common, options.output], help="create an empty collection"
    )
    create.add_argument("name", metavar="NAME")
    create.set_defaults(handler=_create)
    delete = actions.add_parser(
        "delete",
        parents=[options.common, options.output],
        help="delete a collection with its articles (asks first)",
    )
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--yes", action="store_true", help="delete without asking")
    delete.set_defaults(handler=_delete)
    kept = actions.add_parser(
        "settings",
        parents=[options.common, options.output],
        help="show or change what a collection keeps for itself (model, top_k…)",
    )
    kept.add_argument("name", metavar="NAME")
    kept.add_argument("values", nargs="*", metavar="KEY=VALUE", help="settings to keep")
    kept.add_argument(
        "--unset", action="append", default=[], metavar="KEY", help="stop keeping KEY"
    )
    kept.set_defaults(handler=_settings)
    for parser in (listing, create, delete, kept):
        parser.set_defaults(creates_index=True, whole_installation=True)


def _list(bot: Assistant, args: argparse.Namespace) -> int:
    sizes = {name: _size(bot, name) for name in bot.collections()}
    current = bot.settings.collection
    if args.json:
        print_json(
            [{"name": n, "articles": size, "current": n == current} for n, size in sizes.items()]
        )
        return EXIT_OK
    if not sizes:
        print("No collections yet: `assistant ingest PATH` fills the default one")
    for name, size in sizes.items():
        shown = count(size, "article") if isinstance(size, int) else size
        print(f"{'*' if name == current else ' '} {name}  ({shown})")
    return EXIT_OK


def _size(bot: Assistant, name: str) -> int | str:
    """How many articles a collection holds, or why that cannot be read with these settings
    (one built with another embedding model, say): one collection never hides the list."""
    try:
        return len(bot.in_collection(name).articles())
    except AssistantError as error:
        return str(error)


def _create(bot: Assistant, args: argparse.Namespace) -> int:
    created = bot.create_collection(args.name)
    if args.json:
        print_json({"created": args.name, "index": created.status().index})
    else:
        print(
            f"created the collection {args.name}: add articles with "
            f"`assistant ingest --collection {args.name} PATH`"
        )
    return EXIT_OK


def _delete(bot: Assistant, args: argparse.Namespace) -> int:
    held = len(bot.in_collection(args.name).articles())
    if not args.yes and not confirmed(
        f"Delete the collection {args.name} and its {count(held, 'article')}?"
    ):
        print(f"assistant: the collection {args.name} was not deleted", file=sys.stderr)
        return EXIT_USAGE
    deleted = bot.delete_collection(args.name)
    if args.json:
        print_json({"deleted": args.name, "articles": deleted})
    else:
        print(f"deleted the collection {args.name} ({count(deleted, 'article')})")
    return EXIT_OK


def _settings(bot: Assistant, args: argparse.Namespace) -> int:
    """Show what a collection keeps, after keeping or forgetting what the arguments say."""
    other = bot.in_collection(args.name)
    values = {}
    for pair in args.values:
        key, equals, value = pair.partition("=")
        if not equals or not key:
            raise UsageError(f"{pair!r} is not KEY=VALUE: write e.g. top_k=8")
        values[key.strip()] = value.strip()
    if values:
        other.keep_settings(**values)
    kept = other.forget_settings(*args.unset) if args.unset else other.collection_settings()
    if args.json:
        print_json({"collection": args.name, "settings": kept})
        return EXIT_OK
    if not kept:
        print(
            f"The collection {args.name} keeps no settings of its own (the environment's "
            f"apply); keep some with `assistant collections settings {args.name} top_k=8`"
        )
    for key, value in sorted(kept.items()):
        print(f"{key} = {value}")
    return EXIT_OK
