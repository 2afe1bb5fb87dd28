"""Running the real Gradio app in tests, on a free local port."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterator

from assistant import Assistant
from assistant.web import launch


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running(bot: Assistant) -> Iterator[str]:
    """Serve `bot`'s app for the duration of the block; yields its URL."""
    demo = launch(bot, block=False, quiet=True)
    try:
        yield f"http://{bot.settings.host}:{bot.settings.port}/"
    finally:
        try:
            demo.close()
        except RuntimeError:
            # Gradio sets an asyncio event from this thread while the server's loop may be
            # waking its waiters ("deque mutated during iteration"); closing again finishes
            # the shutdown.
            demo.close()
