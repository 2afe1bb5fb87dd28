"""The browser app and the command line side by side on one index, as people use them.

The app is a real Gradio server driven with gradio_client; the command line
runs as a second real process (`python -m assistant`) on the same index.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from gradio_client import Client

from tests.conftest import REPO, SEEDS, AppBotFactory
from tests.helpers.app_server import running

HARBOUR = "Harbour report\n\nThe harbour master counted 41 fishing boats on Monday.\n"
FOREST = "Forest report\n\nRangers planted 900 oak trees in the northern forest last spring.\n"


def cli(*argv: str) -> subprocess.CompletedProcess[str]:
    """The command line as a separate process, with the environment the test pointed it at."""
    return subprocess.run(
        [sys.executable, "-m", "assistant", *argv],
        cwd=REPO,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_a_cli_ingest_while_the_app_is_open_is_seen_by_the_app(
    tmp_path: Path, app_bot: AppBotFactory, storage_env: Callable[[Path], None]
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([SEEDS])
    storage_env(tmp_path / "index")
    more = tmp_path / "more"
    more.mkdir()
    (more / "harbour.txt").write_text(HARBOUR)
    (more / "forest.txt").write_text(FOREST)
    with running(bot) as url:
        client = Client(url, verbose=False)
        first = client.predict(
            "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
        )
        assert "90 minutes" in first["answer"]

        ingest = cli("ingest", str(more))
        assert ingest.returncode == 0, ingest.stderr
        assert "2 added" in ingest.stdout

        again = client.predict(
            "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
        )
        assert "90 minutes" in again["answer"] and not again["refused"]
        harbour = client.predict(
            "How many fishing boats did the harbour master count?", None, None, api_name="/ask"
        )
        assert "41 fishing boats" in harbour["answer"]
        assert len(client.predict(api_name="/articles")) == 3

        removed = cli("remove", str(more / "forest.txt"))
        assert removed.returncode == 0, removed.stderr
        titles = [a["title"] for a in client.predict(api_name="/articles")]
        assert "Forest report" not in titles and len(titles) == 2
        trees = client.predict("How many oak trees did rangers plant?", None, None, api_name="/ask")
        assert "900" not in trees["answer"]

        # The app writes after the command line did: nothing the command line wrote is lost.
        upload = tmp_path / "upload" / "forest.txt"
        upload.parent.mkdir()
        upload.write_text(FOREST)
        from gradio_client import handle_file

        report = client.predict([handle_file(str(upload))], api_name="/ingest")
        assert report["added"] == 1 and report["articles"] == 3
        # The command line, run from another folder, removes the upload with its kept copy.
        [kept] = (tmp_path / "uploads").rglob("forest.txt")
        removed = cli("remove", str(kept))
        assert removed.returncode == 0, removed.stderr
        assert "uploaded copy" in removed.stdout and not kept.exists()
        assert len(client.predict(api_name="/articles")) == 2
    listing = cli("list", "--json")
    assert listing.returncode == 0, listing.stderr
    titles = [a["title"] for a in _json(listing.stdout)]
    assert "Harbour report" in titles and "Forest report" not in titles and len(titles) == 2


def _json(text: str) -> list[dict[str, str]]:
    import json

    value = json.loads(text)
    assert isinstance(value, list)
    return value


def test_a_cli_rebuild_while_the_app_is_open_is_seen_by_the_app(
    tmp_path: Path, app_bot: AppBotFactory, storage_env: Callable[[Path], None]
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([SEEDS])
    storage_env(tmp_path / "index")
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "harbour.txt").write_text(HARBOUR)
    with running(bot) as url:
        client = Client(url, verbose=False)
        first = client.predict(
            "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
        )
        assert "90 minutes" in first["answer"]

        rebuilt = cli("rebuild", str(fresh))
        assert rebuilt.returncode == 0, rebuilt.stderr

        titles = [a["title"] for a in client.predict(api_name="/articles")]
        assert titles == ["Harbour report"], "the app sees the rebuilt index, not the deleted one"
        gone = client.predict(
            "How long did the call between Trump and Putin last?", None, None, api_name="/ask"
        )
        assert gone["refused"]
        harbour = client.predict(
            "How many fishing boats did the harbour master count?", None, None, api_name="/ask"
        )
        assert "41 fishing boats" in harbour["answer"]

        from gradio_client import handle_file

        upload = tmp_path / "upload" / "forest.txt"
        upload.parent.mkdir()
        upload.write_text(FOREST)
        report = client.predict([handle_file(str(upload))], api_name="/ingest")
        assert report["added"] == 1 and report["articles"] == 2
