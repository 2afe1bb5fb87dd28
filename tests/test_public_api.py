"""The public API is pinned: changing it must be a deliberate edit of this test."""

import assistant

EXPECTED = {
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
}


def test_all_is_pinned() -> None:
    assert set(assistant.__all__) == EXPECTED


def test_every_exported_name_exists() -> None:
    for name in assistant.__all__:
        assert getattr(assistant, name) is not None, name


def test_citation_and_passage_fields_match_the_documented_shape() -> None:
    citation_fields = assistant.Citation.__dataclass_fields__
    for name in ("n", "source", "title", "text", "score", "start", "end"):
        assert name in citation_fields
    passage_fields = assistant.Passage.__dataclass_fields__
    for name in ("source", "title", "text", "score", "start", "end"):
        assert name in passage_fields
    report_fields = assistant.IngestReport.__dataclass_fields__
    for name in ("added", "updated", "unchanged", "skipped", "chunks"):
        assert name in report_fields
