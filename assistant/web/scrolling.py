"""Where the page is scrolled when a person asks (the chat is brought into view) or exports
a conversation (the export is).

The chat is 540 px high under the header, so on a laptop screen the question
box sits below the fold. Focusing the box (the page autofocuses it; a click
does too) scrolls the page until the box is in view, which leaves the first
messages of the chat above the top edge: an answer then appeared out of
sight, beside a passages panel that was in view. Asking therefore scrolls the
chat and the question box into view, and only when they are not already.
Nothing is scrolled while the answer streams, so a person scrolling away to
read is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Runs in the page when a question is asked, before the answer comes: scrolls by the least that
# shows the chat and the question box under it, or, in a window too short for both, the box and
# the end of the chat above it (where the new answer is).
SHOW_CHAT = """() => {
    const chat = document.getElementById("chat");
    const box = document.getElementById("question");
    if (!chat || !box) return;
    const top = chat.getBoundingClientRect().top;
    const bottom = box.getBoundingClientRect().bottom;
    const room = window.innerHeight;
    if (top >= 0 && bottom <= room) return;
    window.scrollBy({ top: top < 0 && bottom - top <= room ? top : bottom - room });
}"""


def show_chat_on(*triggers: Callable[..., Any]) -> None:
    """Scroll the chat into view whenever one of `triggers` (`button.click`,
    `textbox.submit`) fires; the script runs in the browser as the question is sent."""
    for trigger in triggers:
        trigger(None, js=SHOW_CHAT, api_visibility="private")


# Runs in the page once a conversation is exported: the export (opened in the right-hand
# column, far below the sidebar's button) is brought into view, or nothing seemed to happen.
SHOW_EXPORT = """() => {
    const shown = document.getElementById("export");
    if (shown) shown.scrollIntoView({ block: "nearest" });
}"""
