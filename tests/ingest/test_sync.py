"""Web pages, feeds and registered sources through the real Assistant: pages and feeds served
by a local HTTP server, real Chroma, the real embedding model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant import Assistant
from tests.conftest import AssistantFactory
from tests.helpers.app_server import free_port
from tests.helpers.pdfs import make_pdf
from tests.helpers.web_server import Reply, WebServer, article_html, rss

STORIES = {
    "pier": [
        "The harbour board approved a plan on Tuesday to rebuild the north pier, closed since "
        "storms damaged it two winters ago.",
        "Work will start in March and cost about £4.2m, most of it paid by a government grant.",
    ],
    "ferry": [
        "The ferry between the two islands resumed on Monday after engine repairs took three "
        "weeks longer than planned.",
        "Passengers had used a chartered fishing boat while the ferry was out of service.",
    ],
    "library": [
        "The town library will open on Sundays from April, the council said, after a petition "
        "gathered more than 3,000 signatures.",
        "Extra staff will be paid from the arts budget for the first year.",
    ],
}
RSS = "application/rss+xml"


@pytest.fixture
def web() -> Iterator[WebServer]:
    with WebServer() as server:
        yield server


def story(web: WebServer, name: str, *, canonical: str = "", date: str = "2025-02-13") -> str:
    meta = {"og_type": "article", "article_published_time": date}
    html = article_html(name.title() + " story", STORIES[name], **meta)
    if canonical:
        html = html.replace("</head>", f'<link rel="canonical" href="{canonical}"></head>')
    return web.page(f"/news/{name}", html)


def test_one_ingest_of_good_and_bad_addresses_keeps_every_good_one(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot = make_assistant()
    good = story(web, "pier", canonical=web.url("/articles/pier-rebuild"))
    bad = {
        web.route("/missing", Reply(b"", status=404)): "HTTP 404",
        web.route("/photo", Reply(b"x", content_type="image/jpeg")): "serves image/jpeg",
        web.route("/error", Reply(b"", status=500)): "HTTP 500",
        web.route("/loop", Reply(b"", status=302, headers={"Location": "/loop2"})): "",
        web.page("/empty", "<html><body><nav><a href='/'>Home</a></nav></body></html>"): "no "
        "article text found",
        web.page(
            "/soft404",
            "<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>"
            "<p>The page you asked for is not here.</p></body></html>",
        ): "looks like an error page",
        "http://no-such-host.invalid/x": "could not be found (DNS)",
        f"http://127.0.0.1:{free_port()}/x": "connection refused",
        "file:///etc/passwd": "only http:// and https://",
    }
    web.route("/loop2", Reply(b"", status=302, headers={"Location": "/loop"}))
    bad[web.url("/loop")] = "redirect loop"
    report = bot.ingest([good, *bad])
    assert report.added == 1 and report.fetched >= 1
    canonical = web.url("/articles/pier-rebuild")
    assert report.added_sources == [canonical], "the page's canonical URL names it"
    reasons = dict(report.skipped)
    for address, reason in bad.items():
        assert reason in reasons[address], (address, reasons)
    stored = bot.article(canonical)
    assert stored.url == canonical and stored.date == "2025-02-13"
    assert STORIES["pier"][0] in stored.text and "Related stories" not in stored.text
    hits = bot.search("harbour pier rebuild", date_from="2025-02-01", date_to="2025-02-28")
    assert hits and hits[0].url == canonical, "dates from pages feed the date filters"
    assert [s.location for s in bot.sources()] == [good], "only what could be read is registered"


def test_a_canonical_url_on_another_site_does_not_name_the_article(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot = make_assistant()
    url = story(web, "ferry", canonical="https://news.example.org/ferry")
    report = bot.ingest([url])
    assert report.added_sources == [url]


def test_the_browser_cannot_fetch_this_machine_unless_the_operator_allows_it(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    url = story(web, "library")
    refused = make_assistant().ingest([url], public_only=True)
    assert refused.added == 0 and "private or local address" in dict(refused.skipped)[url]
    assert web.hits["/news/library"] == 0
    assert make_assistant(allow_private_urls=True).ingest([url], public_only=True).added == 1


def test_a_request_from_the_network_never_reads_this_machines_files(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    secret = tmp_path / "notes" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Server notes\n\nThe admin password is hunter2.\n", encoding="utf-8")
    bot = make_assistant()
    report = bot.ingest([str(secret), str(secret.parent), "not"], public_only=True)
    reasons = dict(report.skipped)
    assert report.added == 0 and bot.articles() == [] and bot.sources() == []
    assert all("not a web address" in reasons[name] for name in (str(secret), "not"))
    assert bot.ingest([secret]).added == 1  # the operator's own command line still reads it


def test_a_saved_page_is_found_by_the_address_it_gives(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    address = "https://news.example.org/2025/pier-rebuild"
    html = article_html("Pier to be rebuilt", STORIES["pier"], og_type="article").replace(
        "</head>", f'<link rel="canonical" href="{address}"></head>'
    )
    saved = tmp_path / "pier.html"
    saved.write_text(html, encoding="utf-8")
    bot = make_assistant()
    assert bot.ingest([saved]).added == 1
    stored = bot.article(address)  # `show` prints it; `show URL` finds the article by it
    assert stored.url == address and stored.file == str(saved)


def test_feeds_sync_only_what_changed_and_survive_bad_entries(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot = make_assistant()
    pier, ferry = story(web, "pier"), story(web, "ferry")
    broken = web.route("/news/broken", Reply(b"", status=500))
    items = [("Pier", pier), ("Ferry", ferry), ("Ferry again", ferry), ("Broken", broken)]
    feed_xml = rss("Coastal news", items).replace(
        b"</channel>", b"<item><title>No link here</title></item></channel>"
    )
    feed = web.route("/feed.xml", Reply(feed_xml, content_type=RSS))
    report = bot.add_feed(feed)
    tries = web.hits["/news/broken"]  # the fetcher's own retries of a server error
    assert sorted(report.added_sources) == sorted([pier, ferry])
    reasons = dict(report.skipped)
    assert "HTTP 500" in reasons[broken], "one failing page does not stop the feed"
    assert any("has no link" in r for r in reasons.values())
    assert web.hits["/news/ferry"] == 1, "an entry listed twice is read once"
    [registered] = bot.feeds()
    assert (registered.title, registered.articles) == ("Coastal news", 2)
    assert registered.last_sync > 0 and "3 entries" in registered.last_status

    again = bot.sync()
    assert (again.embedded_chunks, again.fetched, again.not_modified) == (0, 1, 0)
    assert web.hits["/news/broken"] == 2 * tries, "a failed entry is tried again, feed unchanged"
    assert web.hits["/news/pier"] == 1, "entries already read are not"

    mended_text = [
        "The lifeboat station on the east quay reopened on Saturday after a two-year rebuild "
        "that cost the charity £1.2m, paid for largely by local donations."
    ]
    web.page("/news/broken", article_html("Lifeboat station reopens", mended_text))
    mended = bot.sync()
    assert mended.added_sources == [broken], mended
    assert web.hits["/news/broken"] == 2 * tries + 1
    calm = bot.sync()
    assert (calm.embedded_chunks, calm.fetched, calm.not_modified) == (0, 0, 1)
    assert web.hits["/news/pier"] == 1, "an unchanged feed costs one conditional request"

    library = story(web, "library")
    web.route(
        "/feed.xml", Reply(rss("Coastal news", [*items, ("Library", library)]), content_type=RSS)
    )
    grown = bot.sync()
    assert grown.added_sources == [library]
    assert web.hits["/news/pier"] == 1 and web.hits["/news/library"] == 1

    # An entry's article removed by hand leaves the feed's count right at once.
    assert bot.feeds()[0].articles == 4
    bot.remove(pier)
    assert bot.feeds()[0].articles == 3


def test_a_malformed_feed_is_reported_and_the_others_still_sync(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot = make_assistant()
    good = web.route(
        "/good.xml", Reply(rss("Good", [("Pier", story(web, "pier"))]), content_type=RSS)
    )
    bot.add_feed(good)
    bad = web.route(
        "/bad.xml", Reply(rss("Bad", [("Ferry", story(web, "ferry"))]), content_type=RSS)
    )
    bot.add_feed(bad)
    web.route("/bad.xml", Reply(b"<rss><channel><item><title>Broken</ti", content_type=RSS))
    web.route(
        "/good.xml",
        Reply(
            rss("Good", [("Pier", web.url("/news/pier")), ("Lib", story(web, "library"))]),
            content_type=RSS,
        ),
    )
    report = bot.sync()
    assert report.added_sources == [web.url("/news/library")]
    assert "malformed feed XML" in dict(report.skipped)[bad]
    status = {s.location: s.last_status for s in bot.feeds()}
    assert status[bad].startswith("failed: malformed feed XML")


def test_a_feed_that_moves_is_registered_at_its_new_address(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot = make_assistant()
    old = web.route(
        "/old.xml", Reply(rss("News", [("Pier", story(web, "pier"))]), content_type=RSS)
    )
    bot.add_feed(old)
    new = web.route(
        "/new.xml", Reply(rss("News", [("Pier", web.url("/news/pier"))]), content_type=RSS)
    )
    web.route("/old.xml", Reply(b"", status=301, headers={"Location": "/new.xml"}))
    report = bot.sync()
    assert f"moved to {new}" in " ".join(report.notes)
    assert [feed.location for feed in bot.feeds()] == [new]
    assert bot.sync().not_modified == 1 and web.hits["/old.xml"] == 2


def test_adding_something_that_is_not_a_feed_says_so(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    from assistant import UsageError

    bot = make_assistant()
    with pytest.raises(UsageError, match="not an RSS or Atom feed"):
        bot.add_feed(story(web, "pier"))
    with pytest.raises(UsageError, match="HTTP 404"):
        bot.add_feed(web.url("/nothing.xml"))
    assert bot.feeds() == []


def test_a_pdf_from_the_web_is_cited_by_page(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot = make_assistant()
    filler = [
        f"Background paragraph {n} about the harbour accounts and staffing." for n in range(45)
    ]
    pdf = make_pdf([filler, ["Harbour dues rose by 12 percent in 2024, the accounts show."]])
    url = web.route("/accounts.pdf", Reply(pdf, content_type="application/pdf"))
    assert bot.ingest([url]).added == 1
    answer = bot.ask("By how much did harbour dues rise in 2024?")
    cited = answer.citations[0]
    # The passage may begin with the end of page 1 (chunks overlap by a sentence or two).
    assert cited.pages[-1] == 2 and answer.to_dict()["citations"][0]["pages"][-1] == 2
    assert "p. 2" in str(answer) or "pp. 1–2" in str(answer)
    stored = bot.article(url)
    assert [page.number for page in stored.pages] == [1, 2]
    second = stored.pages[1]
    assert stored.text[second.start : second.end].startswith("Harbour dues rose by 12 percent")


def test_folders_are_synced_and_pruned_and_removed_pages_stay_removed(
    make_assistant: AssistantFactory, web: WebServer, tmp_path: Path
) -> None:
    bot = make_assistant()
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "a.txt").write_text("Ferry notes\n\n" + STORIES["ferry"][0])
    (folder / "b.txt").write_text("Library notes\n\n" + STORIES["library"][0])
    page = story(web, "pier")
    assert bot.ingest([folder, page]).added == 3
    kinds = sorted(source.kind for source in bot.sources())
    assert kinds == ["folder", "url"]

    (folder / "b.txt").unlink()
    (folder / "c.txt").write_text("Pier notes\n\n" + STORIES["pier"][1])
    kept = bot.sync()
    assert kept.added == 1 and kept.pruned == [] and len(bot.articles()) == 4
    pruned = bot.sync(prune=True)
    assert pruned.pruned == [str((folder / "b.txt").resolve())]
    assert len(bot.articles()) == 3

    bot.remove(page)
    assert [source.kind for source in bot.sources()] == ["folder"]
    assert bot.sync().added == 0 and page not in {r.source for r in bot.articles()}

    # An article of the folder removed by hand leaves its count right at once.
    assert [source.articles for source in bot.sources()] == [2]
    bot.remove(str(folder / "a.txt"))
    assert [source.articles for source in bot.sources()] == [1]


def test_a_file_that_gives_nothing_is_not_registered_for_syncing(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    empty, binary = tmp_path / "empty.txt", tmp_path / "photo.txt"
    empty.write_text("")
    binary.write_bytes(bytes(range(256)) * 20)
    # A JSON file whose only record cannot be read is skipped by record, not as a file.
    no_text = tmp_path / "records.json"
    no_text.write_text('{"foo": 1}')
    good = tmp_path / "ferry.txt"
    good.write_text("Ferry notes\n\n" + STORIES["ferry"][0])
    report = bot.ingest([empty, binary, no_text, good])
    assert report.added == 1 and len(report.skipped) == 3
    assert (f"{no_text.resolve()} (item 1)", "needs a string field 'text' (fields found: foo)") in (
        report.skipped
    )
    assert [(source.kind, source.location) for source in bot.sources()] == [
        ("file", str(good.resolve()))
    ]


def test_an_unchanged_page_is_asked_conditionally(
    make_assistant: AssistantFactory, web: WebServer
) -> None:
    bot: Assistant = make_assistant()
    page = story(web, "ferry")
    bot.ingest([page])
    report = bot.sync()
    assert (report.not_modified, report.unchanged, report.embedded_chunks) == (1, 1, 0)
    assert bot.sources()[0].last_status == "not modified"


def test_a_long_pdf_shows_its_progress_page_by_page(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    from assistant import Progress

    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf([[f"Page {n}."] for n in range(500)]))
    seen: list[Progress] = []
    report = make_assistant().ingest([path], progress=seen.append)
    assert report.added == 1
    reading = [p.reading for p in seen if p.reading]
    assert "long.pdf: page 250/500" in reading and "long.pdf: page 475/500" in reading
    assert "reading long.pdf: page 250/500" in next(
        p.describe() for p in seen if p.reading.endswith("250/500")
    )


def test_a_file_in_a_registered_folder_is_not_registered_again(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """Reading one file of a registered folder again (it changed) updates it; the folder's
    sync reads it, so it is not listed as a source of its own beside the folder."""
    bot = make_assistant()
    folder = tmp_path / "articles"
    (folder / "week").mkdir(parents=True)
    ferry = folder / "ferry.txt"
    ferry.write_text("Ferry notes\n\n" + STORIES["ferry"][0])
    bot.ingest([folder])
    ferry.write_text("Ferry notes\n\n" + STORIES["ferry"][0] + " Crews voted again on Friday.")
    later = folder / "week" / "later.txt"
    later.write_text("Later ferry notes\n\n" + STORIES["ferry"][0].replace("Ferry", "The ferry"))
    report = bot.ingest([ferry, later])
    assert (report.updated, report.added) == (1, 1)
    assert [(s.kind, s.location) for s in bot.sources()] == [("folder", str(folder.resolve()))]
    outside = tmp_path / "outside.txt"
    outside.write_text("Outside notes\n\n" + STORIES["ferry"][0].replace("Ferry", "A ferry"))
    bot.ingest([outside])
    assert ("file", str(outside.resolve())) in [(s.kind, s.location) for s in bot.sources()]
