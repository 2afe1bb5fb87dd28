"""The bundled MiniLM as a PyTorch module that returns finished sentence vectors.

Mean pooling over real tokens and L2 normalisation, exactly as
sentence-transformers configures all-MiniLM-L6-v2. Used to export the ONNX
graph and, when that export fails, to embed directly (slower to start).
Importing this module imports torch; callers import it lazily.
"""

from __future__ import annotations

import os
from typing import Any

# The weights are local files; make sure no library reaches for the network.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import torch
from transformers import AutoModel
from transformers.utils import logging as transformers_logging

from assistant.local_model import model_dir, verified_weights

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
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)
        return torch.nn.functional.normalize(pooled, p=2.0, dim=1)


def load_sentence_encoder() -> SentenceEncoder:
    """Load the verified bundled weights into a SentenceEncoder in eval mode."""
    verified_weights()
    # Eager attention exports as plain MatMul/Softmax, which ONNX Runtime's
    # optimiser can fuse; the SDPA kernel exports as a graph it cannot.
    bert = AutoModel.from_pretrained(str(model_dir()), attn_implementation="eager")
    return SentenceEncoder(bert).eval()
