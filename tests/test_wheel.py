"""The package as a user installs it: a built wheel in a fresh virtual environment.

The wheel is built from this checkout and installed (not editable) into a
new virtual environment that borrows the already installed dependencies;
the commands then run from a folder outside the checkout, so nothing of the
repository can stand in for a file the wheel forgot.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED_FILE
from tests.helpers.app_server import free_port

pytestmark = pytest.mark.embedded_only


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment with the wheel installed; returns its bin folder."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(work / "dist"),
            str(REPO),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [wheel] = (work / "dist").glob("assistant-*.whl")
    venv.create(work / "venv", system_site_packages=True, with_pip=True)
    bin_dir = work / "venv" / "bin"
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return bin_dir


def run(bin_dir: Path, cwd: Path, cache_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(ASSISTANT_CACHE_DIR=str(cache_dir), ASSISTANT_INDEX_DIR=str(cwd / "index"))
    return subprocess.run(
        [str(bin_dir / argv[0]), *argv[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_wheel_carries_everything_the_commands_need(
    installed: Path, tmp_path: Path, cache_dir: Path
) -> None:
    where = run(
        installed,
        tmp_path,
        cache_dir,
        "python",
        "-c",
        "import assistant; print(assistant.__file__)",
    )
    assert where.stdout.startswith(str(installed.parent)), "the wheel, not the checkout"
    article = tmp_path / "call.txt"
    article.write_text(SEED_FILE.read_text(encoding="utf-8"), encoding="utf-8")
    ingest = run(installed, tmp_path, cache_dir, "assistant", "ingest", str(article))
    assert ingest.returncode == 0, ingest.stderr
    assert "1 added" in ingest.stdout
    ask = run(installed, tmp_path, cache_dir, "assistant", "ask", "How long did the call last?")
    assert ask.returncode == 0, ask.stderr
    assert "90 minutes" in ask.stdout and "[1]" in ask.stdout
    refused = run(
        installed, tmp_path, cache_dir, "assistant", "ask", "What is the capital of Peru?"
    )
    assert refused.returncode == 0 and refused.stdout.startswith("The articles do not say.")
    listing = (
        "from importlib.resources import files; "
        "print(' '.join(sorted(p.name for p in (files('assistant') / 'prompts').iterdir())))"
    )
    packaged = run(installed, tmp_path, cache_dir, "python", "-c", listing).stdout.split()
    assert packaged == sorted(p.name for p in (REPO / "prompts").glob("*.txt"))


def test_the_app_from_the_wheel_serves_its_page(
    installed: Path, tmp_path: Path, cache_dir: Path
) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(ASSISTANT_CACHE_DIR=str(cache_dir), ASSISTANT_INDEX_DIR=str(tmp_path / "index"))
    server = subprocess.Popen(
        [str(installed / "assistant"), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        page = ""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not page:
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as reply:
                    page = reply.read().decode()
            except OSError:
                time.sleep(0.5)
        assert "Ask your articles" in page, "the page and its layout came from the wheel"
        assert ".passage-head" in page, "the packaged stylesheet is in the page"
        assert "assistantSelection" in page, "the packaged script is in the page"
    finally:
        server.terminate()
        server.wait(timeout=30)
