"""The collection picker: which of the installation's collections this page asks and shows.

The choice lives in the page's address (`?collection=papers`), so a page can
be bookmarked or opened beside another on a different collection, and every
event of the page works on the collection the page names; picking another
collection loads the page anew on it. A name that is not (or no longer) a
collection falls back to the app's own collection, which the picker then shows.
"""

from __future__ import annotations

import threading
from typing import Any

import gradio as gr

from assistant import Assistant, AssistantError

PARAMETER = "collection"
# Picking a collection opens the page on it (the events of that page then use it).
GO_TO = f"""(name) => {{
    const address = new URL(window.location.href);
    address.searchParams.set("{PARAMETER}", name);
    if (address.href !== window.location.href) window.location.assign(address.href);
    return name;
}}"""


class Collections:
    """The assistants of the installation's collections, made on first use and kept."""

    def __init__(self, home: Assistant) -> None:
        self.home = home
        self._bots = {home.settings.collection: home}
        self._lock = threading.Lock()

    def bot_for(self, request: gr.Request | None) -> Assistant:
        """The assistant of the collection the page's address names (else the app's own)."""
        try:
            return self.named(_named(request))
        except AssistantError:
            return self.home

    def named(self, name: str | None) -> Assistant:
        """The assistant of collection `name` (None: the app's own); AssistantError, listing
        the collections, for a name that is not one."""
        if not name or name == self.home.settings.collection:
            return self.home
        with self._lock:
            bot = self._bots.get(name)
        if bot is not None and name not in self.home.collections():
            # Deleted since (by another page or the command line): not shown as empty.
            with self._lock:
                self._bots.pop(name, None)
            bot = None
        if bot is None:
            bot = self.home.in_collection(name)
            with self._lock:
                bot = self._bots.setdefault(name, bot)
        return bot

    def names(self) -> list[str]:
        """Every collection there is now, the app's own included (even before it holds any)."""
        return sorted({*self.home.collections(), self.home.settings.collection})

    def picker_now(self, request: gr.Request) -> Any:
        """The picker as the page loads: every collection there is now, this page's chosen."""
        return gr.update(choices=self.names(), value=self.bot_for(request).settings.collection)


def _named(request: gr.Request | None) -> str:
    if request is None:
        return ""
    try:
        return str(request.query_params.get(PARAMETER) or "")
    except AttributeError:  # a request without a page (an API call)
        return ""


def add_picker(demo: gr.Blocks, collections: Collections) -> None:
    """Lay out the picker where the caller builds its layout, and wire it."""
    name = collections.home.settings.collection
    picker = gr.Dropdown(
        choices=[name],
        value=name,
        label="Collection",
        info="Each collection has its own articles; the page shows and asks the one picked",
        elem_id="collection",
        scale=1,
    )
    demo.load(collections.picker_now, None, [picker], api_visibility="private")
    picker.input(None, [picker], [picker], js=GO_TO, api_visibility="private")
