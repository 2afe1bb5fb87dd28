"""The few words inside an answering sentence that answer the question.

"How long did the call last?" is answered by "nearly 90 minutes", inside the
quoted sentence; this finds that span so that a reader sees it marked:

- a question that wants a name, date or amount (question.py) gets the one of
  that kind that the question does not already name, closest to the words
  the sentence shares with the question; an amount in brackets right after
  another is a conversion ("$16.6bn (£8.82bn)") and gives way to the first;
- "which/what X" gets the name nearest to X ("Lehman Brothers economist Paul
  Sheard"), or the words after X when there is no name ("the stimulant
  modafinil");
- "who is NAME?" gets the title or role written beside the name ("US
  Defence Secretary Pete Hegseth");
- "why" gets the clause after a word of cause ("because…", "due to…");
- anything else gets no short answer: the sentence is the answer.
"""

from __future__ import annotations

import re

from assistant.answering.question import Question, fits
from assistant.answering.recognise import Found, find
from assistant.text.terms import STOP_WORDS, terms

_WORD = re.compile(r"[\w’'-]+")
_CAUSE = re.compile(
    r"\b(?:because(?: of)?|due to|owing to|as a result of|in order to|so that|thanks to|amid)\s+"
    r"([^;:.!?]{3,160})",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.!?]")
_CONVERSION = re.compile(r"[(;]\s*$")
_DERIVED = re.compile(r"-[a-z]+$|(?<=[a-z])(?:ns|ese|ish)$")
_POSSESSIVE = re.compile(r"['’]s?$")
MAX_PHRASE_WORDS = 6


def short_answer(question: Question, sentence: str) -> tuple[int, int] | None:
    """The [start, end) span of `sentence` that answers `question`, or None."""
    if question.identifies:
        return _role_beside(sorted(question.identifies), sentence)
    if question.wants:
        found = [
            f for f in _new(find(sentence, question.wants), question) if fits(question, f.text)
        ]
        if question.wants == "number":
            found = [f for f in found if not _CONVERSION.search(sentence[: f.start])] or found
        return _closest(found, _anchors(question, sentence))
    if question.kind == "which" and question.focus:
        return _beside_focus(question, sentence)
    if question.kind == "why":
        match = _CAUSE.search(sentence)
        if match:
            return match.start(1), match.start(1) + len(match.group(1).rstrip(" ,"))
    return None


def _new(found: list[Found], question: Question) -> list[Found]:
    """What the question does not already name: the words of each that are not the
    question's ("American Marc Fogel" for "Which American…" is "Marc Fogel")."""
    kept = []
    for found_item in found:
        item = found_item
        words = list(_WORD.finditer(item.text))
        own = [w for w in words if not (set(terms(w.group(0))) & question.terms)]
        if len(own) != len(words):
            # Keep the longest run of the item's own words.
            runs: list[list[re.Match[str]]] = [[]]
            for w in words:
                if w in own:
                    runs[-1].append(w)
                else:
                    runs.append([])
            run = max(runs, key=len)
            if not run or all(w.group(0).lower() in STOP_WORDS for w in run):
                continue
            start, end = item.start + run[0].start(), item.start + run[-1].end()
            item = Found(item.kind, start, end, item.text[run[0].start() : run[-1].end()])
        kept.append(item)
    return kept


def _anchors(question: Question, sentence: str) -> list[int]:
    """Where the sentence has the question's words (character offsets)."""
    return [
        m.start()
        for m in _WORD.finditer(sentence)
        if (t := terms(m.group(0))) and t[0] in question.terms
    ]


def _best_name(names: list[Found], anchors: list[int]) -> tuple[int, int] | None:
    """The name that answers: a full name (two words or more) before a single word, a name
    rather than a word made from one ("London-based", "Britain's" count as "London",
    "Britain"), then the one closest to the anchors."""
    cleaned = [_bare(name) for name in names if not _DERIVED.search(name.text)]
    if not cleaned:
        return None
    full = [name for name in cleaned if " " in name.text]
    return _closest(full or cleaned, anchors)


def _bare(name: Found) -> Found:
    """The name without a possessive ending."""
    text = _POSSESSIVE.sub("", name.text)
    return Found(name.kind, name.start, name.start + len(text), text)


def _closest(found: list[Found], anchors: list[int]) -> tuple[int, int] | None:
    if not found:
        return None
    if not anchors:
        return found[0].start, found[0].end

    def distance(item: Found) -> int:
        return min(min(abs(a - item.start), abs(a - item.end)) for a in anchors)

    best = min(found, key=distance)
    return best.start, best.end


def _beside_focus(question: Question, sentence: str) -> tuple[int, int] | None:
    """The name nearest the focus word (or the question's words), else the words after it."""
    words = list(_WORD.finditer(sentence))
    focus = [w for w in words if (t := terms(w.group(0))) and t[0] in question.focus]
    names = _new(find(sentence, "name"), question)
    if names:
        return _best_name(names, [w.start() for w in focus] or _anchors(question, sentence))
    for word in focus:
        phrase: list[re.Match[str]] = []
        for later in words[words.index(word) + 1 : words.index(word) + 1 + MAX_PHRASE_WORDS]:
            between = sentence[(phrase[-1] if phrase else word).end() : later.start()]
            if _CLAUSE_END.search(between):
                break
            if later.group(0).lower() in STOP_WORDS:
                if phrase:
                    break
                continue
            phrase.append(later)
        if phrase:
            return phrase[0].start(), phrase[-1].end()
    return None


def _role_beside(named: list[str], sentence: str) -> tuple[int, int] | None:
    """For "who is NAME?": the capitalised title right before the name in the sentence."""
    for found in find(sentence, "name"):
        own = terms(found.text)
        if not named or not set(named) <= set(own) or own[: -len(named)] == []:
            continue
        # The run holds the title and the name ("US Defence Secretary Pete Hegseth").
        title_words = found.text.split()[: len(found.text.split()) - len(named)]
        if title_words:
            title = " ".join(title_words)
            return found.start, found.start + len(title)
    return None
