"""Sweep the fusion settings of hybrid retrieval on the BBC tuning folders.

    python bench/tune_retrieval.py [--work /tmp/assistant-bench] [--folders business entertainment]

Uses the index that bench/retrieval.py built, scores every chunk for every
query once (dense cosine and BM25), and then evaluates fusion settings in
memory, so a sweep takes seconds. Only the tuning folders are used, so the
held-out folders stay an honest test. Prints the best settings by MRR@10.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant import Assistant
from assistant.evaluation import RankScores
from assistant.retrieval.fusion import ARTICLE_SHARE, Fusion, fuse_scores, keyword_candidates
from assistant.retrieval.retriever import CANDIDATE_FACTOR, MIN_CANDIDATES, _ranks
from assistant.text.terms import terms
from bench import bbc

DEPTH = 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-bench/full"))
    parser.add_argument("--folders", nargs="+", default=list(bbc.TUNE))
    args = parser.parse_args()
    bot = Assistant(index_dir=args.work / "ours", llm="extractive")
    view = bot.retriever.view()
    ids = [c.chunk_id for c in view.chunks]
    stored = {}
    for start in range(0, len(ids), 2000):
        stored.update(bot.store.vectors(ids[start : start + 2000]))
    vectors = np.vstack([stored[i] for i in ids])
    articles = sorted({c.article_id for c in view.chunks})
    article_index = {a: i for i, a in enumerate(articles)}
    owner = np.array([article_index[c.article_id] for c in view.chunks])
    source_of = {c.article_id: c.source for c in view.chunks}
    means = np.zeros((len(articles), vectors.shape[1]), dtype=np.float32)
    np.add.at(means, owner, vectors)
    means /= np.linalg.norm(means, axis=1, keepdims=True)
    first_chunk = np.array([c.index == 0 for c in view.chunks])

    queries = bbc.load(tuple(args.folders))
    query_vectors = bot.embedder.embed([q.title for q in queries])
    key_to_article = {source: article_index[a] for a, source in source_of.items()}
    copies = bbc.same_text(bbc.load())
    n = max(MIN_CANDIDATES, DEPTH * CANDIDATE_FACTOR)
    prepared = []
    for q, query in enumerate(queries):
        dense = query_vectors[q] @ vectors.T
        dense_rows = np.argsort(-dense)[:n].tolist()
        keyword_rows = keyword_candidates(view.keywords.scores(terms(query.title)), owner, n)
        article_order = np.argsort(-(means @ query_vectors[q]))[:n]
        article_rank = np.full(len(articles), np.inf)
        article_rank[article_order] = np.arange(1, len(article_order) + 1)
        rows = np.array(list(dict.fromkeys(dense_rows + keyword_rows)), dtype=np.int64)
        prepared.append(
            (
                rows,
                {
                    "dense_rank": _ranks(rows, dense_rows),
                    "keyword_rank": _ranks(rows, keyword_rows),
                    "article_rank": article_rank[owner[rows]],
                    "owner": owner[rows],
                    "first": first_chunk[rows],
                },
                {key_to_article[key] for key in copies[query.key]},
            )
        )
    print(
        f"{len(queries)} queries over {len(ids)} chunks / {len(articles)} articles", file=sys.stderr
    )

    grid = {
        "rrf_constant": [2.0, 5.0, 10.0, 20.0, 60.0],
        "dense_weight": [1.0],
        "keyword_weight": [0.75, 1.0, 1.5, 2.0, 3.0],
        "article_weight": [0.0, 0.5, 1.0, 1.5],
        "second_chunk_weight": [0.0, 0.25, 0.5],
        "first_chunk_bonus": [0.0, 0.1, 0.2],
    }
    results = []
    for values in itertools.product(*grid.values()):
        fusion = Fusion(**dict(zip(grid, values, strict=True)))
        scores = RankScores()
        for rows, ranks, gold in prepared:
            fused = fuse_scores(fusion, **ranks)
            ranked_owners = owner[rows[np.argsort(-fused, kind="stable")]]
            top = _capped(ranked_owners.tolist(), DEPTH)
            scores.add(next((i for i, a in enumerate(top, start=1) if a in gold), None))
        figures = scores.as_dict()
        results.append((figures["mrr@10"], figures["hit@1"], figures["hit@5"], fusion))
    results.sort(key=lambda r: (-r[0], -r[1]))
    for mrr, hit1, hit5, fusion in results[:15]:
        print(f"MRR@10 {mrr:.3f}  hit@1 {hit1:.3f}  hit@5 {hit5:.3f}  {fusion}")


def _capped(owners: list[int], k: int) -> list[int]:
    """Distinct articles among the top k passages, as the retriever's diversity cap picks them."""
    cap = max(1, int(np.ceil(k * ARTICLE_SHARE)))
    taken: dict[int, int] = {}
    chosen: list[int] = []
    for article in owners:
        if taken.get(article, 0) < cap:
            taken[article] = taken.get(article, 0) + 1
            chosen.append(article)
            if len(chosen) == k:
                break
    return list(dict.fromkeys(chosen))


if __name__ == "__main__":
    main()
