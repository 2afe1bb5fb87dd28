"""Tenses that say when, or whether, something happened.

In a narrative told in the past, the past perfect ("had been requisitioned",
"had struck", "had complained") steps back to an earlier event, and an earlier
event is how an article most often gives a reason without saying "because":
"Work stopped in 2000. A barge had struck one of the piers." An explanation
that reaches such a sentence has given its cause (extractive.py).

The conditional perfect ("would have been nine years", "could have won")
tells what did not happen: "without which the sentence would have been nine
years" does not say how long the sentence was. And a verb after a modal ("he
could win the gold medal", "she will sign on Monday") foresees an event: it
does not report that it happened, which a question in the past tense asks.
"""

from __future__ import annotations

import re

from lemminflect import getAllLemmas, getInflection

from assistant.text.terms import terms

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
# A modal before a verb, with at most one word between: "could win", "may yet sign".
_MODAL_BEFORE = re.compile(rf"\b{_MODALS}(?i:n['’]t| not)?\s+(?:\w+\s+)?$")
_WORD = re.compile(r"[^\W_]+")


# Verbs used in so many senses that one use says nothing of another ("took caretaker
# charge" and "will take care of team affairs").
_LIGHT_VERBS = frozenset("be have do take make get give go come put set keep let say".split())


def verbs_in_the_past(question: str) -> frozenset[str]:
    """The terms of the verbs `question` writes in the past in its main clause ("win" of
    "Who won the gold?", "give" of "How many was he given?"; not "flood" of "How many left
    when the river flooded?", which sets the time of what is asked)."""
    main = _SUBORDINATE.split(question, maxsplit=1)[0]
    return frozenset(term for lemma in _past_lemmas(main) for term in terms(lemma))


# Where a clause setting the circumstances of the question's event begins.
_SUBORDINATE = re.compile(
    r"\s(?:when|after|before|while|since|because|as|if|until|once|though|although)\s",
    re.IGNORECASE,
)


def past_verbs(question: str) -> frozenset[str]:
    """The terms of the verbs `question` puts in the past, light ones ("take", "give")
    left out; none when it asks with a modal ("Where will the awards be held?")."""
    if _MODAL.search(question):
        return frozenset()
    lemmas = _past_lemmas(question) - _LIGHT_VERBS
    return frozenset(term for lemma in lemmas for term in terms(lemma))


def _past_lemmas(text: str) -> frozenset[str]:
    """The base forms of the verbs `text` writes in the past; a capitalised word past the
    first is part of a name ("Riverside United", "the Cleared Ground Trust")."""
    found = set()
    for position, written in enumerate(_WORD.findall(text)):
        if position and written[0].isupper():
            continue
        word = written.lower()
        for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()):
            past = getInflection(lemma, "VBD") + getInflection(lemma, "VBN")
            if word != lemma and word in past:
                found.add(lemma)
    return frozenset(found)


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
