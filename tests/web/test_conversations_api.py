"""Saved conversations, export and feedback through the real app, driven with gradio_client:
one person without sign-in, two signed-in people who must not see each other's chats, a
restart, and a database that cannot be used."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from gradio_client import Client

from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import free_port, running

CALL = "How long did the call between Trump and Putin last?"


@pytest.fixture(scope="module")
def app_folder(tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory) -> Path:
    folder = tmp_path_factory.mktemp("conversations")
    app_bot(folder).ingest([SEEDS])
    return folder


@pytest.fixture(scope="module")
def app_url(app_folder: Path, app_bot: AppBotFactory) -> Iterator[str]:
    with running(app_bot(app_folder)) as url:
        yield url


def test_a_conversation_is_saved_followed_up_exported_and_rated(
    app_url: str, app_folder: Path, app_bot: AppBotFactory
) -> None:
    client = Client(app_url, verbose=False)
    first = client.predict(CALL, None, None, None, None, None, "new", api_name="/ask")
    chat = first["conversation"]
    assert chat and first["saved_as"] > 0 and not first["not_saved"]
    # No history passed: the saved conversation is the history.
    follow = client.predict(
        "Who confirmed it?", None, None, None, None, None, chat, api_name="/ask"
    )
    assert "Kremlin" in follow["answer"] and follow["conversation"] == chat

    listed = client.predict("", None, api_name="/conversations")
    mine = next(item for item in listed if item["id"] == chat)
    assert mine["questions"] == 2 and mine["title"] == CALL
    assert [item["id"] for item in client.predict("Kremlin", None, api_name="/conversations")]
    assert client.predict("no-such-word-here", None, api_name="/conversations") == []

    markdown = client.predict(chat, None, "markdown", None, api_name="/export")
    assert markdown.startswith(f"# {CALL}")
    assert "90 minutes" in markdown and "[1]" in markdown
    assert "\n> " in markdown  # the quoted passage
    one = client.predict(chat, follow["saved_as"], "markdown", None, api_name="/export")
    assert one.startswith("# Who confirmed it?") and "90 minutes" not in one.split("\n")[0]
    whole = json.loads(client.predict(chat, None, "json", None, api_name="/export"))
    assert [a["question"] for a in whole["answers"]] == [CALL, "Who confirmed it?"]
    assert whole["answers"][0]["citations"][0]["text"]

    given = client.predict(
        follow["saved_as"], "down", "too short", "The Kremlin", None, api_name="/feedback"
    )
    assert given["rating"] == "down" and given["correction"] == "The Kremlin"
    kept = client.predict(chat, None, api_name="/conversation")
    assert kept["answers"][1]["feedback"]["note"] == "too short"
    assert kept["answers"][0]["feedback"] is None

    # A restart (a new app over the same index) finds everything again.
    with running(app_bot(app_folder)) as second_url:
        again = Client(second_url, verbose=False).predict(chat, None, api_name="/conversation")
    assert again["answers"][1]["feedback"]["rating"] == "down"


def test_bad_requests_get_one_line_errors(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    with pytest.raises(Exception, match="There is no conversation"):
        client.predict("nope", None, api_name="/conversation")
    with pytest.raises(Exception, match="There is no saved answer"):
        client.predict(987654, "up", None, None, None, api_name="/feedback")
    with pytest.raises(Exception, match="rating is one of"):
        client.predict(1, "maybe", None, None, None, api_name="/feedback")
    with pytest.raises(Exception, match='"markdown" or "json"'):
        client.predict("x", None, "pdf", None, api_name="/export")


def test_each_signed_in_person_sees_only_their_own_conversations(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path, auth="alice:secret-a bob:secret-b")
    bot.ingest([SEEDS])
    with running(bot) as url:
        alice = Client(url, auth=("alice", "secret-a"), verbose=False)
        bob = Client(url, auth=("bob", "secret-b"), verbose=False)
        asked = alice.predict(CALL, None, None, None, None, None, "new", api_name="/ask")
        chat, saved = asked["conversation"], asked["saved_as"]
        assert [c["id"] for c in alice.predict("", None, api_name="/conversations")] == [chat]
        assert bob.predict("", None, api_name="/conversations") == []
        with pytest.raises(Exception, match="There is no conversation"):
            bob.predict(chat, None, api_name="/conversation")
        with pytest.raises(Exception, match="There is no conversation"):
            bob.predict(chat, None, "markdown", None, api_name="/export")
        with pytest.raises(Exception, match="There is no saved answer"):
            bob.predict(saved, "down", "mine now", None, None, api_name="/feedback")
        with pytest.raises(Exception, match="There is no conversation"):
            bob.predict("Follow-up?", None, None, None, None, None, chat, api_name="/ask")
        # Bob's own conversation is his alone, and Alice's is untouched.
        bob.predict(CALL, None, None, None, None, None, "new", api_name="/ask")
        assert len(bob.predict("", None, api_name="/conversations")) == 1
        kept = alice.predict(chat, None, api_name="/conversation")
        assert len(kept["answers"]) == 1 and kept["answers"][0]["feedback"] is None
    assert {c.user for c in bot.conversations()} == {"alice", "bob"}


def test_an_unusable_database_still_answers_and_says_it_did_not_save(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path, port=free_port())
    bot.ingest([SEEDS])
    database = Path(sa.make_url(bot.database.url).database or "")
    bot.database.close()
    damaged = b"this is not a database " * 400
    database.write_bytes(damaged)
    with running(bot) as url:
        client = Client(url, verbose=False)
        result = client.predict(CALL, None, None, None, None, None, "new", api_name="/ask")
        assert "90 minutes" in result["answer"] and not result["refused"]
        assert result["saved_as"] == 0 and "database" in result["not_saved"]
        with pytest.raises(Exception, match="move the file away"):
            client.predict("", None, api_name="/conversations")
    assert database.read_bytes() == damaged  # nothing written over it
