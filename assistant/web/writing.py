"""Writes to the index started from the page (uploads, links, feeds, syncs, removals), shown
while they run.

Gradio's own display of a running event covered every output with a spinner
and an estimate taken from the average of earlier runs ("processing |
6.1/1.3s" for an upload of two hundred files after one of two), said nothing
of the files done, and left the panels it covered (the article filter beside
the question among them) unusable meanwhile. Instead the write runs in a
worker thread while the event's generator shows its progress in the report
area alone, as the ingest itself reckons it: files done of all, chunks
embedded, the rate and the time left. A wait for another process writing the
index (a command-line ingest) is said there too, and in a notice, since it
may last minutes. A write waiting in Gradio's queue behind another showed
nothing at all, so `on()` says that at once, before the write is queued.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, Generic, TypeVar

import gradio as gr

from assistant import AssistantError, Progress
from assistant.web import render

Result = TypeVar("Result")
# How often the page is told of progress (the ingest may report many times a second).
EVERY = 0.3
# Said as soon as a write is asked for: another may run first (from this page or another).
WAITING_TURN = "Waiting its turn: the app makes one upload, sync or removal at a time…"


class Write(Generic[Result]):
    """`action` run in a worker thread now, with a progress callback whose reports
    `updates()` hands on."""

    def __init__(self, action: Callable[[Callable[[Progress], None]], Result]) -> None:
        self._reports: queue.SimpleQueue[Progress] = queue.SimpleQueue()
        self._outcome: list[Result] = []
        self._error: list[BaseException] = []
        self._worker = threading.Thread(
            target=self._run, args=(action,), name="assistant-web-write", daemon=True
        )
        self._worker.start()

    def _run(self, action: Callable[[Callable[[Progress], None]], Result]) -> None:
        try:
            self._outcome.append(action(self._reports.put))
        except BaseException as error:  # handed to the event's thread by result()
            self._error.append(error)

    def updates(self) -> Iterator[Progress]:
        """The latest progress report every EVERY seconds while the write runs (reports in
        between are passed over), until it ends."""
        while self._worker.is_alive():
            self._worker.join(EVERY)
            latest = None
            while not self._reports.empty():
                latest = self._reports.get()
            if latest is not None:
                yield latest

    def result(self) -> Result:
        """What the action returned, once it has ended; its exception, if it raised one."""
        self._worker.join()
        if self._error:
            raise self._error[0]
        return self._outcome[0]


def shown(
    action: Callable[[Callable[[Progress], None]], Result], width: int, starting: str
) -> Generator[tuple[Any, ...], None, Result | AssistantError]:
    """Run `action` (a write taking a progress callback) and yield an event's `width`
    outputs while it runs: its progress in the first (the report area; `starting` until
    the first report), the others unchanged. Returns what the action returned, or the
    AssistantError it raised."""
    unchanged = (gr.skip(),) * (width - 1)
    yield (progress_note(None, starting), *unchanged)
    write = Write(action)
    said_waiting = False
    for state in write.updates():
        if state.waiting_for and not said_waiting:
            gr.Info(f"Waiting for process {state.waiting_for}, which is writing to the index.")
            said_waiting = True
        yield (progress_note(state, starting), *unchanged)
    try:
        return write.result()
    except AssistantError as error:
        return error


def progress_note(state: Progress | None, starting: str) -> str:
    """The report area while a write runs: a bar (moving while the share done is unknown,
    or while no file is done yet) and the ingest's own line; `starting` before its first
    report (None)."""
    if state is None:
        bar, line = "<progress></progress>", starting
    elif state.waiting_for:
        bar = "<progress></progress>"
        line = (
            f"Waiting for process {state.waiting_for}, which is writing to the index (a "
            "command-line ingest, say): this starts as soon as it is done."
        )
    else:
        done, total = state.files_done, max(state.files_total, 1)
        # Nothing done yet (a long first file): a moving bar, not an empty one that looks idle.
        bar = (
            f'<progress value="{done}" max="{total}"></progress>'
            if done
            else "<progress></progress>"
        )
        line = state.describe()
    return f'<div class="writing" role="status">{bar} <span>{render.escape(line)}</span></div>'


def outcome_panel(outcome: Result | AssistantError, describe: Callable[[Result], str]) -> str:
    """The report area once a write has ended: `describe(result)`, or the error it raised."""
    if isinstance(outcome, AssistantError):
        return render.error_panel(str(outcome), "Not done")
    return describe(outcome)


def on(
    trigger: Callable[..., Any],
    write: Callable[..., Any],
    inputs: Sequence[Any],
    outputs: Sequence[Any],
    box: Any = None,
    **options: Any,
) -> None:
    """Wire `trigger` (`button.click`, `file.upload`) to `write`, an event handler that
    yields its progress with `shown()` into `outputs[0]`, the report area.

    Writes run one at a time (Gradio's "write" group) without Gradio's own
    progress display; at once, before waiting its turn, the report area says
    the write is coming and `box`, the input it reads, is locked (the write's
    last update unlocks it).
    """
    held = [outputs[0]] if box is None else [outputs[0], box]
    note = progress_note(None, WAITING_TURN)
    trigger(
        (lambda: note) if box is None else (lambda: (note, gr.update(interactive=False))),
        None,
        held,
        queue=False,
        show_progress="hidden",
        api_visibility="private",
    ).then(
        write,
        inputs,
        outputs,
        api_visibility="private",
        concurrency_limit=1,
        concurrency_id="write",
        show_progress="hidden",
        **options,
    )
