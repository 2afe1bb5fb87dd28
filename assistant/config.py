"""Settings: the one place that reads environment variables.

Every other module receives a `Settings` value; nothing else looks at
`os.environ`. Keyword arguments given to `Settings.from_env` (and so to
`Assistant(...)`) win over the environment, which wins over the defaults.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from assistant.errors import ConfigError

_COLLECTION_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,38}[A-Za-z0-9]")
# ASSISTANT_AUTH: one or more user:password pairs, separated by spaces.
_AUTH = re.compile(r"\s*[^:\s]+:\S+(?:\s+[^:\s]+:\S+)*\s*")
# The assistant's own database file in an index folder (conversations, feeds; see database/).
OWN_DATABASE_FILE = "assistant.sqlite3"
# The collection an installation starts with; on disk it is the index folder itself, and every
# other collection is a folder of its own under COLLECTIONS_FOLDER in it (and in the uploads).
DEFAULT_COLLECTION = "articles"
COLLECTIONS_FOLDER = "collections"
LLM_CHOICES = ("extractive", "openai")
EMBED_CHOICES = ("local", "local-int8", "openai")
EMBED_BF16_CHOICES = ("auto", "off")

# Environment variable for each field that can be set from the environment.
ENV_NAMES: dict[str, str] = {
    "index_dir": "ASSISTANT_INDEX_DIR",
    "chroma_url": "ASSISTANT_CHROMA_URL",
    "collection": "ASSISTANT_COLLECTION",
    "llm": "ASSISTANT_LLM",
    "model": "ASSISTANT_MODEL",
    "top_k": "ASSISTANT_TOP_K",
    "openai_api_key": "OPENAI_API_KEY",
    "openai_base_url": "OPENAI_BASE_URL",
    "embed": "ASSISTANT_EMBED",
    "embed_model": "ASSISTANT_EMBED_MODEL",
    "embed_bf16": "ASSISTANT_EMBED_BF16",
    "llm_timeout": "ASSISTANT_LLM_TIMEOUT",
    "llm_retries": "ASSISTANT_LLM_RETRIES",
    "max_file_mb": "ASSISTANT_MAX_FILE_MB",
    "max_question_chars": "ASSISTANT_MAX_QUESTION_CHARS",
    "min_relevance": "ASSISTANT_MIN_RELEVANCE",
    "cache_dir": "ASSISTANT_CACHE_DIR",
    "chunk_tokens": "ASSISTANT_CHUNK_TOKENS",
    "upload_dir": "ASSISTANT_UPLOAD_DIR",
    "auth": "ASSISTANT_AUTH",
    "host": "GRADIO_SERVER_NAME",
    "port": "GRADIO_SERVER_PORT",
    "max_upload_mb": "ASSISTANT_MAX_UPLOAD_MB",
    "max_queue": "ASSISTANT_MAX_QUEUE",
    "lock_wait": "ASSISTANT_LOCK_WAIT",
    "prompts_dir": "ASSISTANT_PROMPTS_DIR",
    "db_url": "ASSISTANT_DB_URL",
    "fetch_timeout": "ASSISTANT_FETCH_TIMEOUT",
    "fetch_concurrency": "ASSISTANT_FETCH_CONCURRENCY",
    "allow_private_urls": "ASSISTANT_ALLOW_PRIVATE_URLS",
}


# The settings a collection may keep for itself (`assistant collections set`): how its
# questions are answered and how its articles are embedded and chunked.
COLLECTION_SETTINGS = (
    "llm",
    "model",
    "top_k",
    "min_relevance",
    "prompts_dir",
    "embed",
    "embed_model",
    "chunk_tokens",
)


def _default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "assistant"


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with the defaults a new user gets.

    `llm` is resolved: when neither the argument nor ASSISTANT_LLM names a
    backend, it is `openai` if an API key or a base URL is configured and
    `extractive` otherwise, so a fresh machine works offline.
    """

    index_dir: Path = Path("index")
    chroma_url: str | None = None
    collection: str = DEFAULT_COLLECTION
    llm: str = "extractive"
    model: str = "gpt-4o-mini"
    top_k: int = 6
    openai_api_key: str | None = field(default=None, repr=False)
    openai_base_url: str | None = None
    embed: str = "local"
    embed_model: str = "text-embedding-3-small"
    # "auto": large local embedding jobs run in bfloat16 on CPUs with AMX (bulk_engine.py).
    embed_bf16: str = "auto"
    llm_timeout: float = 60.0
    llm_retries: int = 2
    max_file_mb: float = 20.0
    max_question_chars: int = 2000
    # Calibrated in docs/calibration.md: the best passage's cosine similarity
    # to the question below which the assistant says the articles do not cover it.
    min_relevance: float = 0.22
    cache_dir: Path = field(default_factory=_default_cache_dir)
    chunk_tokens: int = 200
    # The web app: where uploads are kept (None: `uploads/` beside the index folder, so every
    # process on one index finds them), who may log in, where it listens.
    upload_dir: Path | None = None
    auth: str | None = field(default=None, repr=False)
    host: str = "127.0.0.1"
    port: int = 7860
    max_upload_mb: float = 50.0
    max_queue: int = 64
    # Seconds a writer waits for another process that is writing the same index folder.
    lock_wait: float = 300.0
    # A folder whose *.txt files replace the packaged prompt templates of the same name.
    prompts_dir: Path | None = None
    # The assistant's own database (SQLAlchemy URL); by default SQLite in the index folder.
    db_url: str | None = field(default=None, repr=False)
    # Web pages and feeds: seconds per request, requests at once, and whether the browser app
    # may fetch addresses on this machine or its private network (it may not by default).
    fetch_timeout: float = 20.0
    fetch_concurrency: int = 8
    allow_private_urls: bool = False

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
        """Build settings from `env` (default: the process environment) and overrides.

        Overrides set to None are ignored, so callers can pass optional
        arguments straight through.
        """
        env = os.environ if env is None else env
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(overrides) - known)
        if unknown:
            raise ConfigError(
                f"Unknown setting {', '.join(unknown)}; known settings: {', '.join(sorted(known))}"
            )
        values: dict[str, Any] = {}
        for name, var in ENV_NAMES.items():
            raw = env.get(var, "").strip()
            if raw:
                values[name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        if "llm" not in values:
            has_service = bool(values.get("openai_api_key") or values.get("openai_base_url"))
            values["llm"] = "openai" if has_service else "extractive"
        return cls(**_coerce(values)).validated()

    def validated(self) -> Settings:
        """Return self after checking every value, or raise ConfigError saying what to change."""
        if self.llm not in LLM_CHOICES:
            raise ConfigError(
                f"ASSISTANT_LLM must be one of {', '.join(LLM_CHOICES)}, not {self.llm!r}"
            )
        if self.embed not in EMBED_CHOICES:
            raise ConfigError(
                f"ASSISTANT_EMBED must be one of {', '.join(EMBED_CHOICES)}, not {self.embed!r}"
            )
        if self.embed_bf16 not in EMBED_BF16_CHOICES:
            raise ConfigError(
                f"ASSISTANT_EMBED_BF16 must be one of {', '.join(EMBED_BF16_CHOICES)}, "
                f"not {self.embed_bf16!r}"
            )
        if not _COLLECTION_NAME.fullmatch(self.collection):
            raise ConfigError(
                "A collection name (ASSISTANT_COLLECTION, --collection) must be 3-40 letters, "
                "digits, '.', '_' or '-', "
                f"starting and ending with a letter or digit, not {self.collection!r}"
            )
        _require_address("ASSISTANT_CHROMA_URL", self.chroma_url, "http://host:port")
        _require_address("OPENAI_BASE_URL", self.openai_base_url, "http://host:port/v1")
        _require_positive("ASSISTANT_TOP_K", self.top_k, maximum=50)
        _require_positive("ASSISTANT_LLM_TIMEOUT", self.llm_timeout)
        _require_positive("ASSISTANT_MAX_FILE_MB", self.max_file_mb)
        _require_positive("ASSISTANT_MAX_QUESTION_CHARS", self.max_question_chars)
        _require_positive("ASSISTANT_CHUNK_TOKENS", self.chunk_tokens, maximum=254)
        _require_positive("GRADIO_SERVER_PORT", self.port, maximum=65535)
        _require_positive("ASSISTANT_MAX_UPLOAD_MB", self.max_upload_mb)
        _require_positive("ASSISTANT_MAX_QUEUE", self.max_queue)
        _require_positive("ASSISTANT_FETCH_TIMEOUT", self.fetch_timeout)
        _require_positive("ASSISTANT_FETCH_CONCURRENCY", self.fetch_concurrency, maximum=64)
        if self.auth is not None and not _AUTH.fullmatch(self.auth):
            raise ConfigError(
                "ASSISTANT_AUTH must look like user:password (both non-empty; several users "
                "separated by spaces: 'alice:secret1 bob:secret2')"
            )
        if self.prompts_dir is not None and not Path(self.prompts_dir).is_dir():
            raise ConfigError(
                f"ASSISTANT_PROMPTS_DIR {self.prompts_dir} is not a folder: point it at a folder "
                "of prompt templates (*.txt), or unset it to use the packaged ones"
            )
        if self.lock_wait < 0:
            raise ConfigError("ASSISTANT_LOCK_WAIT must be 0 or more seconds")
        if self.llm_retries < 0:
            raise ConfigError("ASSISTANT_LLM_RETRIES must be 0 or more")
        if not 0.0 <= self.min_relevance < 1.0:
            raise ConfigError("ASSISTANT_MIN_RELEVANCE must be between 0 and 1")
        if self.embed == "openai" and not (self.openai_api_key or self.openai_base_url):
            raise ConfigError(
                "ASSISTANT_EMBED=openai needs OPENAI_API_KEY "
                "(or OPENAI_BASE_URL for a local server)"
            )
        return self

    @property
    def index_folder(self) -> Path:
        """The folder of this collection's index: the index folder itself for the default
        collection (so indexes made before collections keep working), else its own folder
        under `collections/` there, which nothing of another collection shares."""
        return _collection_folder(Path(self.index_dir), self.collection)

    @property
    def uploads_root(self) -> Path:
        """The folder of every collection's uploads: ASSISTANT_UPLOAD_DIR, else `uploads/`
        beside the index folder, wherever the process runs: the app and a command run from
        another folder on one index keep, label and delete the same copies."""
        if self.upload_dir is not None:
            return Path(self.upload_dir)
        return Path(self.index_dir).parent / "uploads"

    @property
    def upload_folder(self) -> Path:
        """Where this collection keeps files uploaded through the app (as `index_folder`)."""
        return _collection_folder(self.uploads_root, self.collection)

    @property
    def max_file_bytes(self) -> int:
        """The size limit for one input file, in bytes."""
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def credentials(self) -> list[tuple[str, str]] | None:
        """ASSISTANT_AUTH split into (user, password) pairs, or None when unset."""
        if not self.auth:
            return None
        pairs = [pair.partition(":") for pair in self.auth.split()]
        return [(user, password) for user, _, password in pairs]

    @property
    def is_local_only(self) -> bool:
        """True when the web app listens on the loopback interface only."""
        return self.host in ("127.0.0.1", "localhost", "::1")


def _collection_folder(root: Path, collection: str) -> Path:
    return root if collection == DEFAULT_COLLECTION else root / COLLECTIONS_FOLDER / collection


def _coerce(values: dict[str, Any]) -> dict[str, Any]:
    """Turn environment strings into the field types, with messages naming the variable."""
    types = {f.name: f.type for f in dataclasses.fields(Settings)}
    out: dict[str, Any] = {}
    for name, value in values.items():
        kind = str(types[name])
        var = ENV_NAMES.get(name, name)
        try:
            if kind == "bool":
                out[name] = _flag(value)
            elif kind == "int":
                out[name] = int(value)
            elif kind == "float":
                out[name] = float(value)
            elif kind in ("Path", "Path | None"):
                out[name] = Path(value).expanduser()
            else:
                out[name] = value if value is None else str(value)
        except (TypeError, ValueError):
            what = {"int": "a whole number", "float": "a number", "bool": "1 or 0"}.get(kind, kind)
            raise ConfigError(f"{var} must be {what}, not {value!r}") from None
    return out


def _flag(value: Any) -> bool:
    """A yes/no setting: a bool, or 1/0, true/false, yes/no, on/off from the environment."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(text)


def _require_address(name: str, value: str | None, example: str) -> None:
    """Raise ConfigError unless `value` (when set) is an http(s) address with a host."""
    if value is None:
        return
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ConfigError(f"{name} must look like {example}, not {value!r}")


def _require_positive(var: str, value: float, maximum: float | None = None) -> None:
    if value <= 0 or (maximum is not None and value > maximum):
        limit = f" and at most {maximum:g}" if maximum is not None else ""
        raise ConfigError(f"{var} must be more than 0{limit}, not {value!r}")
