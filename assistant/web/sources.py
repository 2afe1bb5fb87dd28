"""The "Feeds and web pages" section of the browser app: read links, add feeds, sync.

Addresses typed here come from the network, so they are fetched with
`public_only`: nothing on the server's own machine or private network is
fetched unless the operator sets ASSISTANT_ALLOW_PRIVATE_URLS=1. The list
shows every registered source with its last sync and article count, and is
brought up to date on every page load and after every action here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

import gradio as gr

from assistant import Assistant, AssistantError, IngestReport, Progress, SourceRecord
from assistant.web import render, writing

# Addresses read from the box at once: the box is for a few links, not a crawl.
MAX_LINKS = 50


def sources_table(records: Sequence[SourceRecord], label: Callable[[str], str]) -> str:
    """The registered sources as an HTML table (escaped), or a line saying there are none."""
    if not records:
        return (
            '<p class="note" id="no-sources">No feeds or web pages registered yet: add a feed, '
            "or read a page from its address.</p>"
        )
    rows = "".join(
        "<tr>"
        f"<td>{render.escape(record.kind)}</td>"
        f"<td><code>{render.escape(label(record.location))}</code>"
        f"{'<br>' + render.escape(record.title) if record.title else ''}</td>"
        f"<td>{record.articles}</td>"
        f"<td>{render.escape(_when(record.last_sync))}</td>"
        f"<td>{render.escape(record.last_status)}</td>"
        "</tr>"
        for record in records
    )
    return (
        '<table class="sources"><thead><tr><th>Kind</th><th>Where</th><th>Articles</th>'
        f"<th>Last sync</th><th>Last result</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _when(stamp: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp)) if stamp else "never"


def links_in(text: str | None) -> list[str]:
    """The addresses in the box: one a line (or separated by spaces), blanks left out."""
    return list(dict.fromkeys((text or "").split()))


# The assistant of the collection a page shows, and the app's article views for that page.
BotFor = Callable[[gr.Request | None], Assistant]
ArticleViews = Callable[[gr.Request | None], tuple[Any, ...]]


class SourcesSection:
    """Event handlers of the section, working on the collection each page names (`bot_for`),
    and the app's article views."""

    def __init__(self, bot_for: BotFor, article_views: ArticleViews) -> None:
        self.bot_for = bot_for
        self.article_views = article_views

    def table(self, request: gr.Request | None = None) -> str:
        """The registered sources now."""
        bot = self.bot_for(request)
        try:
            return sources_table(bot.sources(), bot.source_label)
        except AssistantError as error:
            return render.error_panel(str(error), "Not done")

    def read_links(
        self, text: str | None, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Fetch and ingest the addresses typed in the box (emptied once they are read)."""
        links = links_in(text)
        if not links:
            yield _refused("Type or paste one or more web addresses first.")
        elif len(links) > MAX_LINKS:
            yield _refused(f"At most {MAX_LINKS} addresses at a time, not {len(links)}.")
        else:
            bot = self.bot_for(request)
            yield from self._run(
                lambda show: bot.ingest(links, show, public_only=True),
                bot,
                request,
                f"Reading {render.count(len(links), 'web page')}…",
            )

    def add_feed(
        self, url: str | None, request: gr.Request | None = None
    ) -> Iterator[tuple[Any, ...]]:
        """Register a feed and read its articles (the box is emptied once it is added)."""
        address = (url or "").strip()
        if not address:
            yield _refused("Type a feed's address first.")
        else:
            bot = self.bot_for(request)
            yield from self._run(
                lambda show: bot.add_feed(address, show, public_only=True),
                bot,
                request,
                "Reading the feed…",
            )

    def sync(self, request: gr.Request | None = None) -> Iterator[tuple[Any, ...]]:
        """Read every registered source again."""
        bot = self.bot_for(request)
        syncing = self._run(lambda show: bot.sync(show, public_only=True), bot, request, "Syncing…")
        for outputs in syncing:
            yield outputs[:-1]

    def _run(
        self,
        action: Callable[[Callable[[Progress], None]], IngestReport],
        bot: Assistant,
        request: gr.Request | None,
        starting: str,
    ) -> Iterator[tuple[Any, ...]]:
        """The progress while `action` runs (writing.py); then the report, the tables brought
        up to date, and the input box unlocked (writing.on locks it: what was typed meanwhile
        would be emptied with it), emptied on success."""
        outcome = yield from writing.shown(action, width=8, starting=starting)
        result = writing.outcome_panel(outcome, partial(render.report, label=bot.source_label))
        failed = isinstance(outcome, AssistantError)
        box = gr.update(interactive=True) if failed else gr.update(value="", interactive=True)
        yield (result, self.table(request), *self.article_views(request), box)


def _refused(message: str) -> tuple[Any, ...]:
    """What a handler returns when there is nothing to do: the reason, and the input box
    unlocked (writing.on locked it), nothing else changed."""
    return (render.error_panel(message, "Not done"), *(gr.skip(),) * 6, gr.update(interactive=True))


def add_section(
    demo: gr.Blocks,
    bot_for: BotFor,
    article_views: ArticleViews,
    article_outputs: list[Any],
) -> None:
    """Lay out the section (inside the app's Blocks `demo`) and wire its events; every page
    load shows the registered sources as they are then.

    `article_outputs` are the components `article_views` fills (the report,
    the article table, pickers, status line and confirm row), so reading
    pages here shows up there at once, and a change of the article table
    (a removal) here.
    """
    section = SourcesSection(bot_for, article_views)
    with gr.Accordion("Feeds and web pages", open=False, elem_id="feeds"):
        links = gr.Textbox(
            label="Read articles from web addresses (one a line)",
            lines=3,
            max_lines=10,
            placeholder="https://…",
            elem_id="links",
        )
        read = gr.Button("Read these pages", elem_id="read-links")
        with gr.Row():
            feed_url = gr.Textbox(
                label="Add an RSS or Atom feed",
                placeholder="https://…/feed.xml",
                scale=4,
                elem_id="feed-url",
            )
            add = gr.Button("Add feed", scale=1, elem_id="add-feed")
        sync = gr.Button("Sync all now", size="sm", elem_id="sync-now")
        result = gr.HTML(elem_id="sources-report")
        table = gr.HTML(section.table(None), elem_id="sources")
    outputs = [result, table, *article_outputs[1:]]
    for button, handler, inputs in (
        (read, section.read_links, [links]),
        (add, section.add_feed, [feed_url]),
        (sync, section.sync, []),
    ):
        writing.on(button.click, handler, inputs, [*outputs, *inputs], box=next(iter(inputs), None))
    demo.load(section.table, None, [table], api_visibility="private")
    # An article removed by hand changes its source's count: the list follows the articles.
    article_outputs[1].change(section.table, None, [table], api_visibility="private")
