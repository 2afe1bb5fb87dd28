"""`assistant eval` on the seed questions: every figure reported, floors held."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli.questions import _missed
from assistant.errors import UsageError
from assistant.evaluation import RankScores, first_hit_rank, load_cases, percentile
from tests.test_cli import run

SEED_QUESTIONS = Path(__file__).parent / "eval" / "seed_questions.jsonl"


@pytest.fixture
def seeded_cli(storage_env: Callable[[Path], None], seeded_index: Path) -> None:
    storage_env(seeded_index)


def test_eval_reports_every_figure_above_its_floor(
    seeded_cli: None, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "eval", str(SEED_QUESTIONS), "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["questions"] >= 15
    assert figures["retrieval"]["hit@1"] >= 0.95
    assert figures["retrieval"]["mrr@10"] >= 0.95
    assert figures["answer_accuracy"] >= 0.9
    assert figures["citation_precision"] >= 0.95
    assert figures["unsupported_share"] <= 0.05
    assert figures["uncited_share"] == 0.0
    assert figures["refusal_accuracy"] == 1.0
    assert figures["false_refusal_rate"] <= 0.1
    # Answers said to answer are right at least as often as answers are on the whole.
    assert figures["said_to_answer"] > 0
    assert figures["right_when_said_to_answer"] >= figures["answer_accuracy"]
    assert 0 < figures["latency_p50_s"] <= figures["latency_p95_s"] < 5


def test_eval_table_for_people(seeded_cli: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "eval", str(SEED_QUESTIONS))
    assert code == 0
    for label in (
        "retrieval hit@1",
        "retrieval MRR@10",
        "answer accuracy",
        "citation precision",
        "refusal accuracy",
        "latency p95",
    ):
        assert label in out


def test_eval_says_how_each_miss_went_wrong_and_what_was_expected(
    seeded_cli: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A gold the seed article does not hold, and a question it answers filed as unanswerable.
    questions = tmp_path / "misses.jsonl"
    questions.write_text(
        json.dumps(
            {
                "question": "How long did the phone call between Trump and Putin last?",
                "answers": ["an hour"],
            }
        )
        + "\n"
        + json.dumps(
            {"question": "How long did the phone call between Trump and Putin last?", "answers": []}
        )
        + "\n"
    )
    code, out, _ = run(capsys, "eval", str(questions), "--json")
    wrong, answered = json.loads(out)["cases"]
    assert (wrong["expected"], answered["expected"]) == (["an hour"], [])
    assert wrong["cited"] and all(source.endswith(".txt") for source in wrong["cited"])
    code, out, _ = run(capsys, "eval", str(questions))
    assert code == 0
    missed = out.split("answered wrongly:")[1]
    assert "expected: an hour" in missed.split("answered, though the articles do not say:")[0]
    assert "answer: nearly 90 minutes" in missed.split("do not say:")[1]


def test_bad_question_files_name_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"question": "ok", "answers": []}\n{"answers": ["x"]}\n')
    with pytest.raises(UsageError, match="line 2"):
        load_cases(bad)
    with pytest.raises(UsageError, match="Cannot read"):
        load_cases(tmp_path / "missing.jsonl")
    # A gold answer under "answer" would otherwise make every question one to refuse.
    misnamed = tmp_path / "misnamed.jsonl"
    misnamed.write_text('{"question": "Who won?", "answer": "Maria Alvarez"}\n')
    with pytest.raises(UsageError, match=r"line 1: .*'answers'"):
        load_cases(misnamed)


def test_one_answer_may_be_written_alone(tmp_path: Path) -> None:
    alone = tmp_path / "alone.jsonl"
    alone.write_text(
        '{"question": "Who won?", "answers": "Maria Alvarez"}\n'
        '{"question": "Who lost?", "answers": ["Thomas Reddick", "Reddick"]}\n'
        '{"question": "Who fled?", "answers": []}\n'
    )
    cases = load_cases(alone)
    assert [c.answers for c in cases] == [
        ("Maria Alvarez",),
        ("Thomas Reddick", "Reddick"),
        (),
    ]


def test_rank_metrics() -> None:
    scores = RankScores()
    for ranked in (["a", "b"], ["b", "a"], ["c", "d"]):
        scores.add(first_hit_rank(ranked, ["x/a"] if ranked[0] != "c" else ["z"]))
    figures = scores.as_dict()
    assert figures["hit@1"] == pytest.approx(1 / 3)
    assert figures["hit@5"] == pytest.approx(2 / 3)
    assert figures["mrr@10"] == pytest.approx((1 + 0.5) / 3)
    assert percentile([1, 2, 3, 4], 0.5) == 2 and percentile([1, 2, 3, 4], 0.95) == 4
    # Questions without sources measure no retrieval: n/a, not a perfect or a zero score.
    assert RankScores().as_dict() == {"queries": 0, "hit@1": None, "hit@5": None, "mrr@10": None}


def test_a_file_without_sources_says_retrieval_is_not_scored(
    seeded_cli: None, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bare = tmp_path / "bare.jsonl"
    bare.write_text('{"question": "How long did the call last?", "answers": ["90 minutes"]}\n')
    code, out, _ = run(capsys, "eval", str(bare))
    assert code == 0 and "not scored: no sources given" in out
    assert "retrieval hit@1" not in out


def test_eval_says_which_answered_near_misses_said_they_may_not_answer() -> None:
    def case(question: str, unsure: bool) -> dict[str, object]:
        return {
            "question": question,
            "expected": [],
            "right": False,
            "refused": False,
            "answer": "Deliveries rose 8% in May. [1]",
            "short_answer": "8%",
            "unsure": unsure,
        }

    lines = _missed([case("How much did sales fall?", True), case("What did it cost?", False)])
    assert "answered, though the articles do not say (1 of them said they may not answer):" in lines
    assert "    answer (may not answer): 8% — Deliveries rose 8% in May. [1]" in lines
    assert "    answer: 8% — Deliveries rose 8% in May. [1]" in lines
