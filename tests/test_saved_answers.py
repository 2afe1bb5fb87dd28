"""Saved conversations from Python: asking in one saves every answer whole, follow-ups read
the saved history, exports need no index, and a database that is locked or damaged never
costs the answer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant import (
    Assistant,
    QuestionError,
    UsageError,
    answer_markdown,
    cases_from_feedback,
    conversation_markdown,
    load_cases,
)
from tests.conftest import SEEDS, AssistantFactory

CALL = "How long did the call between Trump and Putin last?"


def database_file(bot: Assistant) -> Path:
    return Path(sa.make_url(bot.database.url).database or "")


def test_answers_asked_in_a_conversation_are_saved_whole_and_read_back(
    make_assistant: AssistantFactory,
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation()
    first = bot.ask(CALL, conversation=chat.id)
    follow = bot.ask("Who confirmed it?", conversation=chat.id)
    assert first.saved_as and follow.saved_as > first.saved_as
    assert "Kremlin" in follow.text  # the saved conversation was the history

    # Another process (here another Assistant) reads the same conversation.
    kept = make_assistant().conversation(chat.id)
    assert kept.title == CALL and [s.answer.question for s in kept.answers] == [
        CALL,
        "Who confirmed it?",
    ]
    again = kept.answers[0].answer
    assert again.text == first.text and again.short_answer == first.short_answer
    assert [c.text for c in again.citations] == [c.text for c in first.citations]
    assert [(c.start, c.end) for c in again.citations] == [
        (c.start, c.end) for c in first.citations
    ]
    assert again.claims == first.claims


def test_export_holds_the_quoted_passages_after_the_article_is_removed(
    make_assistant: AssistantFactory,
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation("Phone call")
    asked = bot.ask(CALL, conversation=chat.id)
    quoted = asked.citations[0].text
    bot.remove(asked.citations[0].source)
    assert not bot.articles()
    document = conversation_markdown(bot.conversation(chat.id))
    assert document.startswith("# Phone call")
    flat = " ".join(line.removeprefix("> ") for line in document.splitlines())
    assert " ".join(quoted.split()) in " ".join(flat.split())
    assert "90 minutes" in answer_markdown(bot.conversation(chat.id).answers[0].answer)


def test_an_exported_follow_up_says_how_it_was_read(make_assistant: AssistantFactory) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation("Phone call")
    bot.ask(CALL, conversation=chat.id)
    follow = bot.ask("Who confirmed it?", conversation=chat.id)
    assert follow.asked_as_line.startswith("(Asked as: Who confirmed it? (context: ")
    # The next follow-up is read against the questions as they were read.
    assert bot.conversation(chat.id).history[1][0] == follow.standalone_question
    document = conversation_markdown(bot.conversation(chat.id))
    assert "## Who confirmed it?\n\n*(Asked as: Who confirmed it? (context: " in document
    assert "(Asked as" not in answer_markdown(bot.conversation(chat.id).answers[0].answer)


def test_feedback_becomes_a_question_set_that_eval_reads(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation()
    good = bot.ask(CALL, conversation=chat.id)
    wrong = bot.ask("Who confirmed it?", conversation=chat.id)
    unsure = bot.ask("What did Hegseth say?", conversation=chat.id)
    bot.give_feedback(good, "up", note="exactly")
    bot.give_feedback(wrong.saved_as, "down", correction="the Kremlin")
    bot.give_feedback(unsure, "down")  # says what is wrong, not what is right
    bot.give_feedback(good, "up")  # a thumb alone keeps the note
    assert [s.feedback.note for s in bot.feedback() if s.feedback] == ["exactly", "", ""]
    # A thumbs up says the answer is right: a right answer written with it is not kept.
    bot.give_feedback(good, "down", correction="an hour")
    bot.give_feedback(good, "up", correction="an hour")
    assert next(s.feedback.correction for s in bot.feedback() if s.feedback) == ""

    lines, left_out = cases_from_feedback(bot.feedback())
    assert left_out == 1
    assert lines[0]["question"] == CALL and lines[0]["sources"]
    assert lines[1]["answers"] == ["the Kremlin"]
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    # The follow-up as it was read, so that asked alone it is the same question.
    asked = [case.question for case in load_cases(path)]
    assert asked[0] == CALL and asked[1] == wrong.standalone_question
    assert asked[1].startswith("Who confirmed it? (context: ") and "Putin" in asked[1]


def test_bad_input_saves_nothing(make_assistant: AssistantFactory) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation()
    with pytest.raises(QuestionError, match="characters long"):
        bot.ask("x" * 10_000_000, conversation=chat.id)
    with pytest.raises(UsageError, match="There is no conversation"):
        bot.ask(CALL, conversation="not-a-conversation")
    with pytest.raises(UsageError, match="not saved"):
        bot.give_feedback(bot.ask(CALL), "up")
    with pytest.raises(UsageError, match="title is empty"):
        bot.rename_conversation(chat.id, "   ")
    assert bot.conversation(chat.id).answers == ()


def test_a_locked_database_costs_the_saving_not_the_answer(
    make_assistant: AssistantFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.database import engine

    monkeypatch.setattr(engine, "BUSY_SECONDS", 0.5)
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation()
    holder = sqlite3.connect(database_file(bot))
    holder.execute("BEGIN EXCLUSIVE")  # another program writing, and not letting go
    try:
        answer = bot.ask(CALL, conversation=chat.id)
    finally:
        holder.rollback()
        holder.close()
    assert "90 minutes" in answer.text and answer.saved_as == 0
    assert "locked" in answer.not_saved
    assert bot.conversation(chat.id).answers == ()  # nothing half-written
    assert bot.ask(CALL, conversation=chat.id).saved_as  # and it saves again once free


@pytest.mark.embedded_only
def test_deleting_a_collection_deletes_its_conversations_only(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    shared = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    home = make_assistant(db_url=shared)
    home.ingest([SEEDS])
    papers = home.create_collection("papers")
    papers.ingest([SEEDS])
    mine = home.start_conversation("home chat")
    home.ask(CALL, conversation=mine.id)
    theirs = papers.start_conversation("papers chat")
    assert [c.title for c in home.conversations()] == ["home chat"]
    assert [c.title for c in papers.conversations()] == ["papers chat"]
    home.delete_collection("papers")
    assert [c.title for c in home.conversations()] == ["home chat"]
    assert len(home.conversation(mine.id).answers) == 1
    # A new collection of the same name starts without the old one's conversations.
    again = home.create_collection("papers")
    assert again.conversations() == []
    with pytest.raises(UsageError, match="There is no conversation"):
        again.conversation(theirs.id)


def test_a_follow_up_whose_history_cannot_be_read_says_so(make_assistant: AssistantFactory) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    chat = bot.start_conversation()
    bot.ask(CALL, conversation=chat.id)
    damage = sqlite3.connect(database_file(bot))
    damage.execute("ALTER TABLE answers RENAME TO answers_elsewhere")  # damaged by another program
    damage.commit()
    answer = bot.ask("Who confirmed it?", conversation=chat.id)
    assert answer.text and answer.saved_as == 0
    assert "without the conversation's earlier questions" in answer.not_saved
    damage.execute("ALTER TABLE answers_elsewhere RENAME TO answers")
    damage.commit()
    damage.close()
    assert len(bot.conversation(chat.id).answers) == 1, "the earlier answer is still there"


def test_an_exported_passage_keeps_its_lines_apart(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    from markdown_it import MarkdownIt  # Gradio's Markdown renderer, installed with it

    report = tmp_path / "survey.md"
    report.write_text(
        "# Seagrass survey\n\nA survey of the bay ran from 2022 to 2024.\n\n"
        "The main findings of the seagrass survey were:\n\n- Seagrass cover grew to 47 "
        "hectares.\n- Shoot density doubled in the north.\n"
    )
    bot = make_assistant()
    bot.ingest([report])
    answer = bot.ask("What were the main findings of the seagrass survey?")
    document = answer_markdown(answer)
    # A blank line sets the answer's list apart, for renderers that need one before a list.
    assert "were: [1]\n\n- Seagrass cover grew to 47 hectares. [1]\n- Shoot" in document
    html = MarkdownIt("commonmark").render(document)
    # In the answer the items are a list; in the quoted passage each keeps its line.
    assert "<li>Seagrass cover grew to 47 hectares. [1]</li>" in html, html
    assert "- Seagrass cover grew to 47 hectares.<br />" in html, html
