"""The day an answer's "on Tuesday" means is read from the short answer's own sentence."""

from assistant.records import Answer, Citation, Passage, ShortAnswer

TEXT = (
    "The council will close three of its eleven branch libraries.\n\n"
    "The plan passed by 24 votes to 21 on Tuesday evening."
)


def answer_citing(text: str, words: str, published: str) -> Answer:
    """An extractive answer whose short answer is `words` in passage 1, holding `text`."""
    passage = Passage("c", "a", "council.txt", "Budget", text, 0, len(text), date=published)
    at = text.index(words)
    short = ShortAnswer(1, words, at, at + len(words))
    return Answer(
        "When was the vote?",
        f"{text} [1]",
        "extractive",
        False,
        passages=(passage,),
        citations=(Citation(1, passage),),
        short_answer=short,
    )


def test_what_is_to_come_in_the_sentence_before_does_not_move_the_day_ahead() -> None:
    """ "will close" in the sentence before does not make a past "on Tuesday" a day to come:
    in a report of Wednesday 12 February 2025 it is the 11th, not the 18th."""
    answer = answer_citing(TEXT, "on Tuesday evening", "2025-02-12")
    assert answer.short_answer_day == "11 February 2025, by the article's date"
