"""A real Chroma server (`chroma run` from the chromadb package) for tests, on a free port."""

from __future__ import annotations

import contextlib
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from tests.helpers.app_server import free_port

START_TIMEOUT = 60.0


@contextlib.contextmanager
def chroma_server(folder: Path) -> Iterator[str]:
    """Run `chroma run --path folder` until the block ends; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (folder / "chroma.log").open("wb")
    process = subprocess.Popen(
        [
            "chroma",
            "run",
            "--path",
            str(folder / "data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"chroma run exited with {process.returncode}: see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(
                        f"chroma run did not answer within {START_TIMEOUT} s"
                    ) from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
