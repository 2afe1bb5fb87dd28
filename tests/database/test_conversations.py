"""The conversation store on SQLite and on a real PostgreSQL server: schema steps, search,
ownership, feedback, deleting; and two Assistants sharing one PostgreSQL database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from assistant import Answer, UsageError
from assistant.database import ConversationStore, Database
from assistant.database.schema import applied_steps
from assistant.errors import DatabaseError
from tests.conftest import SEEDS, AssistantFactory


def answer(question: str, text: str = "It lasted nearly 90 minutes. [1]") -> Answer:
    return Answer(question=question, text=text, mode="extractive", refused=False)


def test_steps_apply_once_and_a_reopened_database_needs_none(database_url: str) -> None:
    store = ConversationStore(Database(database_url), "articles")
    store.start("first")
    store.database.close()
    again = Database(database_url)
    with again.transaction() as connection:
        steps = connection.execute(sa.select(applied_steps.c.name)).scalars().all()
    assert sorted(steps) == sorted(set(steps)) and "conversations-1" in steps
    assert [c.title for c in ConversationStore(again, "articles").summaries()] == ["first"]


def test_search_finds_all_words_in_titles_questions_and_answers(database_url: str) -> None:
    store = ConversationStore(Database(database_url), "articles")
    call = store.start()
    store.add(call.id, answer("How long was the CALL?"))
    odd = store.start("100% sure_thing")
    store.add(odd.id, answer("Anything?", "No."))
    assert [c.id for c in store.summaries(search="call minutes")] == [call.id]
    assert [c.id for c in store.summaries(search="how LONG")] == [call.id]
    assert [c.id for c in store.summaries(search="100%")] == [odd.id]
    assert store.summaries(search="u_e") == []  # "_" is a character, not a wildcard ("ure")
    assert [c.id for c in store.summaries(search="sure_thing")] == [odd.id]
    assert store.summaries(search="call absent-word") == []
    assert [c.id for c in store.summaries()] == [odd.id, call.id]  # most recent first
    assert store.get(call.id).title == "How long was the CALL?"  # titled by its first question


def test_a_user_never_reaches_another_users_conversation(database_url: str) -> None:
    store = ConversationStore(Database(database_url), "articles")
    alices = store.start("alice's", user="alice")
    _, saved = store.add(alices.id, answer("Q?"), user="alice")
    for attempt in (
        lambda: store.get(alices.id, user="bob"),
        lambda: store.rename(alices.id, "mine", user="bob"),
        lambda: store.delete(alices.id, user="bob"),
        lambda: store.add(alices.id, answer("Q2?"), user="bob"),
        lambda: store.rate(saved, "down", user="bob"),
    ):
        with pytest.raises(UsageError):
            attempt()
    assert store.summaries(user="bob") == []
    kept = store.get(alices.id, user="alice")
    assert kept.title == "alice's" and len(kept.answers) == 1 and kept.answers[0].feedback is None
    assert [c.user for c in store.summaries()] == ["alice"]  # the operator sees everyone's


def test_feedback_is_kept_replaced_and_deleted_with_its_conversation(database_url: str) -> None:
    store = ConversationStore(Database(database_url), "articles")
    chat, saved = store.add(None, answer("Q?"))
    store.rate(saved, "down", note="vague", correction="90 minutes")
    store.rate(saved, "down")  # a thumb alone keeps the note and the correction
    (rated,) = store.rated()
    assert rated.feedback is not None
    assert (rated.feedback.rating, rated.feedback.note, rated.feedback.correction) == (
        "down",
        "vague",
        "90 minutes",
    )
    store.rate(saved, "up")  # …but a thumbs up says the answer was right after all
    (rated,) = store.rated()
    assert rated.feedback is not None
    assert (rated.feedback.rating, rated.feedback.note, rated.feedback.correction) == (
        "up",
        "vague",
        "",
    )
    assert rated.answer.conversation == chat and rated.answer.saved_as == saved
    store.delete(chat)
    assert store.rated() == [] and store.summaries() == []


def test_collections_keep_their_own_conversations_in_one_database(database_url: str) -> None:
    database = Database(database_url)
    news, papers = ConversationStore(database, "news"), ConversationStore(database, "papers")
    news.start("news chat")
    kept = papers.start("papers chat")
    papers.forget_collection()
    assert [c.title for c in news.summaries()] == ["news chat"]
    with pytest.raises(UsageError):
        papers.get(kept.id)


def test_a_server_that_is_down_is_one_clear_error() -> None:
    store = ConversationStore(
        Database("postgresql+psycopg://nobody@127.0.0.1:9/nothing?connect_timeout=2"), "articles"
    )
    with pytest.raises(DatabaseError, match="could not be opened") as caught:
        store.summaries()
    said = str(caught.value)
    assert "ASSISTANT_DB_URL" in said and "\n" not in said and "server is running" in said


def test_two_assistants_share_conversations_through_postgresql(
    make_assistant: AssistantFactory, postgres_url: str
) -> None:
    writer = make_assistant(db_url=postgres_url)
    writer.ingest([SEEDS])
    asked = writer.ask("How long did the call between Trump and Putin last?", conversation="new")
    assert asked.saved_as and not asked.not_saved
    reader = make_assistant(db_url=postgres_url)
    (summary,) = reader.conversations()
    assert summary.id == asked.conversation and summary.questions == 1
    follow = reader.ask("Who confirmed it?", conversation=summary.id)
    assert "Kremlin" in follow.text
    reader.give_feedback(follow, "up")
    assert [s.answer.question for s in writer.feedback()] == ["Who confirmed it?"]
