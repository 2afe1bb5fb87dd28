"""A refusal names the question's words that look misspelt, with the word the passages write."""

from pathlib import Path

from assistant.answering.spelling import misspelt
from assistant.records import Passage
from tests.answering.test_extractive import assistant_over
from tests.conftest import AssistantFactory

TEXT = (
    "Balco case delayed\n\nThe trial of Bay Area Laboratory Cooperative (Balco) founder Victor "
    "Conte will start in March, Judge Susan Illston said. The ferry carried 310 passengers."
)


def passage(text: str = TEXT) -> Passage:
    return Passage("c1", "a1", "balco.txt", "Balco case delayed", text, 0, len(text))


def test_a_word_no_passage_writes_is_matched_to_one_spelt_almost_the_same() -> None:
    assert misspelt("Who is the judge in the Balko case?", [passage()]) == [("Balko", "Balco")]
    assert misspelt("How many pasengers can it cary?", [passage()]) == [("pasengers", "passengers")]


def test_words_written_in_another_form_or_unlike_any_are_not_flagged() -> None:
    # "carry" is written as "carried"; "Beyonce" is like no word of the passage.
    assert misspelt("Did the ferry carry Beyonce?", [passage()]) == []
    assert misspelt("Who is the judge?", []) == []
    # A lower-case word is not taken for a slip of a name: "many" is not "May".
    may = passage("Sales rose in May.")
    assert misspelt("How many drones were sold?", [may]) == []
    # Nor is a name taken for a slip of a lower-case word: "France" is not "face".
    assert misspelt("What is the capital of France?", [passage("Her face lit up.")]) == []
    # An English word is never taken for a slip: "place" is not "peace".
    assert misspelt("Where will the talks take place?", [passage("Peace talks began.")]) == []


def test_the_refusal_says_which_word_to_check(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(make_assistant, tmp_path, TEXT)
    answer = bot.ask("Who is the judge in the Balko case?")
    assert answer.refused
    assert answer.note.endswith("Did you mean “Balco” for “Balko”?"), answer.note
