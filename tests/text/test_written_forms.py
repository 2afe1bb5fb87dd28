"""One written form for amounts, units and dates: what must meet, and what must not."""

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.text.written_forms import plain_form
from tests.test_cli import run


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Nov. 15, 2022", "15 November 2022"),
        ("15th of November, 2022", "November 15, 2022"),
        ("Sept. 3", "3 September"),
        ("260 km", "260 kilometres"),
        ("1 kilometer", "1 km"),
        ("3,414 km", "3414 kilometres"),
        ("£1.5bn", "£1.5 billion"),
        ("$5m", "$5 million"),
        ("12%", "12 per cent"),
        ("12 percent", "12 per cent"),
        ("90 mins", "90 minutes"),
    ],
)
def test_one_fact_written_two_ways_meets(one: str, other: str) -> None:
    assert plain_form(one) == plain_form(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("100m race", "100 million race"),  # a bare "m" may be metres
        ("15 November 2022", "15 November 2021"),
        ("the market in March", "the march in March"),
        ("260 km", "26 km"),
    ],
)
def test_different_facts_stay_apart(one: str, other: str) -> None:
    assert plain_form(one) != plain_form(other)


def test_eval_finds_a_gold_answer_written_another_way(
    storage_env: Callable[[Path], None],
    seeded_index: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    storage_env(seeded_index)
    cases = tmp_path / "cases.jsonl"
    # The article writes "90 minutes"; the answer key "90 mins".
    case = {"question": "How long did the phone call between Trump and Putin last?"}
    cases.write_text(json.dumps({**case, "answers": ["90 mins"]}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "eval", str(cases), "--json")
    assert code == 0
    figures = json.loads(out)
    assert figures["answer_accuracy"] == 1.0
    assert figures["short_answer_accuracy"] == 1.0
