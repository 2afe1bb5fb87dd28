"""Tests of assistant/embedding/."""
