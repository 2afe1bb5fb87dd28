"""The one shape every local model engine has: token ids and mask in, sentence vectors out.

ONNX Runtime, PyTorch and the bfloat16 bulk engine each return a `Runner`;
the local embedder batches texts and calls whichever runner is ready. This
module imports nothing of the engines, so none of them circles back here.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Runner = Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64]], Vectors]
