"""The extractive answerer's refusal trade-off: false refusals against near misses refused.

    python bench/calibrate_answers.py [--work /tmp/assistant-scorer]

Runs the real assistant (retrieval, the gates, the scorer) on the labelled
questions the scorer was trained on (bench/data/bbc_qa.jsonl and bbc_qa2.jsonl over the BBC
corpus, the seed sets over seeds/) and on the held-out BBC questions no
training or calibration ever saw (bench/data/bbc_heldout.jsonl), once for
each candidate value of the scorer's refusal threshold and once without the
answerability gate, and prints, side by side for both: answer accuracy and
false refusals on the answerable questions, and the share of near-miss
questions (on topic, the fact absent) that are refused. The thresholds
shipped in assistant/answering/scorer.json and answerability.json are marked.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant
from assistant.answering.answerability import Gate, trained_gate
from assistant.answering.extractive import ExtractiveAnswerer
from assistant.answering.rating import Rater
from assistant.answering.scorer import trained

REPO = Path(__file__).resolve().parents[1]
TRAINED_ON = (
    ("bbc", "bench/data/bbc_qa.jsonl"),
    ("bbc", "bench/data/bbc_qa2.jsonl"),
    ("seed", "bench/data/seed_dev.jsonl"),
    ("seed", "tests/eval/seed_questions.jsonl"),
)
HELD_OUT = (("bbc", "bench/data/bbc_heldout.jsonl"),)
OFFSETS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5)


def run(
    work: Path, sets: tuple[tuple[str, str], ...], threshold: float, gate: Gate
) -> dict[str, float]:
    """Accuracy, false refusals and near-miss refusals at one threshold, with one gate."""
    scorer = dataclasses.replace(trained(), answers_from=threshold)
    right = refused = answerable = near = near_refused = 0
    for corpus, path in sets:
        plain = Assistant(work / corpus, llm="extractive")
        bot = Assistant(
            work / corpus,
            llm="extractive",
            embedder=plain.embedder,
            answerer=ExtractiveAnswerer(
                Rater(plain.embedder, plain.retriever.idf, scorer, gate),
                plain.retriever.article_text,
            ),
        )
        for line in (REPO / path).read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            answer = bot.ask(case["question"])
            if case["answers"]:
                answerable += 1
                refused += answer.refused
                text = answer.text.lower()
                right += not answer.refused and any(g.lower() in text for g in case["answers"])
            else:
                near += 1
                near_refused += answer.refused
    return {
        "accuracy": right / answerable,
        "false_refusals": refused / answerable,
        "near_refused": near_refused / max(1, near),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-scorer"))
    args = parser.parse_args()
    shipped, gate = trained().answers_from, trained_gate()
    no_gate = dataclasses.replace(gate, answers_from=0.0)
    settings = [(f"{shipped + o:.2f}", shipped + o, gate) for o in OFFSETS]
    settings.insert(
        OFFSETS.index(0.0) + 1, (f"{shipped:.2f}, no answerability gate", shipped, no_gate)
    )
    print(
        "| scorer threshold | trained on: accuracy, false refusals, near misses refused "
        "| held out: accuracy, false refusals, near misses refused |"
    )
    print("|---|---|---|")
    for label, threshold, used in settings:
        cells = []
        for sets in (TRAINED_ON, HELD_OUT):
            figures = run(args.work, sets, threshold, used)
            cells.append(
                f"{figures['accuracy']:.3f}, {figures['false_refusals']:.3f}, "
                f"{figures['near_refused']:.3f}"
            )
        mark = " (shipped)" if threshold == shipped and used is gate else ""
        print(f"| {label}{mark} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
