"""Where the page is scrolled when a person asks: the chat is brought into view.

The chat is 540 px high under the header, so on a laptop screen the question
box sits below the fold. Focusing the box (the page autofocuses it; a click
does too) scrolls the page until the box is in view, which leaves the first
messages of the chat above the top edge: an answer then appeared out of
sight, beside a passages panel that was in view. Asking therefore scrolls the
whole chat into view, and only when it is not already (a window shorter than
the chat shows its end, where the new answer is). Nothing is scrolled while
the answer streams, so a person scrolling away to read is left alone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

# Runs in the page when a question is asked, before the answer comes.
SHOW_CHAT = """() => {
    const chat = document.getElementById("chat");
    if (!chat) return;
    const box = chat.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    chat.scrollIntoView({ block: box.height > window.innerHeight ? "end" : "start" });
}"""


def show_chat_on(*triggers: Callable[..., Any]) -> None:
    """Scroll the chat into view whenever one of `triggers` (`button.click`,
    `textbox.submit`) fires; the script runs in the browser as the question is sent."""
    for trigger in triggers:
        trigger(None, js=SHOW_CHAT, api_visibility="private")
