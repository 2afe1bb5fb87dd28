"""Tests of assistant/retrieval/."""
