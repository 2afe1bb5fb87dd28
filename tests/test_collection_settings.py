"""What a collection keeps for itself: applied whenever it is opened, above the environment and
below what the caller says, never leaking into another collection."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant import Assistant, ConfigError, UsageError
from assistant.cli import main
from tests.conftest import SEEDS, AssistantFactory
from tests.test_collections import unique


def test_kept_settings_apply_to_the_collection_only(
    make_assistant: AssistantFactory, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = make_assistant()
    home.ingest([SEEDS])
    name = unique(tmp_path, "papers")
    papers = home.create_collection(name)
    papers.ingest([SEEDS])
    assert papers.keep_settings(top_k=2, min_relevance="0.3") == {
        "top_k": "2",
        "min_relevance": "0.3",
    }
    monkeypatch.setenv("ASSISTANT_TOP_K", "9")  # the environment: below what is kept
    reopened = make_assistant(collection=name)
    assert (reopened.settings.top_k, reopened.settings.min_relevance) == (2, 0.3)
    assert len(reopened.search("rare earth minerals")) == 2
    assert make_assistant(collection=name, top_k=4).settings.top_k == 4  # the caller wins
    assert make_assistant().settings.top_k == 9  # the other collection keeps nothing
    sibling = home.in_collection(name)
    assert sibling.settings.top_k == 2 and sibling.embedder is home.embedder
    assert papers.forget_settings("top_k") == {"min_relevance": "0.3"}
    assert make_assistant(collection=name).settings.top_k == 9


def test_bad_settings_are_refused_whole(make_assistant: AssistantFactory) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    with pytest.raises(ConfigError, match="ASSISTANT_TOP_K must be a whole number"):
        bot.keep_settings(model="llama3.2", top_k="many")
    with pytest.raises(UsageError, match="cannot keep port"):
        bot.keep_settings(port=1)
    with pytest.raises(ConfigError, match="ASSISTANT_LLM must be one of"):
        bot.keep_settings(llm="gpt")
    assert bot.collection_settings() == {}


@pytest.mark.embedded_only
def test_a_damaged_database_is_passed_over_with_a_warning(
    make_assistant: AssistantFactory, caplog: pytest.LogCaptureFixture
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    bot.keep_settings(top_k=2)
    database = Path(sa.make_url(bot.database.url).database or "")
    bot.database.close()
    for end in ("-wal", "-shm"):
        database.with_name(database.name + end).unlink(missing_ok=True)
    database.write_bytes(b"damaged " * 500)
    again = make_assistant()
    assert again.settings.top_k == 6 and "were not read" in caplog.text
    assert again.ask("How long did the call between Trump and Putin last?").citations


def test_the_command_line_shows_keeps_and_forgets(
    storage_env: Callable[[Path], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    storage_env(tmp_path / "index")
    name = unique(tmp_path, "papers")
    assert main(["ingest", str(SEEDS)]) == 0
    assert main(["collections", "create", name]) == 0
    assert main(["ingest", "--collection", name, str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["collections", "settings", name, "top_k=1", "model=llama3.2"]) == 0
    assert capsys.readouterr().out.splitlines() == ["model = llama3.2", "top_k = 1"]
    assert main(["search", "--collection", name, "rare earth minerals", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["search", "rare earth minerals", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) > 1  # the default collection: untouched
    assert main(["collections", "settings", name, "--unset", "top_k", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["settings"] == {"model": "llama3.2"}
    assert main(["collections", "settings", name, "top_k"]) == 2
    assert "is not KEY=VALUE" in capsys.readouterr().err
    assert main(["collections", "settings", "nope"]) == 2
    assert "There is no collection named 'nope'" in capsys.readouterr().err
    assert Assistant(collection=name).settings.model == "llama3.2"
