"""The sentences next to a quoted one: across overlapping passages, within a paragraph."""

from assistant.answering.passage_sentences import (
    PassageSentence,
    candidate_sentences,
    describes_one_before,
    sentence_after,
    sentence_before,
)
from assistant.records import Passage

ARTICLE = (
    "Bridge\n\nConstruction began in 1998. Work stopped for eight months in 2000. A drifting "
    "barge had struck one of the piers during a storm.\n\nThe bridge opened in 2004 to traffic."
)


def passage(n: int, start: int, end: int, article: str = "a1") -> Passage:
    return Passage(f"c{n}", article, "bridge.txt", "Bridge", ARTICLE[start:end], start, end)


def test_the_next_sentence_is_found_in_the_passage_that_holds_it() -> None:
    stop = ARTICLE.index("A drifting")
    # Passage 1 ends where "Work stopped…" does; passage 2 (overlapping) goes on.
    passages = [passage(1, 0, stop - 1), passage(2, ARTICLE.index("Work"), len(ARTICLE))]
    work = next(s for s in candidate_sentences(passages[:1]) if s.text.startswith("Work"))
    after = sentence_after(passages, work)
    assert after is not None and after.n == 2
    assert after.text.startswith("A drifting barge")
    assert ARTICLE[after.start : after.end] == after.text
    before = sentence_before(passages, after)
    assert before is not None and before.text.startswith("Work stopped")


def test_no_neighbour_across_a_paragraph_or_from_another_article() -> None:
    passages = [passage(1, 0, len(ARTICLE)), passage(2, 0, len(ARTICLE), article="a2")]
    barge = next(s for s in candidate_sentences(passages[:1]) if s.text.startswith("A drifting"))
    assert sentence_after(passages, barge) is None  # the next one starts a paragraph
    other = PassageSentence(2, barge.text, barge.start, barge.end)
    found = sentence_before(passages, other)
    assert found is not None and found.n == 2  # its own article's copy, not passage 1's


def test_list_items_and_their_lead_ins_are_candidates_but_not_headings() -> None:
    text = (
        "Court ruling\n\nThe judge said she must:\n\n- Spend three years on probation\n"
        " - Pay $1,000 (£535) fine\n- Go\n\nShe left the court without comment."
    )
    passage = Passage("c1", "a1", "love.txt", "Ruling", text, 0, len(text))
    assert [s.text for s in candidate_sentences([passage])] == [
        "The judge said she must:",
        "Spend three years on probation",
        "Pay $1,000 (£535) fine",
        "She left the court without comment.",
    ]


def test_a_sentence_opening_with_a_persons_role_describes_someone_named_before() -> None:
    assert describes_one_before("The minister also confirmed she met them.")
    assert describes_one_before("The 40-year-old comedian caused a furore.")
    assert not describes_one_before("The company said profits rose.")
    assert not describes_one_before("This year the minister said so.")  # maybe another


def test_a_sentence_of_three_words_is_a_candidate_only_with_a_figure() -> None:
    text = "She has died at her home in Falmouth. She was 91. She is missed. Reuters reported."
    passage = Passage("c1", "a1", "obit.txt", "Obituary", text, 0, len(text))
    assert [s.text for s in candidate_sentences([passage])] == [
        "She has died at her home in Falmouth.",
        "She was 91.",
    ]
