"""`assistant serve`: the browser app, as `python app.py` starts it (without the seeding)."""

from __future__ import annotations

import argparse
from typing import Any

from assistant import Assistant
from assistant.cli.common import EXIT_OK, Options


def register(commands: Any, options: Options) -> None:
    """Add serve."""
    serve = commands.add_parser(
        "serve",
        parents=[options.common],
        help="start the browser app (what `python app.py` starts, without ingesting the seed)",
    )
    serve.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 7860)")
    serve.set_defaults(handler=_serve, creates_index=True)


def _serve(bot: Assistant, args: argparse.Namespace) -> int:
    from assistant.web import launch

    print(f"Answering with {bot.status().answering}")
    print(f"Serving on http://{bot.settings.host}:{bot.settings.port} (Ctrl+C stops)", flush=True)
    launch(bot, quiet=True)
    return EXIT_OK
