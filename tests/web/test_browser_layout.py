"""Where things are on the page, in a real Chromium: after asking, the chat is in view."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.web.test_browser import QUESTION, ask, browser  # noqa: F401  # the browser fixture

pytestmark = pytest.mark.browser
# A laptop screen: the header and the 540 px chat leave the question box below the fold.
LAPTOP = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory) -> Iterator[str]:
    bot = app_bot(tmp_path_factory.mktemp("layout"))
    bot.ingest([SEEDS])
    with running(bot) as url:
        yield url


def laptop_page(browser: Browser, url: str) -> Page:  # noqa: F811
    page = browser.new_page(viewport=LAPTOP)
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=30_000)
    return page


def in_view(page: Page, selector: str) -> bool:
    """Whether the element is wholly inside the browser window (not scrolled off it)."""
    return bool(
        page.locator(selector).evaluate(
            "(el) => { const box = el.getBoundingClientRect();"
            " return box.top >= 0 && box.bottom <= window.innerHeight; }"
        )
    )


def test_after_asking_the_question_and_its_answer_are_in_view(
    browser: Browser,  # noqa: F811
    app_url: str,
) -> None:
    page = laptop_page(browser, app_url)
    # Focusing the box below the fold scrolls the page to it, as the tester's page was.
    page.locator("#question textarea").focus()
    page.wait_for_function("document.querySelector('#chat').getBoundingClientRect().top < 0")
    ask(page, QUESTION)
    expect(page.locator("#passages-panel [data-turn='0']")).to_be_visible(timeout=30_000)
    assert in_view(page, "#chat .message-row.user-row")
    assert in_view(page, "#chat .message-row.bot-row")
    assert in_view(page, "#question"), "the box for a follow-up stays in view too"
    page.close()
