"""Start the browser chat: `python app.py` (then open http://127.0.0.1:7860).

Builds an Assistant from the environment and flags, ingests seeds/ when the
index is empty (showing progress), and serves the Gradio app. Everything else
lives in the `assistant` package.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant.cli import progress_printer
from assistant.engine import Assistant
from assistant.errors import AssistantError

SEEDS = Path(__file__).resolve().parent / "seeds"


def main(argv: Sequence[str] | None = None) -> int:
    """Parse flags, prepare the index, and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--host", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (default 7860)")
    parser.add_argument("--index-dir", help="index folder (default ./index)")
    args = parser.parse_args(argv)
    try:
        from assistant.web.ui import launch

        bot = Assistant(index_dir=args.index_dir, host=args.host, port=args.port)
        if not bot.articles():
            print(f"The index is empty: ingesting {SEEDS} first", file=sys.stderr)
            print(bot.ingest([SEEDS], progress=progress_printer(sys.stderr)).summary())
        print(f"Answering with {bot.settings.describe_llm()}")
        print(f"Serving on http://{bot.settings.host}:{bot.settings.port} (Ctrl+C stops)")
        launch(bot, quiet=True)
    except AssistantError as error:
        print(f"app.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
