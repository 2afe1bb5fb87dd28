"""Reading what people keep: web page and PDF throughput, and what a sync of unchanged feeds costs.

    python bench/sources.py [--feeds 10] [--per-feed 20] [--pdf-pages 500]

1. HTML: the assistant's page reader (trafilatura + project steps, through
   `read_document`) over the pages of bench/data/pages, pages per second,
   beside trafilatura's own `extract()` with its defaults on the same pages.
2. PDF: the assistant's PDF reader (pypdfium2, page by page) on a generated
   PDF of --pdf-pages text pages, pages per second, beside pypdf's
   `extract_text` on the same file.
3. Sync: --feeds RSS feeds of --per-feed articles each (the bench pages,
   served under distinct addresses by a local HTTP server with ETags) are
   added to a fresh index; then `sync()` runs with nothing changed. Printed:
   requests, downloads, 304s, chunks embedded and seconds, beside what a
   reader without validators or memory of entries would do (fetch every
   feed and every article page again and extract them).

Uses the test helpers for the local server and the PDF writer.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant
from assistant.ingest.fetch import Fetcher, Request
from assistant.ingest.readers import read_document
from tests.helpers.pdfs import make_pdf
from tests.helpers.web_server import Reply, WebServer, rss

PAGES_DIR = Path(__file__).resolve().parent / "data" / "pages"


def best_of(runs: int, work: object) -> float:
    """The shortest of `runs` timings of `work()`, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return min(times)


def html_rates(repeat: int) -> None:
    import trafilatura

    pages = [path.read_bytes() for path in sorted(PAGES_DIR.glob("*.html"))]
    ours = best_of(repeat, lambda: [read_document("/p.html", data, ".html") for data in pages])
    theirs = best_of(repeat, lambda: [trafilatura.extract(data.decode()) for data in pages])
    print(f"## HTML pages ({len(pages)} pages of bench/data/pages, best of {repeat})\n")
    print("| reader | pages/s |\n|---|---|")
    reader = "assistant `read_document` (trafilatura + steps, metadata, date)"
    print(f"| {reader} | {len(pages) / ours:.0f} |")
    print(f"| trafilatura `extract()` defaults (text only) | {len(pages) / theirs:.0f} |\n")


def pdf_rates(pages: int, repeat: int) -> None:
    from pypdf import PdfReader

    lines = [
        "Harbour dues rose by twelve percent last year, the accounts of the port authority show,",
        "while the number of fishing boats landing their catch fell for the third year running.",
    ]
    data = make_pdf([[f"Page {n}."] + lines * 18 for n in range(pages)])
    ours = best_of(repeat, lambda: read_document("/p.pdf", data, ".pdf"))

    def with_pypdf() -> None:
        for page in PdfReader(io.BytesIO(data)).pages:
            page.extract_text()

    theirs = best_of(1, with_pypdf)
    print(f"## PDF ({pages} text pages, {len(data) / 1e6:.1f} MB; best of {repeat})\n")
    print("| reader | pages/s |\n|---|---|")
    print(f"| assistant PDF reader (pypdfium2, page by page, cleaned) | {pages / ours:.0f} |")
    print(f"| pypdf `extract_text` | {pages / theirs:.0f} |\n")


def sync_costs(feeds: int, per_feed: int) -> None:
    pages = [path.read_text(encoding="utf-8") for path in sorted(PAGES_DIR.glob("*.html"))]
    with WebServer() as web, tempfile.TemporaryDirectory() as folder:
        feed_urls = []
        for f in range(feeds):
            items = []
            for a in range(per_feed):
                n = f * per_feed + a
                url = web.page(f"/f{f}/a{a}", pages[n % len(pages)])
                items.append((f"Article {n}", url))
            feed_urls.append(
                web.route(
                    f"/feed{f}.xml",
                    Reply(rss(f"Feed {f}", items), content_type="application/rss+xml"),
                )
            )
        bot = Assistant(Path(folder) / "index", llm="extractive")
        started = time.perf_counter()
        added = [bot.add_feed(url) for url in feed_urls]
        first = time.perf_counter() - started
        chunks = sum(r.embedded_chunks for r in added)
        articles = sum(r.added for r in added)
        before = sum(web.hits.values())
        started = time.perf_counter()
        report = bot.sync()
        again = time.perf_counter() - started
        requests = sum(web.hits.values()) - before

        with Fetcher(bot.settings) as fetcher:
            before = sum(web.hits.values())
            started = time.perf_counter()
            everything = [Request(u) for u in feed_urls]
            everything += [
                Request(web.url(f"/f{f}/a{a}")) for f in range(feeds) for a in range(per_feed)
            ]
            for _, outcome in fetcher.fetch_all(everything):
                if not isinstance(outcome, Exception) and outcome.kind == ".html":
                    read_document(
                        outcome.final_url, outcome.data, outcome.kind, url=outcome.final_url
                    )
            naive = time.perf_counter() - started
            naive_requests = sum(web.hits.values()) - before
    print(
        f"## Sync of {feeds} unchanged feeds of {per_feed} articles ({feeds * per_feed} articles)\n"
    )
    print(f"First read (`feeds add` each): {articles} articles, {chunks} chunks embedded, ", end="")
    print(f"{first:.1f} s.\n")
    print("| run | requests | downloads | 304 not modified | chunks embedded | seconds |")
    print("|---|---|---|---|---|---|")
    print(
        f"| `sync()` (conditional, entries remembered) | {requests} | {report.fetched} | "
        f"{report.not_modified} | {report.embedded_chunks} | {again:.2f} |"
    )
    print(
        f"| re-fetch everything and extract (no validators, no entry memory) | {naive_requests} | "
        f"{naive_requests} | 0 | – | {naive:.2f} |\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=10)
    parser.add_argument("--per-feed", type=int, default=20)
    parser.add_argument("--pdf-pages", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    html_rates(args.repeat)
    pdf_rates(args.pdf_pages, args.repeat)
    sync_costs(args.feeds, args.per_feed)


if __name__ == "__main__":
    main()
