"""Saved conversations at scale: the list with 1,000 conversations, and what saving, feedback
and export add to an answer.

    python bench/conversations.py [--conversations 1000] [--rounds 30] [--db-url URL]

Builds an index of the seed article in a temporary folder, asks three real
questions, and saves their answers (the real Answers, citations and
passages included) into N conversations of three answers each. Then:

- the conversation list (`Assistant.conversations()`, what the browser's
  list and `assistant chats list` load), plain and with a search word;
- one question answered three ways in turns, side by side: not saved (the
  peer), saved into a new conversation, and saved + rated + the whole
  conversation exported as Markdown.

Targets (issue 15): the list ≤ 100 ms with 1,000 conversations; saving,
feedback and export add no measurable time to an answer. `--db-url` runs
it on another database (e.g. a PostgreSQL URL) instead of the SQLite file
beside the index.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant, conversation_markdown
from bench.timing import percentiles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
QUESTIONS = (
    "How long did the call between Trump and Putin last?",
    "Who confirmed it?",
    "How much are Ukraine's rare earth minerals worth?",
)
ASKED = "What did the US Defence Secretary say about Ukraine's borders?"


def fill(bot: Assistant, conversations: int) -> None:
    """`conversations` saved conversations of three real answers each."""
    answers = [bot.ask(question) for question in QUESTIONS]
    for number in range(conversations):
        chat = bot.start_conversation(f"Conversation {number}: the call and the minerals")
        for answer in answers:
            bot.saved.add(chat.id, answer)


def timed(call: object, rounds: int) -> list[float]:
    seconds = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()  # type: ignore[operator]
        seconds.append(time.perf_counter() - started)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--db-url", help="the database to save into (default: beside the index)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        options = {"db_url": args.db_url} if args.db_url else {}
        bot = Assistant(Path(folder) / "index", llm="extractive", **options)
        bot.ingest([SEEDS])
        started = time.perf_counter()
        fill(bot, args.conversations)
        print(
            f"saved {args.conversations} conversations of {len(QUESTIONS)} answers in "
            f"{time.perf_counter() - started:.1f} s ({bot.database.location})"
        )

        listing = percentiles(timed(bot.conversations, args.rounds))
        searching = percentiles(timed(lambda: bot.conversations(search="minerals"), args.rounds))
        print(f"\nconversation list ({len(bot.conversations())} conversations), target ≤ 100 ms")
        print(f"  {'':<28}{'p50 ms':>9}{'p95 ms':>9}")
        for name, figures in (("all", listing), ("search 'minerals'", searching)):
            print(f"  {name:<28}{figures['p50_ms']:>9.1f}{figures['p95_ms']:>9.1f}")

        def saved_rated_exported() -> None:
            answer = bot.ask(ASKED, conversation="new")
            bot.give_feedback(answer, "up", note="fine")
            conversation_markdown(bot.conversation(answer.conversation))

        ways = {
            "not saved (peer)": lambda: bot.ask(ASKED),
            "saved": lambda: bot.ask(ASKED, conversation="new"),
            "saved + feedback + export": saved_rated_exported,
        }
        for way in ways.values():  # warm up
            way()
        seconds: dict[str, list[float]] = {name: [] for name in ways}
        for _ in range(args.rounds):  # in turns, so the machine's mood hits all alike
            for name, way in ways.items():
                seconds[name] += timed(way, 1)
        print(f"\none answer, {args.rounds} rounds in turns")
        print(f"  {'':<28}{'p50 ms':>9}{'p95 ms':>9}")
        for name, values in seconds.items():
            figures = percentiles(values)
            print(f"  {name:<28}{figures['p50_ms']:>9.1f}{figures['p95_ms']:>9.1f}")


if __name__ == "__main__":
    main()
