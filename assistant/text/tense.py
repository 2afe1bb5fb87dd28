"""Tenses that say when, or whether, something happened.

In a narrative told in the past, the past perfect ("had been requisitioned",
"had struck", "had complained") steps back to an earlier event, and an earlier
event is how an article most often gives a reason without saying "because":
"Work stopped in 2000. A barge had struck one of the piers." An explanation
that reaches such a sentence has given its cause (extractive.py).

The conditional perfect ("would have been nine years", "could have won")
tells what did not happen: "without which the sentence would have been nine
years" does not say how long the sentence was. And a verb after a modal ("he
could win the gold medal", "she will sign on Monday") or a plan ("the yard is
planned to open in 2026") foresees an event: it does not report that it
happened, which a question in the past tense asks ("Who won…?", or with
"did": "When did the yard open?").
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection

from assistant.text.terms import a_verb_as_written, terms

# Past participles that do not end in "-ed", the common ones.
_IRREGULAR = (
    "been|become|begun|bought|brought|built|caught|chosen|come|cut|done|driven|"
    "drawn|fallen|felt|fought|found|gone|given|grown|heard|held|hit|kept|known|laid|"
    "led|left|lent|lost|made|meant|met|paid|put|read|risen|run|said|seen|sent|set|"
    "shown|sold|spent|spoken|stolen|struck|taken|taught|thought|thrown|told|won|"
    "worn|written"
)
_PAST_PERFECT = re.compile(
    rf"\bhad(?:n['’]t| not)?(?: (?:already|just|never|also|long|previously|recently|"
    rf"\w+ly))? (?:{_IRREGULAR}|\w+ed)\b",
    re.IGNORECASE,
)


def tells_an_earlier_event(sentence: str) -> bool:
    """True when `sentence` is in the past perfect ("Heavy snow had closed the road.")."""
    return _PAST_PERFECT.search(sentence) is not None


_CONDITIONAL_PERFECT = re.compile(
    rf"\b(?:would|could|might|should)(?:n['’]t| not)? have (?:{_IRREGULAR}|\w+ed)\b",
    re.IGNORECASE,
)


def tells_what_did_not_happen(sentence: str) -> bool:
    """True when `sentence` is in the conditional perfect ("…would have been nine years")."""
    return _CONDITIONAL_PERFECT.search(sentence) is not None


# "may" only in lower case: "May" is more often the month.
_MODALS = r"(?:(?i:could|might|would|will|can|shall|should|must)|may)"
_MODAL = re.compile(rf"\b{_MODALS}\b")
# A modal before a verb, with at most one word between: "could win", "may yet sign"; or a
# plan or an expectation: "is planned to open", "plans to reopen", "was due to start".
_MODAL_BEFORE = re.compile(
    rf"(?:\b{_MODALS}(?i:n['’]t| not)?"
    r"|(?i:\b(?:is|are|was|were|be|been|being)\s+(?:not\s+)?(?:planned|due|expected|set"
    r"|scheduled|intended|proposed|hoped|likely|unlikely|hoping|planning|going)\s+to"
    r"|\b(?:plans?|planned|planning|intends?|aims?|hopes?|proposals?|proposes?)\s+to))"
    r"\s+(?:\w+\s+)?$"
)
_WORD = re.compile(r"[^\W_]+")


# Verbs used in so many senses that one use says nothing of another ("took caretaker
# charge" and "will take care of team affairs").
_LIGHT_VERBS = frozenset("be have do take make get give go come put set keep let say".split())


def verbs_in_the_past(question: str) -> frozenset[str]:
    """The terms of the verbs `question` writes in the past in its main clause ("win" of
    "Who won the gold?", "give" of "How many was he given?"; not "flood" of "How many left
    when the river flooded?", which sets the time of what is asked, nor "affect" of "How
    many are affected?", which asks in the present)."""
    main = _SUBORDINATE.split(_without_present_passives(question), maxsplit=1)[0]
    return frozenset(term for lemma in _past_lemmas(main) for term in terms(lemma))


# A participle after "is", "are" or "am" ("are affected", "is not owned"): the present.
_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are|am)\s+(?:(?:not|also|still|now|being|\w+ly)\s+)?([a-z]+)\b", re.IGNORECASE
)


def _without_present_passives(question: str) -> str:
    """`question` with the participles of its present passives left out."""
    return _PRESENT_PASSIVE.sub(lambda m: m.group(0)[: m.start(1) - m.start(0)], question)


# Where a clause setting the circumstances of the question's event begins.
_SUBORDINATE = re.compile(
    r"\s(?:when|after|before|while|since|because|as|if|until|once|though|although)\s",
    re.IGNORECASE,
)


# A question asking what is to come without a modal: "How many homes are going to be built?",
# "When is the bridge due to be reopened?" (no verb there is in the past).
_ASKS_AHEAD = re.compile(
    r"\b(?:is|are|am|was|were)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:going|due|expected|set|scheduled|planned|about)\s+to\b",
    re.IGNORECASE,
)


def past_verbs(question: str) -> frozenset[str]:
    """The terms of the verbs `question` puts in the past, light ones ("take", "give")
    left out; none when it asks what is to come, with a modal ("Where will the awards be
    held?") or a plan ("How many homes are going to be built?")."""
    if _MODAL.search(question) or _ASKS_AHEAD.search(question):
        return frozenset()
    lemmas = _past_lemmas(_without_present_passives(question)) - _LIGHT_VERBS
    return frozenset(term for lemma in lemmas for term in terms(lemma))


def _past_lemmas(text: str) -> frozenset[str]:
    """The base forms of the verbs `text` writes in the past, "did" and its verb too ("open"
    of "When did the yard open?"); a capitalised word past the first is part of a name
    ("Riverside United", "the Cleared Ground Trust")."""
    found = set(_verb_after_did(text))
    for position, written in enumerate(_WORD.findall(text)):
        if not (position and written[0].isupper()):
            found.update(_lemmas_inflected_as(written.lower(), ("VBD", "VBN")))
    return frozenset(found)


def _lemmas_inflected_as(word: str, tags: tuple[str, ...]) -> list[str]:
    """The base forms of the verbs `word` (lower case) is an inflection of with one of the
    Penn `tags` ("sold" → ["sell"] for "VBD"); none for a base form itself."""
    return [
        lemma
        for lemma in getAllLemmas(word, upos="VERB").get("VERB", ())
        if word != lemma and any(word in getInflection(lemma, tag) for tag in tags)
    ]


# "did" asking of the past, then the words of the question after it.
_DID = re.compile(r"\bdid(?:n['’]t|\s+not)?\s+(.+)", re.IGNORECASE)
# Words after which a word is a noun, not the verb: "the club", "its move", "Leeds's plan".
_NOUN_AFTER = frozenset("the a an its their his her our my your this that these those s".split())
# Words ending a phrasal verb: "come out", "set up".
_PARTICLES = frozenset("out up off down back in over away on".split())


def _verb_after_did(text: str) -> list[str]:
    """The verb "did" asks with, in its base form: the first word after the subject that is
    one when an object follows it ("open" of "When did he open the new bridge?"), else the
    one ending the question ("open" of "When did Halvorsen's container yard at Gdańsk
    open?", "come" of "…come out?"), else the first ("start" of "When did trains start
    running across the bridge?"); none without "did" or such a word."""
    did = _DID.search(text)
    if did is None:
        return []
    words = _WORD.findall(did.group(1))
    while len(words) > 1 and words[-1].lower() in _PARTICLES:
        words.pop()
    verbs = [
        i
        for i in range(1, len(words))
        if not words[i][0].isupper()
        and words[i - 1].lower() not in _NOUN_AFTER
        and a_verb_as_written(words[i])
    ]
    if not verbs:
        return []
    first, last = verbs[0], verbs[-1]
    object_follows = first + 1 < len(words) and words[first + 1].lower() in _NOUN_AFTER
    return [words[last if last == len(words) - 1 and not object_follows else first]]


# Verbs that are finite as written: "is", "has", "will"…
AUXILIARIES = frozenset(
    "is am are was were has have had do does did will would can could may might shall should "
    "must".split()
)


def has_a_finite_verb(text: str) -> bool:
    """Whether `text` has a verb in a tense ("served", "owns", "is", "will"), as a name, a
    noun phrase or a participle ("giving the judgment") has not. A plural noun spelt as a
    verb ("trains") passes too: this tells a clause from a bare noun phrase, no more."""
    return any(
        word in AUXILIARIES or _lemmas_inflected_as(word, ("VBD", "VBZ"))
        for word in (written.lower() for written in _WORD.findall(text))
    )


def told_as_done(sentence: str, verbs: frozenset[str]) -> bool:
    """Whether `sentence` writes each of `verbs` (terms) in the past ("Directed by Antoine
    Fuqua" tells "direct"; "had been expected to win" does not tell "win")."""
    done = {term for lemma in _past_lemmas(sentence) for term in terms(lemma)}
    return verbs <= done


def foresees_only(sentence: str, verbs: frozenset[str]) -> bool:
    """True when `sentence` uses one of `verbs` (terms) and does so only after a modal:
    "…he could win the gold medal," said Edwards does not say who won."""
    used = [
        word
        for word in _WORD.finditer(sentence)
        if (found := terms(word.group(0))) and found[0] in verbs
    ]
    return bool(used) and all(_MODAL_BEFORE.search(sentence[: w.start()]) for w in used)
