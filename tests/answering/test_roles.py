"""Asking who leads an organisation with the title the passages give its leader."""

from assistant.answering.roles import as_titled
from assistant.records import Passage


def passage(text: str) -> Passage:
    return Passage("c1", "a1", "trust.txt", "Trust", text, 0, len(text), 0.5)


def test_the_leaders_title_in_the_passages_replaces_the_verb() -> None:
    said = passage("said Dr Helen Okafor, the chief executive of the Marlow Vale Health Trust.")
    assert (
        as_titled("Who heads the Marlow Vale Health Trust?", [said])
        == "Who is the chief executive of the Marlow Vale Health Trust?"
    )
    owned = passage("Tidal Live's chairman, Leon Braithwaite, apologised.")
    assert (
        as_titled("Who is in charge of Tidal Live?", [owned])
        == "Who is the chairman of Tidal Live?"
    )
    before = passage("Brightloom chief executive Nadia Ferreira wrote to staff.")
    assert (
        as_titled("Who runs Brightloom?", [before]) == "Who is the chief executive of Brightloom?"
    )


def test_a_title_before_a_name_where_the_organisation_is_named_serves_too() -> None:
    named = passage("Verdantis Foods beat forecasts. Chief executive Tobias Wren said so.")
    assert (
        as_titled("Who is the boss of Verdantis Foods?", [named])
        == "Who is the chief executive of Verdantis Foods?"
    )
    elsewhere = passage("Chief executive Tobias Wren said the results were strong.")
    assert as_titled("Who runs Verdantis Foods?", [elsewhere]) == "Who runs Verdantis Foods?"


def test_without_a_title_for_it_the_question_stays_as_asked() -> None:
    other = passage("Dr Helen Okafor, the chief executive of another trust, spoke.")
    for question in ("Who heads the Marlow Vale Health Trust?", "Who won the race?"):
        assert as_titled(question, [other]) == question
