"""One-time export of the bundled MiniLM weights to an ONNX graph, cached on disk.

The graph includes sentence-transformers' mean pooling and L2 normalisation,
so ONNX Runtime returns finished sentence vectors. The file is keyed by the
weights' SHA-256 and an export version, written to a temporary name and
renamed into place, so concurrent first runs and interrupted exports never
leave a half-written model behind. torch is imported only when an export
is needed.
"""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from assistant.atomic_file import write_atomically
from assistant.embedding.model_files import WEIGHTS_SHA256, verified_weights

# Bump when the exported graph changes, so old cache files are not reused.
EXPORT_VERSION = 2
OPSET = 17


def cached_model_path(cache_dir: Path, int8: bool = False) -> Path:
    """Where the exported graph (or its int8 version) for the bundled weights lives."""
    kind = "-int8" if int8 else ""
    return cache_dir / "onnx" / f"minilm-{WEIGHTS_SHA256[:16]}-v{EXPORT_VERSION}{kind}.onnx"


def ensure_onnx_model(cache_dir: Path, int8: bool = False) -> Path:
    """Return the cached ONNX file, exporting (and quantising) it first if it is missing."""
    target = cached_model_path(cache_dir, int8)
    if target.is_file():
        return target
    if int8:
        source = ensure_onnx_model(cache_dir)
        write_atomically(target, lambda path: _quantize(source, path))
    else:
        verified_weights()
        write_atomically(target, _export)
    return target


def _quantize(source: Path, destination: Path) -> None:
    """Dynamic int8 quantisation of the weight matrices, one scale per output channel.

    Only matrix products with a constant operand are quantised: quantising
    the attention products as well drops the cosine to the fp32 vectors to
    about 0.91; this way it stays above 0.98.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # The quantiser advises "pre-processing" on the root logger; the graph is
    # already optimised by ONNX Runtime when the session loads it.
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.ERROR)
    try:
        quantize_dynamic(
            str(source),
            str(destination),
            weight_type=QuantType.QInt8,
            per_channel=True,
            extra_options={"MatMulConstBOnly": True},
        )
    finally:
        root.setLevel(level)


def _export(destination: Path) -> None:
    import torch

    from assistant.embedding.torch_encoder import load_sentence_encoder

    example = torch.ones((2, 8), dtype=torch.long)
    # The tracer warns about shape-dependent Python branches in transformers'
    # masking code; the exported graph is checked against PyTorch in the tests.
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            load_sentence_encoder(for_export=True),
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
