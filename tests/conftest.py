"""Shared fixtures: the real embedding model (loaded once), real Chroma in temporary folders
(or, with `--chroma=server`, a real Chroma server that every test then uses), the scripted
OpenAI-compatible server, and an index of the seed article."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# A PostgreSQL server the tests may make databases on (.ci/run starts one and sets it).
POSTGRES = os.environ.pop("ASSISTANT_TEST_POSTGRES_URL", "")
# Tests must not pick up a developer's configuration.
for _name in list(os.environ):
    if _name.startswith(("ASSISTANT_", "OPENAI_")) and _name != "ASSISTANT_CACHE_DIR":
        del os.environ[_name]

from assistant import Assistant  # noqa: E402
from assistant.embedding.local import LocalEmbedder  # noqa: E402
from tests.helpers.chroma_server import chroma_server  # noqa: E402
from tests.helpers.llm_server import ScriptedLLM  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--chroma",
        choices=("embedded", "server"),
        default="embedded",
        help="run the suite on Chroma embedded in temporary folders, or on a Chroma server",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "embedded_only: about the on-disk store only")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--chroma") == "server":
        skip = pytest.mark.skip(reason="about the embedded on-disk store")
        for item in items:
            if "embedded_only" in item.keywords:
                item.add_marker(skip)


@pytest.fixture(scope="session")
def chroma_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str | None]:
    """The Chroma server's URL with --chroma=server, else None (embedded store)."""
    if request.config.getoption("--chroma") != "server":
        yield None
        return
    with chroma_server(tmp_path_factory.mktemp("chroma-server")) as url:
        yield url


StorageOptions = Callable[[Path], dict[str, Any]]


@pytest.fixture(scope="session")
def storage(chroma_url: str | None) -> StorageOptions:
    """Settings putting an index at `index_dir`: a folder, or a server collection named after it."""

    def options(index_dir: Path) -> dict[str, Any]:
        if chroma_url is None:
            return {"index_dir": index_dir}
        name = "t" + hashlib.sha1(str(index_dir).encode()).hexdigest()[:16]
        # The assistant's own database beside the test's folder, not in the working folder.
        database = f"sqlite:///{index_dir.parent / (index_dir.name + '-assistant.sqlite3')}"
        return {
            "index_dir": index_dir,
            "chroma_url": chroma_url,
            "collection": name,
            "db_url": database,
        }

    return options


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the ONNX export is cached: ASSISTANT_CACHE_DIR if set, else once per session."""
    configured = os.environ.get("ASSISTANT_CACHE_DIR")
    return Path(configured) if configured else tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="session")
def embedder(cache_dir: Path) -> LocalEmbedder:
    """The real local model, shared by every test."""
    model = LocalEmbedder(cache_dir)
    model.embed(["warm up"])
    return model


AssistantFactory = Callable[..., Assistant]


def shared_model_assistant(
    embedder: LocalEmbedder, cache_dir: Path, storage: StorageOptions, **options: Any
) -> Assistant:
    """An Assistant on the test store that reuses the already loaded embedding model."""
    for key, value in storage(Path(options.pop("index_dir"))).items():
        options.setdefault(key, value)
    options.setdefault("llm", "extractive")
    options.setdefault("cache_dir", cache_dir)
    if options.get("embed", "local") == "local":
        options["embedder"] = embedder
    return Assistant(**options)


@pytest.fixture
def make_assistant(
    tmp_path: Path, embedder: LocalEmbedder, cache_dir: Path, storage: StorageOptions
) -> Iterator[AssistantFactory]:
    """Build Assistants on a fresh index (folder or server collection), sharing the model."""

    def build(**options: Any) -> Assistant:
        options.setdefault("index_dir", tmp_path / "index")
        return shared_model_assistant(embedder, cache_dir, storage, **options)

    yield build


@pytest.fixture(scope="session")
def seeded_index(
    tmp_path_factory: pytest.TempPathFactory,
    embedder: LocalEmbedder,
    cache_dir: Path,
    storage: StorageOptions,
) -> Path:
    """An index holding the seed article, built once and only read by tests."""
    folder = tmp_path_factory.mktemp("seeded") / "index"
    bot = shared_model_assistant(embedder, cache_dir, storage, index_dir=folder)
    report = bot.ingest([SEEDS])
    assert report.added == 1
    return folder


@pytest.fixture
def seeded(make_assistant: AssistantFactory, seeded_index: Path) -> AssistantFactory:
    """Assistants over the shared seed index; tests that write build their own index."""

    def build(**options: Any) -> Assistant:
        return make_assistant(index_dir=seeded_index, **options)

    return build


AppBotFactory = Callable[..., Assistant]


@pytest.fixture(scope="session")
def app_bot(embedder: LocalEmbedder, cache_dir: Path, storage: StorageOptions) -> AppBotFactory:
    """Assistants for the web app: an index and an upload folder under `folder`, a free port."""

    def build(folder: Path, **options: Any) -> Assistant:
        from tests.helpers.app_server import free_port

        options.setdefault("port", free_port())
        return shared_model_assistant(
            embedder,
            cache_dir,
            storage,
            index_dir=folder / "index",
            upload_dir=folder / "uploads",
            **options,
        )

    return build


@pytest.fixture
def storage_env(
    monkeypatch: pytest.MonkeyPatch, storage: StorageOptions, cache_dir: Path
) -> Callable[[Path], None]:
    """Point the environment (for the CLI) at an index in the test store."""

    def point(index_dir: Path) -> None:
        monkeypatch.setenv("ASSISTANT_CACHE_DIR", str(cache_dir))
        names = {
            "index_dir": "ASSISTANT_INDEX_DIR",
            "chroma_url": "ASSISTANT_CHROMA_URL",
            "collection": "ASSISTANT_COLLECTION",
            "db_url": "ASSISTANT_DB_URL",
        }
        for key, value in storage(index_dir).items():
            monkeypatch.setenv(names[key], str(value))

    return point


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A new, empty PostgreSQL database on the server ASSISTANT_TEST_POSTGRES_URL names,
    dropped afterwards. Without that server the test is skipped, except under CI, which
    must never skip it silently."""
    import uuid

    import sqlalchemy as sa

    if not POSTGRES:
        if os.environ.get("CI") == "true":
            pytest.fail(
                "ASSISTANT_TEST_POSTGRES_URL is unset: .ci/run starts PostgreSQL and sets it"
            )
        pytest.skip(
            "no PostgreSQL: set ASSISTANT_TEST_POSTGRES_URL=postgresql+psycopg://… to test it"
        )
    name = f"assistant_test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of the assistant's: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assistant.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def llm_server() -> Iterator[ScriptedLLM]:
    """A scripted OpenAI-compatible server on a free local port."""
    with ScriptedLLM() as server:
        yield server
