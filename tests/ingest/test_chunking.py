"""Chunks fit the embedding model, follow sentences, overlap, and keep exact spans."""

import itertools

from assistant.embedding.model_files import MAX_TOKENS, SPECIAL_TOKENS, count_tokens, token_offsets
from assistant.ingest.chunking import chunk_text
from tests.conftest import SEED_FILE


def test_seed_chunks_fit_the_model_and_have_exact_spans() -> None:
    text = SEED_FILE.read_text(encoding="utf-8")
    chunks = chunk_text(text, token_offsets, max_tokens=200)
    assert len(chunks) >= 4
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end]
        assert count_tokens(chunk.text) <= 200
    covered = set()
    for chunk in chunks:
        covered.update(range(chunk.start, chunk.end))
    words_start = [i for i, ch in enumerate(text) if not ch.isspace()]
    assert all(i in covered for i in words_start)


def test_chunks_end_at_sentence_ends_and_overlap() -> None:
    sentence = "The council approved the new budget after a long debate on Tuesday."
    text = " ".join(f"{sentence[:-1]} number {i}." for i in range(40))
    chunks = chunk_text(text, token_offsets, max_tokens=60, overlap_tokens=20)
    assert len(chunks) > 3
    for first, second in itertools.pairwise(chunks):
        assert first.text.endswith(".")
        assert second.start < first.end, "consecutive chunks share a sentence"


def test_a_100000_character_line_is_cut_within_the_model_limit() -> None:
    text = ("lorem ipsum dolor sit amet consectetur " * 2600)[:100_000]
    chunks = chunk_text(text, token_offsets, max_tokens=200)
    assert chunks
    assert max(count_tokens(c.text) for c in chunks) <= MAX_TOKENS - SPECIAL_TOKENS
    assert chunks[-1].end >= len(text.rstrip()) - 1
    assert all(c.text == text[c.start : c.end] for c in chunks)


def test_empty_text_has_no_chunks() -> None:
    assert chunk_text("   \n ", token_offsets) == []
