"""Claim checks: paraphrases pass, changed numbers and names do not, uncited claims get hints."""

import dataclasses

import numpy as np
import pytest

from assistant.answering.answerability import trained_confidence, trained_gate
from assistant.answering.condense import carry_subject
from assistant.answering.rating import Rater
from assistant.answering.support import ClaimChecker, key_tokens
from assistant.embedding.local import LocalEmbedder
from assistant.records import Claim, ClaimText, Passage
from assistant.text.polarity import turns_around

ARTICLE = (
    "The Kremlin confirmed the call lasted nearly 90 minutes and that both leaders had adopted a "
    "conciliatory tone. Speaking in Brussels, Pete Hegseth said NATO membership for Kyiv was no "
    "longer a priority."
)
OTHER = "Heavy rain flooded several streets and the river burst its banks on Tuesday."


def passages() -> list[Passage]:
    return [
        Passage("c1", "a1", "news.txt", "Call", ARTICLE, 100, 100 + len(ARTICLE), 0.6),
        Passage("c2", "a2", "rain.txt", "Rain", OTHER, 0, len(OTHER), 0.2),
    ]


QUESTION = "How long did the call between the two leaders last?"


def check(
    embedder: LocalEmbedder, text: str, cited: tuple[int, ...], question: str = QUESTION
) -> Claim:
    checker = ClaimChecker(embedder, idf=lambda term: 1.0)
    [claim] = checker.check(question, [ClaimText(text, cited)], passages())
    return claim


def test_a_quote_is_supported_with_its_evidence_span(embedder: LocalEmbedder) -> None:
    claim = check(
        embedder,
        "The Kremlin confirmed the call lasted nearly 90 minutes and that both "
        "leaders had adopted a conciliatory tone.",
        (1,),
    )
    assert claim.verdict == "supported" and claim.score == 1.0
    assert ARTICLE[claim.evidence.start - 100 : claim.evidence.end - 100] == claim.evidence.text


def test_a_paraphrase_is_supported(embedder: LocalEmbedder) -> None:
    claim = check(
        embedder, "According to the Kremlin, the call went on for nearly 90 minutes.", (1,)
    )
    assert claim.verdict == "supported", claim
    assert "90 minutes" in claim.evidence.text


def test_a_changed_number_is_unsupported_in_figures_or_words(embedder: LocalEmbedder) -> None:
    claim = check(embedder, "The Kremlin confirmed the call lasted nearly 30 minutes.", (1,))
    assert claim.verdict == "unsupported"
    words = check(embedder, "The Kremlin confirmed the call lasted nearly three hours.", (1,))
    assert words.verdict == "unsupported"


@pytest.mark.parametrize(
    "turned",
    [
        "The Kremlin denied the call lasted nearly 90 minutes.",
        "The Kremlin confirmed the call did not last nearly 90 minutes.",
    ],
)
def test_a_claim_turning_its_evidence_around_is_not_supported(
    embedder: LocalEmbedder, turned: str
) -> None:
    assert check(embedder, turned, (1,)).verdict in ("partial", "unsupported")


def test_a_negation_in_another_clause_of_the_evidence_does_not_count(
    embedder: LocalEmbedder,
) -> None:
    # The evidence says "no longer" of NATO membership, not of where Hegseth spoke.
    claim = check(embedder, "Pete Hegseth was speaking in Brussels.", (1,))
    assert claim.verdict == "supported", claim


def test_a_wrong_name_is_not_supported(embedder: LocalEmbedder) -> None:
    claim = check(
        embedder,
        "Speaking in Brussels, Lloyd Austin said NATO membership was no longer a priority.",
        (1,),
    )
    assert claim.verdict != "supported"


def test_citing_the_wrong_passage_is_unsupported(embedder: LocalEmbedder) -> None:
    claim = check(embedder, "The call lasted nearly 90 minutes.", (2,))
    assert claim.verdict == "unsupported"


def test_an_uncited_claim_gets_the_best_passage_suggested(embedder: LocalEmbedder) -> None:
    claim = check(embedder, "Hegseth said NATO membership for Kyiv was no longer a priority.", ())
    assert claim.verdict == "uncited" and claim.suggested == 1


def test_a_claim_is_checked_against_the_sentence_holding_its_numbers(
    embedder: LocalEmbedder,
) -> None:
    # The second sentence is worded most like the claim, but only the first gives 15.1%.
    text = (
        "The lender said prices rose 15.1% over the whole of 2004. "
        "The survey seems to fly in the face of other evidence about the market. "
        "A rival lender said UK house prices fell over the whole of December."
    )
    passage = Passage("c9", "a9", "homes.txt", "House prices", text, 0, len(text), 0.6)
    checker = ClaimChecker(embedder, idf=lambda term: 1.0)
    claim = ClaimText("The lender said UK house prices fell 15.1% over the whole of 2004.", (1,))
    [checked] = checker.check("How much did house prices change in 2004?", [claim], [passage])
    assert checked.evidence is not None and "15.1%" in checked.evidence.text
    assert checked.verdict != "supported"


def test_a_figure_moving_the_other_way_turns_the_evidence_around() -> None:
    evidence = "Quarterly profits jumped 76% to $1.13bn, the company said."
    assert turns_around("Quarterly profits fell 76% to $1.13bn.", evidence)
    assert not turns_around("Quarterly profits rose 76% to $1.13bn.", evidence)
    # "Lost" moves a figure down as "fell" does.
    ice = "The glacier lost 21 percent of its ice volume between 2013 and 2023."
    assert turns_around("The glacier gained 21 percent of its ice volume.", ice)
    assert not turns_around("The glacier shrank by 21 percent.", ice)


def test_key_tokens_are_numbers_and_names() -> None:
    assert key_tokens("In 2013, Barack Obama visited Russia for 3.5 days.") == {
        "2013",
        "3.5",
        "barack",
        "obama",
        "russia",
    }


def test_a_true_quote_that_does_not_answer_is_not_said_to_answer(embedder: LocalEmbedder) -> None:
    answering = check(embedder, "The Kremlin confirmed the call lasted nearly 90 minutes.", (1,))
    assert answering.verdict == "supported" and answering.relevance == "answers"
    beside = check(
        embedder, "Pete Hegseth said NATO membership for Kyiv was no longer a priority.", (1,)
    )
    assert beside.verdict in ("supported", "partial") and beside.relevance != "answers"
    elsewhere = check(
        embedder, "Heavy rain flooded several streets and the river burst its banks.", (2,)
    )
    assert elsewhere.relevance == "off-topic"


@pytest.mark.parametrize(("sure_from", "relevance"), [(0.0, "answers"), (1.01, "unsure")])
def test_an_answer_chosen_with_little_confidence_says_it_may_not_answer(
    embedder: LocalEmbedder, sure_from: float, relevance: str
) -> None:
    """The same answering quote is "answers" or "unsure" by the confidence model's verdict
    alone (here forced either way by its threshold)."""
    confidence = dataclasses.replace(trained_confidence(), answers_from=sure_from)
    rater = Rater(embedder, lambda term: 1.0, confidence=confidence)
    checker = ClaimChecker(embedder, idf=lambda term: 1.0, rater=rater)
    text = "The Kremlin confirmed the call lasted nearly 90 minutes."
    [claim] = checker.check(QUESTION, [ClaimText(text, (1,))], passages())
    assert claim.verdict == "supported" and claim.relevance == relevance


RACE = "Ethiopia's Tesfaye Abera finished second in the Lakeside Marathon, 41 seconds behind."
FIRM = "Brightloom's software is used by more than 90,000 businesses in 40 countries."


@pytest.mark.parametrize(
    ("text", "question", "relevance"),
    [
        # Asked who came third, the sentence naming the runner-up.
        (RACE, "Who finished second in the Lakeside Marathon?", "answers"),
        (RACE, "Who finished third in the Lakeside Marathon?", "unsure"),
        # Asked how many people, an amount of businesses.
        (FIRM, "How many businesses use Brightloom's software?", "answers"),
        (FIRM, "How many people use Brightloom's software?", "unsure"),
    ],
)
def test_a_sentence_giving_another_thing_than_asked_may_not_answer(
    embedder: LocalEmbedder, text: str, question: str, relevance: str
) -> None:
    """A sentence naming no one in the place asked, or counting another thing, is given
    only as one that may not answer, however sure the confidence model (forced here) is."""
    forced = {"answers_from": 0.0}
    rater = Rater(
        embedder,
        lambda term: 1.0,
        gate=dataclasses.replace(trained_gate(), **forced),
        confidence=dataclasses.replace(trained_confidence(), **forced),
    )
    passage = Passage("c1", "a1", "story.txt", "Story", text, 0, len(text), 0.6)
    rated = rater.rate(question, [passage])
    assert rated is not None
    assert rated.relevance(rated.best()) == relevance


def test_the_answerability_gate_judges_standalone_questions_not_follow_ups(
    embedder: LocalEmbedder,
) -> None:
    """A follow-up's own words point back at the earlier subject, so the gate (calibrated on
    standalone questions, here set to refuse everything) does not judge it."""
    gate = dataclasses.replace(trained_gate(), answers_from=1.01)
    rater = Rater(embedder, lambda term: 1.0, gate=gate)
    follow_up = carry_subject("And how long did it go on?", [(QUESTION, "")])
    assert follow_up != QUESTION and "call" in follow_up
    standalone, carried = rater.rate(QUESTION, passages()), rater.rate(follow_up, passages())
    assert standalone is not None and not standalone.answerable
    assert carried is not None and carried.answerable


def test_the_confidence_model_trusts_an_answer_that_stands_out_more() -> None:
    """More lead over the next candidate, and fewer question words missing from every
    passage, never lower the chance that the answer is right."""
    model = trained_confidence()
    plain = np.array([5.0, 1.0, 0.2, 0.2])
    clearer = np.array([5.0, 3.0, 0.0, 0.0])
    assert model.probability(clearer) > model.probability(plain)
    assert 0.0 < model.answers_from < 1.0
