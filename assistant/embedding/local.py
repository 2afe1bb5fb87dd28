"""The bundled all-MiniLM-L6-v2, the default embedder, run on this machine.

The model runs on ONNX Runtime from a graph exported once and cached
(see onnx_export.py). Texts are tokenised first, sorted by length and
batched so that padding stays small; that, not the runtime alone, is much
of the speed. If the export fails the same weights run on PyTorch, with a
one-line notice. On CPUs with AMX, large jobs (ingests) move to the same
model in bfloat16 once it has loaded in the background (bulk.py).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from assistant.embedding import bulk as bulk_engine
from assistant.embedding import model_files
from assistant.embedding.base import CachedShortTexts, TokenSpans
from assistant.embedding.runner import Runner, Vectors
from assistant.errors import ModelError

log = logging.getLogger("assistant")

# Texts per batch, and padded tokens per batch: measured best for MiniLM on 2 cores.
BATCH_TEXTS = 16
BATCH_TOKENS = 16 * 192
# A call of at least this many word pieces is document work (an ingest), not questions.
LARGE_CALL_TOKENS = 8_000
# Document work after which loading the bulk engine pays: about 15 s of ONNX work. Loading
# takes seconds of CPU that an ingest shorter than this would only lose.
BULK_AFTER_TOKENS = 100_000


class LocalEmbedder(CachedShortTexts):
    """all-MiniLM-L6-v2 from the bundled weights, on ONNX Runtime or PyTorch.

    `int8=True` runs a dynamically quantised graph: about twice as fast, with
    vectors within cosine 0.97 (mean 0.99) of the exact ones (see docs/benchmarks.md for
    what that costs retrieval). Its vectors get their own identity, so they
    never mix with exact ones in an index.

    `bulk=True` lets large calls use the bfloat16 engine once BULK_AFTER_TOKENS
    word pieces of document work have come in; its vectors are within cosine
    0.9998 of the exact ones, so they share the identity.
    """

    def __init__(
        self, cache_dir: Path, threads: int | None = None, int8: bool = False, bulk: bool = False
    ) -> None:
        self.identity = model_files.identity(int8)
        self.int8 = int8
        self.cache_dir = cache_dir
        self.threads = threads or os.cpu_count() or 1
        self._engine = ""
        self._bulk_used = False
        self._document_tokens = 0
        self._runner: Runner | None = None
        self._bulk = bulk_engine.BulkEngine(self.threads) if bulk and not int8 else None
        self._lock = threading.Lock()
        tokenizer = model_files.load_tokenizer()
        # A private copy: truncation is a setting of the tokenizer object.
        self._tokenizer = type(tokenizer).from_str(tokenizer.to_str())
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(model_files.MAX_TOKENS)

    def embed(self, texts: Sequence[str]) -> Vectors:
        """Embed `texts` in length-sorted batches; returns rows in the original order."""
        out = np.zeros((len(texts), model_files.DIMENSION), dtype=np.float32)
        if not texts:
            return out
        encodings = self._tokenizer.encode_batch(list(texts))
        lengths = np.array([len(e.ids) for e in encodings])
        large = self._count_document_work(int(lengths.sum()))
        order = np.argsort(lengths, kind="stable")
        for batch in _batches(order, lengths):
            runner = self._runner_for(large)
            width = int(lengths[batch].max())
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, index in enumerate(batch):
                ids[row, : lengths[index]] = encodings[index].ids
                mask[row, : lengths[index]] = 1
            out[batch] = runner(ids, mask)
        return out

    @property
    def engine(self) -> str:
        """What has embedded so far: ONNX Runtime (or PyTorch), and the bulk engine if used."""
        used = [self._engine] if self._engine else []
        if self._bulk_used:
            used.append(f"{bulk_engine.NAME} for large jobs")
        return "; ".join(used)

    @property
    def name(self) -> str:
        """The model's name, for people."""
        return model_files.MODEL_NAME.rsplit("/", 1)[-1] + (" int8" if self.int8 else "")

    def token_offsets(self, text: str) -> TokenSpans:
        """Character spans of the model's word pieces in `text` (special tokens excluded)."""
        return model_files.token_offsets(text)

    def tokens_embedded(self, texts: Sequence[str]) -> int:
        """How many word pieces (with special tokens) the model reads for `texts`."""
        return sum(len(e.ids) for e in self._tokenizer.encode_batch(list(texts)))

    @property
    def bulk_requested(self) -> bool:
        """Whether a large job has asked for the bulk engine (small jobs never do)."""
        return self._bulk is not None and self._bulk.started

    def load_bulk_engine(self) -> bool:
        """Load the bulk engine now and wait for it (benchmarks measure it warm).

        False when this embedder has none or it could not be loaded.
        """
        return self._bulk is not None and self._bulk.wait() is not None

    def _count_document_work(self, tokens: int) -> bool:
        """Record a call's size; True when it is large and enough such work has come in."""
        if tokens < LARGE_CALL_TOKENS:
            return False
        with self._lock:
            self._document_tokens += tokens
            return self._document_tokens >= BULK_AFTER_TOKENS

    def _runner_for(self, large: bool) -> Runner:
        """The bulk engine for a large job once it is ready (loading it on request), else ONNX."""
        if large and self._bulk is not None:
            self._bulk.start()
            bulk = self._bulk.ready()
            if bulk is not None:
                self._bulk_used = True
                return bulk
        return self._load()

    def _load(self) -> Runner:
        with self._lock:
            if self._runner is None:
                self._runner = self._load_onnx() or self._load_torch()
            return self._runner

    def _load_onnx(self) -> Runner | None:
        from assistant.embedding.onnx_export import cached_model_path, ensure_onnx_model

        if not cached_model_path(self.cache_dir, self.int8).is_file():
            log.warning(
                "preparing the embedding model for first use: a one-time export to ONNX "
                "(about 10 s), kept in %s",
                self.cache_dir,
            )
        try:
            path = ensure_onnx_model(self.cache_dir, self.int8)
            import onnxruntime

            options = onnxruntime.SessionOptions()
            options.intra_op_num_threads = self.threads
            options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
            session = onnxruntime.InferenceSession(
                str(path), options, providers=["CPUExecutionProvider"]
            )
        except ModelError:
            raise
        except Exception as error:  # the export touches torch, onnx and the file system
            log.warning(
                "ONNX export of the embedding model failed (%s); using PyTorch, which is slower",
                str(error).splitlines()[0] if str(error) else type(error).__name__,
            )
            return None
        self._engine = "onnxruntime int8" if self.int8 else "onnxruntime"

        def run(ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]) -> Vectors:
            result = session.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            return np.asarray(result, dtype=np.float32)

        return run

    def _load_torch(self) -> Runner:
        if self.int8:
            raise ModelError(
                "The int8 embedding model could not be built; use ASSISTANT_EMBED=local instead"
            )
        from assistant.embedding.torch_encoder import load_sentence_encoder, runner_for

        runner = runner_for(load_sentence_encoder())
        self._engine = "pytorch"
        return runner


def _batches(order: npt.NDArray[np.intp], lengths: npt.NDArray[Any]) -> list[list[int]]:
    """Group indices (already sorted by length) so each batch stays within the budgets."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order.tolist():
        width = max(int(lengths[index]), int(lengths[current[-1]]) if current else 0)
        if current and (len(current) >= BATCH_TEXTS or width * (len(current) + 1) > BATCH_TOKENS):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches
