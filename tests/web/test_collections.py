"""The collection picker: a page shows and asks the collection its address names."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from gradio_client import Client
from playwright.sync_api import Browser, expect

from tests.conftest import AppBotFactory
from tests.helpers.app_server import running
from tests.web.test_browser import ask, browser, last_answer, open_page

__all__ = ["browser"]  # the Chromium fixture, shared with the other browser tests


def written(folder: Path, name: str, text: str) -> Path:
    folder.mkdir()
    (folder / name).write_text(text)
    return folder


@pytest.fixture(scope="module")
def two_collections(
    tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory
) -> Iterator[tuple[str, str, str]]:
    """An app over a harbour collection, with a second collection of papers; its URL and
    the two names."""
    folder = tmp_path_factory.mktemp("collections")
    bot = app_bot(folder)
    bot.ingest([written(folder / "news", "boats.txt", "The harbour master counted 41 boats.")])
    papers_name = "papers-" + hashlib.sha1(str(folder).encode()).hexdigest()[:8]
    papers = bot.create_collection(papers_name)
    papers.ingest([written(folder / "papers", "paper.txt", "Attention weights use a softmax.")])
    with running(bot) as url:
        yield url, bot.settings.collection, papers_name


def test_the_api_lists_and_asks_each_collection(two_collections: tuple[str, str, str]) -> None:
    url, home, papers = two_collections
    client = Client(url, verbose=False)
    assert {home, papers} <= set(client.predict(api_name="/collections"))
    [article] = client.predict(papers, api_name="/articles")
    assert article["source"].endswith("paper.txt")
    [article] = client.predict(None, api_name="/articles")
    assert article["source"].endswith("boats.txt")
    answer = client.predict(
        "What do attention weights use?", None, None, None, None, papers, api_name="/ask"
    )
    assert {p["source"].rsplit("/", 1)[-1] for p in answer["passages"]} == {"paper.txt"}
    with pytest.raises(Exception, match=f"no collection named 'nope'.*{papers}"):
        client.predict("Anything?", None, None, None, None, "nope", api_name="/ask")


@pytest.mark.browser
def test_a_person_picks_a_collection_and_asks_it(
    browser: Browser, two_collections: tuple[str, str, str], tmp_path: Path
) -> None:
    url, home, papers = two_collections
    page = open_page(browser, url)
    picker = page.locator("#collection input")
    expect(picker).to_have_value(home, timeout=30_000)
    expect(page.locator("#status")).to_contain_text("1 article")
    picker.click()
    page.get_by_role("option", name=papers).click()
    page.wait_for_url(f"**collection={papers}", timeout=30_000)
    page.wait_for_selector("#question textarea", timeout=30_000)
    expect(page.locator("#collection input")).to_have_value(papers, timeout=30_000)
    page.screenshot(path=str(tmp_path / "picked.png"))
    page.locator("#articles").click()
    expect(page.locator("#article-table")).to_contain_text("paper.txt", timeout=30_000)
    expect(page.locator("#article-table")).not_to_contain_text("boats.txt")
    ask(page, "What do attention weights use?")
    expect(last_answer(page)).to_contain_text("softmax", timeout=30_000)
    page.screenshot(path=str(tmp_path / "papers.png"))

    other = open_page(browser, url)  # a page without a choice shows the app's own collection
    expect(other.locator("#collection input")).to_have_value(home, timeout=30_000)
    other.locator("#articles").click()
    expect(other.locator("#article-table")).to_contain_text("boats.txt", timeout=30_000)
    other.close()
    page.close()


def test_a_collection_deleted_elsewhere_is_not_shown_as_empty(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path)
    bot.ingest([written(tmp_path / "news", "boats.txt", "The harbour master counted 41 boats.")])
    name = "gone-" + hashlib.sha1(str(tmp_path).encode()).hexdigest()[:8]
    bot.create_collection(name).ingest(
        [written(tmp_path / "papers", "paper.txt", "Attention weights use a softmax.")]
    )
    with running(bot) as url:
        client = Client(url, verbose=False)
        assert len(client.predict(name, api_name="/articles")) == 1  # the app now holds it
        bot.delete_collection(name)  # as `assistant collections delete` would
        with pytest.raises(Exception, match=f"no collection named '{name}'"):
            client.predict(name, api_name="/articles")
        assert name not in client.predict(api_name="/collections")
