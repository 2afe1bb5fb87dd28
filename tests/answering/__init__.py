"""Tests of assistant/answering/."""
