"""A long quote ends after its answer, and never where the rest matters."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.answering.question import analyse
from assistant.answering.short_answer import short_answer
from assistant.answering.trimming import after_the_dateline, up_to_the_answer
from assistant.records import QUOTE_CUT, Quote, ShortAnswer
from tests.answering.test_extractive import assistant_over
from tests.conftest import AssistantFactory


def quoted(question: str, sentence: str) -> str:
    """`sentence` as the answer to `question` quotes it, its short answer found as the
    extractive answerer finds it."""
    asked = analyse(question)
    span = short_answer(asked, sentence)
    assert span is not None, "the sentence must have a short answer"
    short = ShortAnswer(1, sentence[span[0] : span[1]], span[0], span[1])
    return up_to_the_answer(asked, Quote(1, sentence, 0, len(sentence), 1.0, short)).text


def test_a_tail_telling_something_else_is_cut_after_the_answer() -> None:
    shown = quoted(
        "How much was the order for new trains worth?",
        "The order for new trains was worth CHF 31 million, a record for a mountain line, "
        "with the first of them delivered to the depot at Grindelwald during the spring.",
    )
    assert shown == "The order for new trains was worth CHF 31 million" + QUOTE_CUT


@pytest.mark.parametrize(
    ("question", "sentence", "kept"),
    [
        # Another date: the short answer may be the wrong one.
        (
            "When will the spring statement be delivered?",
            "The spring statement, originally due on 26 March, has been postponed to 9 April "
            "to allow for the new forecasts from the budget office.",
            "9 April",
        ),
        # Whose word it is.
        (
            "How many people were evacuated from the island?",
            "Around 400 people were evacuated from the island overnight, fire officials said "
            "on Tuesday.",
            "fire officials said",
        ),
        # What takes it back.
        (
            "Who won the coastal half marathon?",
            "Maria Lenz won the coastal half marathon in record time, though she was later "
            "disqualified for taking a short cut.",
            "disqualified",
        ),
        # The items of a list.
        (
            "Which app won the music prize?",
            "The music prize went to Loopline, an app designed to let people write, edit and "
            "share songs on a phone.",
            "share songs",
        ),
        # A short aside, which the verb most often follows.
        (
            "Who was the Liberal Democrat candidate in Hartsmoor?",
            "The Liberal Democrat candidate in Hartsmoor was Ms Whitlock, a headteacher, who "
            "lost her deposit at the count in the town hall.",
            "a headteacher",
        ),
        # The subject the words before lead into.
        (
            "Where was the 1990 championship held?",
            "The 1990 championship was held in Aosta, in the Italian Alps, and in the final "
            "round, she won outright with eight points from eleven games.",
            "she won outright",
        ),
        # The subject's own verb, after a relative clause holding the answer.
        (
            "What share of the ferry company does the canton own?",
            "The canton of Lucerne, which owns 42 percent of the company, approved the "
            "purchase by a vote of 87 to 21 in its parliament last month.",
            "approved the purchase",
        ),
        # A word leading on.
        (
            "How many air fryers are being recalled?",
            "Kitchora is recalling about 94,000 air fryers after reports that they can overheat "
            "and, in a small number of cases, catch fire in the kitchen.",
            "catch fire",
        ),
    ],
)
def test_what_matters_is_never_cut(question: str, sentence: str, kept: str) -> None:
    shown = quoted(question, sentence)
    assert kept in shown, shown


def test_a_cut_quote_is_still_checked_as_a_quote_and_its_passage_shows_the_whole_sentence(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harbour ferry\n\nThe Port Calloway harbour ferry was launched in 1998. The new ferry "
        "was built by Merrow Marine of Falmouth in 1997, two months behind schedule after "
        "a strike at the yard delayed the fitting of its engines.\n",
    )
    answer = bot.ask("Which company built the new ferry?")
    assert answer.short_answer is not None
    assert answer.short_answer.text.startswith("Merrow Marine")
    assert QUOTE_CUT in answer.text and "strike" not in answer.text, answer.text
    (claim,) = answer.claims
    assert claim.verdict_label == "quoted word for word"
    assert claim.evidence is not None and "strike at the yard" in claim.evidence.text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        # The dateline is where and when the story was filed, not what it says.
        ("Who approved the budget?", "Kelso District Council approved its budget."),
        # Unless it holds the answer.
        (
            "When did Kelso District Council approve its budget?",
            "KELSO, 4 March 2025 - Kelso District Council approved its budget.",
        ),
    ],
)
def test_a_quote_begins_after_the_dateline_its_sentence_opens_with(
    question: str, shown: str
) -> None:
    sentence = "KELSO, 4 March 2025 - Kelso District Council approved its budget."
    asked = analyse(question)
    span = short_answer(asked, sentence)
    assert span is not None
    short = ShortAnswer(1, sentence[span[0] : span[1]], 100 + span[0], 100 + span[1])
    quote = after_the_dateline(Quote(1, sentence, 100, 100 + len(sentence), 1.0, short))
    assert quote.text == shown
    assert quote.start == 100 + sentence.index(shown) and quote.end == 100 + len(sentence)
