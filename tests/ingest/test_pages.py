"""Web pages through trafilatura: the article body without what surrounds it, its metadata,
and pages that are not articles refused with a reason."""

from __future__ import annotations

from assistant.ingest.html import extract_html
from assistant.ingest.readers import read_document
from assistant.records import Article, Skipped

BODY = [
    "The harbour board approved a plan on Tuesday to rebuild the north pier, which has been "
    "closed to the public since storms damaged it two winters ago.",
    "Work will start in March and cost about £4.2m, most of it paid by a government grant, "
    "the board's chair, Maria Lindqvist, told the meeting.",
    "Fishing crews said the closure had cost them landing fees and that the new pier should "
    "have room for larger boats than the old one did.",
    "A public consultation on the design will open next month and run for six weeks.",
]

HOSTILE = f"""<!doctype html><html><head>
<title>Harbour board approves pier rebuild | The Coastal Gazette</title>
<meta property="og:type" content="article">
<meta property="og:site_name" content="The Coastal Gazette">
<link rel="canonical" href="https://gazette.example.com/news/pier-rebuild">
<meta name="author" content="Tom Baines">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<script>window.dataLayer = ["tracking secret"];</script>
<style>.ad {{ color: red }}</style></head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies or manage
your preferences in our cookie settings.</div>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/weather">Weather</a> <a href="/subscribe">Subscribe for £1 a week</a></nav></header>
<div class="ad">ADVERTISEMENT — Holiday cottages from £199, book now</div>
<main><article>
<h1>Harbour board approves pier rebuild</h1>
<p class="byline">By Tom Baines</p>
<p class="dateline">4 March 2025</p>
<figure><img src="pier.jpg" alt="The pier"><figcaption>The north pier after the storm
(Photo: Gazette archive)</figcaption></figure>
{"".join(f"<p>{p}</p>" for p in BODY)}
<div class="paywall-teaser">Subscribe to read more stories like this. Already a member? Log in.
</div>
</article></main>
<aside class="related"><h2>Related stories</h2><ul>
<li><a href="/a">Storm damage closes seafront cafe</a></li>
<li><a href="/b">Ferry timetable changes for summer</a></li>
<li><a href="/c">Lifeboat crew rescues two kayakers</a></li></ul></aside>
<section id="comments"><h2>Comments (3)</h2>
<div class="comment"><p>Angry reader: This is a waste of money, they should fix the roads
first.</p></div>
<div class="comment"><p>Sailor99: About time! The old pier was dangerous.</p></div></section>
<footer><p>© The Coastal Gazette 2025. All rights reserved.</p><p>Privacy policy · Terms</p>
</footer></body></html>"""


def test_a_hostile_page_gives_only_its_article_and_metadata() -> None:
    page = extract_html(HOSTILE)
    for paragraph in BODY:
        assert paragraph in page.text
    for furniture in (
        "cookies",
        "Subscribe for",
        "ADVERTISEMENT",
        "Related stories",
        "Ferry timetable",
        "Angry reader",
        "Sailor99",
        "All rights reserved",
        "tracking secret",
        "color: red",
        "By Tom Baines",
        "Photo: Gazette archive",
        "Already a member",
    ):
        assert furniture not in page.text, furniture
    assert "<" not in page.text
    assert page.title == "Harbour board approves pier rebuild"
    assert (page.author, page.date, page.site) == (
        "Tom Baines",
        "2025-03-04",
        "The Coastal Gazette",
    )
    assert page.url == "https://gazette.example.com/news/pier-rebuild"


def test_a_date_only_in_the_text_is_found_for_the_date_filters() -> None:
    html = (
        "<html><head><title>Ferry back</title></head><body><article><h1>Ferry back</h1>"
        "<p>Published 12 January 2024</p>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "</article></body></html>"
    )
    [article] = read_document("/p.html", html.encode(), ".html")
    assert isinstance(article, Article) and article.date == "2024-01-12"


def test_pages_that_are_not_articles_are_skipped_with_a_reason() -> None:
    front = (
        '<html><head><meta property="og:type" content="website"><title>News</title></head>'
        "<body><ul>"
        + "".join(f"<li><a href='/{i}'>Story {i}</a></li>" for i in range(30))
        + "</ul><p>"
        + BODY[0]
        + "</p></body></html>"
    )
    error = (
        "<html><head><title>Page not found - The Coastal Gazette</title></head><body>"
        "<h1>Page not found</h1><p>Sorry, the page you were looking for does not exist or has "
        "been moved. Try searching our site.</p></body></html>"
    )
    empty = "<html><head><title>Gallery</title></head><body><img src=a.jpg></body></html>"
    # Titled by its heading, the error is in its <title> only.
    sorry = (
        "<html><head><title>404 Page not found</title></head><body><h1>Sorry, we couldn't "
        "find that page</h1><p>The page you are looking for may have been moved or deleted. "
        'Try our <a href="/">home page</a>.</p></body></html>'
    )
    section = (
        "<html><head><title>Sport | Calloway Courier</title></head><body><h1>Sport</h1><ul>"
        + "".join(
            f"<li><a href='/{i}'>Okafor wins the marathon again {i}</a></li>" for i in range(4)
        )
        + "</ul><p>Subscribe to our newsletter for the latest sport news.</p></body></html>"
    )
    reasons = {}
    pages = (("front", front), ("error", error), ("empty", empty), ("sorry", sorry))
    for name, html in (*pages, ("section", section)):
        [item] = read_document(f"/{name}.html", html.encode(), ".html")
        assert isinstance(item, Skipped), item
        reasons[name] = item.reason
    assert "not an article (og:type website)" in reasons["front"]
    assert "looks like an error page" in reasons["error"]
    assert "no article text found" in reasons["empty"]
    assert "looks like an error page" in reasons["sorry"]
    assert "section page" in reasons["section"]


def test_the_same_page_read_twice_gives_the_same_article() -> None:
    """trafilatura's deduplication cache would empty a page seen before; it is off."""
    texts = {extract_html(HOSTILE).text for _ in range(5)}
    assert len(texts) == 1 and BODY[0] in texts.pop()
