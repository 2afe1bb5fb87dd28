"""Turning a follow-up question into a standalone one without a language model.

"Who confirmed it?" retrieves nothing useful on its own. (A chat answerer
asks its model to rewrite it; see chat.py.) Without a model, a rule carries
the subject over: when the follow-up refers back (a pronoun or
demonstrative) or has too few content words to search with, the content
words of the latest earlier question that stood alone (and of any naming
nothing asked since) are appended as context; for "he"/"she" (or "the
teenager", "the judge") after a "Who…?" question, the person the latest such
answer named comes first ("Where does she work?" after "Who led the study?"
answered "…led by Dr. Ingrid Solberg…").
A follow-up naming nothing (no name, no number: "When does the firm expect
the report?") is about the conversation's subject too, and gets the same
context; unless it says enough to search with (STANDALONE_TERMS content
words) and shares none of them with the conversation so far: "How frequently
will trams run on the new line at busy times?" after questions about a flood
starts a new subject.

A pointing follow-up's own words ("And when did that happen?") are seldom
the article's: they point back at the earlier subject. So the answerability
gate, calibrated on standalone questions (its measures count the question's
words that no passage holds), is not applied to it (`carries_context`); the
score, type and missing-name checks still are. A follow-up that only names
nothing keeps the gate: its own words are the article's to find.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from assistant.answering.citations import split_claims
from assistant.answering.evidence import one_passage_holds_the_question
from assistant.answering.question import CARRIED_CONTEXT, CONTEXT_OPENS, analyse
from assistant.answering.recognise import find, names_a_person
from assistant.answering.short_answer import short_answer
from assistant.records import History, Passage
from assistant.text.terms import STOP_WORDS, terms, words

REFERRING_WORDS = frozenset(
    """it its he him his she her they them their this that these those there then""".split()
)
# Pronouns that stand for a person.
_PERSONS = frozenset("he him his she her hers".split())
# At most this many words of context are carried (the latest first).
CONTEXT_WORDS = 8
# A follow-up with fewer content terms than this cannot stand alone.
MIN_OWN_TERMS = 3
# A question naming nothing with this many content terms, none said in the conversation so
# far, is a new subject.
STANDALONE_TERMS = 4
_WORD = re.compile(r"\w[\w’'-]*")


def carry_subject(question: str, history: History) -> str:
    """The rule used without a language model; see the module docstring."""
    if not history:
        return question
    expanded = expand_ellipsis(question, history)
    if expanded is not None:
        # "And the runner-up?" is the question before it changed: the conversation's subject
        # goes with it, less what the change replaced ("Harrow Vale" for "Kent North").
        written, replaced = expanded
        # Nor the verb asked about before: "won" would lead "Who was the runner-up?" back
        # to the winner.
        asked = analyse(CARRIED_CONTEXT.sub("", _written_out(history, len(history) - 1)))
        present = set(terms(f"{written} {replaced}")) | asked.told | asked.past
        return _with_context(written, _subject(history), present)
    if not (_points_back(question) or not _names_something(question)):
        return question
    if not _points_back(question) and _changes_subject(question, history):
        return question
    # "Where does she work?" after "Who led the study?": she is who the answer named.
    person = _person_named(history) if _means_a_person(question) else ""
    present = set(terms(question))
    subject = _subject(history)
    if analyse(question).asks_who:
        # "Who came second?" after "Who won the marathon?" asks for someone else: not the
        # one who did what an earlier "who" question asked.
        for earlier in map(analyse, subject):
            if earlier.asks_who:
                present |= earlier.told | earlier.past
    # "And where?" after "When was she born?" asks where she was born: a follow-up with no
    # words of its own asks what the one before it asked.
    asked_before = [history[-1][0]] if not present else []
    return _with_context(question, [person, *asked_before, *subject], present)


def _with_context(question: str, said: list[str], present: set[str]) -> str:
    """`question` with the words of `said` (latest first) it lacks as its carried context, at
    most CONTEXT_WORDS of them: a long conversation's older subjects fall away."""
    context = [
        w
        # Earlier questions as they were read bring their own "(context: …)": its words, not
        # the word "context".
        for w in dict.fromkeys(_WORD.findall(" ".join(said).replace(CONTEXT_OPENS, " ")))
        if (t := terms(w)) and t[0] not in present and w.lower() not in STOP_WORDS
    ][:CONTEXT_WORDS]
    return f"{question}{CONTEXT_OPENS}{' '.join(context)})" if context else question


# "And the runner-up?", "What about Labour?", "And in 2019?": a follow-up that says only
# what changes, no question word or verb of its own.
_ELLIPTICAL = re.compile(
    r"^\s*(?:(?:and|but|so)\s+)?(?:what|how)\s+about\s+(?P<about>[^?]+?)\s*\??\s*$"
    r"|^\s*(?:and|but)\s*,?\s+(?P<and>[^?]+?)\s*\??\s*$",
    re.IGNORECASE,
)
# Words that open a question of its own ("And when did it open?" is no ellipsis).
_ASKING = frozenset(
    """who whom whose what which when where why how is are was were do does did has have had
    can could will would should may might""".split()
)
# At most this many words in what an ellipsis gives.
_ELLIPSIS_WORDS = 6
_DETERMINERS = frozenset("the a an its his her their this that these those".split())
_NUMBERS = re.compile(r"\d[\d,.]*")
# "And in Kent?": a name given with a preposition of place, as it would stand in a question.
_PLACING = re.compile(r"(?:in|at|near|from)\s", re.IGNORECASE)
_PLACING_BEFORE = re.compile(r"\b(?:in|at|near|from)\s+(?:the\s+)?$", re.IGNORECASE)
# The question words for "And the runner-up?" after a question of each kind.
_ASKED_AS = {"who": "Who was", "when": "When was", "where": "Where was"}


def expand_ellipsis(question: str, history: History) -> tuple[str, str] | None:
    """The follow-up written out when it gives only what changes from the question before
    it, with the words it replaced; else None. "What about Labour?" after "How many votes
    did the Conservatives get?" is "How many votes did Labour get?" (a name for a name, a
    number for a number, or the number added: "And in 2019?"), "And the women's race?"
    after "Who won the men's race?" is "Who won the women's race?" (the thing of the same
    kind), and "And the runner-up?" after "Who won?" is "Who was the runner-up?"."""
    match = _ELLIPTICAL.match(question)
    if match is None or not history:
        return None
    given = (match.group("about") or match.group("and")).strip()
    own = words(given)
    if not own or own[0] in _ASKING or len(own) > _ELLIPSIS_WORDS:
        return None
    before = CARRIED_CONTEXT.sub("", _written_out(history, len(history) - 1))
    return (
        _number_swapped(before, given)
        or _name_swapped(before, given)
        or _thing_swapped(before, given)
        or _asked_the_same_way(before, given)
    )


def _written_out(history: History, i: int) -> str:
    """The i-th question of `history` as it asked, an ellipsis written out ("And the
    runner-up?" as "Who was the runner-up?"); a carried context is kept."""
    expanded = expand_ellipsis(history[i][0], history[:i])
    return expanded[0] if expanded else history[i][0]


def _number_swapped(before: str, given: str) -> tuple[str, str] | None:
    """ "And in 2019?" after "Who won in 2021?": the last number of the question before
    replaced; after a question without one, the words given are added to it."""
    new = _NUMBERS.findall(given)
    if len(new) != 1 or any(w[:1].isupper() for w in _WORD.findall(given)):
        return None
    old = list(_NUMBERS.finditer(before))
    if not old:
        return f"{before.rstrip(' ?')} {given}?", ""
    last = old[-1]
    return before[: last.start()] + new[0] + before[last.end() :], last.group(0)


def _name_swapped(before: str, given: str) -> tuple[str, str] | None:
    """ "What about Labour?" after "How many votes did the Conservatives get in Harrow
    Vale?": a name of the question before replaced by the one given; the one the question
    places ("in Harrow Vale") when the name given is placed ("And in Kent?"), else the
    first."""
    if not any(w[:1].isupper() for w in _WORD.findall(given)):
        return None
    names = find(before, "name")
    if not names:
        return None
    placing = _PLACING.match(given)
    placed = [n for n in names if _PLACING.search(before[: n.start] + " ")]
    name = placed[-1] if placing and placed else names[0]
    start = name.start
    if placing and placed:
        start = _PLACING_BEFORE.search(before, 0, name.start).start()  # type: ignore[union-attr]
    return before[:start] + given + before[name.end :], name.text


def _thing_swapped(before: str, given: str) -> tuple[str, str] | None:
    """ "And the women's race?" after "Who won the men's race?": the words of the question
    before that end in the same noun, from their determiner, replaced."""
    if words(given)[0] not in _DETERMINERS:
        return None
    head = terms(_head_noun(given))
    ends = [m for m in _WORD.finditer(before) if head and terms(m.group(0)) == head]
    if not ends:
        return None
    openers = [
        m for m in _WORD.finditer(before, 0, ends[-1].start()) if m.group(0).lower() in _DETERMINERS
    ]
    if not openers:
        return None
    start, end = openers[-1].start(), ends[-1].end()
    return before[:start] + given + before[end:], before[start:end]


def _head_noun(given: str) -> str:
    """The noun the words given are about: "number" of "the number of runners", "race" of
    "the women's race"."""
    return given.split(" of ", maxsplit=1)[0].rsplit(maxsplit=1)[-1]


def _asked_the_same_way(before: str, given: str) -> tuple[str, str] | None:
    """ "And the runner-up?" after "Who won the race?": "Who was the runner-up?"; for "who"
    only of someone ("And the turnout?" asks no "who")."""
    kind = analyse(before).kind
    head = _head_noun(given).split("-", maxsplit=1)[0]  # "runner" of "runner-up"
    someone = names_a_person(head) or find(given, "rank")  # "And in third place?"
    if kind not in _ASKED_AS or (kind == "who" and not someone):
        return None
    return f"{_ASKED_AS[kind]} {given}?", ""


def _changes_subject(question: str, history: History) -> bool:
    """Whether `question`, naming nothing, says enough to search with and none of it was
    said in the conversation: a new subject, not the conversation's."""
    own = set(terms(question))
    said = {t for asked, answered in history for t in terms(f"{asked} {answered}")}
    return len(own) >= STANDALONE_TERMS and own.isdisjoint(said)


def _subject(history: History) -> list[str]:
    """The earlier questions that say what the conversation is about, latest first: back to
    the latest that stood alone (naming something, not pointing back), with those naming
    nothing on the way ("How much will the repairs cost?" after "When will the Leeds tram
    open?" gives both: the repairs, of the Leeds tram). A question given as it was read
    (`Conversation.history`) brings its carried subject ("(context: …)"), and ends the
    search there; one given in other words than the last ("And the runner-up?") is read
    written out (`expand_ellipsis`)."""
    said: list[str] = []
    for i in range(len(history) - 1, -1, -1):
        earlier = _written_out(history, i)
        context = CARRIED_CONTEXT.search(earlier)
        if context is not None:
            own = earlier[: context.start()]
            said += [own] if not _points_back(own) or len(terms(own)) >= MIN_OWN_TERMS else []
            said.append(context.group(0).removeprefix(CONTEXT_OPENS).removesuffix(")"))
            break
        if _points_back(earlier) and i > 0 and len(terms(earlier)) < MIN_OWN_TERMS:
            continue
        said.append(earlier)
        if _names_something(earlier) or _points_back(earlier):
            break
    return said


def _points_back(question: str) -> bool:
    """Whether `question` cannot be searched on its own words: it refers back (a pronoun or
    demonstrative) or has too few content words ("What about Sony?"); not a short question
    naming its own subject with a word of its own ("How tall is Emiew?")."""
    if any(w in REFERRING_WORDS for w in words(question)):
        return True
    own = len(terms(question))
    return own < MIN_OWN_TERMS and not (own >= 2 and _names_something(question))


def _names_something(question: str) -> bool:
    """Whether `question` names what it is about (a capitalised word past its first, or a
    number): "When does the firm expect the report?" does not, and in a conversation means
    the firm the conversation is about."""
    written = _WORD.findall(question)
    return any(w[0].isupper() for w in written[1:]) or any(c.isdigit() for c in question)


def _means_a_person(question: str) -> bool:
    """Whether `question` points back at a person: by a pronoun ("How old is he?") or by
    "the" and a word for people ("How old is the teenager?"), unless it asks who that is
    ("Who was the judge?" asks for another person than the one just named)."""
    own = words(question)
    if _PERSONS.intersection(own):
        return True
    if analyse(question).asks_who:
        return False
    return any(
        before in ("the", "this", "that") and names_a_person(word)
        for before, word in itertools.pairwise(own)
    )


def _person_named(history: History) -> str:
    """The person the latest answer to a "who" question named: the short answer of its
    first quoted sentence, as the answer marked it; "" when no earlier question asked who
    or its answer named no one. ("How old is he?" after "Who scored?" and "When?")"""
    for i in range(len(history) - 1, -1, -1):
        answered = history[i][1]
        # "And the runner-up?" asked "Who was the runner-up?".
        earlier = analyse(CARRIED_CONTEXT.sub("", _written_out(history, i)))
        if not earlier.asks_who:
            continue
        claims = split_claims(answered)
        first = claims[0].text if claims else ""
        span = short_answer(earlier, first) if first else None
        return first[span[0] : span[1]] if span else ""
    return ""


def carries_context(question: str) -> bool:
    """Whether `question` is a follow-up that `carry_subject` gave an earlier subject because
    its own words point back (not merely because it names nothing: its words are then the
    article's to find, and the answerability gate hears them)."""
    found = CARRIED_CONTEXT.search(question)
    return found is not None and _points_back(question[: found.start()])


def asked_alone(standalone: str) -> str | None:
    """The question as asked, when `carry_subject` gave it the conversation's subject while
    its own words say enough to search with: because it names nothing, or though it points
    back ("Why is the glassworks closing its factory?": "its" is the glassworks'). It may
    still start a new subject (`starts_a_new_subject`). None for any other question."""
    found = CARRIED_CONTEXT.search(standalone)
    if found is None:
        return None
    asked = standalone[: found.start()]
    if _points_back(asked) and len(terms(asked)) < MIN_OWN_TERMS:
        return None
    return asked


def starts_a_new_subject(
    standalone: str, own: Sequence[Passage], carried: Sequence[Passage]
) -> bool:
    """Whether a question given context for naming nothing (`standalone`) is about something
    else than the conversation: a passage found for its own words holds them and less than
    half of the carried context's words, while no passage found with the context holds its
    words and half the context's. "How long is the new cycle path?" after questions about
    a council vote is about the path; "When does the firm expect the report?" after
    questions about one firm's report is about that firm."""
    found = CARRIED_CONTEXT.search(standalone)
    if found is None:
        return False
    asked = standalone[: found.start()]
    context = set(terms(found.group(0))) - set(terms(asked))
    if not context:
        return False

    def shared(passage: Passage) -> int:
        return len(context & set(terms(f"{passage.title}\n{passage.text}")))

    def about_it(passages: Sequence[Passage]) -> list[Passage]:
        return [p for p in passages if one_passage_holds_the_question(asked, [p])]

    alone = any(2 * shared(p) < len(context) for p in about_it(own))
    together = any(2 * shared(p) >= len(context) for p in about_it(carried))
    return alone and not together
