"""What the sentence scorer knows about each candidate answer sentence.

Every candidate (a sentence of a retrieved passage) gets the same measured
properties, computed the same way when the scorer is trained
(bench/train_scorer.py) and when it answers:

- how much of the question it holds: its content terms weighted by rarity in
  the index and among the candidates (`coverage`), the same with its
  neighbouring sentences (`window`) and in the sentence before (`before`);
- how close in meaning it is to the question (`meaning`) and to its own
  article's headline (`headline`: a sentence that restates the headline
  rarely holds the specific fact asked for);
- where it comes from: its passage's rank and similarity, its article's rank,
  whether it opens the article;
- whether it holds what the question asks for: a name, date or amount that
  the question does not already contain, or for "who" a "He…" sentence after
  one naming a person (`typed`, and `untyped` when the
  question wants one and it has none), after the preposition the question
  opens with (`introduced`: "until 2009" for "Until what year…"), the words
  after which/what (`focus`), the question's numbers and years
  (`qualifiers`); whether it moves a figure the other way than the question
  asks ("rose" for "How much did the shares fall?": `reverses`);
- its shape: length, whether it ends like a sentence, whether it quotes
  someone, how much of it only repeats the question (`restates`).

The scorer (scorer.py) weighs these, both as they are and relative to the
best candidate of the same question.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from assistant.answering.passage_sentences import PassageSentence, refers_back, sentence_before
from assistant.answering.question import WORKFORCE, Question, verbs_of_doer
from assistant.answering.short_answer import (
    candidates,
    gives_the_age_asked,
    introduced,
    names_the_kind,
    placed,
)
from assistant.embedding import Embedder
from assistant.records import Passage
from assistant.text.polarity import opposite
from assistant.text.sentences import ends_like_a_sentence
from assistant.text.terms import terms, words

NAMES = (
    "coverage",
    "window",
    "before",
    "meaning",
    "headline",
    "passage_rank",
    "passage_score",
    "article_rank",
    "lead",
    "first_chunk",
    "wants",
    "typed",
    "untyped",
    "introduced",
    "focus",
    "qualifiers",
    "reverses",
    "restates",
    "length",
    "ends",
    "quotes",
)
# Share of its rarity a term weighs with when it comes only from the carried context.
CARRIED_WEIGHT = 0.5
# Share of a term's weight kept even when every candidate sentence contains it.
LOCAL_FLOOR = 0.25
# Candidates measured in meaning (embedded); the rest are left out of the choice.
SHORTLIST = 12
_MEANING = NAMES.index("meaning")
_HEADLINE = NAMES.index("headline")
_QUOTES = re.compile(r"[\"“”]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# The words of "How old…?" / "What age…?" that an age given after a name holds.
_AGE_TERMS = frozenset(terms("old age"))
_BEFORE_A_HYPHEN = re.compile(r"(\w+)-\w")
# The terms of a few verbs and of the nouns naming their doing, which the stemmer keeps apart.
_NOUN_OF_VERB = {"sell": "sale", "grow": "growth", "lose": "loss", "die": "death", "pay": "payment"}
# Words written one for another (no WordNet data ships in a package: `wn` and NLTK fetch
# theirs at run time), a few of news's commonest: each term to the others of its group.
_DOING_GROUPS = (
    "replace succeed successor",
    "scrap abolish axe ditch",
    "resign quit",
    "sack dismiss",
    "buy acquire purchase",
    "jail imprison",
    "free release",
    "spot notice",
    "ban suspend",
    "arrest detain",
    "build construct",
    "close shut",
    "injure hurt",
    "strike walkout",
    "cost price",
)
_SAME_DOING = {
    term: frozenset(terms(group)) - {term} for group in _DOING_GROUPS for term in terms(group)
}
# Running an organisation, and the titles of those who do.
_HEADING = frozenset(terms("heads runs leads manages chairs"))
_HEAD_ROLES = frozenset(
    terms("chief executive director head leader boss chairman chairwoman chair president manager")
)
# Second place, as a runner-up and as second.
_PLACE_TERMS = frozenset({"runner", "second"})
_RUNNER_UP = re.compile(r"\brunners?-up\b", re.IGNORECASE)
_SECOND_PLACE = re.compile(
    r"\b(?:came|come|comes|was|were|is|finished|finishing|placed|ended|in|took|taking)\s+"
    r"(?:a\s+(?:close\s+|distant\s+)?)?second\b(?!-)|\bsecond\s+place\b",
    re.IGNORECASE,
)
# The ending of the term of "Welshman", "businesswoman", "chairmen".
_MAN = re.compile(r"(?<=[a-z]{4})(?:wo)?m[ae]n$")


@dataclass(frozen=True)
class Candidates:
    """The candidate sentences of one question with everything measured about them."""

    sentences: list[PassageSentence]
    features: npt.NDArray[np.float64]
    # For each candidate, the question terms it holds (for the gate and the short answer).
    matched: list[frozenset[str]]
    term_weights: dict[str, float]
    # The question's terms that no candidate holds, as a share of the question's weight in
    # rarity; and its ordinary (not name, not number) terms that none holds, as a share of them.
    missing: float = 0.0
    missing_plain: float = 0.0


def measure(
    question: Question,
    sentences: Sequence[PassageSentence],
    passages: Sequence[Passage],
    embedder: Embedder,
    idf: Callable[[str], float],
) -> Candidates:
    """The feature rows (in NAMES order) of every candidate sentence."""
    sentence_terms = [
        _with_age(question, s.text, _with_kin(question, s.text, frozenset(terms(s.text))))
        for s in sentences
    ]
    count = len(sentences) or 1
    weights = {}
    # A follow-up's carried context says which story, its own words what is asked of it.
    rarity = {
        term: idf(term) * (CARRIED_WEIGHT if term in question.carried else 1.0)
        for term in question.terms
    }
    absent = []
    for term, rare in rarity.items():
        share = sum(term in st for st in sentence_terms) / count
        # A term no candidate holds cannot tell them apart (the answerability gate weighs it).
        weights[term] = rare * (LOCAL_FLOOR + (1 - LOCAL_FLOOR) * (1 - share)) if share else 0.0
        if not share:
            absent.append(rare)
    total = sum(weights.values()) or 1.0
    missing = sum(absent) / (sum(rarity.values()) or 1.0)
    held = frozenset().union(*sentence_terms)
    missing_plain = len(question.plain - held) / len(question.plain) if question.plain else 0.0

    def covered(found: frozenset[str]) -> float:
        return sum(weights[t] for t in question.terms & found) / total

    articles = list(dict.fromkeys(p.article_id for p in passages))
    rows = []
    for i, sentence in enumerate(sentences):
        passage = passages[sentence.n - 1]
        same = [j for j in (i - 1, i + 1) if 0 <= j < len(sentences)]
        same = [j for j in same if sentences[j].n == sentence.n]
        around = sentence_terms[i].union(*(sentence_terms[j] for j in same))
        follows = i > 0 and sentences[i - 1].n == sentence.n
        before = sentence_terms[i - 1] if follows else frozenset()
        answers = candidates(question, sentence.text) if question.wants else []
        if question.asks_where_it_happened:
            # A place answers "where" as the sentence places it: "born in Melbourne".
            answers = [item for item in answers if placed(sentence.text, item, question)]
        # "She appointed Tom Reed…" holds who, named in the sentence before it.
        named_before = (
            question.asks_who
            and not answers
            and refers_back(sentence.text)
            and (before_sentence := sentence_before(passages, sentence)) is not None
            and bool(candidates(question, before_sentence.text))
        )
        # "Its main drug, desmoteplase, is…" names the drug asked for without a capital.
        set_off = question.wants == "name" and names_the_kind(question, sentence.text)
        typed = bool(answers) or named_before or set_off
        own_terms = sentence_terms[i]
        numbers = {m.group(0).replace(",", "") for m in _NUMBER.finditer(sentence.text)}
        rows.append(
            [
                covered(own_terms),
                covered(around),
                covered(before),
                0.0,  # meaning and headline: measured below, for the shortlist only
                0.0,
                1.0 / sentence.n,
                passage.score,
                1.0 / (articles.index(passage.article_id) + 1),
                1.0 if passage.index == 0 and sentence.start == passage.start else 0.0,
                1.0 if passage.index == 0 else 0.0,
                1.0 if question.wants else 0.0,
                1.0 if typed else 0.0,
                1.0 if question.wants and not typed else 0.0,
                1.0 if any(introduced(question, sentence.text, a) for a in answers) else 0.0,
                1.0 if question.focus & own_terms else 0.0,
                _qualifiers(question, numbers),
                1.0 if opposite(question.text, sentence.text) else 0.0,
                len(own_terms & question.terms) / max(1, len(own_terms)),
                math.log(len(sentence.text.split()) + 1),
                1.0 if ends_like_a_sentence(sentence.text) else 0.0,
                1.0 if _QUOTES.search(sentence.text) else 0.0,
            ]
        )
    features = np.array(rows, dtype=np.float64).reshape(len(rows), len(NAMES))
    keep = _shortlist(features)
    features = features[keep]
    kept = [sentences[i] for i in keep]
    # Meaning is measured by embedding, the costly part: only for the shortlist.
    question_vector = embedder.embed_query(question.text)
    vectors = embedder.embed_short([s.text for s in kept])
    titles = sorted({passages[s.n - 1].title for s in kept if passages[s.n - 1].title})
    title_vectors = dict(zip(titles, embedder.embed_short(titles), strict=True)) if titles else {}
    for row, sentence, vector in zip(features, kept, vectors, strict=True):
        row[_MEANING] = float(vector @ question_vector)
        title = title_vectors.get(passages[sentence.n - 1].title)
        row[_HEADLINE] = float(vector @ title) if title is not None else 0.0
    matched = [question.terms & sentence_terms[i] for i in keep]
    return Candidates(kept, features, matched, weights, missing, missing_plain)


def _with_kin(question: Question, sentence: str, found: frozenset[str]) -> frozenset[str]:
    """`found` (the terms of `sentence`) with each of the question's terms that it holds in
    another word of the same meaning, as news writes them:
    - a noun for one who does something whose verb it tells as done ("How long did the
      winner take?" of "won the marathon in 2 hours"; "the game" is no "gamer's");
    - for "who" questions, a verb whose doer it names ("Who founded Balco?" of "the
      company's founder Victor Conte", "Who owns…" of "its owner", "Who was the first to
      win…" of "the first winner"); the stemmer keeps "founder" apart from "found";
    - a noun for a man or woman of a people or a trade, of what it is made from
      ("Welshman" of "Welsh", "businesswoman" of "business");
    - a word for a firm's workers, of another ("employees" of "85 staff");
    - a verb of the noun naming its doing, for a few news writes most ("sell" of "sales",
      "grow" of "growth", "lose" of "losses", "die" of "deaths", "pay" of "payments");
    - a word of one of a few groups news and reference writing use one for another
      ("replaced" of "her successor", "scrapped" of "abolished", "quit" of "resigned");
    - "runner-up" of "came second", and "second" of "the runner-up";
    - for "who", running or heading something of the title of one who does ("Who runs
      it?" of "its managing director", "Who heads the trust?" of "Chief executive…")."""
    lacking = question.plain - found
    verbs = {term: verbs_of_doer(term) & found for term in lacking - _hyphened(question.text)}
    done = _done(sentence, found) if any(verbs.values()) else set()
    kin = {term for term, told in verbs.items() if told & done}
    if question.asks_who:
        doers_of = {verb for term in found for verb in verbs_of_doer(term)}
        kin |= lacking & doers_of
    # "the first Welshman" of "the first Welsh winner", "a businessman" of "business".
    kin |= {
        term for term in question.terms - found if _MAN.search(term) and _MAN.sub("", term) in found
    }
    if WORKFORCE & found:
        kin |= WORKFORCE & lacking
    # "Who runs Northern Valley?" of "its managing director, Alison Pryor".
    if question.asks_who and found & _HEAD_ROLES:
        kin |= lacking & _HEADING
    # "Who replaced her?" of "Her successor was…", "Why was the toll scrapped?" of "…when
    # it was abolished".
    kin |= {term for term in lacking if _SAME_DOING.get(term, frozenset()) & found}
    # "sales of Mini models rose to 14,800" tells how many were sold.
    kin |= {term for term in lacking if _NOUN_OF_VERB.get(term) in found}
    # The runner-up came second, and the one who came second is the runner-up.
    if lacking & _PLACE_TERMS and _placed_second(question.text):
        named = _placed_second(sentence)
        if named and named != _placed_second(question.text):
            kin |= lacking & _PLACE_TERMS
    return found | kin if kin else found


def _placed_second(text: str) -> str:
    """How `text` names second place: "runner" ("the runner-up"), "second" ("came
    second"), or "" (neither, or both; "6.56 seconds" and "the second race" name none)."""
    runner = _RUNNER_UP.search(text) is not None
    second = _SECOND_PLACE.search(text) is not None
    return "" if runner == second else "runner" if runner else "second"


def _hyphened(text: str) -> set[str]:
    """The terms of the words of `text` joined to the next by a hyphen: the "runner" of
    "runner-up" is no one running."""
    return {t for word in _BEFORE_A_HYPHEN.findall(text) for t in terms(word)}


def _done(sentence: str, found: frozenset[str]) -> set[str]:
    """The terms of `found` that `sentence` writes as a verb told as done or doing ("won",
    "visited", "winning"), not as a bare word that may be a noun ("the game")."""
    done = set()
    for word in words(sentence):
        term = next(iter(terms(word)), "")
        inflected = word.endswith(("ed", "ing")) or not word.startswith(term)
        if term in found and inflected:
            done.add(term)
    return done


def _with_age(question: Question, sentence: str, found: frozenset[str]) -> frozenset[str]:
    """For "How old is NAME?", `found` with the question's "old" when the sentence gives the
    age after the name ("Okafor, 29, said…"), as news writes ages."""
    if not gives_the_age_asked(question, sentence):
        return found
    return found | (question.plain & _AGE_TERMS)


def _shortlist(features: npt.NDArray[np.float64]) -> list[int]:
    """The SHORTLIST candidates most worth embedding, by the cheap signals, in their order.

    On the labelled questions the answering sentence is among these twelve
    99% of the time (bench/train_scorer.py trains with the same shortlist).
    """
    cheap = (
        features[:, NAMES.index("coverage")]
        + features[:, NAMES.index("window")]
        + 0.5 * features[:, NAMES.index("typed")]
        + features[:, NAMES.index("passage_score")]
    )
    best = np.argsort(-cheap, kind="stable")[:SHORTLIST]
    return sorted(int(i) for i in best)


def _qualifiers(question: Question, numbers: set[str]) -> float:
    """1 when the sentence has every number of the question, 0 when not, ½ when it asks none."""
    if not question.numbers:
        return 0.5
    return 1.0 if question.numbers <= numbers else 0.0
