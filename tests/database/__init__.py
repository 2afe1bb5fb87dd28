"""Tests of assistant/database/."""
