"""What the sentence scorer and the answerability gate measure, on made-up passages with the
real embedding model."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from assistant.answering.answerability import trained_gate
from assistant.answering.features import NAMES, Candidates, measure
from assistant.answering.passage_sentences import candidate_sentences
from assistant.answering.question import analyse
from assistant.embedding import Embedder
from assistant.records import Passage

ARTICLE = (
    "The old Malagasy franc was phased out in July 2003. "
    "It will remain exchangeable at banks until 2009, the central bank said. "
    "Shops reported few problems with the new notes."
)


def _measured(question: str, embedder: Embedder, article: str = ARTICLE) -> Candidates:
    passage = Passage(
        "c1", "a1", "franc.txt", "Madagascar drops the franc", article, 0, len(article)
    )
    return measure(
        analyse(question), candidate_sentences([passage]), [passage], embedder, lambda _: 1.0
    )


def _column(candidates: Candidates, name: str) -> npt.NDArray[np.float64]:
    return candidates.features[:, NAMES.index(name)]


def test_the_answer_after_the_questions_opening_preposition_is_marked(embedder: Embedder) -> None:
    question = "Until what year can the old francs be swapped at banks?"
    assert analyse(question).preposition == "until"
    candidates = _measured(question, embedder)
    sentences = [s.text for s in candidates.sentences]
    introduced, typed = _column(candidates, "introduced"), _column(candidates, "typed")
    until = next(i for i, s in enumerate(sentences) if "until 2009" in s)
    july = next(i for i, s in enumerate(sentences) if "July 2003" in s)
    assert typed[until] == typed[july] == 1.0, "both hold a date"
    assert introduced[until] == 1.0 and introduced[july] == 0.0


def test_a_question_without_an_opening_preposition_marks_nothing(embedder: Embedder) -> None:
    assert analyse("When will the old francs stop being exchangeable?").preposition == ""
    candidates = _measured("When will the old francs stop being exchangeable?", embedder)
    assert not _column(candidates, "introduced").any()


def test_words_of_the_question_that_no_sentence_holds_are_counted(embedder: Embedder) -> None:
    held = _measured("Until what year can the old francs be exchanged at banks?", embedder)
    absent = _measured("Why did the governor resign over the franc's devaluation?", embedder)
    assert held.missing_plain == 0.0
    # "governor", "resign" and "devaluation" appear nowhere.
    assert absent.missing_plain >= 0.5
    assert absent.missing > held.missing


def test_the_gate_judges_missing_words_and_weak_scores_less_answerable() -> None:
    gate = trained_gate()
    answered = np.array([6.0, 2.0, 0.0, 0.0])  # best score, margin, missing, missing ordinary
    assert gate.passes(answered)
    assert gate.probability(np.array([6.0, 2.0, 0.5, 1.0])) < gate.probability(answered)
    assert gate.probability(np.array([0.0, 0.0, 0.0, 0.0])) < gate.probability(answered)


def test_which_way_an_amount_moves_is_measured(embedder: Embedder) -> None:
    article = (
        "Annual turnover fell to £8.9bn from £9.3bn. "
        "Pre-tax profit jumped 12% to £2.1bn, the brewer said."
    )
    candidates = _measured("How much did the brewer's profit fall?", embedder, article)
    sentences = [s.text for s in candidates.sentences]
    turnover = next(i for i, s in enumerate(sentences) if "turnover" in s)
    profit = next(i for i, s in enumerate(sentences) if "profit" in s)
    reverses = _column(candidates, "reverses")
    assert reverses[profit] == 1.0 and reverses[turnover] == 0.0, "profit jumped; turnover fell"
    assert not _column(_measured("When was the franc phased out?", embedder), "reverses").any()


def test_who_did_it_is_matched_to_the_doer_named(embedder: Embedder) -> None:
    article = "Balco was set up in 1984. The company's founder, Victor Conte, denies the charges."
    founder = _measured("Who founded Balco?", embedder, article)
    held = dict(zip((s.text for s in founder.sentences), founder.matched, strict=True))
    assert "found" in held["The company's founder, Victor Conte, denies the charges."]
    # Only "who" asks for the doer: "When was it founded?" is not answered by "founder".
    when = _measured("When was Balco founded?", embedder, article)
    assert all("found" not in matched for matched in when.matched)


def _held(question: str, embedder: Embedder, article: str) -> dict[str, frozenset[str]]:
    """Each sentence of `article` with the question's terms it is taken to hold."""
    measured = _measured(question, embedder, article)
    return dict(zip((s.text for s in measured.sentences), measured.matched, strict=True))


def test_words_of_one_meaning_in_other_forms_are_matched(embedder: Embedder) -> None:
    article = (
        "Morgan went one better in 2022, becoming the first Welsh winner. "
        "Holly Lane won the 2019 race in a course record. "
        "The game drew 40,000 people. "
        "About 85 staff will be affected by the closures."
    )
    # "the winner" is one who won; "the first Welshman to win" is the first Welsh winner.
    held = _held("How long did the winner take?", embedder, article)
    assert "winner" in held["Holly Lane won the 2019 race in a course record."]
    welsh = _held("Who was the first Welshman to win the race?", embedder, article)
    assert {"welshman", "win"} <= welsh[
        "Morgan went one better in 2022, becoming the first Welsh winner."
    ]
    # "the game" is no gamer's, and the "runner" of "runner-up" is no one who runs.
    gamers = _held("How many gamers played?", embedder, article)
    assert "gamer" not in gamers["The game drew 40,000 people."]
    runner = _held("Who was the runner-up?", embedder, "Lane was running well. Kemp was second.")
    assert "runner" not in runner["Lane was running well."]
    # The runner-up came second.
    race = "Lane won in 6.56 seconds. Kemp was second in 6.67. The second race was slower."
    second = _held("Who was the runner-up?", embedder, race)
    assert "runner" in second["Kemp was second in 6.67."]
    # "6.56 seconds" and "the second race" name no place.
    assert "runner" not in second["Lane won in 6.56 seconds."]
    assert "runner" not in second["The second race was slower."]
    runner_up = _held("Who came second?", embedder, "Kemp was the runner-up. Lane won.")
    assert "second" in runner_up["Kemp was the runner-up."]
    # Who runs a firm is its managing director or chief executive.
    runs = _held("Who runs Vale Rail?", embedder, "Vale Rail's managing director, Ann Pryor, said.")
    assert "run" in runs["Vale Rail's managing director, Ann Pryor, said."]
    # A few words written one for another.
    toll = _held("Why was the toll scrapped?", embedder, "The toll was abolished in 2018.")
    assert "scrap" in toll["The toll was abolished in 2018."]
    ban = _held("How long is Brell suspended?", embedder, "Brell was banned for nine months.")
    assert "suspend" in ban["Brell was banned for nine months."]
    price = _held("What is the line's new price tag?", embedder, "Its cost is now £212m.")
    assert "price" in price["Its cost is now £212m."]
    # "sales" tell of selling.
    sales = _held("How many cars did it sell?", embedder, "Sales of cars rose to 14,800.")
    assert "sell" in sales["Sales of cars rose to 14,800."]
    # "staff" are employees.
    staff = _held("How many employees are affected?", embedder, article)
    assert "employe" in staff["About 85 staff will be affected by the closures."]
