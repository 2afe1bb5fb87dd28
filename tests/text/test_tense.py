"""The past perfect, which tells of an earlier event (a cause, in a story told in the past)."""

import pytest

from assistant.text.tense import tells_an_earlier_event, tells_what_did_not_happen


@pytest.mark.parametrize(
    ("sentence", "earlier"),
    [
        ("Heavy snow had closed the road overnight.", True),
        ("Their house had been requisitioned by the army.", True),
        ("A barge had struck one of the piers.", True),
        ("Residents had already complained about the lights.", True),
        ("The firm hadn't paid its suppliers.", True),
        ("The band had a hit in 2009.", False),
        ("She had to sing every night.", False),
        ("The road was closed overnight.", False),
        ("He has closed the shop.", False),
    ],
)
def test_the_past_perfect_tells_of_an_earlier_event(sentence: str, earlier: bool) -> None:
    assert tells_an_earlier_event(sentence) is earlier


@pytest.mark.parametrize(
    ("sentence", "unreal"),
    [
        ("Without his plea the sentence would have been nine years.", True),
        ("She could have won the race.", True),
        ("They wouldn't have finished on time.", True),
        ("He was jailed for six years.", False),
        ("The court would decide in May.", False),
    ],
)
def test_the_conditional_perfect_tells_what_did_not_happen(sentence: str, unreal: bool) -> None:
    assert tells_what_did_not_happen(sentence) is unreal
