"""Calibrate the refusal threshold (ASSISTANT_MIN_RELEVANCE) on labelled questions.

    python bench/calibrate.py [--work /tmp/assistant-bench/full]

The gate refuses, without calling any model, when the best retrieved
passage's cosine similarity to the question is below the threshold. It must
keep answerable questions and stop questions the articles are not about.
Labelled sets, over two corpora:

- BBC (2,225 articles, the index bench/retrieval.py builds): answerable are
  the 2,225 titles (each about its own article) and the 30 questions of
  bench/data/bbc_questions.jsonl; unanswerable are the 50 general-knowledge
  questions of bench/data/offtopic_questions.txt.
- The seed article: answerable are the answerable questions of
  tests/eval/seed_questions.jsonl; unanswerable the same 50 questions.

For each threshold it prints the share of answerable questions kept and of
unanswerable ones refused; the chosen threshold is the highest that keeps at
least 99% of the answerable questions of every set.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant import Assistant  # noqa: E402
from bench import bbc  # noqa: E402

DATA = REPO / "bench" / "data"
THRESHOLDS = [round(x, 2) for x in np.arange(0.10, 0.42, 0.02)]
KEEP = 0.99


def best_scores(bot: Assistant, questions: list[str]) -> np.ndarray:
    """The best passage similarity for each question."""
    return np.array([max((p.score for p in bot.search(q, 6)), default=0.0) for q in questions])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-bench/full"))
    args = parser.parse_args()
    offtopic = [q for q in (DATA / "offtopic_questions.txt").read_text().splitlines() if q.strip()]
    bbc_questions = [json.loads(x) for x in (DATA / "bbc_questions.jsonl").read_text().splitlines()]
    seed_cases = [
        json.loads(x) for x in (REPO / "tests/eval/seed_questions.jsonl").read_text().splitlines()
    ]

    news = Assistant(index_dir=args.work / "ours", llm="extractive")
    if not news.articles():
        raise SystemExit("Build the BBC index first: python bench/retrieval.py")
    with tempfile.TemporaryDirectory() as folder:
        seed = Assistant(index_dir=Path(folder) / "index", llm="extractive")
        seed.ingest([REPO / "seeds"])
        sets = {
            "BBC titles": (best_scores(news, [a.title for a in bbc.load()]), True),
            "BBC questions": (
                best_scores(news, [c["question"] for c in bbc_questions if c["answers"]]),
                True,
            ),
            "BBC off-topic": (best_scores(news, offtopic), False),
            "seed questions": (
                best_scores(seed, [c["question"] for c in seed_cases if c["answers"]]),
                True,
            ),
            "seed off-topic": (best_scores(seed, offtopic), False),
        }
    print("best-passage similarity, quantiles 1% / 5% / 50% / 95% / 99%:")
    for name, (scores, _) in sets.items():
        quantiles = " / ".join(
            f"{np.quantile(scores, q):.2f}" for q in (0.01, 0.05, 0.5, 0.95, 0.99)
        )
        print(f"  {name:<15} n={len(scores):<5} {quantiles}")
    print(
        "\nthreshold | "
        + " | ".join(f"{name} {'kept' if ok else 'refused'}" for name, (_, ok) in sets.items())
    )
    chosen = THRESHOLDS[0]
    for threshold in THRESHOLDS:
        cells = []
        keeps_all = True
        for scores, answerable in sets.values():
            kept = float(np.mean(scores >= threshold))
            cells.append(f"{kept if answerable else 1 - kept:.3f}")
            keeps_all &= (not answerable) or kept >= KEEP
        if keeps_all:
            chosen = threshold
        print(f"  {threshold:.2f}    | " + " | ".join(cells))
    print(
        f"\nchosen threshold: {chosen:.2f} (highest keeping >= {KEEP:.0%} of every answerable set)"
    )


if __name__ == "__main__":
    main()
