"""The Feeds and web pages section in a real Chromium: read a pasted link, add a feed, see the
registered sources, open the whole stored article from the passages panel; and the guard that
keeps the app from fetching the server's own network or reading its files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.conftest import AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.web_server import Reply, WebServer, article_html, rss
from tests.web.test_browser import (  # noqa: F401  # the browser fixture
    ask,
    browser,
    open_page,
    pick,
)

pytestmark = pytest.mark.browser
PIER = [
    "The harbour board approved a plan on Tuesday to rebuild the north pier, closed since "
    "storms damaged it two winters ago.",
    "Work on the north pier will start in March and cost about £4.2m, most of it from a grant.",
]
FERRY = ["The island ferry resumed on Monday after engine repairs took three weeks longer."]


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as server:
        yield server


def test_read_a_link_add_a_feed_and_open_the_stored_article(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    app_bot: AppBotFactory,
    web: WebServer,
) -> None:
    pier = web.page("/news/pier", article_html("Pier to be rebuilt", PIER, og_type="article"))
    ferry = web.page("/news/ferry", article_html("Ferry is back", FERRY, og_type="article"))
    feed = web.route(
        "/feed.xml",
        Reply(rss("Island news", [("Ferry", ferry)]), content_type="application/rss+xml"),
    )
    bot = app_bot(tmp_path, allow_private_urls=True)  # the test pages are on this machine
    with running(bot) as url:
        page = open_page(browser, url)
        page.click("#feeds")
        page.fill("#links textarea", pier)
        page.click("#read-links")
        report = page.locator("#sources-report")
        expect(report).to_contain_text("1 added", timeout=60_000)
        expect(page.locator("#links textarea")).to_have_value("")
        page.fill("#feed-url textarea", feed)
        page.click("#add-feed")
        expect(report).to_contain_text("1 added", timeout=60_000)
        sources = page.locator("#sources")
        expect(sources).to_contain_text("Island news")
        feed_count = sources.locator("tr", has_text="feed.xml").locator("td").nth(2)
        expect(feed_count).to_have_text("1")
        expect(page.locator("#status")).to_contain_text("2 articles")

        ask(page, "When will work on the north pier start?")
        panel = page.locator("#passages-panel")
        link = panel.locator("a.article-link").first
        expect(link).to_have_attribute("href", pier, timeout=30_000)
        expect(link).to_have_attribute("rel", "noopener noreferrer")
        expect(link).to_have_attribute("target", "_blank")
        whole = panel.locator("details.full-article").first
        whole.locator("summary").click()
        expect(whole.locator(".article-text")).to_contain_text(PIER[0])
        expect(whole.locator("mark.in-article")).to_have_count(1)
        page.screenshot(path=str(tmp_path / "sources.png"), full_page=True)

        # The feed's article removed by hand: the list of sources counts it gone at once.
        page.click("#articles")
        pick(page, "to-remove", "Ferry is back")
        page.click("#remove")
        page.click("#confirm-remove")
        expect(page.locator("#report")).to_contain_text("Removed Ferry is back", timeout=30_000)
        expect(feed_count).to_have_text("0", timeout=30_000)
        page.close()


def test_the_app_does_not_fetch_its_own_network_unless_allowed(
    browser: Browser,  # noqa: F811
    tmp_path: Path,
    app_bot: AppBotFactory,
    web: WebServer,
) -> None:
    pier = web.page("/news/pier", article_html("Pier to be rebuilt", PIER))
    secret = tmp_path / "secret.txt"
    secret.write_text("Server notes\n\nThe admin password is hunter2.\n", encoding="utf-8")
    bot = app_bot(tmp_path)
    with running(bot) as url:
        page = open_page(browser, url)
        page.click("#feeds")
        page.fill("#links textarea", f"{pier}\nfile:///etc/passwd\n{secret}")
        page.click("#read-links")
        report = page.locator("#sources-report")
        expect(report).to_contain_text("private or local address", timeout=60_000)
        expect(report).to_contain_text("only http:// and https://")
        expect(report).to_contain_text("not a web address")
        page.fill("#feed-url textarea", "")
        page.click("#add-feed")
        expect(report).to_contain_text("Type a feed's address first.")
        expect(report.locator("h3")).to_have_text("Not done")  # not "No answer": no question
        page.close()
    assert web.hits["/news/pier"] == 0
    assert bot.articles() == [] and bot.sources() == []
