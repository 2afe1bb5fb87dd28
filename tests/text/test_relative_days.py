"""The day a report means by "on Sunday", "yesterday" or "next Tuesday", from its date."""

import datetime

import pytest

from assistant.text.relative_days import day_meant

SUNDAY = "2024-04-14"  # a Sunday
WEDNESDAY = "2024-04-17"


@pytest.mark.parametrize(
    ("words", "published", "sentence", "meant"),
    [
        ("on Sunday", SUNDAY, "Okafor won the marathon on Sunday.", "2024-04-14"),
        ("on Sunday", WEDNESDAY, "Okafor won the marathon on Sunday.", "2024-04-14"),
        ("Tuesday morning", WEDNESDAY, "The barriers failed on Tuesday morning.", "2024-04-16"),
        ("on Friday", WEDNESDAY, "The bridge will open on Friday.", "2024-04-19"),
        ("next Wednesday", WEDNESDAY, "Talks resume next Wednesday.", "2024-04-24"),
        ("last Wednesday", WEDNESDAY, "It closed last Wednesday.", "2024-04-10"),
        ("yesterday", WEDNESDAY, "The council voted yesterday.", "2024-04-16"),
        ("tomorrow", WEDNESDAY, "The result is due tomorrow.", "2024-04-18"),
        ("early on Sunday", WEDNESDAY, "A fire destroyed it early on Sunday.", "2024-04-14"),
        ("on Saturday", WEDNESDAY, "Unions plan a protest march on Saturday.", "2024-04-20"),
        ("on Tuesday", WEDNESDAY, "The plan passed by 24 votes to 21 on Tuesday.", "2024-04-16"),
    ],
)
def test_a_day_named_by_the_week_or_by_yesterday_is_counted_from_the_reports_date(
    words: str, published: str, sentence: str, meant: str
) -> None:
    assert day_meant(words, published, sentence) == datetime.date.fromisoformat(meant)


@pytest.mark.parametrize(
    ("words", "published"),
    [
        ("last week", WEDNESDAY),
        ("in the spring", WEDNESDAY),
        ("on Sunday", ""),
        ("14 April", SUNDAY),
    ],
)
def test_words_naming_no_single_day_or_a_report_without_a_date_give_none(
    words: str, published: str
) -> None:
    assert day_meant(words, published) is None
