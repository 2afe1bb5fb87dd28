"""Faults: a second writer, a killed ingest. The index must stay usable and consistent."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.errors import IndexInUseError
from assistant.records import Progress
from tests.conftest import REPO, SEEDS, AssistantFactory
from tests.helpers.locks import hold_write_lock


def clean_env(extra: dict[str, str]) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(extra)
    return env


@pytest.mark.embedded_only
def test_a_second_writer_is_told_which_process_holds_the_index(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    holder = hold_write_lock(tmp_path / "index", 120)
    try:
        impatient = make_assistant(lock_wait=0)
        with pytest.raises(IndexInUseError, match=f"in use by process {holder.pid}"):
            impatient.ingest([SEEDS])
        with pytest.raises(IndexInUseError):
            impatient.remove(bot.articles()[0].source)
        hits = make_assistant().search("rare earth minerals")
        assert hits and "minerals" in " ".join(h.text for h in hits), "reading stays possible"
    finally:
        holder.kill()
        holder.wait()
    assert make_assistant().ingest([SEEDS]).unchanged == 1, "the lock dies with its holder"


@pytest.mark.embedded_only
def test_a_second_writer_waits_for_the_first_and_says_so(
    make_assistant: AssistantFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    holder = hold_write_lock(tmp_path / "index", 2)
    started = time.monotonic()
    report = make_assistant(lock_wait=60).ingest([SEEDS])
    assert report.unchanged == 1 and time.monotonic() - started >= 1.0
    assert f"waiting for process {holder.pid}" in caplog.text
    holder.wait()


def test_an_ingest_killed_half_way_is_completed_by_running_it_again(
    make_assistant: AssistantFactory,
    storage_env: Callable[[Path], None],
    tmp_path: Path,
) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [
        {
            "source": f"bulletin-{i}",
            "title": f"Bulletin {i}",
            "text": f"The ferry to island {i} leaves at {i % 24}:00 from pier {i % 7}. "
            f"Tickets for route {i} cost {i % 40 + 5} pounds this season.",
        }
        for i in range(900)
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    storage_env(tmp_path / "index")
    ingest = subprocess.Popen(
        [sys.executable, "-m", "assistant", "ingest", str(feed)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        cwd=REPO,
        env={**os.environ},
    )
    assert ingest.stderr is not None
    deadline = time.monotonic() + 240
    for line in ingest.stderr:
        if "embedded" in line and not line.split("done, ")[1].startswith("0 "):
            ingest.send_signal(signal.SIGKILL)
            break
        assert time.monotonic() < deadline, "no batch was written in time"
    ingest.wait()
    assert ingest.returncode == -signal.SIGKILL, "the ingest was killed before it finished"

    bot = make_assistant()
    partial = bot.articles()
    assert 0 < len(partial) < len(records)
    assert bot.search("ferry to island 3")[0].source.startswith("bulletin-")
    report = make_assistant().ingest([feed])
    assert report.unchanged == len(partial) and report.added == len(records) - len(partial)
    final = make_assistant()
    assert len(final.articles()) == len(records)
    assert final.store.chunk_count() == sum(r.chunks for r in final.articles()), "no duplicates"


@pytest.mark.embedded_only
def test_a_waiting_writer_tells_its_progress_callback_whom_it_waits_for(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([SEEDS])
    holder = hold_write_lock(tmp_path / "index", 2)
    seen: list[Progress] = []
    make_assistant(lock_wait=60).ingest([SEEDS], progress=seen.append)
    waiting = [p for p in seen if p.waiting_for]
    assert waiting and waiting[0].waiting_for == str(holder.pid)
    assert f"waiting for process {holder.pid}" in waiting[0].describe()
    assert seen[-1].finished and not seen[-1].waiting_for
    holder.wait()
