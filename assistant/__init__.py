"""Chat-style Q&A over your articles, with numbered citations you can check.

    from assistant import Assistant, answer
    bot = Assistant(index_dir="my_index")
    bot.ingest(["seeds/"])
    ans = bot.ask("How long did the call last?")
    ans.text, ans.citations, ans.claims

`answer("…")` uses a shared Assistant configured from the environment.
"""

from assistant.answer import Answer, AnswerStream, Citation
from assistant.config import Settings
from assistant.engine import Assistant, answer
from assistant.errors import (
    AssistantError,
    ConfigError,
    IndexDamagedError,
    IndexInUseError,
    IndexMismatchError,
    IndexProblem,
    LLMAuthError,
    LLMError,
    LLMRateLimitError,
    LLMTimeoutError,
    LLMUnavailableError,
    ModelError,
    NotInIndexError,
    QuestionError,
    UsageError,
)
from assistant.ingest import IngestReport, Progress
from assistant.retrieve import Passage
from assistant.store import ArticleRecord
from assistant.support import Claim, Evidence

__all__ = [
    "Answer",
    "AnswerStream",
    "ArticleRecord",
    "Assistant",
    "AssistantError",
    "Citation",
    "Claim",
    "ConfigError",
    "Evidence",
    "IndexDamagedError",
    "IndexInUseError",
    "IndexMismatchError",
    "IndexProblem",
    "IngestReport",
    "LLMAuthError",
    "LLMError",
    "LLMRateLimitError",
    "LLMTimeoutError",
    "LLMUnavailableError",
    "ModelError",
    "NotInIndexError",
    "Passage",
    "Progress",
    "QuestionError",
    "Settings",
    "UsageError",
    "answer",
]
