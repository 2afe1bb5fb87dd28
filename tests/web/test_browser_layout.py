"""Where things are on the page, in a real Chromium: after asking, the chat is in view; nothing
in the chat is drawn under its label."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.web.test_browser import QUESTION, ask, browser  # noqa: F401  # the browser fixture

pytestmark = pytest.mark.browser
# A laptop screen: the header and the 540 px chat leave the question box below the fold.
LAPTOP = {"width": 1366, "height": 768}
FOLLOW_UPS = ["Who confirmed it?", "How much are Ukraine's rare earth minerals worth?"]


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
    expect(page.locator("#status")).to_contain_text("1 article")  # the page has loaded
    # Focusing the box below the fold scrolls it to the middle of the window, as the tester's
    # page was: the chat's first messages above the top edge.
    page.locator("#question").evaluate("(box) => box.scrollIntoView({ block: 'center' })")
    page.wait_for_function("document.querySelector('#chat').getBoundingClientRect().top < 0")
    ask(page, QUESTION)
    expect(page.locator("#passages-panel [data-turn='0']")).to_be_visible(timeout=30_000)
    assert in_view(page, "#chat .message-row.user-row")
    assert in_view(page, "#chat .message-row.bot-row")
    assert in_view(page, "#question"), "the box for a follow-up stays in view too"
    page.close()


def test_nothing_in_the_chat_scrolls_under_its_label(
    browser: Browser,  # noqa: F811
    app_url: str,
    tmp_path: Path,
) -> None:
    page = laptop_page(browser, app_url)
    for turn, question in enumerate([QUESTION, *FOLLOW_UPS]):
        ask(page, question)
        expect(page.locator(f"#passages-panel [data-turn='{turn}']")).to_be_visible(timeout=30_000)
    page.locator("#chat").scroll_into_view_if_needed()
    # The messages scrolled so the first answer's copy and thumb buttons reach the top.
    boxes = page.locator("#chat").evaluate(
        """(chat) => {
            const buttons = chat.querySelectorAll(".message-buttons")[1];
            let scroller = buttons.parentElement;
            while (getComputedStyle(scroller).overflowY !== "auto") {
                scroller = scroller.parentElement;
            }
            scroller.scrollTop += buttons.getBoundingClientRect().top
                - scroller.getBoundingClientRect().top;
            const box = (el) => { const b = el.getBoundingClientRect();
                return {top: b.top, bottom: b.bottom, left: b.left, right: b.right}; };
            return {
                label: box(chat.querySelector("[data-testid='block-label']")),
                messages: box(scroller),
                buttons: box(buttons),
            };
        }"""
    )
    label, messages, buttons = boxes["label"], boxes["messages"], boxes["buttons"]
    assert label["bottom"] <= messages["top"], "the label has a strip of its own"
    overlaps = (
        buttons["top"] < label["bottom"]
        and buttons["left"] < label["right"]
        and label["left"] < buttons["right"]
    )
    assert not overlaps
    shot = tmp_path / "chat-top.png"
    page.locator("#chat").screenshot(path=str(shot))
    assert shot.stat().st_size > 5_000
    page.close()


def test_on_a_phone_the_conversations_sidebar_starts_closed(
    browser: Browser,  # noqa: F811
    app_url: str,
) -> None:
    """At a phone's width the sidebar would cover the whole page; on a laptop it stays open."""
    phone = browser.new_page(viewport={"width": 390, "height": 844})
    phone.goto(app_url)
    phone.wait_for_selector("#question textarea", timeout=30_000)
    expect(phone.locator(".sidebar")).not_to_have_class(re.compile(r"\bopen\b"), timeout=10_000)
    # What lies in the middle of the screen is the page, not the sidebar over it.
    covered = "() => document.elementFromPoint(195, 420).closest('.sidebar') !== null"
    phone.wait_for_function(f"() => !({covered})()", timeout=10_000)
    phone.close()
    laptop = laptop_page(browser, app_url)
    laptop.wait_for_timeout(1_500)
    expect(laptop.locator(".sidebar")).to_have_class(re.compile(r"\bopen\b"))
    laptop.close()
