"""News in the browser: the date range control, each citation's date, the newest source."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client
from playwright.sync_api import Browser, expect

from tests.conftest import AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.llm_server import Reply, ScriptedLLM
from tests.web.test_browser import ask, browser, last_answer, open_page

__all__ = ["browser"]  # the Chromium fixture, shared with the other browser tests

QUESTION = "What did the dock workers at Felixstowe do?"


def dock_reports(folder: Path) -> Path:
    folder.mkdir()
    (folder / "begins.txt").write_text(
        "---\ntitle: Dock strike begins\ndate: 2005-03-02\n---\n"
        "Dock workers at Felixstowe walked out over pay on Monday.\n"
    )
    (folder / "ends.txt").write_text(
        "---\ntitle: Dock strike ends\ndate: 2005-03-20\n---\n"
        "Dock workers at Felixstowe went back to work after accepting a pay offer.\n"
    )
    return folder


@pytest.fixture(scope="module")
def news_app(tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("news")
    bot = app_bot(folder)
    bot.ingest([dock_reports(folder / "reports")])
    with running(bot) as url:
        yield url


def test_the_ask_endpoint_takes_a_date_range(news_app: str) -> None:
    client = Client(news_app, verbose=False)
    everything = client.predict(QUESTION, None, None, api_name="/ask")
    assert {p["title"] for p in everything["passages"]} == {
        "Dock strike begins",
        "Dock strike ends",
    }
    later = client.predict(QUESTION, None, None, "2005-03-10", None, api_name="/ask")
    assert {p["title"] for p in later["passages"]} == {"Dock strike ends"}
    assert [c["date"] for c in later["citations"]] == ["2005-03-20"]
    earlier = client.predict(QUESTION, None, None, None, "2005-03-10", api_name="/ask")
    assert {p["title"] for p in earlier["passages"]} == {"Dock strike begins"}


@pytest.mark.browser
def test_a_person_narrows_the_dates_and_sees_which_source_is_newest(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory
) -> None:
    reply = Reply(text="They walked out over pay [1] and went back after a pay offer [2].")
    with ScriptedLLM(default=reply) as llm:
        bot = app_bot(tmp_path, llm="openai", openai_base_url=llm.url, openai_api_key="k")
        bot.ingest([dock_reports(tmp_path / "reports")])
        with running(bot) as url:
            page = open_page(browser, url)
            ask(page, QUESTION)
            answer = last_answer(page)
            expect(answer).to_contain_text("Newest source: 20 March 2005", timeout=30_000)
            panel = page.locator("#passages-panel")
            expect(panel).to_contain_text("2005-03-20")
            expect(panel).to_contain_text("2005-03-02")
            page.screenshot(path=str(tmp_path / "newest.png"))

            # A day the field cannot read turns the question down, saying what to write; the
            # question is not asked over another range than the one on the screen.
            start = page.locator("#date-from input, #date-from textarea").first
            start.fill("10/03/2005")
            ask(page, QUESTION)
            expect(page.locator(".toast-body").first).to_contain_text("not '10/03/2005'")
            expect(page.locator("#chat .as-of")).to_have_count(1)
            start.fill("2005-03-10")
            ask(page, QUESTION)
            expect(page.locator("#chat .as-of")).to_have_count(1, timeout=30_000)
            expect(panel).not_to_contain_text("2005-03-02", timeout=30_000)
            expect(panel).to_contain_text("Dock strike ends")
            page.screenshot(path=str(tmp_path / "range.png"))
            page.close()
