"""The public API is pinned: changing it must be a deliberate edit of this test."""

import assistant

EXPECTED = {
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
}


def test_all_is_pinned() -> None:
    assert set(assistant.__all__) == EXPECTED


def test_every_exported_name_exists() -> None:
    for name in assistant.__all__:
        assert getattr(assistant, name) is not None, name


def test_citation_and_passage_fields_match_the_documented_shape() -> None:
    passage = assistant.Passage("c1", "a1", "seeds/x.txt", "Title", "Text.", 0, 5, score=0.5)
    citation = assistant.Citation(1, passage)
    shape = citation.to_dict()
    for name in ("n", "source", "title", "text", "score", "start", "end", "url", "date"):
        assert name in shape
        assert shape[name] == getattr(citation, name)
    passage_fields = assistant.Passage.__dataclass_fields__
    for name in ("source", "title", "text", "score", "start", "end"):
        assert name in passage_fields
    report_fields = assistant.IngestReport.__dataclass_fields__
    for name in ("added", "updated", "unchanged", "skipped", "chunks"):
        assert name in report_fields


def test_importing_the_package_loads_nothing_heavy() -> None:
    """`import assistant` and the names of the API must not pull in the heavy libraries."""
    import subprocess
    import sys

    code = (
        "import sys, assistant; assistant.Assistant; assistant.Answer; assistant.Settings; "
        "heavy = {'chromadb', 'torch', 'onnxruntime', 'gradio', 'llama_index', 'transformers'}; "
        "print(sorted(heavy & {m.split('.')[0] for m in sys.modules}))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == "[]"
