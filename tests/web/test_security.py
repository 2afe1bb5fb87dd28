"""The running app's perimeter, probed with real HTTP requests."""

from __future__ import annotations

import concurrent.futures
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from assistant import Assistant
from tests.conftest import SEEDS, AppBotFactory
from tests.helpers.app_server import running
from tests.helpers.llm_server import Reply, ScriptedLLM


@pytest.fixture(scope="module")
def app(
    tmp_path_factory: pytest.TempPathFactory, app_bot: AppBotFactory
) -> Iterator[tuple[str, Assistant]]:
    bot = app_bot(tmp_path_factory.mktemp("secure"), max_upload_mb=1)
    bot.ingest([SEEDS])
    with running(bot) as url:
        yield url, bot


def upload(url: str, name: str, data: bytes) -> httpx.Response:
    return httpx.post(f"{url}gradio_api/upload", files={"files": (name, data)}, timeout=30)


def served(url: str, path: str) -> int:
    return httpx.get(f"{url}gradio_api/file={path}", timeout=30).status_code


def test_uploaded_files_are_served(app: tuple[str, Assistant]) -> None:
    url, _ = app
    response = upload(url, "note.txt", b"Harbour report\n\n41 boats.\n")
    assert response.status_code == 200
    [path] = response.json()
    assert served(url, path) == 200


@pytest.mark.parametrize(
    "path",
    [
        "/etc/passwd",
        "../../../../etc/passwd",
        "%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%2f..%2f..%2f..%2fetc%2fpasswd",
        "app.py",
        "pyproject.toml",
    ],
)
def test_nothing_outside_the_uploads_is_served(app: tuple[str, Assistant], path: str) -> None:
    assert served(app[0], path) in (403, 404)


@pytest.mark.embedded_only
def test_the_index_folder_is_not_served(app: tuple[str, Assistant]) -> None:
    url, bot = app
    database = Path(bot.settings.index_dir).resolve() / "chroma.sqlite3"
    assert database.exists() and served(url, str(database)) == 403


def test_other_apps_uploads_are_not_served(app: tuple[str, Assistant]) -> None:
    url, _ = app
    shared = Path(tempfile.gettempdir()) / "gradio" / "someone-else"
    shared.mkdir(parents=True, exist_ok=True)
    (shared / "secret.txt").write_text("not yours")
    assert served(url, str(shared / "secret.txt")) == 403
    uploaded = upload(url, "escape.txt", b"x").json()[0]
    assert served(url, f"{uploaded}/../../someone-else/secret.txt") in (403, 404)


def test_uploads_over_the_size_limit_are_refused(app: tuple[str, Assistant]) -> None:
    response = upload(app[0], "big.txt", b"a" * (2 * 1024 * 1024))
    assert response.status_code == 413


def test_listening_beyond_localhost_requires_a_login(
    tmp_path: Path, app_bot: AppBotFactory
) -> None:
    bot = app_bot(tmp_path, host="127.0.0.2", auth="editor:s3cret-words")
    bot.ingest([SEEDS])
    with running(bot) as url:
        assert url.startswith("http://127.0.0.2:")
        anonymous = httpx.get(f"{url}gradio_api/info", timeout=30)
        assert anonymous.status_code in (401, 403)
        with pytest.raises(Exception, match=r"(?i)login|auth|401|403"):
            Client(url, verbose=False)
        client = Client(url, auth=("editor", "s3cret-words"), verbose=False)
        result = client.predict(
            "How much are Ukraine's rare earth minerals worth?", None, None, api_name="/ask"
        )
        assert "$500 billion" in result["answer"]


def test_a_full_queue_answers_busy(tmp_path: Path, app_bot: AppBotFactory) -> None:
    with ScriptedLLM(Reply(text="The call lasted nearly 90 minutes [1].", delay=3)) as llm:
        bot = app_bot(
            tmp_path, llm="openai", openai_base_url=llm.url, openai_api_key="k", max_queue=1
        )
        bot.ingest([SEEDS])
        with running(bot) as url:
            client = Client(url, verbose=False)
            question = "How long did the call between Trump and Putin last?"
            with concurrent.futures.ThreadPoolExecutor(14) as pool:
                futures = [
                    pool.submit(client.predict, question, None, None, api_name="/ask")
                    for _ in range(14)
                ]
                outcomes = []
                for future in futures:
                    try:
                        outcomes.append(future.result(timeout=120)["answer"])
                    except Exception as error:
                        outcomes.append(f"error: {error}")
    busy = [o for o in outcomes if o.startswith("error")]
    answered = [o for o in outcomes if "90 minutes" in o]
    assert busy and all("Queue is full" in o for o in busy)
    assert len(answered) >= 8, "requests within the limits are still answered"
