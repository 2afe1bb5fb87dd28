"""The ONNX fast path gives the same vectors as the model it was exported from."""

import hashlib
from pathlib import Path

import numpy as np
import pytest

from assistant.embedding import model_files as local_model
from assistant.embedding.local import LocalEmbedder
from assistant.errors import ModelError
from tests.conftest import SEED_FILE

TEXTS = [
    "x",
    "How long did the call last?",
    "The Kremlin confirmed the call lasted nearly 90 minutes.",
    SEED_FILE.read_text(encoding="utf-8")[:1500],
    "word " * 400,  # longer than the model reads: truncated identically
]


def test_onnx_is_used_and_vectors_are_unit_length(embedder: LocalEmbedder) -> None:
    vectors = embedder.embed(TEXTS)
    assert embedder.engine == "onnxruntime"
    assert vectors.shape == (len(TEXTS), local_model.DIMENSION)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_onnx_matches_sentence_transformers(embedder: LocalEmbedder) -> None:
    from sentence_transformers import SentenceTransformer

    reference = SentenceTransformer(str(local_model.model_dir()), device="cpu")
    expected = reference.encode(TEXTS, normalize_embeddings=True, batch_size=2)
    cosine = np.sum(embedder.embed(TEXTS) * expected, axis=1)
    assert cosine.min() >= 0.999


def test_order_is_kept_whatever_the_lengths(embedder: LocalEmbedder) -> None:
    texts = [f"sentence number {i} " * (i % 7 + 1) for i in range(40)]
    together = embedder.embed(texts)
    alone = np.vstack([embedder.embed([t]) for t in texts[:5]])
    assert np.allclose(together[:5], alone, atol=1e-4)


def test_falls_back_to_pytorch_when_the_export_fails(tmp_path: Path) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    model = LocalEmbedder(blocked)
    vector = model.embed(["fallback works"])
    assert model.engine == "pytorch"
    assert vector.shape == (1, local_model.DIMENSION)


def test_tampered_weights_are_refused(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(b"not the real weights")
    monkeypatch.setattr(local_model, "weights_path", lambda: fake)
    local_model.verified_weights.cache_clear()
    try:
        with pytest.raises(ModelError, match="not the published all-MiniLM-L6-v2"):
            local_model.verified_weights()
    finally:
        local_model.verified_weights.cache_clear()
    assert hashlib.sha256(fake.read_bytes()).hexdigest() != local_model.WEIGHTS_SHA256


@pytest.mark.embedded_only
def test_the_one_time_model_export_says_what_it_is_doing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fresh = LocalEmbedder(tmp_path / "cache")
    with caplog.at_level("WARNING", logger="assistant"):
        fresh.embed(["warm up"])
    assert "one-time export" in caplog.text and str(tmp_path / "cache") in caplog.text
    caplog.clear()
    LocalEmbedder(tmp_path / "cache").embed(["again"])
    assert "export" not in caplog.text, "said once: the export is kept"
