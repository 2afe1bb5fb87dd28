"""Start the browser chat: `python app.py` (then open http://127.0.0.1:7860).

Builds an Assistant from the environment and flags, ingests seeds/ when the
index is empty (showing progress), and serves the Gradio app. Everything else
lives in the `assistant` package; this file uses its public API only.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant import Assistant, AssistantError, Progress

SEEDS = Path(__file__).resolve().parent / "seeds"
# Seconds between progress lines while the seed articles are ingested.
PROGRESS_EVERY = 2.0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse flags, prepare the index, and serve until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--host", help="address to listen on (default: $GRADIO_SERVER_NAME, else 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, help="port (default: $GRADIO_SERVER_PORT, else 7860)")
    parser.add_argument(
        "--index-dir", help="index folder (default: $ASSISTANT_INDEX_DIR, else ./index)"
    )
    args = parser.parse_args(argv)
    try:
        from assistant.web import launch

        bot = Assistant(args.index_dir, host=args.host, port=args.port)
        if not bot.articles():
            print(f"The index is empty: ingesting {SEEDS} first", file=sys.stderr)
            print(bot.ingest([SEEDS], progress=_progress_lines()).summary())
        print(f"Answering with {bot.status().answering}")
        print(f"Serving on http://{bot.settings.host}:{bot.settings.port} (Ctrl+C stops)")
        launch(bot, quiet=True)
    except AssistantError as error:
        print(f"app.py: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


def _progress_lines() -> Callable[[Progress], None]:
    """Print a progress line every few seconds, and the last one."""
    last = [0.0]

    def show(progress: Progress) -> None:
        now = time.monotonic()
        if progress.finished or now - last[0] >= PROGRESS_EVERY:
            last[0] = now
            print(f"ingest: {progress.describe()}", file=sys.stderr, flush=True)

    return show


if __name__ == "__main__":
    raise SystemExit(main())
