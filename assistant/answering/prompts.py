"""Prompt templates, and the chat messages built from them.

The templates are text files shipped with the package (`assistant/prompts/`,
which in the repository is the top-level `prompts/` folder). A folder named
by ASSISTANT_PROMPTS_DIR overrides any of them by file name, so people can
adapt the wording without touching the package.

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
from importlib import resources
from pathlib import Path

from assistant.answering.citations import strip_markers
from assistant.errors import ConfigError
from assistant.records import History, Passage
from assistant.text.footnotes import without_reference_marks

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_DELIMITER = re.compile(r"<\s*(/?)\s*(passages?)\b", re.IGNORECASE)
# Earlier turns given to the condense prompt: enough for references, short enough to stay focused.
HISTORY_TURNS = 3
HISTORY_ANSWER_CHARS = 600


@dataclass(frozen=True)
class Message:
    """One chat message for a language model."""

    role: str
    content: str


@cache
def _packaged(name: str) -> str | None:
    try:
        return (resources.files("assistant") / "prompts" / f"{name}.txt").read_text("utf-8")
    except OSError:
        return None


class Prompts:
    """The templates in use: the packaged ones, each overridable from a folder."""

    def __init__(self, override_dir: Path | None = None) -> None:
        self.override_dir = override_dir

    def template(self, name: str) -> str:
        """The text of template `name` (from the override folder if it has one)."""
        if self.override_dir is not None:
            path = Path(self.override_dir) / f"{name}.txt"
            if path.is_file():
                try:
                    return path.read_text(encoding="utf-8").strip()
                except (OSError, UnicodeDecodeError) as error:
                    raise ConfigError(f"Cannot read the prompt template {path}: {error}") from None
        text = _packaged(name)
        if text is None:
            raise ConfigError(
                f"The prompt template {name}.txt is missing from the installed package: "
                "reinstall it (or put one in ASSISTANT_PROMPTS_DIR)"
            )
        return text.strip()

    def render(self, name: str, **values: str) -> str:
        """Fill a template's `{name}` placeholders in a single pass."""

        def fill(match: re.Match[str]) -> str:
            key = match.group(1)
            if key not in values:
                raise ConfigError(f"Prompt template {name}.txt uses unknown placeholder {{{key}}}")
            return values[key]

        return _PLACEHOLDER.sub(fill, self.template(name))

    def refusal_sentence(self) -> str:
        """What the model is told to say, and what the assistant says, when articles are silent."""
        return self.template("refusal")

    def answer_messages(self, question: str, passages: Sequence[Passage]) -> list[Message]:
        """System and user messages asking for a cited answer from numbered passages."""
        blocks = "\n".join(
            self.render(
                "passage",
                n=str(n),
                title=_attribute(p.title),
                source=_attribute(p.source),
                date=_attribute(p.date),
                text=neutralise(without_reference_marks(p.text)),
            )
            for n, p in enumerate(passages, start=1)
        )
        return [
            Message("system", self.render("answer_system", refusal=self.refusal_sentence())),
            Message("user", self.render("answer_user", passages=blocks, question=question)),
        ]

    def condense_messages(self, question: str, history: History) -> list[Message]:
        """Messages asking to rewrite a follow-up question as a standalone one."""
        turns = []
        for asked, answered in list(history)[-HISTORY_TURNS:]:
            answer = strip_markers(answered)[:HISTORY_ANSWER_CHARS]
            turns.append(f"User: {asked.strip()}\nAssistant: {answer}")
        return [
            Message("system", self.template("condense_system")),
            Message(
                "user",
                self.render("condense_user", history="\n\n".join(turns), question=question),
            ),
        ]


def neutralise(text: str) -> str:
    """Defuse look-alikes of the passage delimiters inside untrusted text."""
    return _DELIMITER.sub(lambda m: f"‹{m.group(1)}{m.group(2)}", text)


def _attribute(value: str) -> str:
    return neutralise(value).replace('"', "'").replace("\n", " ")
