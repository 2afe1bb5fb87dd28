"""The engine for large embedding jobs: the same model in bfloat16 on CPUs with AMX.

On CPUs with Intel AMX (Xeon Sapphire Rapids and later) matrix products in
bfloat16 run several times faster than in float32. all-MiniLM-L6-v2 with
bfloat16 weights, pooled in float32, gives vectors within cosine 0.9998 of
the float32 model and reads about twice as many word pieces per second as
ONNX Runtime in float32 (figures in docs/benchmarks.md).

It is no good for questions: loading torch and transformers takes seconds,
and a single short text costs more than on ONNX Runtime. So it is loaded in
a background thread once an ingest has done enough work for the load to pay
(see LocalEmbedder), the ingest switches to it once it is ready, and
everything else keeps the quick ONNX session.
A failure to load is one logged line; the embedder simply stays on ONNX.

Batches are padded to a multiple of WIDTH_STEP word pieces (the padding is
masked out, so vectors do not change). oneDNN prepares kernels for every
distinct input shape and keeps them: with every width from 1 to 256 the
process grew by about 950 MB over 1,500 BBC chunks and each new width cost
a pause; with sixteen widths it grows by about 260 MB.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np
import numpy.typing as npt

from assistant.embedding.runner import Runner

log = logging.getLogger("assistant")

NAME = "pytorch bfloat16 (AMX)"
# Batch widths are rounded up to a multiple of this (AMX tiles are 16 rows).
WIDTH_STEP = 16


def amx_available(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True when the CPU reports AMX bfloat16 instructions (read from /proc/cpuinfo).

    Elsewhere (no such file, other CPUs) bfloat16 is not known to pay, so False.
    """
    try:
        text = cpuinfo.read_text(encoding="ascii", errors="replace")
    except OSError:
        return False
    return any(
        line.startswith("flags") and "amx_bf16" in line.split() for line in text.splitlines()
    )


class BulkEngine:
    """Loads the bfloat16 model once, in the background, on request."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self._runner: Runner | None = None
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def started(self) -> bool:
        """Whether loading has been asked for (it may still be under way or have failed)."""
        return self._thread is not None

    def start(self) -> None:
        """Begin loading in a background thread, unless already begun."""
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._load, name="bulk-embedder-load", daemon=True
                )
                self._thread.start()

    def ready(self) -> Runner | None:
        """The loaded runner, or None while it is loading (or if loading failed)."""
        return self._runner

    def wait(self) -> Runner | None:
        """Start loading if needed and wait for it; None if it could not be loaded."""
        self.start()
        assert self._thread is not None
        self._thread.join()
        return self._runner

    def _load(self) -> None:
        try:
            import torch

            from assistant.embedding.torch_encoder import load_sentence_encoder, runner_for

            torch.set_num_threads(self.threads)
            self._runner = _padded(runner_for(load_sentence_encoder(bfloat16=True)))
        except Exception as error:  # torch, transformers and the weights are all involved
            log.warning(
                "The bfloat16 embedding engine could not be loaded (%s); staying on ONNX Runtime",
                str(error).splitlines()[0] if str(error) else type(error).__name__,
            )


def _padded(run: Runner) -> Runner:
    """`run` on batches widened to a multiple of WIDTH_STEP with masked-out padding."""

    def padded_run(
        ids: npt.NDArray[np.int64], mask: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.float32]:
        rows, width = ids.shape
        wide = -(-width // WIDTH_STEP) * WIDTH_STEP
        if wide == width:
            return run(ids, mask)
        wide_ids = np.zeros((rows, wide), dtype=np.int64)
        wide_mask = np.zeros((rows, wide), dtype=np.int64)
        wide_ids[:, :width] = ids
        wide_mask[:, :width] = mask
        return run(wide_ids, wide_mask)

    return padded_run
