"""Train the extractive answerer's sentence scorer and calibrate its refusal threshold.

    python bench/train_scorer.py [--work /tmp/assistant-scorer] [--write]

Data: the labelled questions of bench/data/bbc_qa.jsonl (over the BBC corpus,
read from ../shared/data/bbc), bench/data/seed_dev.jsonl and
tests/eval/seed_questions.jsonl (over seeds/). For each question the real
assistant retrieves its passages; every candidate sentence is measured
(assistant/answering/features.py) and labelled by whether it holds a gold
answer. A conditional logit model (softmax over one question's candidates)
is fitted to pick the labelled sentence.

Printed, side by side: how often the top sentence holds the answer with the
learned weights and with the hand-set weights they replace, on each group of
questions (BBC folders, the seed article) when that group was left out of
training. With `--write` the weights trained on every group go to
assistant/answering/scorer.json, with the refusal threshold: the best score
below which the answerer refuses, set so that at most 3% of answerable
questions are refused, and the share of near-miss questions it then refuses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from assistant import Assistant
from assistant.answering.features import NAMES, measure
from assistant.answering.passage_sentences import candidate_sentences
from assistant.answering.question import analyse
from assistant.answering.scorer import WEIGHTS_FILE, Scorer
from bench import bbc

REPO = Path(__file__).resolve().parents[1]
SETS = (
    ("bbc", "bench/data/bbc_qa.jsonl"),
    ("seed", "bench/data/seed_dev.jsonl"),
    ("seed", "tests/eval/seed_questions.jsonl"),
)
TOP_K = 6
L2 = 1.0
# The score gate alone refuses at most this share of answerable questions; the name, amount and
# type gates add one to two points more (bench/calibrate_answers.py measures them together).
FALSE_REFUSALS = 0.01
OFF_TOPIC_PERCENTILE = 2


@dataclass
class Example:
    """One labelled question with its candidates' features and labels."""

    group: str
    question: str
    answerable: bool
    features: npt.NDArray[np.float64]
    labels: npt.NDArray[np.float64]
    sentences: list[str]


def collect(work: Path) -> list[Example]:
    """Measure every labelled question's candidates with the real assistant."""
    bots = {"bbc": _bbc_index(work), "seed": _seed_index(work)}
    examples = []
    for corpus, path in SETS:
        bot = bots[corpus]
        for line in (REPO / path).read_text(encoding="utf-8").splitlines():
            case = json.loads(line)
            passages = bot.search(case["question"], TOP_K)
            sentences = candidate_sentences(passages)
            if not sentences:
                continue
            measured = measure(
                analyse(case["question"]), sentences, passages, bot.embedder, bot.retriever.idf
            )
            golds = [g.lower() for g in case["answers"]]
            labels = np.array(
                [any(g in s.text.lower() for g in golds) for s in measured.sentences],
                dtype=np.float64,
            )
            group = case.get("folder") or corpus
            examples.append(
                Example(
                    group,
                    case["question"],
                    bool(golds),
                    measured.features,
                    labels,
                    [s.text for s in measured.sentences],
                )
            )
    return examples


def _bbc_index(work: Path) -> Assistant:
    bot = Assistant(work / "bbc", llm="extractive")
    if not bot.index_exists():
        print("indexing the BBC corpus once (a few minutes)…", file=sys.stderr)
        bot.ingest([bbc.corpus_dir() / folder for folder in bbc.FOLDERS])
    return bot


def _seed_index(work: Path) -> Assistant:
    bot = Assistant(work / "seed", llm="extractive")
    if not bot.index_exists():
        bot.ingest([REPO / "seeds"])
    return bot


def both(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Features as they are and relative to the question's best, as the scorer uses them."""
    return np.hstack([features, features - features.max(axis=0, keepdims=True)])


def fit(examples: list[Example]) -> Scorer:
    """Conditional logit weights (L2-regularised) over the answerable, labelled questions."""
    usable = [e for e in examples if e.answerable and e.labels.any()]
    stacked = np.vstack([both(e.features) for e in usable])
    spread = stacked.std(axis=0)
    mean, scale = stacked.mean(axis=0), np.where(spread > 1e-6, spread, 1.0)
    scaled = [((both(e.features) - mean) / scale, e.labels) for e in usable]

    def loss(w: npt.NDArray[np.float64]) -> tuple[float, npt.NDArray[np.float64]]:
        total, grad = 0.5 * L2 * float(w @ w), L2 * w
        for x, y in scaled:
            s = x @ w
            s -= s.max()
            p = np.exp(s) / np.exp(s).sum()
            gold = p * y / (p * y).sum()
            total -= float(np.log((p * y).sum()))
            grad = grad + x.T @ (p - gold)
        return total / len(scaled), grad / len(scaled)

    start = np.zeros(stacked.shape[1])
    result = minimize(loss, start, jac=True, method="L-BFGS-B")
    return Scorer(NAMES, mean, scale, result.x, 0.0, 0.0)


HAND = {"coverage": 0.45, "meaning": 0.45, "passage_score": 0.10, "typed": 0.08}


def top1(examples: list[Example], score: object) -> tuple[int, int]:
    """How many answerable questions' top sentence holds an answer."""
    right = total = 0
    for e in examples:
        if not e.answerable:
            continue
        total += 1
        right += int(e.labels[int(np.argmax(score(e.features)))])  # type: ignore[operator]
    return right, total


def hand_score(features: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The weights the scorer replaces (coverage, meaning, passage similarity, answer type)."""
    columns = [NAMES.index(name) for name in HAND]
    weights = np.array(list(HAND.values()))
    return features[:, columns] @ weights


def threshold(examples: list[Example], scorer: Scorer) -> tuple[float, float, float]:
    """The best-score threshold refusing at most FALSE_REFUSALS of answerable questions;
    returns it with the false-refusal and near-miss refusal rates it gives."""
    best = {e.question: float(scorer.scores(e.features).max()) for e in examples}
    answerable = sorted(best[e.question] for e in examples if e.answerable)
    near = [best[e.question] for e in examples if not e.answerable]
    cut = answerable[int(np.floor(FALSE_REFUSALS * len(answerable)))] - 1e-9
    false = sum(s < cut for s in answerable) / len(answerable)
    refused = sum(s < cut for s in near) / max(1, len(near))
    return cut, false, refused


def cross_validated(examples: list[Example]) -> tuple[int, int]:
    """Top-1 hits and questions, each group scored by weights trained on the other groups."""
    right = total = 0
    for group in sorted({e.group for e in examples}):
        scorer = fit([e for e in examples if e.group != group])
        hits, count = top1([e for e in examples if e.group == group], scorer.scores)
        right, total = right + hits, total + count
    return right, total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-scorer"))
    parser.add_argument("--write", action="store_true", help=f"write {WEIGHTS_FILE}")
    args = parser.parse_args()
    examples = collect(args.work)
    groups = sorted({e.group for e in examples})
    print("top sentence holds the answer, on questions the weights were not trained on\n")
    print("| group | questions | hand-set weights | learned weights |")
    print("|---|---|---|---|")
    totals = np.zeros(3, dtype=int)
    for group in groups:
        held = [e for e in examples if e.group == group]
        scorer = fit([e for e in examples if e.group != group])
        learned, total = top1(held, scorer.scores)
        hand, _ = top1(held, hand_score)
        totals += (total, hand, learned)
        print(f"| {group} | {total} | {hand / total:.3f} | {learned / total:.3f} |")
    n, hand, learned = totals
    print(f"| **all** | {n} | {hand / n:.3f} | **{learned / n:.3f}** |")
    final = fit(examples)
    cut, false, refused = threshold(examples, final)
    meaning = NAMES.index("meaning")
    answering = [float(e.features[i, meaning]) for e in examples for i in np.flatnonzero(e.labels)]
    off_topic = float(np.percentile(answering, OFF_TOPIC_PERCENTILE))
    final = Scorer(final.names, final.mean, final.scale, final.weights, cut, off_topic)
    print(
        f"\nrefusal threshold {cut:.3f}: refuses {false:.1%} of answerable questions and "
        f"{refused:.1%} of near-miss ones (score gate alone, on the training questions)"
    )
    print(
        f"off topic below meaning {off_topic:.3f} "
        f"({OFF_TOPIC_PERCENTILE}% of answering sentences are further from their question)"
    )
    print("\nweights (standardised; feature, then relative to the question's best):")
    for name, own, relative in zip(
        NAMES, final.weights[: len(NAMES)], final.weights[len(NAMES) :], strict=True
    ):
        print(f"  {name:14s} {own:+.2f} {relative:+.2f}")
    if args.write:
        target = REPO / "assistant" / "answering" / WEIGHTS_FILE
        target.write_text(final.to_json() + "\n", encoding="utf-8")
        print(f"\nwrote {target}")


if __name__ == "__main__":
    main()
