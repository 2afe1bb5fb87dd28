"""What a person sees: the real app in Debian's headless Chromium, driven by Playwright."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import REPO, SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.llm_server import Reply, ScriptedLLM

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
QUESTION = "How long did the call between Trump and Putin last?"
SEED_TITLE = "Trump and Putin agree to start negotiations to end the war in Ukraine"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def seeded_app(tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory) -> Iterator[str]:
    bot = app_bot(tmp_path_factory.mktemp("browser"))
    bot.ingest([SEEDS])
    with running(bot) as url:
        yield url


def open_page(browser: Browser, url: str) -> Page:
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.goto(url)
    page.wait_for_selector("#question textarea", timeout=30_000)
    return page


def ask(page: Page, question: str) -> None:
    page.fill("#question textarea", question)
    page.click("#ask")


def last_answer(page: Page):  # type: ignore[no-untyped-def]
    return page.locator("#chat .message.bot, #chat [data-testid='bot']").last


def test_ask_read_the_streamed_answer_and_check_it_against_the_passage(
    browser: Browser, seeded_app: str, tmp_path: Path
) -> None:
    page = open_page(browser, seeded_app)
    expect(page.locator("#status")).to_contain_text("extractive")
    ask(page, QUESTION)
    panel = page.locator("#passages-panel")
    expect(panel.locator("[data-passage]").first).to_be_visible(timeout=30_000)
    expect(page.locator("#chat")).to_contain_text("90 minutes")
    expect(page.locator("#chat b.short-answer").first).to_have_text("nearly 90 minutes")
    expect(panel.locator(".short")).to_contain_text("Answer: nearly 90 minutes")
    expect(panel.locator(".passage-text b.short-answer").first).to_have_text("nearly 90 minutes")
    expect(panel.locator(".claim.verdict-supported").first).to_contain_text("90 minutes")
    expect(panel.locator(".claim .relevance").first).to_have_text("answers the question")
    evidence = panel.locator("mark.evidence", has_text="90 minutes")
    expect(evidence).to_have_count(1)
    expect(panel.locator("[data-passage]").first).to_contain_text("Trump and Putin agree")
    # A screen reader hears the answer as shown, not the markup of its citation chips.
    label = page.locator('#chat [aria-label*="\'s message: "]').last
    expect(label).to_have_attribute("aria-label", re.compile(r"90 minutes.*\[1\]"))
    assert "<" not in (label.get_attribute("aria-label") or "")

    # From the keyboard: a chip takes the focus and opens its passage on Enter.
    chip = page.locator("#chat .cite").first
    chip.focus()
    expect(chip).to_be_focused()
    page.keyboard.press("Enter")
    expect(panel.locator("[data-passage].is-active")).to_have_count(1)
    page.locator("#passages-panel .claim").first.click()  # select something else

    page.locator("#chat .cite").first.click()
    expect(panel.locator("[data-passage].is-active")).to_have_count(1)
    expect(panel.locator(".claim.is-active").first).to_contain_text("90 minutes")
    expect(evidence).to_have_class("evidence is-active")

    shot = tmp_path / "chat.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    if os.environ.get("UPDATE_SCREENSHOT"):
        page.screenshot(path=str(REPO / "docs" / "screenshot.png"), full_page=True)
    page.close()


def test_follow_up_then_select_an_earlier_answer_and_clear(
    browser: Browser, seeded_app: str
) -> None:
    page = open_page(browser, seeded_app)
    ask(page, QUESTION)
    expect(page.locator("#passages-panel [data-turn='0']")).to_be_visible(timeout=30_000)
    ask(page, "Who confirmed it?")
    expect(page.locator("#passages-panel [data-turn='1']")).to_be_visible(timeout=30_000)
    expect(page.locator("#chat")).to_contain_text("Kremlin")
    # How the follow-up was read is shown with its answer, as the command line shows it.
    expect(page.locator("#chat")).to_contain_text("(Asked as: Who confirmed it? (context:")
    page.locator("#chat").get_by_text("The Kremlin confirmed").first.click()
    expect(page.locator("#passages-panel [data-turn='0']")).to_be_visible()
    page.click("#clear")
    expect(page.locator("#chat")).not_to_contain_text("Kremlin")
    page.close()


def test_unanswerable_question_says_so_and_shows_the_closest_passages(
    browser: Browser, seeded_app: str
) -> None:
    page = open_page(browser, seeded_app)
    ask(page, "What is the capital of France?")
    panel = page.locator("#passages-panel")
    expect(panel).to_contain_text("No answer found in the articles", timeout=30_000)
    expect(page.locator("#chat")).to_contain_text("The articles do not say.")
    # The reason is under the refusal in the chat too, not only in the panel.
    expect(page.locator("#chat")).to_contain_text("close enough to the question")
    page.close()


def test_an_empty_or_overlong_question_is_turned_down_beside_the_box(
    browser: Browser, seeded_app: str
) -> None:
    page = open_page(browser, seeded_app)
    page.click("#ask")
    expect(page.locator(".toast-body").first).to_contain_text("The question is empty")
    pasted = "What happened? " + "x" * 2100
    ask(page, pasted)
    expect(page.get_by_text("the limit is 2000")).to_be_visible(timeout=30_000)
    # Nothing was asked: the chat stays empty and the box keeps the text to shorten.
    expect(page.locator("#chat .message")).to_have_count(0)
    expect(page.locator("#question textarea")).to_have_value(pasted)
    page.close()


def pick(page: Page, dropdown: str, name: str) -> None:
    """Choose the option starting with `name` in the dropdown with that element id."""
    page.locator(f"#{dropdown} input").click()
    page.locator(f"#{dropdown}").get_by_role("option", name=re.compile(f"^{name}")).click()
    page.keyboard.press("Escape")


def story(folder: Path, name: str, title: str, sentence: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(f"{title}\n\n{sentence}\n")
    return path


def test_uploads_with_one_name_never_overwrite_and_replace_only_on_purpose(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([SEEDS])
    first = story(tmp_path / "a", "012.txt", "Harbour report", "The harbour had 41 boats.")
    second = story(tmp_path / "b", "012.txt", "Forest report", "Rangers planted 900 oaks.")
    # An edited version of the first, with its title, and an unrelated namesake.
    third = story(tmp_path / "c", "012.txt", "Harbour report", "The harbour had 44 boats.")
    fourth = story(tmp_path / "d", "012.txt", "Bridge report", "The bridge reopened on Friday.")
    empty = tmp_path / "a" / "empty.txt"
    empty.write_text("")
    table_file = tmp_path / "a" / "data.csv"
    table_file.write_text("a,b\n1,2\n")
    with running(bot) as url:
        page = open_page(browser, url)
        page.click("#articles")
        report = page.locator("#report")
        table = page.locator("#article-table")
        page.set_input_files("#upload input[type=file]", [str(first), str(empty), str(table_file)])
        expect(report).to_contain_text("1 added", timeout=60_000)
        expect(report).to_contain_text("empty file")
        # A file of a type not read is in the same report, saying which types are.
        expect(report).to_contain_text("unsupported file type .csv; supported: .txt")
        page.set_input_files("#upload input[type=file]", [str(second)])
        expect(report).to_contain_text("both are kept", timeout=60_000)
        expect(table).to_contain_text("Harbour report")
        expect(table).to_contain_text("Forest report")
        expect(page.locator("#status")).to_contain_text("3 articles")

        # Of two namesakes, replace takes the one with the new upload's title, and only it.
        page.check("#replace input")
        page.set_input_files("#upload input[type=file]", [str(third)])
        expect(report).to_contain_text("1 replaced", timeout=60_000)
        expect(table).to_contain_text("Forest report")
        expect(page.locator("#status")).to_contain_text("3 articles")
        # The box unticks itself: the next upload of a namesake is kept beside it.
        expect(page.locator("#replace input")).not_to_be_checked()
        page.set_input_files("#upload input[type=file]", [str(fourth)])
        expect(report).to_contain_text("all are kept", timeout=60_000)
        expect(table).to_contain_text("Bridge report")
        page.close()
    titles = sorted(r.title for r in bot.articles())
    assert titles == ["Bridge report", "Forest report", "Harbour report", SEED_TITLE]
    kept = sorted(p.read_text() for p in (tmp_path / "uploads").rglob("*.txt"))
    assert kept == sorted(f.read_text() for f in (second, third, fourth)), (
        "replaced and unreadable uploads leave no files behind"
    )


def test_page_load_shows_the_index_as_it_is_now(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([story(tmp_path / "first", "harbour.txt", "Harbour report", "It had 41 boats.")])
    with running(bot) as url:
        page = open_page(browser, url)
        expect(page.locator("#status")).to_contain_text("1 article,")
        # Examples about the seed article are no use on an index without it.
        expect(page.get_by_text("Examples about the seed article")).to_be_hidden()
        bot.ingest([SEEDS])
        page.reload()
        page.wait_for_selector("#question textarea", timeout=30_000)
        expect(page.get_by_text("Examples about the seed article")).to_be_visible()
        # Another process (here: another Assistant on the same index) adds an article.
        other = app_bot(tmp_path, port=bot.settings.port)
        other.ingest([story(tmp_path / "more", "bridge.txt", "Bridge report", "It reopened.")])
        page.reload()
        page.wait_for_selector("#question textarea", timeout=30_000)
        expect(page.locator("#status")).to_contain_text("3 articles")
        page.click("#articles")
        expect(page.locator("#article-table")).to_contain_text("Bridge report")
        page.close()


def test_the_article_table_keeps_its_headings_when_the_last_article_goes(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([story(tmp_path / "first", "harbour.txt", "Harbour report", "It had 41 boats.")])
    with running(bot) as url:
        page = open_page(browser, url)
        page.click("#articles")
        pick(page, "to-remove", "Harbour report")
        page.click("#remove")
        page.click("#confirm-remove")
        expect(page.locator("#report")).to_contain_text("Removed Harbour report", timeout=30_000)
        table = page.locator("#article-table")
        expect(table).not_to_contain_text("Harbour report")
        for heading in ("Title", "Author", "Source", "Date", "Chunks"):
            expect(table).to_contain_text(heading)
        page.close()


def test_scope_next_to_the_question_and_removal_with_confirmation(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([SEEDS])
    harbour = story(tmp_path / "a", "harbour.txt", "Harbour report", "The harbour had 41 boats.")
    with running(bot) as url:
        page = open_page(browser, url)
        page.click("#articles")
        page.set_input_files("#upload input[type=file]", [str(harbour)])
        expect(page.locator("#report")).to_contain_text("1 added", timeout=60_000)

        pick(page, "scope", "Harbour report")
        ask(page, QUESTION)
        expect(page.locator("#chat")).to_contain_text("The articles do not say.", timeout=30_000)

        pick(page, "to-remove", "Harbour report")
        page.click("#remove")
        confirm = page.locator("#confirm-row")
        expect(confirm).to_contain_text("Remove Harbour report")
        expect(confirm).to_contain_text("its uploaded file")
        page.click("#cancel-remove")
        expect(confirm).to_be_hidden()
        assert len(bot.articles()) == 2, "cancel removes nothing"
        page.click("#remove")
        page.click("#confirm-remove")
        expect(page.locator("#report")).to_contain_text("Removed Harbour report", timeout=30_000)
        expect(page.locator("#report")).to_contain_text("uploaded file was deleted")
        expect(page.locator("#article-table")).not_to_contain_text("Harbour report")
        page.close()
    assert [r.title for r in bot.articles()] == [SEED_TITLE]
    assert not list((tmp_path / "uploads").rglob("*.txt"))


def test_hostile_articles_and_answers_stay_inert_and_failures_are_short(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory
) -> None:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "evil.html").write_text(
        "<html><head><title>Harbour <img src=x onerror=alert(1)> report</title></head><body>"
        "<p>The harbour master counted 41 boats. &lt;script&gt;window.pwned=1&lt;/script&gt; "
        "&lt;img src=x onerror=alert(2)&gt;</p></body></html>"
    )
    with ScriptedLLM() as llm:
        leak = llm.url.replace("/v1", "/leak.png")
        llm.queue(
            Reply(
                text=f"Counted boats ![pixel]({leak}) <img src={leak}> "
                "[click me](javascript:alert(3)) 41 boats [1].",
                piece_delay=0.03,
            ),
            Reply(status=500),
            Reply(status=500),
            Reply(status=500),
        )
        bot = app_bot(
            tmp_path,
            llm="openai",
            openai_base_url=llm.url,
            openai_api_key="k",
            llm_retries=0,
        )
        bot.ingest([folder])
        with running(bot) as url:
            page = open_page(browser, url)
            dialogs: list[str] = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            ask(page, "How many boats did the harbour master count?")
            chat = page.locator("#chat")
            expect(chat).to_contain_text("41 boats", timeout=30_000)
            expect(page.locator("#passages-panel [data-passage]").first).to_be_visible()
            assert chat.locator("img").count() == 0
            assert chat.locator("a[href^='javascript'], a[href^='data']").count() == 0
            expect(chat).to_contain_text("![pixel]")
            expect(page.locator("#passages-panel")).to_contain_text(
                "<script>window.pwned=1</script>"
            )
            assert page.evaluate("window.pwned") is None
            assert not dialogs
            assert not [r for r in llm.requests if "leak" in str(r)]

            ask(page, "How many boats were counted?")
            expect(chat).to_contain_text("HTTP 500", timeout=30_000)
            llm.default = Reply(text="The harbour master counted 41 boats [1].")
            ask(page, "How many boats did the harbour master count?")
            expect(chat.locator(".cite")).not_to_have_count(0, timeout=30_000)
            page.close()


def test_a_page_left_open_catches_up_with_changes_made_elsewhere(
    browser: Browser, tmp_path: Path, app_bot: AppBotFactory, storage_env: Callable[[Path], None]
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([SEEDS])
    harbour = story(tmp_path / "mine", "harbour.txt", "Harbour report", "The harbour had 41 boats.")
    bot.ingest([harbour])
    storage_env(tmp_path / "index")
    with running(bot) as url:
        page = open_page(browser, url)
        expect(page.locator("#status")).to_contain_text("2 articles")
        pick(page, "scope", "Harbour report")
        page.click("#articles")
        pick(page, "to-remove", "Harbour report")
        table = page.locator("#article-table")
        expect(table).to_contain_text("Harbour report")

        removed = subprocess.run(
            [sys.executable, "-m", "assistant", "remove", str(harbour)],
            cwd=REPO,
            env={**os.environ},
            capture_output=True,
            text=True,
            check=False,
        )
        assert removed.returncode == 0, removed.stderr

        ask(page, "How many boats did the harbour have?")
        chat = page.locator("#chat")
        expect(chat).to_contain_text("no longer in the index", timeout=30_000)
        expect(page.locator("#status")).to_contain_text("1 article,")
        expect(table).not_to_contain_text("Harbour report")  # the table too (U)

        page.click("#remove")
        expect(page.locator("#report")).to_contain_text("no longer in the index", timeout=30_000)
        expect(page.locator("#confirm-row")).to_be_hidden()

        ask(page, "Is https://example.com/a_b_c mentioned?")
        expect(chat).to_contain_text("https://example.com/a_b_c", timeout=30_000)
        assert "\\" not in chat.locator(".message.user, [data-testid='user']").last.inner_text()
        assert chat.locator("a[href*='example.com']").count() == 0
        page.close()
