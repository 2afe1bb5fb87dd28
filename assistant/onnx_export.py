"""One-time export of the bundled MiniLM weights to an ONNX graph, cached on disk.

The graph includes sentence-transformers' mean pooling and L2 normalisation,
so ONNX Runtime returns finished sentence vectors. The file is keyed by the
weights' SHA-256 and an export version, written to a temporary name and
renamed into place, so concurrent first runs and interrupted exports never
leave a half-written model behind. torch is imported only when an export
is needed.
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from assistant.local_model import WEIGHTS_SHA256, verified_weights

# Bump when the exported graph changes, so old cache files are not reused.
EXPORT_VERSION = 2
OPSET = 17


def cached_model_path(cache_dir: Path) -> Path:
    """Where the exported graph for the bundled weights lives."""
    return cache_dir / "onnx" / f"minilm-{WEIGHTS_SHA256[:16]}-v{EXPORT_VERSION}.onnx"


def ensure_onnx_model(cache_dir: Path) -> Path:
    """Return the cached ONNX file, exporting it first if it is not there yet."""
    target = cached_model_path(cache_dir)
    if target.is_file():
        return target
    verified_weights()
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=".onnx", dir=target.parent)
    os.close(handle)
    try:
        _export(Path(temporary))
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def _export(destination: Path) -> None:
    import torch

    from assistant.torch_encoder import load_sentence_encoder

    example = torch.ones((2, 8), dtype=torch.long)
    # The tracer warns about shape-dependent Python branches in transformers'
    # masking code; the exported graph is checked against PyTorch in the tests.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            load_sentence_encoder(),
            (example, example),
            str(destination),
            input_names=["input_ids", "attention_mask"],
            output_names=["embedding"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "embedding": {0: "batch"},
            },
            opset_version=OPSET,
            dynamo=False,
        )
