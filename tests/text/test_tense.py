"""Tenses: the past perfect, which tells of an earlier event (a cause, in a story told in the
past); the conditional perfect, of what did not happen; a modal, of what may happen."""

import pytest

from assistant.text.tense import (
    foresees_only,
    has_a_finite_verb,
    past_verbs,
    tells_an_earlier_event,
    tells_what_did_not_happen,
    told_as_done,
    verbs_in_the_past,
)


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


@pytest.mark.parametrize(
    ("question", "verbs"),
    [
        ("Who won the triple jump gold medal?", {"win"}),
        ("Who was elected mayor in May?", {"elect"}),
        ("Where will the awards be held?", set()),  # asked of what is to come
        ("How many homes are going to be built on the airfield?", set()),  # a plan, ahead
        ("When is the bridge due to be reopened?", set()),
        ("Who leads the council?", set()),
        # A light verb's other uses say nothing of this one ("will take care of…").
        ("Who took caretaker charge of the club?", set()),
        # "did" and its verb ask of the past: the verb ending the question, or one with its
        # object, or the first after the subject.
        ("When did Halvorsen's container yard at Gdańsk open?", {"open"}),
        ("When did he open the new bridge?", {"open"}),
        ("When did trains start running across the bridge?", {"start"}),
        ("When did the club move into the new stadium?", {"move"}),
        # A participle after "are" is the present.
        ("How many employees are affected by the closures?", set()),
    ],
)
def test_the_verbs_a_question_puts_in_the_past(question: str, verbs: set[str]) -> None:
    assert past_verbs(question) == verbs


@pytest.mark.parametrize(
    ("sentence", "foresees"),
    [
        ('"If he jumps as he did in Sheffield he could win the gold medal," said Edwards.', True),
        ("She may yet win the title.", True),
        ("Idowu won the gold medal.", False),
        ("He could win again, having won in 2004.", False),
        ("He went on to win gold.", False),
        ("The race in May was won by Idowu.", False),
        ("Nothing is said of medals.", False),
        # A plan or an expectation foresees too.
        ("The stadium is planned to win approval in 2026.", True),
        ("The club plans to win the cup.", True),
        ("He was expected to win but fell.", True),
    ],
)
def test_a_verb_after_a_modal_foresees_and_does_not_report(sentence: str, foresees: bool) -> None:
    assert foresees_only(sentence, frozenset({"win"})) is foresees


def test_every_verb_in_the_past_light_ones_too() -> None:
    assert verbs_in_the_past("How many awards was he given?") == {"give"}
    assert verbs_in_the_past("How much was the firm fined?") == {"fine"}
    assert verbs_in_the_past("Who leads the council?") == set()
    # A clause setting the time of the event asked about is not what is asked.
    assert verbs_in_the_past("How many people left when the river flooded?") == {"leav"}


def test_a_capitalised_word_in_a_name_is_no_verb() -> None:
    assert verbs_in_the_past("Who manages Riverside United?") == set()


def test_a_verb_told_as_done_is_written_in_the_past() -> None:
    assert told_as_done("Directed by Antoine Fuqua, the film flopped.", frozenset({"direct"}))
    assert not told_as_done("Gazprom had been expected to win the auction.", frozenset({"win"}))


@pytest.mark.parametrize(
    ("text", "tensed"),
    [
        ("Ricciardi served 19 aces", True),
        ("which owns 42 percent of the company", True),
        ("the ferry is due in May", True),
        ("The canton of Lucerne", False),
        ("the coxswain of the Moelfre lifeboat", False),
        ("giving the leading judgment", False),
    ],
)
def test_a_verb_in_a_tense_tells_a_clause_from_a_noun_phrase(text: str, tensed: bool) -> None:
    assert has_a_finite_verb(text) is tensed
