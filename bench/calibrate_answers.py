"""The extractive answerer's refusal trade-off: false refusals against near misses refused.

    python bench/calibrate_answers.py [--work /tmp/assistant-scorer]

Runs the real assistant (retrieval, the gates, the scorer) on the labelled
questions of bench/data/bbc_qa.jsonl (over the BBC corpus) and of the seed
sets (over seeds/), once for each candidate value of the scorer's refusal
threshold, and prints, side by side: answer accuracy and false refusals on
the answerable questions, and the share of near-miss questions (on topic,
the fact absent) that are refused. The threshold shipped in
assistant/answering/scorer.json is marked.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant
from assistant.answering.extractive import ExtractiveAnswerer
from assistant.answering.rating import Rater
from assistant.answering.scorer import trained

REPO = Path(__file__).resolve().parents[1]
SETS = (
    ("bbc", "bench/data/bbc_qa.jsonl"),
    ("seed", "bench/data/seed_dev.jsonl"),
    ("seed", "tests/eval/seed_questions.jsonl"),
)
OFFSETS = (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5)


def run(work: Path, threshold: float) -> dict[str, float]:
    """Accuracy, false refusals and near-miss refusals at one threshold."""
    scorer = dataclasses.replace(trained(), answers_from=threshold)
    right = refused = answerable = near = near_refused = 0
    for corpus, path in SETS:
        plain = Assistant(work / corpus, llm="extractive")
        bot = Assistant(
            work / corpus,
            llm="extractive",
            embedder=plain.embedder,
            answerer=ExtractiveAnswerer(
                Rater(plain.embedder, plain.retriever.idf, scorer), plain.retriever.article_text
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
    shipped = trained().answers_from
    print("| scorer threshold | answer accuracy | false refusals | near misses refused |")
    print("|---|---|---|---|")
    for offset in OFFSETS:
        figures = run(args.work, shipped + offset)
        mark = " (shipped)" if offset == 0 else ""
        print(
            f"| {shipped + offset:.2f}{mark} | {figures['accuracy']:.3f} | "
            f"{figures['false_refusals']:.3f} | {figures['near_refused']:.3f} |"
        )


if __name__ == "__main__":
    main()
