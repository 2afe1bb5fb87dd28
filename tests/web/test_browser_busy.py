"""The page while an upload runs, in a real Chromium: it says what it is doing (here: waiting for
another process writing the index; in another page, waiting its turn), covers no other panel with
a spinner, and a question asked in the same tab is answered meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.locks import hold_write_lock
from tests.web.test_browser import (  # noqa: F401  # the browser fixture
    QUESTION,
    SEED_TITLE,
    ask,
    browser,
    open_page,
    pick,
    story,
)

pytestmark = pytest.mark.browser


@pytest.mark.embedded_only  # a Chroma server has no lock another process could hold
def test_an_upload_waiting_for_another_writer_says_so_and_the_page_stays_usable(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    app_bot: AppBotFactory,
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([SEEDS])
    harbour = story(tmp_path / "a", "harbour.txt", "Harbour report", "The harbour had 41 boats.")
    forest = story(tmp_path / "b", "forest.txt", "Forest report", "Rangers planted 900 oaks.")
    with running(bot) as url:
        page = open_page(browser, url)
        report = page.locator("#report")
        holder = hold_write_lock(tmp_path / "index", 120)  # as a command-line ingest would
        try:
            page.click("#articles")
            page.set_input_files("#upload input[type=file]", [str(harbour)])
            waiting = f"Waiting for process {holder.pid}, which is writing to the index"
            expect(report).to_contain_text(waiting, timeout=30_000)
            expect(page.locator(".toast-body").first).to_contain_text(waiting)
            # No spinner or estimate from earlier runs over the other panels ("processing |
            # 6.1/1.3s"), and the article filter beside the question can be used.
            for panel in ("#scope", "#article-table", "#status", "#to-remove"):
                expect(page.locator(panel)).not_to_contain_text("processing")
            pick(page, "scope", SEED_TITLE[:20])
            ask(page, QUESTION)
            expect(page.locator("#chat b.short-answer").first).to_have_text(
                "nearly 90 minutes", timeout=30_000
            )
            expect(report).to_contain_text(waiting)  # the upload is still waiting
            expect(page.locator("#upload input[type=file]")).to_have_count(0)  # box locked
            # An upload from another page waits its turn behind it, and says so at once.
            other = open_page(browser, url)
            other.click("#articles")
            other.set_input_files("#upload input[type=file]", [str(forest)])
            expect(other.locator("#report")).to_contain_text("Waiting its turn")
            assert holder.poll() is None
        finally:
            holder.kill()
            holder.wait()
        expect(report).to_contain_text("1 added", timeout=60_000)
        expect(page.locator("#upload input[type=file]")).to_have_count(1)  # open again
        expect(other.locator("#report")).to_contain_text("1 added", timeout=60_000)
        expect(other.locator("#article-table")).to_contain_text("Harbour report")
        expect(other.locator("#article-table")).to_contain_text("Forest report")
        page.close()
        other.close()
