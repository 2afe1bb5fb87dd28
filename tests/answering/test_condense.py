"""Carrying a follow-up's subject over without a language model."""

import pytest

from assistant.answering.condense import carries_context, carry_subject
from assistant.answering.question import analyse

WHO = "Who led the study of the Nordvik glacier?"
LED = "The study was led by glaciologist Dr. Ingrid Solberg of the University of Tromsdal. [1]"


def test_she_after_a_who_question_is_the_person_the_answer_named() -> None:
    follow_up = carry_subject("Where does she work?", [(WHO, LED)])
    assert carries_context(follow_up)
    assert follow_up.startswith("Where does she work? (context: Ingrid Solberg ")
    assert "Nordvik" in follow_up


def test_a_person_pointed_back_at_is_the_one_the_latest_who_answer_named() -> None:
    # By a word for people, and through a question that did not ask who.
    described = carry_subject("How old is the scientist?", [(WHO, LED)])
    assert described.startswith("How old is the scientist? (context: Ingrid Solberg ")
    asked = [(WHO, LED), ("When did the study start?", "It started in 2013. [1]")]
    assert "(context: Ingrid Solberg " in carry_subject("What did she find?", asked)


def test_asking_who_holds_a_role_does_not_carry_the_person_just_named() -> None:
    """ "Who was the judge?" after "Who was jailed?" asks for another person."""
    asked = [("Who was jailed for the Harrowfield fraud?", "Graham Pellow, 58, was jailed. [1]")]
    follow_up = carry_subject("Who was the judge?", asked)
    assert "Pellow" not in follow_up and "Harrowfield" in follow_up
    assert "(context: Graham Pellow " in carry_subject("How old is the judge?", asked)


def test_a_pronoun_for_a_thing_carries_only_the_earlier_questions_words() -> None:
    follow_up = carry_subject("When did it start?", [(WHO, LED)])
    assert "Solberg" not in follow_up and "Nordvik" in follow_up
    # Nor is a person carried when the earlier question did not ask who.
    asked = [("How much ice did the Nordvik glacier lose?", LED)]
    assert "Solberg" not in carry_subject("What did she say?", asked)


def test_a_question_that_stands_alone_is_left_as_it_is() -> None:
    question = "How much ice did the Nordvik glacier lose between 2013 and 2023?"
    assert carry_subject(question, [(WHO, LED)]) == question
    assert carry_subject("Where does she work?", []) == "Where does she work?"


def test_a_follow_up_naming_nothing_is_about_the_conversations_subject() -> None:
    asked = [("Who is the chief executive of Harbourline Ferries?", "")]
    follow_up = carry_subject("When does the firm expect the report?", asked)
    assert follow_up.endswith("(context: chief executive Harbourline Ferries)")
    # Its own words are the article's: the answerability gate still hears them.
    assert not carries_context(follow_up)
    named = "When does Harbourline expect the report?"
    assert carry_subject(named, asked) == named


def test_a_question_naming_nothing_and_sharing_no_word_with_the_talk_starts_afresh() -> None:
    asked = [("How much rain fell at Honister Pass?", "172mm of rain fell at Honister Pass. [1]")]
    new = "How frequently will trams run on the new line at busy times?"
    assert carry_subject(new, asked) == new
    # Sharing a word with what was said, it is about the same subject.
    same = "How frequently did the rain gauges report at busy times?"
    assert "(context: " in carry_subject(same, asked)


def test_a_short_question_naming_its_own_subject_starts_afresh() -> None:
    asked = [("How much was the tour expected to cost?", "")]
    assert carry_subject("How tall is Emiew?", asked) == "How tall is Emiew?"
    assert carries_context(carry_subject("What about Sony?", asked))


def test_the_subject_comes_from_the_latest_question_that_stood_alone() -> None:
    asked = [("How much was the tour expected to cost?", ""), ("When was Skyharbor set up?", "")]
    assert carry_subject("Who founded it?", asked).endswith("(context: Skyharbor set)")


def test_a_question_naming_nothing_on_the_way_keeps_the_subject_before_it() -> None:
    """ "How much will the repairs cost?" after "When will the Leeds tram open?" is about
    the tram's repairs: "Who will pay for it?" carries both, not the repairs alone."""
    asked = [("When will the Leeds tram open?", ""), ("How much will the repairs cost?", "")]
    carried = carry_subject("Who will pay for it?", asked)
    assert "Leeds tram" in carried and "repairs cost" in carried


def test_a_follow_up_of_no_words_of_its_own_asks_what_the_one_before_asked() -> None:
    asked = [
        ("Who was Margaret Ashby?", "Margaret Ashby was a marine biologist. [1]"),
        ("When was she born?", "Born in Bristol in 1933, Ashby was a teacher's daughter. [1]"),
    ]
    follow_up = carry_subject("And where?", asked)
    assert follow_up.startswith("And where? (context: born ")
    assert "Margaret Ashby" in follow_up


def test_the_carried_context_is_read_apart_from_the_follow_ups_own_words() -> None:
    follow_up = carry_subject("Who saved two penalties?", [(WHO, LED)])
    question = analyse(follow_up)
    assert {"nordvik", "glacier"} <= question.carried
    assert not {"save", "penalti"} & question.carried
    assert analyse("Who saved two penalties?").carried == frozenset()


WON = "Who won the Harrow Vale by-election?"
WINNER = (
    "Sarah Whitlock took the seat with 14,220 votes, ahead of the Conservative candidate, "
    "James Pollard, who finished second with 11,870. [1]"
)


@pytest.mark.parametrize(
    ("earlier", "follow_up", "written"),
    [
        # A name given for a name: the one it is placed as, else the first.
        (
            "How many votes did the Conservatives get in Harrow Vale?",
            "What about Labour?",
            "How many votes did the Labour get in Harrow Vale?",
        ),
        (
            "How many votes did the Conservatives get in Harrow Vale?",
            "And in Kent North?",
            "How many votes did the Conservatives get in Kent North?",
        ),
        # A number for a number, or added.
        (
            "Who won the Halbrook Marathon in 2021?",
            "And in 2019?",
            "Who won the Halbrook Marathon in 2019?",
        ),
        (
            "Who won the Halbrook Marathon?",
            "What about in 2023?",
            "Who won the Halbrook Marathon in 2023?",
        ),
        # The thing of the same kind.
        (
            "Who won the men's race at the Halbrook Marathon?",
            "And the women's race?",
            "Who won the women's race at the Halbrook Marathon?",
        ),
        # Someone else of the same story, asked the same way.
        (WON, "And the runner-up?", "Who was the runner-up?"),
        (WON, "And in third place?", "Who was in third place?"),
    ],
)
def test_a_follow_up_giving_only_what_changes_is_the_question_before_changed(
    earlier: str, follow_up: str, written: str
) -> None:
    standalone = carry_subject(follow_up, [(earlier, "An answer. [1]")])
    assert standalone.split(" (context: ")[0] == written


def test_an_ellipsis_keeps_the_subject_but_not_the_verb_or_the_words_it_replaced() -> None:
    runner_up = carry_subject("And the runner-up?", [(WON, WINNER)])
    assert runner_up == "Who was the runner-up? (context: Harrow Vale by-election)"
    other_seat = carry_subject("What about Kent North?", [(WON, WINNER)])
    assert other_seat == "Who won the Kent North by-election?"


def test_what_is_no_ellipsis_is_left_to_the_other_rules() -> None:
    for follow_up in (
        "And when did it open?",
        "How about the turnout?",
        "And the long list of other things the council did?",
    ):
        assert not carry_subject(follow_up, [(WON, WINNER)]).startswith("Who")


def test_he_after_an_ellipsis_is_the_person_its_answer_named() -> None:
    asked = [(WON, "The Liberal Democrats have won the seat. [1]"), ("And the runner-up?", WINNER)]
    assert "(context: James Pollard " in carry_subject("How many votes did he get?", asked)


def test_the_subject_moves_with_a_follow_up_that_changed_it() -> None:
    """ "And the runner-up?" after "What about 2025?" asks of 2025, whether the history
    holds the questions as typed or as read (with what they carried)."""
    typed = [
        (WON.replace("Harrow Vale by-election", "2024 Port Calloway marathon"), "…"),
        ("What about 2025?", "…"),
    ]
    read = [(typed[0][0], "…"), ("Who won the 2025 Port Calloway marathon?", "…")]
    for history in (typed, read):
        runner_up = carry_subject("And the runner-up?", history)
        assert runner_up == "Who was the runner-up? (context: 2025 Port Calloway marathon)"


def test_a_question_read_with_its_subject_passes_that_subject_on() -> None:
    history = [
        ("Who won the 2024 Port Calloway marathon?", "…"),
        ("Why is the glassworks closing its factory? (context: 2024 Port Calloway marathon)", "…"),
    ]
    follow_up = carry_subject("How many jobs are at risk?", history)
    assert follow_up.startswith("How many jobs are at risk? (context: glassworks closing factory")


def test_a_long_conversation_carries_only_its_latest_subject_words() -> None:
    earlier = "many runners finished 2024 Port Calloway marathon record time"
    history = [
        ("Who won the 2024 Port Calloway marathon in record time?", "…"),
        (f"When did she start running marathons? (context: {earlier})", "…"),
    ]
    follow_up = carry_subject("What did she say?", history)
    context = follow_up.split(" (context: ")[1].rstrip(")").split()
    assert context == ["start", "running", "marathons", *earlier.split()[:5]]


def test_a_count_of_people_is_no_person_and_a_carried_context_no_word() -> None:
    """ "What about the number of runners?" asks no "who", and "(context: …)" of a question
    as it was read brings its words, not the word "context"."""
    history = [
        ("Who won the Harbourside Marathon?", "…"),
        ("Who was the runner-up? (context: Harbourside Marathon)", "…"),
    ]
    follow_up = carry_subject("What about the number of runners?", history)
    assert follow_up == "What about the number of runners? (context: Harbourside Marathon)"
