"""A test double for your own tests: an Answerer that says what you scripted.

    from assistant import Assistant
    from assistant.testing import ScriptedAnswerer

    scripted = ScriptedAnswerer(["The harbour had 41 boats [1]."])
    bot = Assistant(index_dir=tmp_path, answerer=scripted)
    bot.ingest(["harbour.txt"])
    answer = bot.ask("How many boats were in the harbour?")
    assert answer.citations[0].source.endswith("harbour.txt")
    assert scripted.questions == ["How many boats were in the harbour?"]

Everything else is real (retrieval, the relevance gate, citation checks), so
a test sees what a user would see with a model that wrote those words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from assistant.records import History, Passage

__all__ = ["ScriptedAnswerer"]


class ScriptedAnswerer:
    """Answers with the scripted replies in turn (then the last one again), word by word.

    Replies cite passages by the numbers they were given in (1-based); any
    marker form a real model writes works. `questions` and `passages` record
    what each call was asked with.
    """

    mode = "scripted"
    name = "scripted"
    note = ""

    def __init__(self, replies: Iterable[str], condensed: Iterable[str] = ()) -> None:
        self.replies = list(replies)
        if not self.replies:
            raise ValueError("ScriptedAnswerer needs at least one reply")
        self.condensed = list(condensed)
        self.questions: list[str] = []
        self.passages: list[list[Passage]] = []

    def describe(self) -> str:
        """For the app header."""
        return "scripted replies (a test double)"

    def condense(self, question: str, history: History) -> str:
        """The next scripted standalone question, or the question itself."""
        if history and self.condensed:
            return self.condensed.pop(0)
        return question

    def answer(self, question: str, passages: Sequence[Passage], history: History) -> Iterator[str]:
        """The next reply, in word-sized pieces as a streaming model sends them."""
        self.questions.append(question)
        self.passages.append(list(passages))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        words = reply.split(" ")
        for i, word in enumerate(words):
            yield word if i == len(words) - 1 else f"{word} "
