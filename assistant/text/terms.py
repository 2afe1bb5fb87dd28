"""One way of turning text into terms, used everywhere words are compared.

The same `terms()` is used for indexing chunks, for queries, for picking
answer sentences and for checking claims, so "the question's words appear
in this sentence" means the same thing everywhere. Terms are lower-cased
Unicode words with English stop words removed and Snowball stems, so
"lasted" matches "last" and "negotiations" matches "negotiate". An
irregular verb form is first read as its base form ("sold" as "sell",
"paid" as "pay", "led" as "lead"), which a stemmer cannot do and which
questions need: they ask "How many did it sell?" of "It sold 2 million";
so is an irregular plural ("businessmen" as "businessman", "children" as
"child": "Which businessman…?" of "a consortium of local businessmen"). A
form that is also a word of its own ("found", "fell", "ground", "data") is
left as written. The forms come from LemmInflect's English dictionary. Numbers
are kept whole ("2014", "500"), since names and numbers are exactly what
dense vectors miss.

`VERSION` changes whenever the terms of a text change, so that what was
kept from earlier terms (a saved keyword view) is rebuilt. Negative
contractions are read as their words ("won't" is "will not", not "win").
"""

from __future__ import annotations

import functools
import re
import threading

import Stemmer
from lemminflect import getAllLemmas

VERSION = 4

STOP_WORDS = frozenset(
    """a about above after again against all also am an and any are aren't as at be because
    been before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how i
    if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until
    shall up very was we were what when where which while who whom why will with would you your
    yours yourself yourselves s t ll re ve d m""".split()
)

# Letters and digits; an apostrophe splits "Ukraine's" into "ukraine" and "s", and the
# clitics ("s", "t", "ll", …) are stop words, which is how possessives disappear.
_WORD = re.compile(r"[^\W_]+")
# Negative contractions: the irregular ones, then the rest ("isn't", "didn't").
_SHORTENED_NOT = re.compile(r"\b(won|can|shan|ain)['’]t\b")
_NOT_SPELT_OUT = {"won": "will not", "can": "can not", "shan": "shall not", "ain": "is not"}
_NOT = re.compile(r"n['’]t\b")
_local = threading.local()


def _stemmer() -> Stemmer.Stemmer:
    # Stemmer objects are not thread-safe; one per thread is cheap (each caches its stems).
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = Stemmer.Stemmer("english", 100_000)
    return stemmer


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, stop words kept; a negative contraction read as its
    words ("won't" as "will not", not as the past of "win"; "doesn't" as "does not")."""
    lowered = text.lower()
    if "n't" in lowered or "n’t" in lowered:
        lowered = _SHORTENED_NOT.sub(lambda m: _NOT_SPELT_OUT.get(m.group(1), m.group(1)), lowered)
        lowered = _NOT.sub(" not", lowered)
    return _WORD.findall(lowered)


def terms(text: str) -> list[str]:
    """Stemmed content terms of `text`, in order, repeats kept."""
    return list(_stemmer().stemWords([_base(w) for w in words(text) if w not in STOP_WORDS]))


def in_the_dictionary(word: str) -> bool:
    """Whether `word` is an English word LemmInflect knows ("Conservative", "Apple"), as a
    name that is not ("Cullen", "Skyharbor") is not."""
    return bool(getAllLemmas(word.lower()))


def a_verb_as_written(word: str) -> bool:
    """Whether `word` is a verb in its base form ("use", "work"), as a plural ("trains",
    "deals") or a past ("attended") is not."""
    return word in getAllLemmas(word.lower(), upos="VERB").get("VERB", ())


def a_common_noun(word: str) -> bool:
    """Whether `word` is an English noun LemmInflect knows ("Lecture", "Orchestra"), as a
    first name or surname ("Ingrid", "Okafor") mostly is not."""
    return bool(getAllLemmas(word.lower(), upos="NOUN"))


@functools.lru_cache(maxsize=200_000)
def _base(word: str) -> str:
    """The base form of an inflected verb ("sold" → "sell") or noun ("businessmen" →
    "businessman"); any other word as it is."""
    verbs = getAllLemmas(word, upos="VERB").get("VERB", ())
    bases = verbs or getAllLemmas(word, upos="NOUN").get("NOUN", ())
    if not bases or word in bases:
        return word
    return str(bases[0])
