"""Prompt templates from the `prompts/` folder, and the messages built from them.

Templates are plain text with `{name}` placeholders, filled in one pass so
that braces inside article text are never mistaken for placeholders. Article
text is put inside `<passage>` elements; any text in an article that looks
like those delimiters is neutralised first, so an article cannot close its
own passage and speak as the user.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.cite import strip_markers
from assistant.errors import ConfigError
from assistant.retrieve import Passage

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_DELIMITER = re.compile(r"<\s*(/?)\s*(passages?)\b", re.IGNORECASE)
# Earlier turns given to the condense prompt: enough for references, short enough to stay focused.
HISTORY_TURNS = 3
HISTORY_ANSWER_CHARS = 600


@dataclass(frozen=True)
class Message:
    """One chat message for an LLM."""

    role: str
    content: str


@cache
def template(name: str) -> str:
    """The text of `prompts/<name>.txt`."""
    path = PROMPTS_DIR / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8").strip()
    except OSError:
        raise ConfigError(
            f"Prompt template {path} is missing: restore it from the repository"
        ) from None


def render(name: str, **values: str) -> str:
    """Fill a template's `{name}` placeholders in a single pass."""

    def fill(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise ConfigError(f"Prompt template {name}.txt uses unknown placeholder {{{key}}}")
        return values[key]

    return _PLACEHOLDER.sub(fill, template(name))


def refusal_sentence() -> str:
    """What the model is told to say, and what the assistant says, when the articles are silent."""
    return template("refusal")


def neutralise(text: str) -> str:
    """Defuse look-alikes of the passage delimiters inside untrusted text."""
    return _DELIMITER.sub(lambda m: f"‹{m.group(1)}{m.group(2)}", text)


def _attribute(value: str) -> str:
    return neutralise(value).replace('"', "'").replace("\n", " ")


def answer_messages(question: str, passages: Sequence[Passage]) -> list[Message]:
    """System and user messages asking for a cited answer from numbered passages."""
    blocks = "\n".join(
        render(
            "passage",
            n=str(n),
            title=_attribute(p.title),
            source=_attribute(p.source),
            date=_attribute(p.date),
            text=neutralise(p.text),
        )
        for n, p in enumerate(passages, start=1)
    )
    return [
        Message("system", render("answer_system", refusal=refusal_sentence())),
        Message("user", render("answer_user", passages=blocks, question=question)),
    ]


def condense_messages(question: str, history: Sequence[tuple[str, str]]) -> list[Message]:
    """Messages asking to rewrite a follow-up question as a standalone one."""
    turns = []
    for asked, answered in list(history)[-HISTORY_TURNS:]:
        answer = strip_markers(answered)[:HISTORY_ANSWER_CHARS]
        turns.append(f"User: {asked.strip()}\nAssistant: {answer}")
    return [
        Message("system", template("condense_system")),
        Message("user", render("condense_user", history="\n\n".join(turns), question=question)),
    ]
