"""How the dense, keyword and article signals become one ranking, then a diverse top k.

Dense search finds paraphrases; BM25 finds the names, numbers and rare words
that a small embedding model blurs. Both candidate lists are fused with
weighted reciprocal rank fusion (weights and constant tuned on the BBC
business and entertainment folders, see docs/benchmarks.md). Then
near-duplicate chunks collapse and no article takes more than its share of
the top k, so one long article cannot crowd out the others.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assistant.records import Passage
from assistant.text.terms import terms

# At most this share of the top k from one article (rounded up), unless too few articles match.
ARTICLE_SHARE = 0.5
# Term-set overlap (Jaccard) from which two chunks count as the same text.
NEAR_DUPLICATE = 0.9


@dataclass(frozen=True)
class Fusion:
    """How the dense, keyword and article signals are combined (see fuse_scores).

    The defaults come from a sweep on the BBC business and entertainment
    folders (bench/tune_retrieval.py). The optimum is a broad plateau
    (constant 2-5, keyword weight 1.5-3, article weight 0.5-1.5 all within
    0.3 points of MRR@10); these values sit in its middle rather than on its
    best point, so they do not depend on the tuning set's quirks.
    """

    rrf_constant: float = 5.0
    dense_weight: float = 1.0
    keyword_weight: float = 2.0
    article_weight: float = 1.0
    second_chunk_weight: float = 0.25
    first_chunk_bonus: float = 0.1
    # Questions asking for the newest (recency.py): the weight of the article-date prior
    # (0 to 1), enough to lift a good newer match over a better older one, not a poor one.
    recency_weight: float = 0.3


def keyword_candidates(
    scores: npt.NDArray[np.float32], owner: npt.NDArray[np.int64], n: int
) -> list[int]:
    """The best `n` rows by BM25, best first, always including each matching article's best row.

    Without that guarantee one long article can fill every slot and hide
    shorter articles from fusion altogether.
    """
    matching = np.flatnonzero(scores > 0)
    if not len(matching):
        return []
    ranked = matching[np.argsort(-scores[matching], kind="stable")]
    _, first_of_article = np.unique(owner[ranked], return_index=True)
    best_per_article = ranked[np.sort(first_of_article)][:n]
    chosen = set(best_per_article.tolist())
    for row in ranked[: 2 * n].tolist():
        if len(chosen) >= n:
            break
        chosen.add(row)
    return sorted(chosen, key=lambda row: (-scores[row], row))


def fuse_scores(
    fusion: Fusion,
    *,
    dense_rank: npt.NDArray[np.float64],
    keyword_rank: npt.NDArray[np.float64],
    article_rank: npt.NDArray[np.float64],
    owner: npt.NDArray[np.int64],
    first: npt.NDArray[np.bool_],
    date_prior: npt.NDArray[np.float64] | None = None,
) -> npt.NDArray[np.float64]:
    """Weighted reciprocal rank fusion of the candidates' ranks (infinity: not ranked).

    Each candidate chunk scores w/(c + rank) for its dense rank, its BM25 rank
    and its article's rank by the article's mean vector; an article's first
    chunk (its lead) may get a bonus; and a chunk gains a share of the
    second-best score of its own article, so an article that matches in
    several places beats one lucky chunk.

    With `date_prior` (a question asking for the newest, recency.py) each chunk
    also gains the weighted prior of its article's date; undated ones (NaN) gain
    the mean of the dated ones' prior, neither favoured nor pushed down.
    """
    c = fusion.rrf_constant
    score = (
        fusion.dense_weight / (c + dense_rank)
        + fusion.keyword_weight / (c + keyword_rank)
        + fusion.article_weight / (c + article_rank)
    )
    score = score * np.where(first, 1.0 + fusion.first_chunk_bonus, 1.0)
    if date_prior is not None and not np.isnan(date_prior).all():
        prior = np.where(np.isnan(date_prior), np.nanmean(date_prior), date_prior)
        score = score + fusion.recency_weight * prior
    if fusion.second_chunk_weight and len(score) > 1:
        order = np.lexsort((-score, owner))
        grouped_owner, grouped_score = owner[order], score[order]
        second = np.zeros_like(score)
        starts = np.flatnonzero(np.r_[True, grouped_owner[1:] != grouped_owner[:-1]])
        has_second = starts + 1 < len(order)
        has_second[has_second] &= (
            grouped_owner[starts[has_second] + 1] == grouped_owner[starts[has_second]]
        )
        group_second = np.zeros(len(starts))
        group_second[has_second] = grouped_score[starts[has_second] + 1]
        group_of = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(order)]))
        second[order] = group_second[group_of]
        score = score + fusion.second_chunk_weight * second
    return score


def diversify(ranked: list[Passage], k: int) -> list[Passage]:
    """Drop near-duplicate texts and cap each article's share of the top k.

    A chunk is a near-duplicate when its set of terms overlaps one already
    kept by at least NEAR_DUPLICATE (Jaccard): reprints, syndicated copies
    and articles that differ only in a byline or a correction.
    """
    cap = max(1, int(np.ceil(k * ARTICLE_SHARE)))
    chosen: list[Passage] = []
    overflow: list[Passage] = []
    kept_terms: list[set[str]] = []
    per_article: dict[str, int] = {}
    for chunk in ranked:
        words = set(terms(chunk.text))
        if any(_jaccard(words, other) >= NEAR_DUPLICATE for other in kept_terms):
            continue
        kept_terms.append(words)
        if per_article.get(chunk.article_id, 0) >= cap:
            overflow.append(chunk)
            continue
        per_article[chunk.article_id] = per_article.get(chunk.article_id, 0) + 1
        chosen.append(chunk)
        if len(chosen) == k:
            return chosen
    # Too few other articles matched: fill up with the best of the capped ones.
    return chosen + overflow[: k - len(chosen)]


def _jaccard(first: set[str], second: set[str]) -> float:
    if not first and not second:
        return 1.0
    return len(first & second) / len(first | second)
