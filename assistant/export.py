"""Answers and conversations as documents a person can paste elsewhere: Markdown and JSON.

The Markdown of an answer stands on its own: the question, the short
answer, the text with its [n] markers, then each numbered source with its
title, address, date and the quoted passage, then the check of each
sentence. Everything comes from the Answer itself (which a saved
conversation keeps whole), so an export needs neither the index nor the
articles: it reads the same after they are gone. A caller may pass how
sources are shown to people (`Assistant.source_label`), so an uploaded
file reads as its name, not as the path of the app's copy.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from typing import Any

from assistant.records import Answer, Conversation, SavedAnswer, plural

# Characters that would start Markdown structure at the beginning of a quoted line.
_LINE_START = re.compile(r"^(\s*)([#>*+\-|=]|\d+[.)])")


def answer_markdown(
    answer: Answer, *, heading: str = "##", label: Callable[[str], str] | None = None
) -> str:
    """One answer as Markdown: question, answer, sources with their passages, checks; each
    source shown by `label` when given."""
    lines = [f"{heading} {_one_line(answer.question)}", ""]
    if answer.asked_as_line:
        lines += [f"*{_one_line(answer.asked_as_line)}*", ""]
    if answer.short_answer is not None:
        lines += [f"**Answer:** {answer.short_answer_line.removeprefix('Answer: ')}", ""]
    lines += [_list_set_apart(answer.text), ""]
    if answer.caution:
        lines += [f"*{answer.caution}*", ""]
    if answer.refused and answer.note:
        lines += [f"*{answer.note}*", ""]
    if answer.newest_source_line and not answer.refused:
        lines += [answer.newest_source_line, ""]
    if answer.citations:
        lines += [f"{heading}# Sources", ""]
        for citation in answer.citations:
            where = citation.url or (label(citation.source) if label else citation.source)
            details = ", ".join(
                part
                for part in (
                    where,
                    f"by {citation.author}" if citation.author else "",
                    citation.shown_date,
                    citation.passage.page_label,
                )
                if part
            )
            lines += [f"[{citation.n}] **{_one_line(citation.title)}** — {details}", ""]
            lines += [_quoted(citation.passage.shown_text), ""]
    if answer.claims and not answer.refused:
        lines += [f"{heading}# Checks", ""]
        for claim in answer.claims:
            cites = "".join(f"[{n}]" for n in claim.citations) or "no citation"
            lines.append(
                f"- {claim.mark} {claim.verdict_label} ({cites}), {claim.relevance_label}: "
                f"{_one_line(claim.text)}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def conversation_markdown(
    conversation: Conversation, *, label: Callable[[str], str] | None = None
) -> str:
    """A whole conversation as Markdown: its title, then every answer with its sources
    (each shown by `label` when given)."""
    title = conversation.title or "Conversation"
    started = _when(conversation.summary.created_at)
    asked = plural(len(conversation.answers), "question")
    lines = [f"# {_one_line(title)}", "", f"*Started {started}; {asked}.*", ""]
    for saved in conversation.answers:
        lines += [_saved_markdown(saved, label).rstrip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def answer_json(answer: Answer) -> str:
    """One answer as a JSON document (the shape of `assistant ask --json`)."""
    return _json(answer.to_dict())


def conversation_json(conversation: Conversation) -> str:
    """A whole conversation as a JSON document, every answer whole."""
    return _json(conversation.to_dict())


def _saved_markdown(saved: SavedAnswer, label: Callable[[str], str] | None) -> str:
    text = answer_markdown(saved.answer, label=label)
    if saved.feedback is None:
        return text
    given = saved.feedback
    lines = [text.rstrip(), "", f"**Feedback:** {'👍' if given.rating == 'up' else '👎'}"]
    if given.note:
        lines[-1] += f" — {_one_line(given.note)}"
    if given.correction:
        lines.append(f"**The right answer:** {_one_line(given.correction)}")
    return "\n".join(lines)


def _quoted(text: str) -> str:
    """A passage as a Markdown block quote, its lines kept from starting Markdown structure
    and from running together (a hard break, two spaces, ends a line the next goes on from:
    a list's items stay on their own lines)."""
    lines = [" ".join(line.split()) for line in text.strip().splitlines()]
    quoted = [("> " + _LINE_START.sub(r"\1\\\2", line)) if line else ">" for line in lines]
    return "\n".join(
        f"{line}  " if line != ">" and following != ">" else line
        for line, following in zip(quoted, [*quoted[1:], ">"], strict=True)
    )


def _list_set_apart(text: str) -> str:
    """`text` with a blank line before a list that follows a line of prose ("…were: [1]"
    then "- Seagrass…"): Markdown renderers other than CommonMark need it to see a list."""
    lines = text.split("\n")
    kept: list[str] = []
    for line in lines:
        if line.startswith("- ") and kept and kept[-1].strip() and not kept[-1].startswith("- "):
            kept.append("")
        kept.append(line)
    return "\n".join(kept)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _when(stamp: float) -> str:
    moment = datetime.datetime.fromtimestamp(stamp, tz=datetime.UTC)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _json(shape: dict[str, Any]) -> str:
    return json.dumps(shape, ensure_ascii=False, indent=2) + "\n"
