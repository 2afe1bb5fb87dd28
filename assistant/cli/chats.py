"""`assistant chats …` and `assistant feedback …`: the saved conversations and the feedback.

`assistant ask` saves each question as a conversation of its own (or
continues one with `--chat ID` or `--continue`), so the command line and
the browser share one list. Ids may be shortened to any unique beginning,
as with git. `feedback export` writes the answers people rated as an
`assistant eval` question set: their corrections become their regression
test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from assistant import (
    Assistant,
    Conversation,
    UsageError,
    answer_markdown,
    cases_from_feedback,
    conversation_json,
    conversation_markdown,
    write_cases,
)
from assistant.cli.common import EXIT_OK, EXIT_USAGE, Options, confirmed, count, print_json


def register(commands: Any, options: Options) -> None:
    """Add `chats` (list, show, export, rename, delete) and `feedback` (give, export)."""
    both = [options.common, options.output]
    chats = commands.add_parser("chats", help="the saved conversations")
    actions = chats.add_subparsers(dest="action", required=True, parser_class=type(chats))
    listing = actions.add_parser("list", parents=both, help="the conversations, newest first")
    listing.add_argument("--search", default="", help="only those holding all these words")
    listing.set_defaults(handler=_list)
    show = actions.add_parser("show", parents=both, help="one conversation with its sources")
    show.add_argument("id", metavar="ID")
    show.set_defaults(handler=_show)
    export = actions.add_parser(
        "export", parents=[options.common], help="one conversation as Markdown or JSON"
    )
    export.add_argument("id", metavar="ID")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    export.set_defaults(handler=_export)
    rename = actions.add_parser("rename", parents=both, help="give a conversation a new title")
    rename.add_argument("id", metavar="ID")
    rename.add_argument("title", metavar="TITLE")
    rename.set_defaults(handler=_rename)
    delete = actions.add_parser("delete", parents=both, help="delete a conversation (asks first)")
    delete.add_argument("id", metavar="ID")
    delete.add_argument("--yes", action="store_true", help="delete without asking")
    delete.set_defaults(handler=_delete)

    feedback = commands.add_parser("feedback", help="rate saved answers; export the ratings")
    steps = feedback.add_subparsers(dest="action", required=True, parser_class=type(feedback))
    give = steps.add_parser("give", parents=both, help="rate a saved answer up or down")
    give.add_argument("answer", type=int, metavar="ANSWER", help="its number in `chats show`")
    give.add_argument("rating", choices=("up", "down"))
    give.add_argument("--note", help="what was good or wrong")
    give.add_argument("--correct", help="the right answer")
    give.set_defaults(handler=_give)
    written = steps.add_parser(
        "export", parents=[options.common], help="the rated answers as an eval question set"
    )
    written.add_argument("file", type=Path, metavar="FILE.jsonl")
    written.set_defaults(handler=_export_feedback)


def _list(bot: Assistant, args: argparse.Namespace) -> int:
    found = bot.conversations(search=args.search)
    if args.json:
        print_json([summary.to_dict() for summary in found])
        return EXIT_OK
    if not found:
        print(
            "No conversation holds those words"
            if args.search
            else "No saved conversations yet: `assistant ask QUESTION` starts one"
        )
    for summary in found:
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(summary.updated_at))
        print(
            f"{summary.id[:8]}  {when}  {count(summary.questions, 'question'):>12}  {summary.title}"
        )
    return EXIT_OK


def _show(bot: Assistant, args: argparse.Namespace) -> int:
    kept = bot.conversation(bot.conversation_id(args.id))
    if args.json:
        print_json(kept.to_dict())
        return EXIT_OK
    print(_readable(kept, bot))
    return EXIT_OK


def _readable(kept: Conversation, bot: Assistant) -> str:
    """A conversation for the terminal: each answer under its number, for `feedback give`."""
    parts = [f"{kept.title}  ({kept.id})"]
    for saved in kept.answers:
        given = saved.feedback
        rated = f"  [rated {given.rating}]" if given else ""
        text = answer_markdown(saved.answer, label=bot.source_label).rstrip()
        parts.append(f"--- answer {saved.id}{rated}\n{text}")
    return "\n\n".join(parts)


def _export(bot: Assistant, args: argparse.Namespace) -> int:
    kept = bot.conversation(bot.conversation_id(args.id))
    sys.stdout.write(
        conversation_json(kept)
        if args.format == "json"
        else conversation_markdown(kept, label=bot.source_label)
    )
    return EXIT_OK


def _rename(bot: Assistant, args: argparse.Namespace) -> int:
    renamed = bot.rename_conversation(bot.conversation_id(args.id), args.title)
    if args.json:
        print_json(renamed.to_dict())
    else:
        print(f"renamed {renamed.id[:8]} to {renamed.title}")
    return EXIT_OK


def _delete(bot: Assistant, args: argparse.Namespace) -> int:
    kept = bot.conversation(bot.conversation_id(args.id))
    question = f"Delete the conversation {kept.title!r} ({count(len(kept.answers), 'question')})?"
    if not args.yes and not confirmed(question):
        print("assistant: the conversation was not deleted", file=sys.stderr)
        return EXIT_USAGE
    gone = bot.delete_conversation(kept.id)
    if args.json:
        print_json({"deleted": gone.id})
    else:
        print(f"deleted the conversation {gone.title!r}")
    return EXIT_OK


def _give(bot: Assistant, args: argparse.Namespace) -> int:
    given = bot.give_feedback(args.answer, args.rating, note=args.note, correction=args.correct)
    if args.json:
        print_json(given.to_dict())
    else:
        print(f"kept: answer {args.answer} rated {given.rating}")
    return EXIT_OK


def _export_feedback(bot: Assistant, args: argparse.Namespace) -> int:
    lines, left_out = cases_from_feedback(bot.feedback())
    if not lines:
        raise UsageError(
            "No feedback teaches a question yet: rate answers (a thumb up, or the right answer "
            "with a thumb down) in the browser or with `assistant feedback give`"
        )
    write_cases(args.file, lines)
    print(f"wrote {count(len(lines), 'question')} to {args.file}")
    if left_out:
        print(
            f"left out {count(left_out, 'rating')} that said an answer was wrong without "
            "giving the right one",
            file=sys.stderr,
        )
    print(f"measure with: assistant eval {args.file}", file=sys.stderr)
    return EXIT_OK
