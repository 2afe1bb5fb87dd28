"""Ingesting into a real Chroma index: add, update, unchanged, remove, report, batches."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import ConfigError, IndexDamagedError, NotInIndexError
from assistant.records import Progress
from tests.conftest import SEED_FILE, AssistantFactory


def write(folder: Path, name: str, title: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


def test_ingest_twice_changes_nothing_the_second_time(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    first = bot.ingest([SEED_FILE.parent])
    assert (first.added, first.updated, first.unchanged, first.skipped) == (1, 0, 0, [])
    assert first.chunks >= 4 and first.articles == 1
    second = bot.ingest([SEED_FILE.parent])
    assert (second.added, second.updated, second.unchanged, second.embedded_chunks) == (0, 0, 1, 0)
    assert second.chunks == first.chunks


def test_changed_article_replaces_its_chunks(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    path = write(docs, "a.txt", "Harbour news", "The harbour master counted 41 boats on Monday.")
    write(docs, "b.txt", "Forest news", "Rangers planted 900 oak trees in the northern forest.")
    bot = make_assistant()
    bot.ingest([docs])
    path.write_text("Harbour news\n\nThe harbour master counted 57 yachts on Friday.\n")
    report = bot.ingest([docs])
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    assert report.embedded_chunks == 1, "only the changed article is embedded"
    texts = " ".join(hit.text for hit in bot.search("harbour boats yachts", k=5))
    assert "57 yachts" in texts and "41 boats" not in texts
    assert report.chunks == 2


def test_remove_deletes_the_article_and_its_chunks(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    write(docs, "a.txt", "Harbour news", "The harbour master counted 41 boats on Monday.")
    write(docs, "b.txt", "Forest news", "Rangers planted 900 oak trees in the northern forest.")
    bot = make_assistant()
    bot.ingest([docs])
    [harbour] = [r for r in bot.articles() if r.title == "Harbour news"]
    removed = bot.remove(harbour.source)
    assert removed.title == "Harbour news"
    assert [r.title for r in bot.articles()] == ["Forest news"]
    assert all("harbour" not in hit.text.lower() for hit in bot.search("harbour master boats", k=5))
    assert bot.store.chunk_count() == 1
    with pytest.raises(NotInIndexError, match="assistant list"):
        bot.remove(harbour.source)


def test_bad_files_are_listed_and_good_ones_still_ingested(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    docs = tmp_path / "mixed"
    write(docs, "good.txt", "Good story", "A perfectly ordinary article about the local fair.")
    (docs / "empty.txt").write_text("")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (docs / "feed.jsonl").write_text(json.dumps({"text": "Record story body."}) + "\n{broken\n")
    bot = make_assistant(max_file_mb=1)
    (docs / "big.txt").write_bytes(b"a" * (2 * 1024 * 1024))
    report = bot.ingest([docs])
    assert report.added == 2
    reasons = dict(report.skipped)
    assert len(reasons) == 4
    assert any("empty" in r for r in reasons.values())
    assert any("binary" in r for r in reasons.values())
    assert any(s.endswith(" (line 2)") and "invalid JSON" in r for s, r in reasons.items())
    assert any("too large" in r for r in reasons.values())


def test_progress_is_reported_per_file(make_assistant: AssistantFactory, tmp_path: Path) -> None:
    docs = tmp_path / "many"
    for i in range(5):
        write(docs, f"{i}.txt", f"Story {i}", f"Body of story number {i} about topic {i}.")
    seen: list[Progress] = []
    make_assistant().ingest([docs], progress=seen.append)
    assert seen[-1].finished and seen[-1].files_done == 5 and seen[-1].chunks_embedded == 5
    assert [p.files_done for p in seen] == sorted(p.files_done for p in seen)


def test_writes_respect_chromas_batch_limit(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.store.max_batch = 3  # force several add() calls for one article
    docs = tmp_path / "long"
    body = " ".join(
        f"Paragraph {i} says the river rose by {i} centimetres overnight." for i in range(80)
    )
    write(docs, "long.txt", "River levels", body)
    report = bot.ingest([docs])
    assert report.chunks > 3
    assert bot.articles()[0].chunks == report.chunks


def test_files_with_one_relative_name_in_two_folders_never_replace_each_other(
    make_assistant: AssistantFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = write(tmp_path / "one", "012.txt", "Harbour news", "The harbour had 41 boats.")
    two = write(tmp_path / "two", "012.txt", "Forest news", "Rangers planted 900 oaks.")
    bot = make_assistant(index_dir=tmp_path / "index")
    monkeypatch.chdir(one.parent)
    assert bot.ingest(["012.txt"]).added == 1
    monkeypatch.chdir(two.parent)
    report = bot.ingest(["012.txt"])
    assert (report.added, report.updated) == (1, 0)
    assert sorted(r.title for r in bot.articles()) == ["Forest news", "Harbour news"]
    assert {r.source for r in bot.articles()} == {one.as_posix(), two.as_posix()}
    assert bot.source_label(two.as_posix()) == "012.txt", "shown relative to the working folder"
    bot.remove("./012.txt")
    assert [r.title for r in bot.articles()] == ["Harbour news"]


def test_a_copy_of_a_stored_article_under_another_name_is_not_added_twice(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    one = write(tmp_path / "one", "report.txt", "Harbour news", "The harbour had 41 boats.")
    bot = make_assistant(index_dir=tmp_path / "index")
    assert bot.ingest([one]).added == 1
    # The same file in another folder and under another name, in one ingest.
    two = tmp_path / "two"
    two.mkdir()
    shutil.copy(one, two / "report.txt")
    shutil.copy(one, two / "harbour.txt")
    report = bot.ingest([two])
    assert (report.added, report.skipped) == (0, [])
    assert sorted(report.copies) == [
        ((two / "harbour.txt").as_posix(), one.as_posix()),
        ((two / "report.txt").as_posix(), one.as_posix()),
    ]
    assert "2 copies not added" in report.summary() and not report.read_nothing
    assert [r.source for r in bot.articles()] == [one.as_posix()]
    # A stored article edited into another's copy is still updated, never left stale.
    other = write(tmp_path / "three", "forest.txt", "Forest news", "Rangers planted 900 oaks.")
    bot.ingest([other])
    shutil.copy(one, other)
    assert bot.ingest([other]).updated == 1
    assert [r.title for r in bot.articles()] == ["Harbour news", "Harbour news"]


def test_an_index_with_relative_names_is_taken_over_without_duplicates(
    make_assistant: AssistantFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexes written before sources were absolute named files relative to the working folder;
    ingesting such a file again replaces the old entry instead of adding a second one."""
    docs = tmp_path / "work" / "articles"
    path = write(docs, "one.txt", "One", "The ferry leaves at noon from pier four.")
    monkeypatch.chdir(tmp_path / "work")
    bot = make_assistant(index_dir=tmp_path / "index")
    legacy = bot.ingest([path])  # then rename its source the way old indexes stored it
    assert legacy.added == 1
    store = bot.store
    [record] = store.articles()
    from dataclasses import replace

    from assistant.records import article_id_for
    from assistant.store import ArticleVersion

    old = replace(record, source="articles/one.txt", article_id=article_id_for("articles/one.txt"))
    chunks = list(store.chunks_of([record.article_id]))
    vectors = store.vectors([c.chunk_id for c in chunks])
    from assistant.records import Chunk

    version = ArticleVersion(
        old,
        [Chunk(c.index, c.start, c.end, c.text, 1) for c in chunks],
        np.vstack([vectors[c.chunk_id] for c in chunks]),
    )
    store.write_articles([version])
    store.delete_article(record.source)
    assert [r.source for r in bot.articles()] == ["articles/one.txt"]
    report = make_assistant(index_dir=tmp_path / "index").ingest(["articles"])
    assert (report.added, report.updated) == (0, 1)
    assert [r.source for r in bot.articles()] == [path.as_posix()]
    assert bot.store.chunk_count() == bot.articles()[0].chunks


def test_an_interrupted_write_is_invisible_and_completed_by_the_next_ingest(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """Chunks written without their article record (the commit) are never retrieved."""
    docs = tmp_path / "docs"
    shutil.copy(SEED_FILE, docs.mkdir() or docs / SEED_FILE.name)
    bot = make_assistant()
    bot.ingest([docs])
    [record] = bot.articles()
    store = bot.store

    def lose_the_commit() -> None:  # as if the ingest was killed before writing the record
        store.connection.collection(store.articles_name).delete(ids=[record.article_id])
        store._bump_generation()

    store.connection.write("test", lose_the_commit)
    assert bot.store.chunk_count() == record.chunks
    assert bot.search("rare earth minerals", k=3) == []
    report = bot.ingest([docs])
    assert report.added == 1
    assert bot.store.chunk_count() == record.chunks, "no duplicates after completing"


@pytest.mark.embedded_only
def test_a_damaged_index_names_the_rebuild_command_which_repairs_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    index = tmp_path / "damaged"
    make_assistant(index_dir=index).ingest([SEED_FILE])
    chromadb_client_cache_clear()
    database = index / "chroma.sqlite3"
    database.write_bytes(database.read_bytes()[:4096])
    with pytest.raises(IndexDamagedError, match=r"assistant rebuild --index-dir .*damaged PATH"):
        make_assistant(index_dir=index).articles()
    report = make_assistant(index_dir=index).rebuild([SEED_FILE])
    assert report.added == 1
    assert (
        make_assistant(index_dir=index)
        .search("rare earth minerals")[0]
        .source.endswith(SEED_FILE.name)
    )


@pytest.mark.embedded_only
def test_rebuild_refuses_a_folder_that_is_not_an_index(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    with pytest.raises(ConfigError, match="does not look like an index"):
        make_assistant(index_dir=precious).rebuild([SEED_FILE])
    assert (precious / "thesis.txt").read_text() == "years of work"


def chromadb_client_cache_clear() -> None:
    """As if another process opened the index next: nothing of it is open in memory."""
    from assistant.store.connection import close_all

    close_all()


def test_rebuild_starts_afresh(make_assistant: AssistantFactory, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    write(docs, "a.txt", "Harbour news", "The harbour master counted 41 boats on Monday.")
    bot = make_assistant()
    bot.ingest([SEED_FILE])
    report = make_assistant().rebuild([docs])
    assert (report.added, report.articles) == (1, 1)
    assert [r.title for r in make_assistant().articles()] == ["Harbour news"]


@pytest.mark.embedded_only
def test_a_truncated_vector_segment_gives_the_rebuild_command_not_a_crash(
    make_assistant: AssistantFactory, tmp_path: Path, cache_dir: Path
) -> None:
    """Chroma's native code dies on some damaged segment files; the assistant must not."""
    feed = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"text": f"Bulletin {i}: the ferry to island {i} leaves at {i % 24}:00."})
        for i in range(1200)
    ]  # over Chroma's threshold for building the vector segment
    feed.write_text("\n".join(lines) + "\n")
    index = tmp_path / "index"
    make_assistant(index_dir=index).ingest([feed])
    segment = max(index.glob("*/data_level0.bin"), key=lambda p: p.stat().st_size).parent
    (segment / "header.bin").write_bytes(b"\0" * 10)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env["ASSISTANT_CACHE_DIR"] = str(cache_dir)
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "search", "ferry", "--index-dir", str(index)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert "assistant rebuild --index-dir" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_batch_loses_nothing_and_stores_only_clean_text(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([SEED_FILE])
    before = {r.source: r.doc_hash for r in bot.articles()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "nul.txt").write_bytes(b"Null bytes\n\nA sentence\x00 with a NUL and \x00 another.\n")
    (bad / "surrogate.jsonl").write_text(
        json.dumps({"text": "Lone \ud83d surrogate text here."}) + "\n"
    )
    (bad / "one-line.txt").write_text("word " * 20000)  # 100,000 characters, no full stop
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 16)
    (bad / "broken.html").write_text("<html><body><p>Unclosed <div>markup <b>survives")
    report = bot.ingest([bad])
    assert report.added == 4
    assert len(report.skipped) == 1 and "binary" in report.skipped[0][1]
    after = {r.source: r.doc_hash for r in bot.articles()}
    assert all(after[source] == digest for source, digest in before.items()), "nothing lost"
    stored = list(bot.store.iter_chunks())
    assert all("\x00" not in c.text and "\ud83d" not in c.text for c in stored)
    from assistant.embedding.model_files import MAX_TOKENS, count_tokens

    assert max(count_tokens(c.text) for c in stored) <= MAX_TOKENS - 2
    assert any("markup" in c.text for c in stored)


def test_a_pages_author_travels_with_its_citations(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """The byline read at ingest is shown beside each passage the answer cites: in the API,
    the passages panel and the exported answer, so a reader knows whose report it is."""
    from assistant.export import answer_markdown
    from assistant.web.render import panel
    from tests.ingest.test_pages import HOSTILE

    page = tmp_path / "pages" / "pier.html"
    page.parent.mkdir()
    page.write_text(HOSTILE, encoding="utf-8")
    bot = make_assistant()
    bot.ingest([page.parent])
    answer = bot.ask("How much will rebuilding the north pier cost?")
    assert not answer.refused and answer.citations
    assert {c.author for c in answer.citations} == {"Tom Baines"}
    assert "by Tom Baines" in panel(answer, turn=0)
    assert "by Tom Baines" in answer_markdown(answer)
    assert answer.to_dict()["citations"][0]["author"] == "Tom Baines"
