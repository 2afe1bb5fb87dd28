"""Shared fixtures: the real embedding model (loaded once), real Chroma in temporary folders,
the scripted OpenAI-compatible server, and an index of the seed article."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
# Tests must not pick up a developer's configuration.
for _name in list(os.environ):
    if _name.startswith(("ASSISTANT_", "OPENAI_")) and _name != "ASSISTANT_CACHE_DIR":
        del os.environ[_name]

from assistant import Assistant  # noqa: E402
from assistant.embeddings import LocalEmbedder  # noqa: E402
from tests.llm_server import ScriptedLLM  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))


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


@pytest.fixture
def make_assistant(
    tmp_path: Path, embedder: LocalEmbedder, cache_dir: Path
) -> Iterator[AssistantFactory]:
    """Build Assistants on a fresh index folder, sharing the loaded embedding model."""

    def build(**options: Any) -> Assistant:
        options.setdefault("index_dir", tmp_path / "index")
        options.setdefault("llm", "extractive")
        options.setdefault("cache_dir", cache_dir)
        bot = Assistant(**options)
        if bot.settings.embed == "local":
            bot.__dict__["embedder"] = embedder
        return bot

    yield build


@pytest.fixture(scope="session")
def seeded_index(
    tmp_path_factory: pytest.TempPathFactory, embedder: LocalEmbedder, cache_dir: Path
) -> Path:
    """An index folder holding the seed article, built once and only read by tests."""
    folder = tmp_path_factory.mktemp("seeded") / "index"
    bot = Assistant(index_dir=folder, llm="extractive", cache_dir=cache_dir)
    bot.__dict__["embedder"] = embedder
    report = bot.ingest([SEEDS])
    assert report.added == 1
    return folder


@pytest.fixture
def seeded(make_assistant: AssistantFactory, seeded_index: Path) -> AssistantFactory:
    """Assistants over the shared seed index; tests that write build their own index."""

    def build(**options: Any) -> Assistant:
        return make_assistant(index_dir=seeded_index, **options)

    return build


@pytest.fixture
def llm_server() -> Iterator[ScriptedLLM]:
    """A scripted OpenAI-compatible server on a free local port."""
    with ScriptedLLM() as server:
        yield server
