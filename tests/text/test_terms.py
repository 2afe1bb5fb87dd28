"""The one way text becomes terms: stems, stop words, and irregular verbs and plurals read as
their base."""

import pytest

from assistant.text.terms import in_the_dictionary, terms, words


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("How many copies did it sell?", "It sold two million copies."),
        ("How much did the club pay?", "The club paid a record fee."),
        ("Who leads the inquiry?", "The inquiry is led by a judge."),
        ("What did the minister say?", "The minister said nothing."),
        ("When did the shares rise?", "The shares rose in May."),
        # An irregular plural is read as its singular.
        ("Which businessman led the rescue?", "Local businessmen led the rescue."),
        ("How many children took part?", "Every child took part."),
    ],
)
def test_a_questions_verb_matches_its_irregular_past(question: str, sentence: str) -> None:
    asked = set(terms(question)) - {"mani", "much"}
    assert asked <= set(terms(sentence))


def test_a_form_that_is_a_word_of_its_own_is_left_as_written() -> None:
    # "found" (to establish) and "ground" (a pitch) are not read as "find" and "grind".
    assert terms("The club was founded on this ground.") == ["club", "found", "ground"]
    assert terms("lasted negotiations 2014") == ["last", "negoti", "2014"]


def test_the_dictionary_knows_english_words_not_names() -> None:
    assert in_the_dictionary("Conservative") and in_the_dictionary("Apple")
    assert not in_the_dictionary("Skyharbor") and not in_the_dictionary("Cullen")


def test_a_negative_contraction_is_read_as_its_words() -> None:
    """ "won't" is "will not", not the past of "win"; "doesn't" leaves no "doesn"."""
    assert terms("Why won't Okonjo play on Sunday?") == ["okonjo", "play", "sunday"]
    assert terms("It doesn't matter, they can't go and I shan't stay") == [
        "matter",
        "go",
        "stay",
    ]
    assert words("He isn’t here") == ["he", "is", "not", "here"]
