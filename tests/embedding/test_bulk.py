"""Large embedding jobs move to the bfloat16 engine; its vectors stay those of the model."""

from pathlib import Path

import numpy as np
import pytest

from assistant.config import Settings
from assistant.embedding import bulk as bulk_engine
from assistant.embedding import local as embeddings
from assistant.embedding import make_embedder
from assistant.embedding.local import LocalEmbedder
from tests.conftest import SEED_FILE


def _large_job() -> list[str]:
    """Overlapping windows of the seed article: a call larger than LARGE_CALL_TOKENS."""
    text = SEED_FILE.read_text(encoding="utf-8")
    step = (len(text) - 900) // 120
    return [text[i * step : i * step + 900] for i in range(120)]


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ("flags\t\t: fpu avx512f amx_bf16 amx_tile amx_int8\n", True),
        ("flags\t\t: fpu avx2 avx512f avx512_bf16\n", False),
        ("model name\t: amx_bf16 in a name is not a flag\nflags\t\t: fpu avx2\n", False),
    ],
)
def test_amx_is_read_from_the_cpu_flags(tmp_path: Path, flags: str, expected: bool) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text(f"processor\t: 0\n{flags}")
    assert bulk_engine.amx_available(cpuinfo) is expected


def test_no_cpuinfo_means_no_bulk_engine(tmp_path: Path) -> None:
    assert bulk_engine.amx_available(tmp_path / "missing") is False


def test_setting_off_keeps_large_jobs_on_onnx(tmp_path: Path) -> None:
    off = make_embedder(Settings.from_env({"ASSISTANT_EMBED_BF16": "off"}, cache_dir=tmp_path))
    assert isinstance(off, LocalEmbedder)
    assert off.load_bulk_engine() is False


def test_questions_and_a_mid_sized_ingest_never_ask_for_the_bulk_engine(
    cache_dir: Path, embedder: LocalEmbedder
) -> None:
    texts = _large_job()
    tokens = embedder.tokens_embedded(texts)
    assert embeddings.LARGE_CALL_TOKENS <= tokens < embeddings.BULK_AFTER_TOKENS
    model = LocalEmbedder(cache_dir, bulk=True)
    for _ in range(50):
        model.embed(["How long did the call last?", SEED_FILE.read_text(encoding="utf-8")])
    model.embed(texts)
    assert not model.bulk_requested
    assert model.engine == "onnxruntime"


def test_enough_document_work_asks_for_it_without_waiting_for_it(
    cache_dir: Path, embedder: LocalEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    texts = _large_job()
    tokens = embedder.tokens_embedded(texts)
    # Two calls of this size make enough work (the real threshold needs a longer ingest).
    monkeypatch.setattr(embeddings, "BULK_AFTER_TOKENS", tokens + 1)
    model = LocalEmbedder(cache_dir, bulk=True)
    model.embed(texts)
    assert not model.bulk_requested
    vectors = model.embed(texts)
    assert model.bulk_requested
    assert vectors.shape == (len(texts), 384)
    assert np.sum(vectors * embedder.embed(texts), axis=1).min() >= 0.999


def test_bulk_vectors_match_the_exact_model_in_order(
    cache_dir: Path, embedder: LocalEmbedder
) -> None:
    unique = _large_job()
    texts = unique * 5  # one call past BULK_AFTER_TOKENS
    model = LocalEmbedder(cache_dir, bulk=True)
    assert model.load_bulk_engine()
    vectors = model.embed(texts)
    assert "bfloat16" in model.engine
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    exact = np.tile(embedder.embed(unique), (5, 1))
    assert np.sum(vectors * exact, axis=1).min() >= 0.999
    # Rows stay in the caller's order: each is closest to its own text's exact vector.
    closest = np.argmax(vectors @ exact[: len(unique)].T, axis=1)
    assert (closest == np.arange(len(texts)) % len(unique)).all()
