"""The command line for web addresses, feeds, sync and show, against a real local server."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from assistant.cli import main
from tests.helpers.pdfs import make_pdf
from tests.helpers.web_server import Reply, WebServer, article_html, rss

PARAGRAPHS = [
    "The town library will open on Sundays from April, the council said, after a petition "
    "gathered more than 3,000 signatures.",
    "Extra staff will be paid from the arts budget for the first year.",
]


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as server:
        yield server


@pytest.fixture
def cli_env(storage_env: Callable[[Path], None], tmp_path: Path) -> Path:
    storage_env(tmp_path / "index")
    return tmp_path / "index"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_addresses_show_them_and_sync(
    cli_env: Path, capsys: pytest.CaptureFixture[str], web: WebServer, tmp_path: Path
) -> None:
    page = web.page("/library", article_html("Library to open on Sundays", PARAGRAPHS))
    pdf = web.route(
        "/minutes.pdf",
        Reply(
            make_pdf([["Minutes of the council."], ["Item 4: the library opens on Sundays."]]),
            content_type="application/pdf",
        ),
    )
    listed = tmp_path / "urls.txt"
    listed.write_text(f"# addresses to read\n{pdf}\n\n{web.url('/gone')}\n")
    code, out, err = run(capsys, "ingest", page, "--urls", str(listed), "--json")
    report = json.loads(out)
    assert code == 0 and report["added"] == 2 and report["fetched"] == 2
    assert report["skipped"] == [[web.url("/gone"), "HTTP 404 (not found)"]]

    code, out, _ = run(capsys, "show", page)
    assert code == 0 and out.startswith("Library to open on Sundays\n")
    assert re.search(r"\n\d+ words in 1 chunk\n", out), out  # not "1 chunks"
    assert PARAGRAPHS[0] in out and "Related stories" not in out
    code, out, _ = run(capsys, "show", pdf, "--json")
    shown = json.loads(out)
    assert [p["number"] for p in shown["pages"]] == [1, 2] and shown["url"] == pdf
    code, out, _ = run(capsys, "show", pdf)
    assert "--- page 2 ---\nItem 4: the library opens on Sundays." in out

    code, out, _ = run(capsys, "search", "library Sundays item 4")
    assert "minutes.pdf, p. 2" in out or "minutes.pdf, pp. 1–2" in out

    code, out, _ = run(capsys, "sync", "--json")
    synced = json.loads(out)
    assert code == 0 and (synced["not_modified"], synced["embedded_chunks"]) == (2, 0)

    code, _, err = run(capsys, "show", "https://nowhere.example/x")
    assert code == 2 and "not in the index" in err


def test_feeds_add_list_remove(
    cli_env: Path, capsys: pytest.CaptureFixture[str], web: WebServer
) -> None:
    page = web.page("/library", article_html("Library to open on Sundays", PARAGRAPHS))
    feed = web.route(
        "/feed.xml",
        Reply(rss("Town news", [("Library", page)]), content_type="application/rss+xml"),
    )
    code, out, _ = run(capsys, "feeds", "add", feed)
    assert code == 0 and "1 added" in out
    code, out, _ = run(capsys, "feeds", "list")
    assert f"feed\t{feed} (Town news)\t1 article\t" in out
    code, out, _ = run(capsys, "feeds", "list", "--json")
    [listed] = json.loads(out)
    assert listed["kind"] == "feed" and listed["articles"] == 1 and listed["last_sync"] > 0

    code, _, err = run(capsys, "feeds", "add", page)
    assert code == 2 and "not an RSS or Atom feed" in err
    code, out, _ = run(capsys, "feeds", "remove", feed)
    assert code == 0 and "no longer syncing" in out
    code, _, err = run(capsys, "sync")
    assert code == 2 and "Nothing to sync" in err


def test_a_feed_whose_entries_cannot_be_read_is_kept_and_says_so(
    cli_env: Path, capsys: pytest.CaptureFixture[str], web: WebServer
) -> None:
    feed = web.route(
        "/feed.xml",
        Reply(rss("Town news", [("Gone", web.url("/gone"))]), content_type="application/rss+xml"),
    )
    code, out, err = run(capsys, "feeds", "add", feed)
    assert code == 2 and "HTTP 404" in out
    assert "the feed is registered" in err and "assistant sync" in err
    code, out, err = run(capsys, "feeds", "list")
    assert f"feed\t{feed} (Town news)\t0 articles" in out, err
    code, out, err = run(capsys, "sync")
    assert code == 2 and "HTTP 404" in out, err  # the feed is read again; its entry fails


def test_sync_every_needs_a_sensible_interval(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["sync", "--every", "5s"])
    assert stopped.value.code == 2
    assert "at least 1m" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["sync", "--every", "soon"])
    assert "s, m, h or d (30m)" in capsys.readouterr().err


def test_a_sync_with_nothing_changed_succeeds_quietly(
    cli_env: Path, capsys: pytest.CaptureFixture[str], web: WebServer
) -> None:
    page = web.page("/library", article_html("Library to open on Sundays", PARAGRAPHS))
    feed = web.route(
        "/feed.xml",
        Reply(rss("Town news", [("Library", page)]), content_type="application/rss+xml"),
    )
    assert run(capsys, "feeds", "add", feed)[0] == 0
    code, out, err = run(capsys, "sync")
    assert code == 0 and "1 not modified" in out
    assert "files done" not in err and "nothing could be read" not in err


# `python -m assistant ARGS…` with Ctrl+C unblocked and raising KeyboardInterrupt, as from a
# shell, whatever the test process (its threads, its libraries) left ignored or blocked.
INTERRUPTIBLE = (
    "import runpy, signal, sys; "
    "signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT}); "
    "signal.signal(signal.SIGINT, signal.default_int_handler); "
    "sys.argv = ['assistant', *sys.argv[1:]]; "
    "runpy.run_module('assistant', run_name='__main__')"
)


def test_sync_every_keeps_running_until_interrupted(
    cli_env: Path, capsys: pytest.CaptureFixture[str], web: WebServer
) -> None:
    import os
    import signal
    import subprocess
    import sys

    from tests.conftest import REPO

    page = web.page("/library", article_html("Library to open on Sundays", PARAGRAPHS))
    assert run(capsys, "ingest", page)[0] == 0
    process = subprocess.Popen(
        [sys.executable, "-c", INTERRUPTIBLE, "sync", "--every", "1m"],
        cwd=REPO,
        env={**os.environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "1 not modified" in first, first
        time.sleep(0.5)
        assert process.poll() is None, "it waits for the next round"
        process.send_signal(signal.SIGINT)
        # communicate() drains both pipes, so a chatty stderr cannot hold the process up.
        _, errors = process.communicate(timeout=30)
        assert process.returncode == 130, errors
    finally:
        if process.poll() is None:
            process.kill()


def test_removing_an_article_of_a_synced_folder_says_a_sync_brings_it_back(
    cli_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferry notes\n\nThe ferry sailed at noon with 41 cars aboard.\n")
    loose = tmp_path / "b.txt"
    loose.write_text("Library notes\n\nThe library opened on Sunday with 900 books.\n")
    assert run(capsys, "ingest", str(folder), str(loose))[0] == 0
    code, out, _ = run(capsys, "remove", str(folder / "a.txt"))
    assert code == 0 and "registered folder" in out and "feeds remove" in out
    code, out, _ = run(capsys, "remove", str(loose))
    assert code == 0 and out.startswith("removed") and "registered folder" not in out
    # As it said: the folder's next sync reads the file again.
    assert run(capsys, "sync")[0] == 0
    assert "Ferry notes" in run(capsys, "list")[1]
