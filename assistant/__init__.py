"""Chat-style Q&A over your articles, with numbered citations you can check.

    from assistant import Assistant, answer
    bot = Assistant("my_index")
    bot.ingest(["seeds/"])
    ans = bot.ask("How long did Trump's call with Putin last?")
    ans.text, ans.citations, ans.claims

`answer("…")` uses a shared Assistant configured from the environment.
`assistant.testing.ScriptedAnswerer` is a test double for your own tests.

This is the public API: the command line, the browser app and app.py use
nothing else. Names are loaded on first use, so `import assistant` (and
`assistant --help`) stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from assistant.answering import Answerer, AnswerStream
    from assistant.config import Settings
    from assistant.core import NEW_CONVERSATION, Assistant, answer
    from assistant.errors import (
        AssistantError,
        ConfigError,
        DatabaseError,
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
        NoSuchConversationError,
        NotInIndexError,
        QuestionError,
        UsageError,
    )
    from assistant.evaluation import cases_from_feedback, evaluate, load_cases, write_cases
    from assistant.export import (
        answer_json,
        answer_markdown,
        conversation_json,
        conversation_markdown,
    )
    from assistant.records import (
        Answer,
        ArticlePage,
        ArticleRecord,
        Citation,
        Claim,
        Conversation,
        ConversationSummary,
        Evidence,
        Feedback,
        IngestReport,
        Passage,
        Progress,
        Quote,
        SavedAnswer,
        ShortAnswer,
        SourceRecord,
        Status,
        StoredArticle,
    )

_WHERE = {
    "NEW_CONVERSATION": "assistant.core",
    "Answer": "assistant.records",
    "AnswerStream": "assistant.answering",
    "Answerer": "assistant.answering",
    "ArticlePage": "assistant.records",
    "ArticleRecord": "assistant.records",
    "Assistant": "assistant.core",
    "AssistantError": "assistant.errors",
    "Citation": "assistant.records",
    "Claim": "assistant.records",
    "ConfigError": "assistant.errors",
    "Conversation": "assistant.records",
    "DatabaseError": "assistant.errors",
    "ConversationSummary": "assistant.records",
    "Evidence": "assistant.records",
    "Feedback": "assistant.records",
    "IndexDamagedError": "assistant.errors",
    "IndexInUseError": "assistant.errors",
    "IndexMismatchError": "assistant.errors",
    "IndexProblem": "assistant.errors",
    "IngestReport": "assistant.records",
    "LLMAuthError": "assistant.errors",
    "LLMError": "assistant.errors",
    "LLMRateLimitError": "assistant.errors",
    "LLMTimeoutError": "assistant.errors",
    "LLMUnavailableError": "assistant.errors",
    "ModelError": "assistant.errors",
    "NoSuchConversationError": "assistant.errors",
    "NotInIndexError": "assistant.errors",
    "Passage": "assistant.records",
    "Progress": "assistant.records",
    "QuestionError": "assistant.errors",
    "Quote": "assistant.records",
    "SavedAnswer": "assistant.records",
    "Settings": "assistant.config",
    "ShortAnswer": "assistant.records",
    "SourceRecord": "assistant.records",
    "Status": "assistant.records",
    "StoredArticle": "assistant.records",
    "UsageError": "assistant.errors",
    "answer": "assistant.core",
    "answer_json": "assistant.export",
    "answer_markdown": "assistant.export",
    "cases_from_feedback": "assistant.evaluation",
    "conversation_json": "assistant.export",
    "conversation_markdown": "assistant.export",
    "evaluate": "assistant.evaluation",
    "load_cases": "assistant.evaluation",
    "write_cases": "assistant.evaluation",
}

__all__ = [
    "NEW_CONVERSATION",
    "Answer",
    "AnswerStream",
    "Answerer",
    "ArticlePage",
    "ArticleRecord",
    "Assistant",
    "AssistantError",
    "Citation",
    "Claim",
    "ConfigError",
    "Conversation",
    "ConversationSummary",
    "DatabaseError",
    "Evidence",
    "Feedback",
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
    "NoSuchConversationError",
    "NotInIndexError",
    "Passage",
    "Progress",
    "QuestionError",
    "Quote",
    "SavedAnswer",
    "Settings",
    "ShortAnswer",
    "SourceRecord",
    "Status",
    "StoredArticle",
    "UsageError",
    "answer",
    "answer_json",
    "answer_markdown",
    "cases_from_feedback",
    "conversation_json",
    "conversation_markdown",
    "evaluate",
    "load_cases",
    "write_cases",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'assistant' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_WHERE))
