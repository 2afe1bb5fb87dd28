"""The bundled MiniLM as a PyTorch module that returns finished sentence vectors.

Mean pooling over real tokens and L2 normalisation, exactly as
sentence-transformers configures all-MiniLM-L6-v2. Used to export the ONNX
graph, to embed large jobs in bfloat16 on CPUs with AMX (bulk.py)
and, when the export fails, to embed directly (slower to start).
Importing this module imports torch; callers import it lazily.
"""

from __future__ import annotations

import os
from typing import Any

# The weights are local files; make sure no library reaches for the network.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import numpy.typing as npt
import torch
from transformers import AutoModel
from transformers.utils import logging as transformers_logging

from assistant.embedding.model_files import model_dir, verified_weights
from assistant.embedding.runner import Runner

transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]


class SentenceEncoder(torch.nn.Module):
    """BERT, then mean pooling over the attention mask, then L2 normalisation."""

    def __init__(self, encoder: Any) -> None:
        super().__init__()
        self.encoder = encoder

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids,
            attention_mask=attention_mask,
            token_type_ids=torch.zeros_like(input_ids),
        ).last_hidden_state.float()  # pool in float32 whatever the weights' precision
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2.0, dim=1)


def load_sentence_encoder(for_export: bool = False, bfloat16: bool = False) -> SentenceEncoder:
    """Load the verified bundled weights into a SentenceEncoder in eval mode.

    For export, attention is the eager kind: it exports as plain
    MatMul/Softmax, which ONNX Runtime's optimiser can fuse, while the SDPA
    kernel exports as a graph it cannot. To run here, SDPA is the faster.
    """
    verified_weights()
    attention = "eager" if for_export else "sdpa"
    bert = AutoModel.from_pretrained(str(model_dir()), attn_implementation=attention)
    encoder = SentenceEncoder(bert).eval()
    return encoder.to(torch.bfloat16) if bfloat16 else encoder


def runner_for(encoder: SentenceEncoder) -> Runner:
    """A function from token ids and attention mask (numpy) to float32 sentence vectors."""

    def run(ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
        with torch.inference_mode():
            vectors = encoder(torch.from_numpy(ids), torch.from_numpy(mask))
        return np.asarray(vectors.numpy(), dtype=np.float32)

    return run
