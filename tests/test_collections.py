"""Named collections in one installation: separate articles, views and sources; deleting one
asks first and leaves the others as they were."""

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Assistant, NotInIndexError, UsageError
from tests.conftest import REPO, AssistantFactory


def unique(tmp_path: Path, what: str) -> str:
    """A collection name no other test uses (a Chroma server is shared by the session)."""
    return f"{what}-{hashlib.sha1(str(tmp_path).encode()).hexdigest()[:8]}"


def own_databases(bot: Assistant) -> bool:
    """Whether each collection has its own database (not one ASSISTANT_DB_URL for all, as the
    tests with a Chroma server set)."""
    return bot.settings.db_url is None


def folder_with(path: Path, name: str, text: str) -> Path:
    path.mkdir()
    (path / name).write_text(text)
    return path


@pytest.fixture
def two(make_assistant: AssistantFactory, tmp_path: Path) -> tuple[Assistant, Assistant]:
    """The installation's collection with a harbour report, and a second one with a paper."""
    news = make_assistant()
    news.ingest([folder_with(tmp_path / "news", "boats.txt", "The harbour counted 41 boats.")])
    papers = news.create_collection(unique(tmp_path, "papers"))
    papers.ingest([folder_with(tmp_path / "papers", "paper.txt", "Attention uses softmax.")])
    return news, papers


def test_each_collection_has_its_own_articles_search_and_sources(
    two: tuple[Assistant, Assistant],
) -> None:
    news, papers = two
    assert {news.settings.collection, papers.settings.collection} <= set(news.collections())
    assert [Path(r.source).name for r in news.articles()] == ["boats.txt"]
    assert [Path(r.source).name for r in papers.articles()] == ["paper.txt"]
    assert {Path(p.source).name for p in papers.search("how many boats", k=5)} == {"paper.txt"}
    if own_databases(news):
        assert {Path(s.location).name for s in news.sources()} == {"news"}
        assert {Path(s.location).name for s in papers.sources()} == {"papers"}
    assert news.in_collection(papers.settings.collection).articles() == papers.articles()


def test_deleting_a_collection_leaves_the_other_alone(two: tuple[Assistant, Assistant]) -> None:
    news, papers = two
    name = papers.settings.collection
    assert news.delete_collection(name) == 1
    assert name not in news.collections()
    assert [Path(r.source).name for r in news.articles()] == ["boats.txt"]
    assert news.search("how many boats", k=1)[0].text == "The harbour counted 41 boats."
    again = news.create_collection(name)
    assert again.articles() == []
    assert again.sources() == [] or not own_databases(news)


def test_deleting_the_first_collection_leaves_the_others_alone(
    two: tuple[Assistant, Assistant],
) -> None:
    news, papers = two
    assert papers.delete_collection(news.settings.collection) == 1
    assert news.settings.collection not in papers.collections()
    assert [Path(r.source).name for r in papers.articles()] == ["paper.txt"]
    assert papers.search("softmax", k=1)[0].text == "Attention uses softmax."
    if own_databases(papers):
        assert [Path(s.location).name for s in papers.sources()] == ["papers"]


def test_unknown_and_taken_names_are_refused_saying_what_there_is(
    two: tuple[Assistant, Assistant],
) -> None:
    news, papers = two
    with pytest.raises(NotInIndexError, match=f"the collections: .*{papers.settings.collection}"):
        news.in_collection("no-such-thing")
    with pytest.raises(NotInIndexError, match="no collection named 'no-such-thing'"):
        news.delete_collection("no-such-thing")
    with pytest.raises(UsageError, match="already a collection"):
        news.create_collection(papers.settings.collection)
    with pytest.raises(UsageError, match=r"collection name .* must be 3-40 letters"):
        news.create_collection("no spaces")


@pytest.mark.embedded_only
def test_asking_a_mistyped_collection_says_which_there_are(
    two: tuple[Assistant, Assistant],
) -> None:
    news, papers = two
    mistyped = Assistant(
        settings=dataclasses.replace(news.settings, collection="no-such-thing"),
        embedder=news.embedder,
    )
    listed = f"no collection named 'no-such-thing' .*{papers.settings.collection}"
    with pytest.raises(NotInIndexError, match=listed):
        mistyped.search("How many boats?")


@pytest.mark.embedded_only
def test_the_default_collection_is_the_index_folder_itself(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([folder_with(tmp_path / "news", "boats.txt", "The harbour counted 41 boats.")])
    assert (tmp_path / "index" / "chroma.sqlite3").is_file()
    other = bot.create_collection("papers")
    assert other.settings.index_folder == tmp_path / "index" / "collections" / "papers"
    assert bot.collections() == ["articles", "papers"]
    bot.rebuild([tmp_path / "news"])
    assert bot.collections() == ["articles", "papers"]


def cli(*argv: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assistant", *argv],
        cwd=REPO,
        env=dict(os.environ),
        input=stdin,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_collections_commands(storage_env: Callable[[Path], None], tmp_path: Path) -> None:
    storage_env(tmp_path / "index")
    name = unique(tmp_path, "papers")
    paper = folder_with(tmp_path / "papers", "paper.txt", "Attention uses softmax.")
    assert cli("collections", "create", name).returncode == 0
    assert cli("ingest", "--collection", name, str(paper)).returncode == 0
    listed = json.loads(cli("collections", "list", "--json").stdout)
    assert {"name": name, "articles": 1, "current": False} in listed

    wrong = cli("ask", "--collection", name + "x", "What uses softmax?")
    assert wrong.returncode == 2
    assert f"no collection named '{name}x'" in wrong.stderr and name in wrong.stderr
    assert "Traceback" not in wrong.stderr

    kept = cli("collections", "delete", name, stdin="n\n")
    assert kept.returncode == 2 and "1 article? This cannot be undone" in kept.stderr
    assert cli("collections", "delete", name).returncode == 2  # nothing to read: not deleted
    assert "softmax" in cli("search", "--collection", name, "softmax").stdout

    gone = cli("collections", "delete", name, "--yes")
    assert gone.returncode == 0 and f"deleted the collection {name} (1 article)" in gone.stdout
    assert name not in cli("collections", "list").stdout
    assert cli("list", "--collection", name).returncode == 2
