"""The app launched for real and driven with gradio_client, as API users would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client

from assistant.errors import ConfigError
from assistant.web import launch
from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.llm_server import Reply, ScriptedLLM


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory) -> Iterator[str]:
    bot = app_bot(tmp_path_factory.mktemp("app"))
    bot.ingest([SEEDS])
    with running(bot) as url:
        yield url


def test_ask_endpoint_returns_the_answer_with_citations_and_claims(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    result = client.predict(
        "How much are Ukraine's rare earth minerals worth?", None, None, api_name="/ask"
    )
    assert result["done"] is True and not result["refused"]
    assert "$500 billion" in result["answer"]
    citation = result["citations"][0]
    assert {"n", "source", "title", "text", "score", "start", "end"} <= set(citation)
    assert result["claims"][0]["verdict"] == "supported"


def test_ask_endpoint_streams_partial_answers(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    job = client.submit(
        "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
    )
    updates = list(job)
    final = job.result()
    assert final["done"] and "90 minutes" in final["answer"]
    partial = [u for u in updates if not u["done"]]
    assert partial and len(partial[0]["answer"]) <= len(final["answer"])


def test_follow_up_through_the_api_uses_history(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    first = client.predict(
        "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
    )
    follow = client.predict(
        "Who confirmed it?", [[first["question"], first["answer"]]], None, api_name="/ask"
    )
    assert "Kremlin" in follow["answer"]


def test_refusal_and_articles_endpoints(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    refused = client.predict("What is the capital of France?", None, None, api_name="/ask")
    assert refused["refused"] and refused["answer"] == "The articles do not say."
    [article] = client.predict(api_name="/articles")
    assert article["title"].startswith("Trump and Putin") and article["chunks"] >= 4


def test_api_errors_are_short_messages(app_url: str) -> None:
    client = Client(app_url, verbose=False)
    with pytest.raises(Exception, match="The question is empty"):
        client.predict("   ", None, None, api_name="/ask")


def test_the_chat_event_is_not_part_of_the_public_api(app_url: str) -> None:
    endpoints = Client(app_url, verbose=False).view_api(print_info=False, return_format="dict")
    assert set(endpoints["named_endpoints"]) == {
        "/ask",
        "/articles",
        "/ingest",
        "/collections",
        "/conversations",
        "/conversation",
        "/export",
        "/feedback",
    }


def test_llm_failures_reach_api_users_as_short_errors(
    tmp_path: Path, app_bot: AppBotFactory, llm_server: ScriptedLLM
) -> None:
    llm_server.default = Reply(status=401)
    bot = app_bot(
        tmp_path,
        llm="openai",
        openai_base_url=llm_server.url,
        openai_api_key="wrong",
    )
    bot.ingest([SEEDS])
    with running(bot) as url:
        client = Client(url, verbose=False)
        with pytest.raises(Exception, match="check OPENAI_API_KEY"):
            client.predict(
                "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
            )
        llm_server.default = Reply(text="The Kremlin said the call lasted nearly 90 minutes [1].")
        result = client.predict(
            "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
        )
        assert result["mode"] == "openai" and "90 minutes" in result["answer"]


def test_binding_beyond_localhost_needs_credentials(tmp_path: Path, app_bot: AppBotFactory) -> None:
    bot = app_bot(tmp_path, host="0.0.0.0")
    with pytest.raises(ConfigError, match="ASSISTANT_AUTH"):
        launch(bot, block=False, quiet=True)


def test_ingest_endpoint_takes_uploaded_files(tmp_path: Path, app_bot: AppBotFactory) -> None:
    from gradio_client import handle_file

    bot = app_bot(tmp_path)
    article = tmp_path / "harbour.txt"
    article.write_text("Harbour report\n\nThe harbour master counted 41 fishing boats on Monday.\n")
    with running(bot) as url:
        client = Client(url, verbose=False)
        report = client.predict([handle_file(str(article))], api_name="/ingest")
        assert report["added"] == 1 and report["articles"] == 1
        again = client.predict([handle_file(str(article))], api_name="/ingest")
        assert again["unchanged"] == 1
        answer = client.predict(
            "How many boats did the harbour master count?", None, None, api_name="/ask"
        )
        assert "41 fishing boats" in answer["answer"]
        with pytest.raises(Exception, match=r"not|allowed|upload|valid"):
            client.predict(["/etc/passwd"], api_name="/ingest")


def test_uploads_with_one_name_through_the_api_are_kept_apart_unless_replaced(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    from gradio_client import handle_file

    bot = app_bot(tmp_path)
    one, two = tmp_path / "one" / "012.txt", tmp_path / "two" / "012.txt"
    three = tmp_path / "three" / "012.txt"
    for path, text in (
        (one, "Harbour report\n\nThe harbour had 41 boats.\n"),
        (two, "Forest report\n\nRangers planted 900 oaks.\n"),
        (three, "Bridge report\n\nThe bridge reopened on Friday.\n"),
    ):
        path.parent.mkdir()
        path.write_text(text)
    with running(bot) as url:
        client = Client(url, verbose=False)
        first = client.predict([handle_file(str(one))], False, api_name="/ingest")
        second = client.predict([handle_file(str(two))], False, api_name="/ingest")
        assert (first["added"], second["added"], second["updated"]) == (1, 1, 0)
        assert second["articles"] == 2 and any("both are kept" in n for n in second["notes"])
        third = client.predict([handle_file(str(three))], False, api_name="/ingest")
        assert third["articles"] == 3
        assert third["notes"] == [
            "012.txt: 2 earlier uploads with this name hold other articles; all are kept "
            "(upload again with replace to replace them)"
        ]
        same = client.predict([handle_file(str(three))], False, api_name="/ingest")
        assert same["unchanged"] == 1 and same["notes"] == []  # nothing new was kept
        # Of several namesakes, a file name alone does not say which one a new upload is a
        # version of: none is replaced, and the note names them.
        other = tmp_path / "four" / "012.txt"
        other.parent.mkdir()
        other.write_text("Ferry report\n\nThe ferry sailed at noon.\n")
        unsure = client.predict([handle_file(str(other))], True, api_name="/ingest")
        assert unsure["replaced"] == [] and unsure["articles"] == 4
        assert "none was replaced" in unsure["notes"][0]
        assert "Forest report" in unsure["notes"][0]
        # An edited version keeps its title: that one upload, and only it, is replaced.
        edited = tmp_path / "five" / "012.txt"
        edited.parent.mkdir()
        edited.write_text("Forest report\n\nRangers planted 950 oaks.\n")
        again = client.predict([handle_file(str(edited))], True, api_name="/ingest")
        assert len(again["replaced"]) == 1 and again["articles"] == 4
        titles = sorted(a["title"] for a in client.predict(api_name="/articles"))
        assert titles == ["Bridge report", "Ferry report", "Forest report", "Harbour report"]
        forest = [bot.article(a.source).text for a in bot.articles() if a.title == "Forest report"]
        assert len(forest) == 1 and "950 oaks" in forest[0]


def test_uploading_a_file_already_read_from_disk_adds_no_second_copy(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    from gradio_client import handle_file

    bot = app_bot(tmp_path)
    article = tmp_path / "disk" / "report.txt"
    article.parent.mkdir()
    article.write_text("Harbour report\n\nThe harbour master counted 41 fishing boats.\n")
    bot.ingest([article])
    with running(bot) as url:
        client = Client(url, verbose=False)
        report = client.predict([handle_file(str(article))], False, api_name="/ingest")
        assert (report["added"], report["articles"]) == (0, 1)
        assert [stored for _, stored in report["copies"]] == [article.as_posix()]
    assert [r.file for r in bot.articles()] == [article.as_posix()]
    assert not any(p.is_file() for p in bot.settings.upload_dir.rglob("*")), "copy not kept"


def test_a_busy_port_is_a_one_line_error(tmp_path: Path, app_bot: AppBotFactory) -> None:
    first = app_bot(tmp_path / "one")
    with running(first):
        second = app_bot(tmp_path / "two", port=first.settings.port)
        with pytest.raises(ConfigError, match="pass --port N"):
            launch(second, block=False, quiet=True)


def test_replace_with_no_earlier_upload_of_that_name_says_nothing_of_namesakes(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    from gradio_client import handle_file

    bot = app_bot(tmp_path)
    alone = tmp_path / "alone" / "lone.txt"
    alone.parent.mkdir()
    alone.write_text("Lone report\n\nThe lighthouse was repainted in May.\n")
    with running(bot) as url:
        client = Client(url, verbose=False)
        lone = client.predict([handle_file(str(alone))], True, api_name="/ingest")
    assert lone["added"] == 1 and lone["replaced"] == [] and lone["notes"] == []
