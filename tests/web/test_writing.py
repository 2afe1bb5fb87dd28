"""Writes started from the page, shown while they run (writing.py), over a real index."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
from typing import Any

import gradio as gr
import pytest

from assistant import IngestReport, NotInIndexError, Progress
from assistant.web import writing
from tests.conftest import AssistantFactory


def run_to_end(
    steps: Generator[tuple[Any, ...], None, Any],
) -> tuple[list[tuple[Any, ...]], Any]:
    """Everything a write's generator yields, and what it returns."""
    shown = []
    while True:
        try:
            shown.append(next(steps))
        except StopIteration as end:
            return shown, end.value


def stories(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = [folder / f"story{n}.txt" for n in range(count)]
    for n, path in enumerate(paths):
        path.write_text(f"Harbour report {n}\n\nThe harbour master counted {40 + n} boats.\n")
    return paths


def test_an_upload_shows_files_done_of_all_then_returns_its_report(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant(upload_dir=tmp_path / "uploads")
    files = stories(tmp_path / "in", 3)
    steps = writing.shown(
        lambda show: bot.upload(files, progress=show), width=3, starting="Reading 3 files…"
    )
    shown, outcome = run_to_end(steps)
    assert isinstance(outcome, IngestReport) and outcome.added == 3
    assert "Reading 3 files…" in shown[0][0]
    assert "3/3 files done" in shown[-1][0] and '<progress value="3" max="3">' in shown[-1][0]
    assert all(len(step) == 3 and step[1:] == (gr.skip(), gr.skip()) for step in shown), (
        "only the report area changes while the write runs"
    )
    panel = writing.outcome_panel(outcome, lambda report: report.summary())
    assert panel.startswith("3 added")


def test_an_expected_error_is_returned_for_the_panel_and_a_bug_is_raised(
    make_assistant: AssistantFactory,
) -> None:
    bot = make_assistant()
    _, outcome = run_to_end(
        writing.shown(lambda show: bot.remove("nowhere.txt", progress=show), 1, "Removing…")
    )
    assert isinstance(outcome, NotInIndexError)
    assert "Not done" in writing.outcome_panel(outcome, str)

    def broken(show: object) -> None:
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        run_to_end(writing.shown(broken, 1, "Starting…"))


def test_a_wait_for_another_writer_is_said_with_its_process() -> None:
    note = writing.progress_note(Progress(0, 0, 0, 0.0, waiting_for="4242"), "Reading 1 file…")
    assert "Waiting for process 4242, which is writing to the index" in note
    assert "<progress></progress>" in note, "a bar with no share done: it moves"


def test_before_the_first_file_is_done_the_bar_moves_and_the_pace_is_in_chunks() -> None:
    """A long first file (a 700-article .jsonl) showed an empty bar and "0.0 files/s"."""
    first = writing.progress_note(Progress(0, 2, 340, 10.0), "Reading 2 files…")
    assert "<progress></progress>" in first and "34 chunks/s" in first
    assert "files/s" not in first
    later = writing.progress_note(Progress(1, 2, 700, 20.0), "Reading 2 files…")
    assert '<progress value="1" max="2"></progress>' in later and "0.1 files/s" in later
