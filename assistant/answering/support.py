"""Checking each answer sentence against the passages it cites.

For every claim (an answer sentence and its citation numbers) this finds the
sentence of a cited passage that supports it best and gives a verdict:

- `supported`: the evidence says the same thing (high support score),
  every number and name in the claim appears in the cited passages, and the
  claim does not turn the evidence around (a "not" or "denied" one has and
  the other lacks, or "fell" where it says "rose");
- `partial`: related evidence, but weaker, or a name is missing, or the
  claim turns the evidence around;
- `unsupported`: the cited passages do not back the claim, or do not hold a
  number it gives (written in figures or words: "three hours");
- `uncited`: the claim cites nothing; the best-supporting retrieved passage,
  if any supports it, is offered as `suggested`.

The support score mixes word overlap (share of the claim's content terms,
weighted by rarity, found in the evidence and its neighbouring sentence)
with the embedding similarity of claim and evidence. A claim that is a
verbatim quote of a cited passage scores 1. The two thresholds are
calibrated in docs/calibration.md.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

import numpy as np

from assistant.answering.passage_sentences import (
    FIRST_ITEM_BREAKS,
    ITEM_BREAKS,
    PassageSentence,
    goes_on_in_one_paragraph,
    leads_into_a_list,
    passage_sentences,
)
from assistant.answering.rating import ANSWERS, OFF_TOPIC, RELATED, UNSURE, Rated, Rater
from assistant.embedding import Embedder
from assistant.records import QUOTE_CUT, Claim, ClaimText, Evidence, Passage
from assistant.text.footnotes import without_reference_marks
from assistant.text.polarity import turns_around
from assistant.text.terms import STOP_WORDS, terms, words

SUPPORTED_AT = 0.62
PARTIAL_AT = 0.42
LEXICAL_WEIGHT = 0.5

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Numbers written as words, read as figures ("three hours" is "3 hours"). "One" is left out:
# it is as often a pronoun ("one of the talks").
_WORD_NUMBERS = {
    word: str(value)
    for value, word in enumerate(
        "two three four five six seven eight nine ten eleven twelve".split(), start=2
    )
} | {
    word: str(10 * tens)
    for tens, word in enumerate(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2
    )
}
_WORD_NUMBER = re.compile(rf"\b(?:{'|'.join(_WORD_NUMBERS)})\b", re.IGNORECASE)
_NAME = re.compile(r"\b[A-Z][\w’'-]*[A-Za-z]")
_SPACES = re.compile(r"\s+")


def key_tokens(text: str) -> set[str]:
    """Numbers and names in `text`, lower-cased: what a supporting passage must contain.

    Numbers lose their thousands separators ("600,000" → "600000"); names are
    capitalised words not opening the sentence, without possessive endings.
    """
    tokens = _numbers(text)
    for match in _NAME.finditer(text):
        if match.start() > 0:
            tokens.update(w for w in words(match.group(0)) if w not in STOP_WORDS and len(w) > 1)
    return tokens


def present_tokens(text: str) -> set[str]:
    """Every number and word of `text` in the form key_tokens uses, for whole-token matching."""
    return _numbers(text) | set(words(text))


def _numbers(text: str) -> set[str]:
    """The numbers of `text` as plain figures: without thousands separators ("600,000" →
    "600000"), and those written as words too ("three" → "3")."""
    figures = {m.group(0).replace(",", "") for m in _NUMBER.finditer(text)}
    return figures | {_WORD_NUMBERS[m.group(0).lower()] for m in _WORD_NUMBER.finditer(text)}


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", without_reference_marks(text)).strip().lower().rstrip(".!?" + QUOTE_CUT)


def _verbatim(
    claim: ClaimText, sentences: Sequence[PassageSentence], passages: Sequence[Passage]
) -> Claim | None:
    """A `supported` verdict when the claim quotes a sentence of a passage it cites."""
    quoted = _normalise(claim.text)
    valid = tuple(n for n in claim.cited if 1 <= n <= len(passages))
    if not quoted or not valid:
        return None
    for sentence in sentences:
        if sentence.n in valid and quoted in _normalise(sentence.text):
            evidence = Evidence(sentence.n, sentence.text, sentence.start, sentence.end)
            return Claim(claim.text, valid, 1.0, "supported", evidence, supporting=(sentence.n,))
    return None


# Relevance verdicts, best first.
_STANDING = (ANSWERS, UNSURE, RELATED, OFF_TOPIC)


def _goes_on_from(
    earlier: Evidence | None, later: Evidence | None, passages: Sequence[Passage], breaks: int = 0
) -> bool:
    """Whether evidence `later` is the sentence right after `earlier`, in the same paragraph
    of the same article (the two may come from overlapping passages), or with `breaks` line
    breaks between (a list's items)."""
    if earlier is None or later is None:
        return False
    article = passages[earlier.n - 1].article_id
    return passages[later.n - 1].article_id == article and goes_on_in_one_paragraph(
        passages, article, earlier.end, later.start, breaks
    )


class ClaimChecker:
    """Scores claims against passages with the word-overlap and embedding signals, and says
    whether each claim's evidence answers the question (rating.py)."""

    def __init__(
        self, embedder: Embedder, idf: Callable[[str], float], rater: Rater | None = None
    ) -> None:
        self.embedder = embedder
        self.idf = idf
        self.rater = rater or Rater(embedder, idf)

    def check(
        self,
        question: str,
        claims: Sequence[ClaimText],
        passages: Sequence[Passage],
        retrieved: Sequence[Passage] | None = None,
    ) -> list[Claim]:
        """A verdict with evidence, and its relevance to `question`, for every claim.

        `passages` are numbered as the claims cite them; `retrieved` (the same
        passages in retrieval order, as they were rated) defaults to them.
        """
        checked = self._check(claims, passages)
        rated = self.rater.rate(question, retrieved if retrieved is not None else passages)
        rated_claims = [self._with_relevance(question, c, rated, passages) for c in checked]
        in_a_list = False
        for i in range(1, len(rated_claims)):
            earlier, claim = rated_claims[i - 1], rated_claims[i]
            # A sentence going straight on from the one before, in its paragraph, is read with
            # it: "Safety inspectors had found…" after "X was withdrawn in March." answers why.
            # So is a list's item, on the line after its lead-in ("…are:") or another item.
            leads_in = leads_into_a_list(earlier.text)
            in_a_list = leads_in or in_a_list
            breaks = FIRST_ITEM_BREAKS if leads_in else ITEM_BREAKS if in_a_list else 0
            goes_on = _goes_on_from(earlier.evidence, claim.evidence, passages, breaks)
            in_a_list = in_a_list and goes_on
            if goes_on and _STANDING.index(claim.relevance) > _STANDING.index(earlier.relevance):
                rated_claims[i] = dataclasses.replace(claim, relevance=earlier.relevance)
        return rated_claims

    def _with_relevance(
        self, question: str, claim: Claim, rated: Rated | None, passages: Sequence[Passage]
    ) -> Claim:
        """The claim with its evidence sentence's standing to the question: as rated when the
        evidence was a rated candidate, else by meaning alone (related or off-topic)."""
        evidence = claim.evidence
        if evidence is None:
            return dataclasses.replace(claim, relevance=OFF_TOPIC)
        index = None
        if rated is not None:
            index = rated.find(passages[evidence.n - 1].chunk_id, evidence.start, evidence.end)
        if rated is not None and index is not None:
            return dataclasses.replace(claim, relevance=rated.relevance(index))
        meaning = float(
            self.embedder.embed_short([evidence.text])[0] @ self.embedder.embed_query(question)
        )
        below = self.rater.scorer.off_topic_below
        return dataclasses.replace(claim, relevance=OFF_TOPIC if meaning < below else RELATED)

    def _check(self, claims: Sequence[ClaimText], passages: Sequence[Passage]) -> list[Claim]:
        sentences = passage_sentences(passages)
        quotes = [_verbatim(claim, sentences, passages) for claim in claims]
        if all(quotes):
            return [q for q in quotes if q is not None]
        # Only the passages some claim will be compared with need their sentences embedded:
        # the cited ones, or all of them when a claim cites nothing (to suggest one).
        needed: set[int] = set()
        for claim, quote in zip(claims, quotes, strict=True):
            valid = {n for n in claim.cited if 1 <= n <= len(passages)}
            if quote is None:
                needed |= valid or set(range(1, len(passages) + 1))
        sentences = [s for s in sentences if s.n in needed]
        claim_vectors = self.embedder.embed_short([c.text for c in claims])
        sentence_vectors = (
            self.embedder.embed_short([s.text for s in sentences])
            if sentences
            else np.zeros((0, claim_vectors.shape[1]), dtype=np.float32)
        )
        return [
            quote or self._check_one(claim, claim_vectors[i], sentences, sentence_vectors, passages)
            for i, (claim, quote) in enumerate(zip(claims, quotes, strict=True))
        ]

    def _check_one(
        self,
        claim: ClaimText,
        vector: np.ndarray,
        sentences: list[PassageSentence],
        sentence_vectors: np.ndarray,
        passages: Sequence[Passage],
    ) -> Claim:
        valid = tuple(n for n in claim.cited if 1 <= n <= len(passages))
        pool = valid or tuple(range(1, len(passages) + 1))
        per_passage = self._best_per_passage(claim.text, vector, sentences, sentence_vectors, pool)
        score, evidence = max(per_passage.values(), key=lambda found: found[0], default=(0.0, None))
        if not valid:
            suggested = evidence.n if evidence and score >= PARTIAL_AT else None
            return Claim(claim.text, (), round(score, 3), "uncited", evidence, suggested)
        present = present_tokens(" ".join(passages[n - 1].text for n in valid))
        missing = key_tokens(claim.text) - present
        turned = evidence is not None and turns_around(claim.text, evidence.text)
        if missing & _numbers(claim.text) or score < PARTIAL_AT:
            verdict = "unsupported"
        elif score >= SUPPORTED_AT and not missing and not turned:
            verdict = "supported"
        else:
            verdict = "partial"
        supporting = tuple(n for n in valid if per_passage.get(n, (0.0, None))[0] >= PARTIAL_AT)
        return Claim(claim.text, valid, round(score, 3), verdict, evidence, supporting=supporting)

    def _best_per_passage(
        self,
        claim: str,
        vector: np.ndarray,
        sentences: list[PassageSentence],
        sentence_vectors: np.ndarray,
        pool: tuple[int, ...],
    ) -> dict[int, tuple[float, Evidence]]:
        """For each passage in `pool`, its best support score for `claim` and where it is.

        Evidence that holds the claim's numbers (in the sentence or beside it) is
        preferred to evidence scoring higher without them: "prices fell 15.1% in
        2004" is checked against the sentence giving 15.1%, not against another
        saying that prices fell."""
        wanted = set(terms(claim))
        weight = sum(self.idf(t) for t in wanted) or 1.0
        numbers = _numbers(claim)
        best: dict[int, tuple[tuple[bool, float], Evidence]] = {}
        for i, sentence in enumerate(sentences):
            if sentence.n not in pool:
                continue
            # Let the evidence borrow words from its neighbours in the same passage:
            # a claim often merges a sentence with the one after it.
            window = " ".join(s.text for s in sentences[max(0, i - 1) : i + 2] if s.n == sentence.n)
            present = set(terms(window))
            lexical = sum(self.idf(t) for t in wanted & present) / weight if wanted else 0.0
            dense = float(sentence_vectors[i] @ vector)
            score = LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * max(0.0, dense)
            rank = (score >= PARTIAL_AT and numbers <= _numbers(window), score)
            if score > 0 and (sentence.n not in best or rank > best[sentence.n][0]):
                evidence = Evidence(sentence.n, sentence.text, sentence.start, sentence.end)
                best[sentence.n] = (rank, evidence)
        return {n: (rank[1], evidence) for n, (rank, evidence) in best.items()}
