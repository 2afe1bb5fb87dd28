"""The few words inside an answering sentence that answer the question.

"How long did the call last?" is answered by "nearly 90 minutes", inside the
quoted sentence; this finds that span so that a reader sees it marked:

- a question that wants a name, date or amount (question.py) gets the one of
  that kind that the question does not already name, in the clause holding
  most of the question's words ("exports rose 12.3%, but imports rose
  16.3%"), after the preposition the question opens with ("At which
  ground…" → "at Parkhead"), closest to the question's words; an amount in
  brackets right after another is a conversion ("$16.6bn (£8.82bn)") and
  gives way to the first; "how many of…" takes "92 of…"; "rose 32,000 to
  1.41 million" gives the level, unless the question asks about the change;
  "where" prefers a name placed by a preposition ("born in Melbourne"),
  "who" one that is not, nor a qualifier ("the South Yorkshire company"),
  nor owned by "of" ("Peter Misselbrook, executive partner of Tods Murray"),
  and one written as a person's name; a name beats a word made from one and
  a possessive ("Spain's", "the United Nations'"); "which X" with X a person's
  role ("Which MP…") is answered as "who" is, and only by a name that could be
  a person's; "who did it" prefers the doer of a passive ("commissioned by
  AOL"), and a street never says who; an amount for one share or item ("$76
  a share") gives way to the whole unless the question asks for one, and a
  time of day to a day for "when"; a number the question names ("the Fold
  2") is no part of a longer one ("2,299 euros");
- "which/what X" gets the name beside or nearest to X ("the Xhosa language",
  "Lehman Brothers economist Paul Sheard"; a whole title set off by commas,
  "Her memoir, The Lamp and the Long Night,"), the object of the question's
  verb ("Which animal will Cleese voice?" → "a sheep"), or the words after X
  when there is no name ("the stimulant modafinil"); a name given in quotes
  ("dubbed 'le cost killer'") is a name, "what does X stand for/mean" takes
  the words after "stands for" or "means", and "what X" with no name to give
  ("What slogan…", "What did Beijing call it?") takes a short phrase in
  quotes ("more for all");
- "who is NAME?" and "what role does NAME have?" get the title written
  before the name ("US Defence Secretary Pete Hegseth") or the phrase set
  off by commas after it ("Steve Witkoff, one of Trump's top negotiators,");
- "why" (and "what caused…") gets the clause after a word of cause
  ("because…", "due primarily to…", "led by…"), or
  the ailment someone withdrew "with" ("with a rib injury");
- anything else gets no short answer: the sentence is the answer.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from assistant.answering.periods import of_the_period
from assistant.answering.question import (
    ASKS_A_MEANING,
    ASKS_A_TIME,
    Question,
    asks_for_money,
    fits,
    people_doing,
)
from assistant.answering.recognise import (
    CLOCKED,
    MEASURED_AFTER,
    MONEY,
    NAMING_WORDS,
    NUMBER_WORD,
    PEOPLE,
    POSSESSIVE,
    QUOTED,
    Found,
    could_be_a_person,
    find,
    is_addressed,
    looks_like_a_person,
    made_from_a_name,
    names_a_person,
    names_a_street,
    names_one_person,
    opens_like_a_place,
    quoted_span,
)
from assistant.text.datelines import filed_before
from assistant.text.tense import AUXILIARIES
from assistant.text.terms import STOP_WORDS, a_common_noun, terms, words

_WORD = re.compile(r"[\w’'-]+")
# A number written with separators ("2,299", "4.6"), which is one word of an item.
_SEPARATED = re.compile(r"\d+(?:[.,]\d+)+")
_ITEM_WORD = re.compile(rf"{_SEPARATED.pattern}|[\w’'-]+")
# What "Which X…" asks for when X is a body or a place, never a person (stems).
_BODIES = frozenset(
    terms(
        """company firm club team group organisation organization bank party union agency
        band brand charity business airline broadcaster network newspaper publisher studio
        label retailer supermarket manufacturer university school council government country
        city town nation state region court institution trust channel station"""
    )
)
# The word an amount ends with, when it is written with one ("12,000 vans"), and the words
# that only scale its number.
# The noun an amount counts, its last word ("goals" of "27 goals", "games" of "38 league
# games").
_LAST_WORD = re.compile(r"\d\s(?:[a-z]+\s)?([A-Za-z]+)$")
_SCALES = frozenset("hundred thousand million billion trillion dozen m bn k tn".split())
_NEXT_WORD = re.compile(r" ([\w’'-]+)")
# "By how many votes did she win?", "What was his majority?": a winning margin.
_ASKS_A_MARGIN = re.compile(
    r"\bby how (?:many|much)\b.*\b(?:win|won|wins|beat|lead|led|leads|defeat\w*)\b"
    r"|\b(?:majority|margin)\b",
    re.IGNORECASE,
)
# A margin someone else held: "overturning a ", "cut the previous ".
_UNDONE_BEFORE = re.compile(
    r"\b(?:overturn\w*|overc[ao]m\w*|previous|former|notional|defending|cut|slashed|reduc\w*)"
    r"\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:previous\s+)?$",
    re.IGNORECASE,
)
# What stands before a margin: "a majority of ", "a margin of just ", "won by ", "carried by ".
_MARGIN_BEFORE = re.compile(
    r"\b(?:(?:majority|margin|lead)\s+of\s+(?:just\s+|only\s+|nearly\s+|almost\s+)?"
    r"|(?:won|win|wins|winning|beat|beats|beating|beaten|led|leads|leading|edged|edging"
    # A vote's margin: "the proposal was carried by 23 votes to 17".
    r"|carried|passed|approved|backed|rejected|defeated|voted)\s+"
    r"(?:[\w'’,-]+\s+){0,6}?by\s+(?:just\s+|only\s+)?)$",
    re.IGNORECASE,
)
# "…are not due to reopen", "is due to stand down": "due to" saying when, not why ("was led
# by" still says why).
_DUE = re.compile(r"(?:due|owing)\b", re.IGNORECASE)
_SCHEDULED = re.compile(r"\b(?:is|are|was|were|be|been|not|now|also)\s+$", re.IGNORECASE)
_CAUSE = re.compile(
    r"\b(?:because(?: of)?|(?:due|owing) (?:\w+ly )?to|as a result of|in order to|so that"
    r"|thanks to|amid|in protest (?:at|against|over)|in a bid to|aimed at|in response to"
    r"|for fear of|(?:led|caused|driven|triggered|prompted|sparked|fuelled|fueled) by"
    r"|blamed on|blaming|citing|reason\b[^.;:]{0,60}?\bis that)\s+"
    r"([^;:.!?]{3,160})",
    re.IGNORECASE,
)
# "withdrew with a rib injury": an ailment is the reason someone pulls out or misses out.
_AILMENT = re.compile(
    r"\bwith (?:an? )?((?:[\w-]+ ){0,2}(?:injury|injuries|infection|illness|virus|bug|"
    r"problem|problems|complaint|strain|knock|fracture|pain))\b",
    re.IGNORECASE,
)
# "TNT, which stands for TV numerique terrestre": the words a name or word stands for.
_MEANS = re.compile(
    r"\b(?:stands? for|stood for|short for|means|meaning)\s+(?![\"“'‘])([^,;:.!?()\"“”]{2,80})",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,;:.!?]")
_FOLLOWING_ENDS = re.compile(r"[,;:.!?]|\b(?:and|but|or|while|whereas)\b", re.IGNORECASE)
# "…due to the onstart of winter", labour office chief said": the quotation, and the cause, end.
_QUOTE_ENDS = re.compile(r"[\"”’'](?=[,;])")
# Where one clause of a sentence ends and the next begins.
_CLAUSE_BREAK = re.compile(r";|\s(?:but|while|whereas|although|even as|even though)\s")
# "$16.6bn (£8.82bn)", "($20.40; £10.50)": a conversion, in brackets after the amount; a
# semicolon outside brackets separates a list ("£192,713 in England; £139,544 in Wales").
_CONVERSION = re.compile(r"\(\s*$|\([^()]*;\s*$")
# A place someone works at, written after their name: "Dr Ingrid Solberg of the University
# of Tromsdal".
_WORKPLACE = re.compile(
    r"(?:University|College|Institute|Hospital|School|Academy|Laboratory|Observatory|Museum)\b"
)
_OF = re.compile(r"\bof\s+(?:the\s+)?$")
# "How old…", "What age…", "aged": questions an age answers.
_ASKS_AGE = re.compile(r"\bhow old\b|\bage[ds]?\b", re.IGNORECASE)
# A name and the comma (or bracket) after it: "Gerald Ainsworth, ".
_NAME_THEN_COMMA = re.compile(r"[A-Z][\w’'-]+\s*[,(]\s*$")
# A sum of everything: "in total", "overall", "total winnings of".
_TOTAL = re.compile(r"\b(?:total|overall|altogether|combined|in all|cumulative)\b", re.IGNORECASE)
# "her total winnings to $50,000", "27 in total": an amount written as the total (the word
# before it in its clause, or right after it).
_TOTAL_BEFORE = re.compile(r"\b(?:total|overall|combined|cumulative)\b[^,;]*$", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"\s*(?:in total|in all|altogether|overall)\b", re.IGNORECASE)
# "rose 32,000 to 1.41 million": a change, then the level it reached.
_CHANGED = re.compile(
    r"\b(?:ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|increas(?:e|es|ed|ing)|decreas(?:e|es|ed"
    r"|ing)|gr[eo]w(?:s|n|ing)?|climb(?:s|ed|ing)?|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?|"
    r"slip(?:s|ped)?|slump(?:s|ed)?|soar(?:s|ed)?|surg(?:e|es|ed)|declin(?:e|es|ed|ing)|"
    r"cut|rais(?:e|es|ed))\b",
    re.IGNORECASE,
)
# "to", after at most a short phrase of time: "dropped 5% since May to 88.9%".
_TO = re.compile(r"\s+(?:(?:since|in|over|during)\s+[\w-]+(?:\s+[\w-]+)?\s+)?to\s+")
# "What share has it fallen to?", "To what level did it rise?": the level reached, though
# the question names the change.
_ASKS_A_LEVEL = re.compile(r"\bto\s*(?:what\b|which\b|\?|$)|\bto\s+according\b", re.IGNORECASE)
_PART_OF = re.compile(r"\bhow many of\b", re.IGNORECASE)
# What says what an amount in a list is of: "£139,544 in Wales", "£6 for cars".
_LABEL = re.compile(r"\s+(?:in|for|at|on|from|by|to)\s+(?:the\s+)?")
# "173 of the 299 votes": the amount after "of" is the whole the first is part of.
_WHOLE_OF = re.compile(
    # "one of five uncapped players" singles one out of five: five are asked for.
    rf"(?:\d[\d,.]*%?|\b(?!one\b){NUMBER_WORD.pattern})(?:\s+(?:million|billion|thousand|m|bn))?"
    r"\s+(?:out\s+)?of\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|his\s+|her\s+)?$",
    re.IGNORECASE,
)
_ASKS_A_WHOLE = re.compile(r"\b(?:total|in all|altogether|out of|overall)\b", re.IGNORECASE)
_OF = re.compile(r"\s+of\b")
# "executive partner of Tods Murray": a name after "of" owns the thing, and is seldom who.
_OWNED = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
_DETERMINERS = frozenset("a an the its their his her this that these those".split())
# Words hedging an amount between it and its preposition: "by just 47 votes".
_HEDGES = frozenset("just only nearly almost about around roughly barely exactly some".split())
_PLACE = re.compile(
    r"\b(?:in|at|on|near|outside|inside|across|throughout|up|along|through|via|towards?|onto|"
    r"around|beneath|(?:city|town|village|state|"
    r"county|province|region|country|capital|island|port|native) of)\s+(?:the\s+)?$"
    # "buried in the cemetery of Saint-Aubrac", "at the mouth of the Tarrow".
    r"|\b(?:in|at|on|near|outside|inside)\s+the\s+[a-z]+(?:\s+[a-z]+)?\s+of\s+(?:the\s+)?$"
    # Where someone comes from, as news introduces people: "the 29-year-old from Leeds".
    r"|\byear-old from\s+$"
    # A place within the place named before it: "in London's Leicester Square".
    r"|\b(?:in|at|on|near|outside|inside)\s+(?-i:[A-Z])[\w.-]*(?:\s+(?-i:[A-Z])[\w.-]*)?['’]s?\s+$"
    # In apposition to a word for a place: "his official country house, Chevening".
    r"|\b(?:house|home|residence|estate|palace|castle|hotel|venue|stadium|ground|arena|hall|"
    r"headquarters|resort|village|town|city|capital|island|airport|station|theatre|cathedral|"
    r"prison|camp|base),\s+$",
    re.IGNORECASE,
)
# "Where is she from?": only then does "from" place a name ("takes over from Max Jones").
_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_ASKS_ORIGIN = re.compile(r"\bfrom\b", re.IGNORECASE)
MAX_PHRASE_WORDS = 6
_QUOTED = re.compile(QUOTED)
MAX_QUOTED_WORDS = 8
# "Steve Witkoff, one of Trump's top negotiators, said": what stands between commas after a
# name, when it opens like a description rather than a clause.
_APPOSITIVE = re.compile(
    r",\s+((?:(?:the|a|an|one)\b|(?!(?:who|which|whose|whom|said|says|told|added|and|but)\b)"
    r"[a-z])[^,;:!?()\"“”]{2,100}?)\s*[,;:]"
)
# "Which animal will John Cleese voice?": the thing asked about is the object of the
# question's last word, its verb.
_ASKS_AN_OBJECT = re.compile(
    r"^\s*(?:which|what)\s+(?:[\w'’-]+\s+){1,3}?(?:did|does|do|will|would|can|could|should|"
    r"has|have|had|is|was|are|were|might|may|must)\s+(?:[\w'’.-]+\s+){1,4}?"
    r"((?-i:[a-z])[\w'’-]*)\s*\?\s*$",
    re.IGNORECASE,
)
# "opens at 10:00", "9pm": a time of day, which says when only when no day is given.
# A time of day as a clock or a zone gives it: "0619 GMT", "3.40pm", "10:30 BST".
_CLOCK_TIME = re.compile(
    r"(?:at\s+)?\d{1,2}[:.]?\d\d\s?(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|PT|am|pm)"
    r"|(?:at\s+)?\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)",
    re.IGNORECASE,
)
_TIME_OF_DAY = re.compile(r"\d[:.]\d\d|\d\s?(?:am|pm)\b", re.IGNORECASE)
# "07:40", "3.40pm", "at 6am": a time of day and nothing more.
# What follows an amount that is a difference between two ("finished 47 seconds behind",
# "three points clear"), and what in a question asks for one.
_GAP_AFTER = re.compile(r"\s+(?:behind|ahead|clear|adrift|slower|faster|quicker)\b", re.I)
_ASKS_A_GAP = re.compile(
    r"\b(?:behind|ahead|clear|adrift|gap|margin|slower|faster|quicker|between|beat)\b", re.I
)
_ONLY_A_TIME_OF_DAY = re.compile(
    r"(?:at\s+)?\d{1,2}(?:[:.]\d\d(?:\s?(?:am|pm))?|\s?(?:am|pm))(?:\s+(?:GMT|BST|CET|ET|PT|UTC))?",
    re.IGNORECASE,
)
# "$76 a share", "£2 each": an amount for one of many, which "how much" seldom asks.
_PER_UNIT = re.compile(r"\s*(?:a|per|for each|each)\s+(?:share|head|person|unit|item)\b|\s+each\b")
_ASKS_PER_UNIT = re.compile(
    r"\b(?:a|per|each)\s+(?:share|head|person|unit|item)\b|\beach\b", re.IGNORECASE
)
# "drug, desmoteplase,": a comma after a word, and the most words a phrase set off by
# commas after it may have to name it.
_COMMA_AFTER = re.compile(r"\s*,")
SET_OFF_WORDS = 3
# The most words a title set off by commas may have ("The Lamp and the Long Night").
TITLE_WORDS = 8
# Characters between a name and the focus word for the two to count as side by side.
NEXT_TO = 5
# The words after an item that say what it is of or for ("£6 for cars").
FOLLOWING = 3
# "Who came third…": a place in a race or a poll, which the name it answers stands beside.
_RANK = re.compile(
    r"\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|runners?-up)\b",
    re.IGNORECASE,
)
RANK_WORDS = 3
_RUNNER_UP = re.compile(r"runners?-up", re.IGNORECASE)
# "written by former DJ Mike Read": the verb before "by" and up to two words before a name.
_BY_BEFORE = re.compile(r"\b([\w'’-]+)\s+by\s+(?:[\w'’-]+\s+){0,2}$")
# "France's " before "Lucien Moreau": who the name belongs to, not part of it.
_OWNER_BEFORE = re.compile(r"[A-Z][\w-]*['’]s\s+(?=[A-Z][\w'’-]*\s+[A-Z])")
# "Who lost…?", "Who was beaten…?": the one a sentence about a win names last.
_ASKS_THE_LOSER = re.compile(
    r"\b(?:lost|lose|loses|losing|beaten|defeated|runners?-up)\b", re.IGNORECASE
)
# What may stand before the name a sentence opens with: a few words, no comma ("France's ",
# "Former champion ").
_SUBJECT_BEFORE = re.compile(r"(?:[\w'’-]+\s+){0,3}")
# "a Madrid-based charity, the Salvador Allende Foundation": a name set beside the word
# for what it is by a comma and an article.
_APPOSED = re.compile(r"\s*,\s*(?:the|a|an)\s+", re.IGNORECASE)
# "a shadowy group known as Meibion Glyndwr": words that give the name of the thing before.
_NAMED_AS = re.compile(rf",?\s+(?:(?:also\s+|now\s+)?{NAMING_WORDS}\s+)(?:the\s+)?", re.IGNORECASE)


# "What colour…?" is answered by a colour, not by what the sentence likens it to ("painted
# green, the colour of the old oak doors"): the basic colour terms of English and common
# shades, with a shade word before and a second colour joined on ("dark red", "black and
# white", "blue-green").
_COLOUR_WORD = (
    r"(?:red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|gr[ae]y|silver"
    r"|gold(?:en)?|beige|cream|crimson|scarlet|maroon|navy|turquoise|teal|indigo|lilac|mauve"
    r"|amber|bronze|ivory|ochre|olive|khaki|magenta|cyan|tan|copper)(?:ish)?"
)
_COLOURS = re.compile(
    rf"\b(?:(?:light|dark|pale|bright|deep|glossy|vivid|dull)[\s-]+)?{_COLOUR_WORD}"
    rf"(?:(?:\s+and\s+|-){_COLOUR_WORD})*\b",
    re.IGNORECASE,
)
_ASKS_A_COLOUR = re.compile(r"^\s*(?:what|which)\s+colou?rs?\b", re.IGNORECASE)
# "What is the scientific name of…?": the name in brackets, or the one "known as" gives.
_ASKS_A_SCIENTIFIC_NAME = re.compile(
    r"\b(?:scientific|latin|botanical|binomial|taxonomic|species)\s+names?\b", re.IGNORECASE
)
_SCIENTIFIC_NAME = re.compile(
    r"\(([A-Z][a-z]+(?:\s+(?:[a-z]+|spp?\.|species)){1,2})\)"
    r"|\b(?:known\s+(?:scientifically\s+)?as|scientific\s+name\s+(?:is\s+)?)\s+"
    r"([A-Z][a-z]+\s+[a-z]{3,})\b"
)


def short_answer(question: Question, sentence: str) -> tuple[int, int] | None:
    """The [start, end) span of `sentence` that answers `question`, or None."""
    if _ASKS_A_COLOUR.match(question.text):
        return _colour(question, sentence)
    if _ASKS_A_SCIENTIFIC_NAME.search(question.text):
        return _closest(
            _scientific_names(sentence), _anchors(question, sentence), sentence, question
        )
    if question.identifies:
        role = _role_beside(sorted(question.identifies), sentence)
        if role or question.kind == "who":
            return role  # "What is Yang's title?" may still find it in quotes, below
    if question.asks_nationality:
        # "the Austrian's drop shots" for "What nationality is Melzer?"
        return _closest(
            candidates(question, sentence), _anchors(question, sentence), sentence, question
        )
    if question.kind == "which" and question.focus:
        return _beside_focus(question, sentence)
    if question.kind == "which" and not question.wants:
        if ASKS_A_MEANING.match(question.text) and (meaning := _MEANS.search(sentence)):
            return meaning.start(1), meaning.end(1)
        return _quoted(question, sentence)  # "What did Beijing call the embargo?"
    if question.wants:
        found = candidates(question, sentence)
        if question.wants == "name":
            return _best_name(found, _anchors(question, sentence), sentence, question)
        if question.wants == "date" and not ASKS_A_TIME.search(question.text):
            # "When did the library reopen?": "3 March 2023", not "opens at 10:00".
            found = [f for f in found if not _TIME_OF_DAY.search(f.text)] or found
        if question.wants == "number":
            found = [f for f in found if not _CONVERSION.search(sentence[: f.start])] or found
            if asks_a_margin(question):
                found = [f for f in found if _a_margin(sentence, f)] or found
            if asks_for_money(question):
                # "…two classic cars and a €420,000 villa" does not say what the cars cost.
                found = [f for f in found if not _prices_another_thing(question, sentence, f)]
            if not _ASKS_PER_UNIT.search(question.text):
                # "$25.4bn, or $76 a share": the whole price, unless asked for one share's.
                found = [f for f in found if not _PER_UNIT.match(sentence, f.end)] or found
            if _PART_OF.search(question.text):
                # "How many of the peers…": "all but 92 of the Lords' 750 peers" gives 92.
                found = [f for f in found if _OF.match(sentence, f.end)] or found
            elif not _ASKS_A_WHOLE.search(question.text):
                # "winning 173 of the 299 votes", "close three of its eleven branches",
                # "117 million out of 833 million handsets": the part, not the whole.
                found = [f for f in found if not _WHOLE_OF.search(sentence[: f.start])] or found
            if any(_counts_it(question, sentence, f) for f in found):
                # "nine goals" for "How many goals…", before the period: "…in 41 appearances
                # last season" counts something else of the same season.
                found = [f for f in found if not _counts_something_else(question, sentence, f)]
            found = _change_or_level(question, sentence, of_the_period(question, sentence, found))
            found = _the_total(question, sentence, found)
        return _closest(found, _anchors(question, sentence), sentence, question)
    if question.kind == "why":
        match = _CAUSE.search(sentence)
        if match:
            # Up to a closing quote or the next clause ("…prices, but higher oil prices…").
            cause = _QUOTE_ENDS.split(match.group(1), maxsplit=1)[0]
            cause = _CLAUSE_BREAK.split(cause, maxsplit=1)[0].rstrip(" ,")
            return match.start(1), match.start(1) + len(cause)
        ailment = _AILMENT.search(sentence)
        if ailment:
            return ailment.start(1), ailment.end(1)
    return None


def _colour(question: Question, sentence: str) -> tuple[int, int] | None:
    """The colour in `sentence` that answers "What colour…?": one the question does not say
    itself ("violet" of "the violet oil beetle"), nearest the question's words."""
    found = [
        Found("colour", m.start(), m.end(), m.group(0))
        for m in _COLOURS.finditer(sentence)
        if not set(terms(m.group(0))) <= question.terms
    ]
    return _closest(found, _anchors(question, sentence), sentence, question)


def _scientific_names(sentence: str) -> list[Found]:
    """The scientific names `sentence` gives ("(Meloe violaceus)", "known as Andrena
    fulva"): the only names that answer "What is the scientific name of…?"."""
    found = []
    for match in _SCIENTIFIC_NAME.finditer(sentence):
        group = 1 if match.group(1) else 2
        found.append(Found("name", match.start(group), match.end(group), match.group(group)))
    return found


def candidates(question: Question, sentence: str) -> list[Found]:
    """The names, dates or amounts in `sentence` of the kind the question wants, that it
    does not already name (`new_items`) and that can answer it (`fits`); for "what time",
    times taken as well as times of day ("in 38.07 seconds"), and for an amount, times
    taken written as a clock reads ("in 1:21:07")."""
    if _ASKS_A_SCIENTIFIC_NAME.search(question.text):
        return _scientific_names(sentence)
    read = _nationalities(sentence) if question.asks_nationality else find(sentence, question.wants)
    found = read
    if question.wants == "date" and ASKS_A_TIME.search(question.text):
        found = sorted(found + find(sentence, "number"), key=lambda item: item.start)
    if question.wants == "number" and CLOCKED.search(sentence):
        # "…in 1:21:07" answers "How long did the final take?".
        clocked = [d for d in find(sentence, "date") if CLOCKED.fullmatch(d.text)]
        found = sorted(found + clocked, key=lambda item: item.start)
    if question.wants == "number":
        found = [_with_its_unit(question, sentence, _every(sentence, item)) for item in found]
    found = [item for item in new_items(found, question) if fits(question, item.text)]
    if question.wants == "name":
        # "DUNDEE, 3 November 2025 - …": where the story was filed answers nothing.
        text_starts = filed_before(sentence)
        found = [item for item in found if item.start >= text_starts]
    elif question.wants == "date":
        # "…, 12 March 2024 - Dock workers returned to work on Wednesday": when the story was
        # filed, only when the sentence itself names no day.
        text_starts = filed_before(sentence)
        found = [item for item in found if item.start >= text_starts] or found
    if question.asks_who:
        # The names as written, read once above ("who" wants names): what new_items trimmed.
        named = read if question.wants == "name" and not question.asks_nationality else []
        found = [
            f
            for f in found
            if _could_say_who(question, sentence, f)
            and not _named_after_it(question, sentence, f, named)
        ]
    passive = _done_to(question, sentence) if question.asks_who_did_it else None
    if passive is not None:
        # "Lomax was sentenced at Southwark Crown Court" names no one who sentenced him.
        found = [f for f in found if _BY.search(sentence, passive, f.start)]
        if (agent := _unnamed_agent(sentence, passive)) is not None:
            # "designed by a team of engineers from Delft": the team, not where it is from;
            # but "by its director general for Europe, Ana Lopez Garcia": her.
            found = [f for f in found if not _AFTER_A_PREPOSITION.search(sentence, 0, f.start)]
            found = found or [agent]
    if question.wants == "number" and not _ASKS_AGE.search(question.text):
        found = [f for f in found if not _an_age(sentence, f)]
    elif question.wants == "number":
        found = [f for f in found if _could_be_the_age_asked(question, sentence, f)]
    if question.wants == "date" and not ASKS_A_TIME.search(question.text):
        # "When did the ferry enter service?" is not answered by "left at 07:40" alone, nor
        # "When was the race?" by a time taken ("2:22:40").
        found = [
            f
            for f in found
            if not _ONLY_A_TIME_OF_DAY.fullmatch(f.text) and not CLOCKED.fullmatch(f.text)
        ]
    if question.wants == "number" and not ASKS_A_TIME.search(question.text):
        # "At 0619 GMT on Tuesday, the dollar was … at $1.29": when, not how much.
        found = [f for f in found if not _CLOCK_TIME.fullmatch(f.text)]
    if question.wants == "number" and not _ASKS_A_GAP.search(question.text):
        # "How long did the winner take?" is not answered by "finished 47 seconds behind".
        found = [f for f in found if not _GAP_AFTER.match(sentence, f.end)]
    if question.counted:
        # "How many homes…" is not answered by the "98" of "98mph", nor "How many pupils…"
        # by their ages ("pupils aged 13 to 16").
        found = [
            f
            for f in found
            if not MEASURED_AFTER.match(sentence, f.end)
            and not _AGED_BEFORE.search(sentence, 0, f.start)
        ]
    return found


# Words telling when or how often after a sum ("£289,450 last month"), not what it prices.
_WHEN_WORDS = frozenset(
    "last next this that earlier later ago annually yearly monthly weekly daily".split()
)
# The lower-case words after an amount, where a noun it prices may stand: "villa in".
_WORDS_AFTER = re.compile(r"(?:\s+(?-i:[a-z]+)){1,3}")


def _prices_another_thing(question: Question, sentence: str, item: Found) -> bool:
    """Whether a sum of money is written before the nouns of what it prices, none of them
    the question's ("a €420,000 villa" for "How much did he spend on the cars?"; "the £42
    million flood defence scheme" prices the scheme asked about)."""
    after = _WORDS_AFTER.match(sentence, item.end)
    if after is None or not MONEY.search(item.text):
        return False
    nouns = list(
        itertools.takewhile(
            lambda word: word not in STOP_WORDS and word not in _WHEN_WORDS and a_common_noun(word),
            after.group(0).split(),
        )
    )
    return bool(nouns) and not any(set(terms(noun)) & question.terms for noun in nouns)


_AGED_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
# "under 10", "over 65": an age bound, when it follows a word for people.
_AGE_BOUND = re.compile(r"(?:under|over|aged)\s+\d{1,3}", re.IGNORECASE)
_HOW_MUCH = re.compile(r"\bhow much\b", re.IGNORECASE)
_EVERY_BEFORE = re.compile(r"\bevery\s+$", re.IGNORECASE)


def _every(sentence: str, amount: Found) -> Found:
    """`amount` with "every" before it when so written: "every six minutes" says how often,
    where "six minutes" alone says how long."""
    before = _EVERY_BEFORE.search(sentence, 0, amount.start)
    if before is None:
        return amount
    return Found(amount.kind, before.start(), amount.end, sentence[before.start() : amount.end])


def _with_its_unit(question: Question, sentence: str, amount: Found) -> Found:
    """`amount` with the unit written onto it ("172mm") for "how much…?" when it fits so:
    "How much rain fell?" is answered by "172mm", which the recogniser reads as "172" (a
    unit so written never makes a count of things: "98mph" is no number of homes). Not
    for "how long…?": "a 1.2km crossing" would answer "How long is the drive?"."""
    unit = MEASURED_AFTER.match(sentence, amount.end)
    if unit is None or question.counted or not _HOW_MUCH.search(question.text):
        return amount
    whole = Found(amount.kind, amount.start, unit.end(), sentence[amount.start : unit.end()])
    return whole if fits(question, whole.text) else amount


def _nationalities(sentence: str) -> list[Found]:
    """The words made from a country's name that open the sentence's names ("Austrian" of
    "the Austrian's drop shots" and of "The Austrian Jurgen Melzer")."""
    found = []
    for name in find(sentence, "name"):
        first = _WORD.match(name.text)
        word = POSSESSIVE.sub("", first.group(0)) if first else ""
        if word and made_from_a_name(word):
            found.append(Found("name", name.start, name.start + len(word), word))
    return found


def gives_the_age_asked(question: Question, sentence: str) -> bool:
    """Whether, for "How old is Amara Okafor?", the sentence gives the age of someone the
    question names, set after the name ("Okafor, 29, said…"): it says how old without the
    word "old"."""
    if not _ASKS_AGE.search(question.text) or not question.names:
        return False
    return any(
        _an_age(sentence, amount)
        and bool(set(terms(sentence[max(0, amount.start - 40) : amount.start])) & question.names)
        for amount in find(sentence, "number")
    )


# "for nine years", "after 12 years": a span of time, no one's age.
_A_SPAN_BEFORE = re.compile(
    r"\b(?:for|after|over|within|in)\s+(?:the\s+)?(?:past\s+|last\s+|first\s+)?$", re.I
)


_AGO = re.compile(r"\s+ago\b", re.IGNORECASE)


def _could_be_the_age_asked(question: Question, sentence: str, amount: Found) -> bool:
    """Whether the amount may be the age "How old is Dev Sharma?" asks for: not an age set
    after another person's name ("Fiona Castellano, 34,"), nor a span of time ("in the post
    for nine years", "two years ago")."""
    if _A_SPAN_BEFORE.search(sentence, 0, amount.start) or _AGO.match(sentence, amount.end):
        return False
    # Whom a follow-up asks about ("How old is she? (context: Almaz Tesfaye…)") counts too.
    asked = question.names | question.carried
    if not asked or not _an_age(sentence, amount):
        return True
    return bool(set(terms(sentence[max(0, amount.start - 40) : amount.start])) & asked)


def _an_age(sentence: str, amount: Found) -> bool:
    """Whether the amount is someone's age, set after their name in commas ("Gerald
    Ainsworth, 61, of Larch Avenue"), or an age bound after a word for people ("children
    under 10", "adults over 65"): it answers "How old…?", not "How many…?"."""
    bound = _AGE_BOUND.fullmatch(amount.text)
    if bound is not None:
        before = sentence[: amount.start].split()[-1:]
        return bool(before) and names_a_person(before[0].strip(",;:"))
    return (
        amount.text.isdigit()
        and _NAME_THEN_COMMA.search(sentence[: amount.start]) is not None
        and sentence[amount.end : amount.end + 1] in (",", ")")
    )


def _named_after_it(question: Question, sentence: str, name: Found, names: list[Found]) -> bool:
    """Whether `name` is what is left of a thing's name opening with one the question says:
    "Lecture" of "an annual Solvang Lecture", "Chamber Orchestra" of "the Kestrel Chamber
    Orchestra"; something named after whom the question asks about, never a person. A
    thing's name follows an article and ends in a word for a thing ("Howard Flight", a
    person's, follows no article)."""
    whole = next((n for n in names if n.start < name.start and name.end <= n.end), None)
    if whole is None or not set(terms(whole.text[: name.start - whole.start])) & question.names:
        return False
    return bool(_AN_ARTICLE_BEFORE.search(sentence, 0, whole.start)) and a_common_noun(
        name.text.split()[-1]
    )


# "the ", "an annual ": an article, and at most one word in lower case, before a name.
_AN_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:(?-i:[a-z])[\w-]*\s+)?$", re.IGNORECASE)


def _could_say_who(question: Question, sentence: str, name: Found) -> bool:
    """Whether a name can answer "who" or "Which actor…": "…in Tokyo" does not say who,
    nor does "Bombardier's president" (whose he is); and "Which actor…" is not answered
    by "Factory Records" or "TV"; nor by a street ("of Pelham Terrace")."""
    if placed(sentence, name) or _possessive(sentence, name) or names_a_street(name):
        return False
    if opens_like_a_place(name):
        return False  # "…found in a quarry on the Isle of Skye" says where, not who
    if _qualifies_a_role(sentence, name):
        return False  # "American Idol presenter Ryan Seacrest": Seacrest says who
    person = question.asks_for_a_person or bool(question.role_holder)
    return not person or could_be_a_person(name)


def _qualifies_a_role(sentence: str, name: Found) -> bool:
    """Whether the name says whose or what role the person named right after holds
    ("American Idol presenter Ryan Seacrest", "Chelsea striker Didier Drogba")."""
    role = _ROLE_THEN_NAME.match(sentence, name.end)
    if role is None or role.group(1) in STOP_WORDS:
        return False  # "star Richard Griffiths as teacher Hector" names him
    return names_one_person(role.group(2))


def _the_total(question: Question, sentence: str, found: list[Found]) -> list[Found]:
    """For "How much did she earn in total?", of "a $10,000 bonus, bringing her total
    winnings to $50,000" the amount written as the total; so "27 in total"."""
    if not _TOTAL.search(question.text):
        return found
    return [
        f
        for f in found
        if _TOTAL_BEFORE.search(sentence[max(0, f.start - 40) : f.start])
        or _TOTAL_AFTER.match(sentence, f.end)
    ] or found


def _change_or_level(question: Question, sentence: str, found: list[Found]) -> list[Found]:
    """Of "rose 32,000 to 1.41 million", the change (32,000) for a question about a change
    ("By how much did it rise?"), else the level it reached (1.41 million), as for "What
    has it risen to?". Of "rose from
    2.6% to 10.4%", the level it reached, unless the question asks "From what…"."""
    left, changes, reached = [], [], []
    for first, second in itertools.pairwise(found):
        if not _TO.fullmatch(sentence[first.end : second.start]):
            continue
        before = sentence[max(0, first.start - 30) : first.start]
        if _FROM.search(before):
            left.append(first)
        elif _CHANGED.search(before):
            changes.append(first)
            reached.append(second)
    if question.preposition != "from":
        found = [f for f in found if f not in left] or found
    asks_change = _CHANGED.search(question.text) and not _ASKS_A_LEVEL.search(question.text)
    unwanted = reached if asks_change else changes
    return [f for f in found if f not in unwanted] or found


def introduced(question: Question, sentence: str, answer: Found) -> bool:
    """Whether the answer stands after the preposition the question opens with, as the
    question places it ("until 2009" for "Until what year…", "on 5 January" for "On what
    date…", "for a G20 summit" for "For what event…"), or before the measure it asks
    ("It is 96 km long" for "How long is the river?", not "a footpath of 104 km")."""
    after = sentence[answer.end :].split()[:1]
    if question.dimension and [w.strip(".,;:").lower() for w in after] == [question.dimension]:
        return True
    if not question.preposition:
        return False
    before = [w.lower() for w in sentence[: answer.start].split()]
    while before and (before[-1] in _DETERMINERS or before[-1] in _HEDGES):
        before.pop()  # "for a G20 summit", "by just 47 votes"
    opening = answer.text.split()[:1]
    return question.preposition in [w.lower() for w in before[-1:] + opening]


def new_items(found: list[Found], question: Question) -> list[Found]:
    """What the question does not already name: the words of each that are not the
    question's ("American Marc Fogel" for "Which American…" is "Marc Fogel"), and
    nothing of a name the question names on both sides ("Saul Israel Holiff"), by its
    initials ("HP" for "Hewlett Packard") or at its end ("President Trump", unless
    joined by a small word: "Glenn Hoddle of Wolves"). A name given in quotes, one
    whose first and last words the question does not say, or one ending in the kind of
    thing asked for ("Pellworth Crown Court" for "Which court…"), is kept whole unless
    the question says all of it."""
    kept = []
    for found_item in found:
        item = found_item
        if item.kind == "name" and item.text in question.initials:
            continue  # "HP" for "…of Hewlett Packard?": the name asked about, shortened
        words = list(_ITEM_WORD.finditer(item.text))
        own = [w for w in words if not _said_by(question, w.group(0))]
        if item.kind == "number" and own:
            # A unit the question says stays inside an amount ("31 votes to 24" for "By how
            # many votes…"): only at its ends is it left out ("31" of "31 votes"); a number
            # the question says is left out anywhere ("two" of "more than two years").
            inside = words[words.index(own[0]) : words.index(own[-1]) + 1]
            own = [w for w in inside if w in own or not find(w.group(0), "number")]
        if item.kind == "name" and question.kind == "where":
            # "at Brackwell Leisure Centre" answers "Where has a rest centre been opened?":
            # a word the question says only in lower case ends a place's name.
            own = [w for w in words if w in own or not set(terms(w.group(0))) & question.names]
        # Another name sharing a middle word with the question's ("Lilian Alicia Marks" for
        # "Dame Alicia Markova") is kept whole, like a quoted one; not when the word shared is
        # the kind of thing asked for ("Rock DJ Huw Stephens" for "Which DJ…").
        shared = {t for w in words if w not in own for t in terms(w.group(0))}
        if _title_of_the_kind(question, words):
            continue  # "Minister of Marine" for "Which minister…?" is a title, not who holds it
        # A name ending in the kind of thing asked for is one of that kind, kept whole:
        # "Pellworth Crown Court" for "Which court…".
        of_the_kind = words[-1] not in own and terms(words[-1].group(0)) == [question.head]
        whole = item.quoted or (
            item.kind == "name"
            and words[0] in own
            and (
                of_the_kind
                or (words[-1] in own and not shared & question.focus)
                or _another_of_the_name(question, item.text)
            )
        )
        if len(own) != len(words) and not (whole and own):
            # Keep the longest run of the item's own words.
            runs: list[list[re.Match[str]]] = [[]]
            for w in words:
                if w in own:
                    runs[-1].append(w)
                else:
                    runs.append([])
            longest = max(runs, key=len)
            if words[0] not in longest and words[-1] not in longest:
                continue  # inside the name asked about: "Israel" in "Saul Israel Holiff"
            joined = longest[-1].group(0).lower() in STOP_WORDS
            if (
                item.kind == "name"
                and words[-1] not in longest
                and not joined
                and not _named_for_its_opening(question, words[-1].group(0))
            ):
                # The name asked about with its titles or first names: "President" of
                # "President Trump", "Ukrainian President Volodymyr" of "… Zelensky".
                continue
            run = _without_small_words(longest)
            if not run:
                continue
            start, end = item.start + run[0].start(), item.start + run[-1].end()
            if item.kind == "name" and start == 0 and len(run) == 1:
                continue  # a word capitalised only by opening the sentence: "One of Japan's…"
            item = Found(item.kind, start, end, item.text[run[0].start() : run[-1].end()])
        kept.append(item)
    return kept


# "Who is the wing named after?", "…named for…", "…in honour of…": whom a thing's name honours.
_ASKS_NAMED_AFTER = re.compile(r"\bnamed\s+(?:after|for)\b|\bin\s+honou?r\s+of\b", re.IGNORECASE)


def _named_for_its_opening(question: Question, last: str) -> bool:
    """Whether a name ending in `last`, a thing the question says only in lower case, keeps
    its opening words as the answer to whom it is named after: "Elsie Marsh" of "the Elsie
    Marsh Wing" for "Who is the new stroke wing named after?"; unlike "President Trump",
    whose "Trump" the question writes as a name."""
    return bool(_ASKS_NAMED_AFTER.search(question.text)) and not set(terms(last)) & question.names


def _title_of_the_kind(question: Question, words: list[re.Match[str]]) -> bool:
    """Whether a name is a title opening with the kind of person asked for and "of"
    ("Minister of Marine", "Secretary of State" for "Which minister / secretary…?"): the
    person holding it is named beside it."""
    return (
        question.asks_for_a_person
        and len(words) > 2
        and terms(words[0].group(0)) == [question.head]
        and words[1].group(0).lower() == "of"
    )


def _another_of_the_name(question: Question, name: str) -> bool:
    """Whether `name`, sharing a word with a name the question gives, is another one: each
    such name of the question has a word it lacks ("Isla Brackenridge" for "Who founded
    Brackenridge Kettles?"), unlike "President Trump" for "…Trump?"."""
    mine = set(terms(name))
    overlapping = [words for words in _names_asked(question.text) if words & mine]
    return bool(overlapping) and all(words - mine for words in overlapping)


@functools.lru_cache(maxsize=256)
def _names_asked(question: str) -> tuple[frozenset[str], ...]:
    """The terms of each name the question gives (read once per question, not per
    candidate name)."""
    return tuple(frozenset(terms(name.text)) for name in find(question, "name"))


def _said_by(question: Question, word: str) -> bool:
    """Whether the question already says `word`; a word holding a number ("101-year-old",
    "Sixteen-year-old") is said only when its number is (the question's "old" does not say
    the age), and a number only whole ("2" of "the Fold 2" is no part of "2,299")."""
    if _SEPARATED.fullmatch(word):
        return word.replace(",", "") in question.numbers
    found = set(terms(word))
    numbers = {term for term in found if term[:1].isdigit() or NUMBER_WORD.fullmatch(term)}
    return bool((numbers or found) & question.terms)


def _without_small_words(run: list[re.Match[str]]) -> list[re.Match[str]]:
    """The run without the small words at its ends ("One of" is "One"), but for the
    "between" of a range ("between 3 and 12")."""
    words = [w.group(0).lower() for w in run]
    keep_between = words[:1] == ["between"] and "and" in words
    while run and run[0].group(0).lower() in STOP_WORDS and not keep_between:
        run = run[1:]
    while run and run[-1].group(0).lower() in STOP_WORDS:
        run = run[:-1]
    return run


def _counts_something_else(question: Question, sentence: str, item: Found) -> bool:
    """Whether the amount counts another thing than "how many" asks for: "12,000 vans" for
    "How many cars…" ("9,500", written without its noun, may count cars)."""
    unit = _LAST_WORD.search(item.text) if question.counting else None
    if unit is None or unit.group(1).lower() in _SCALES:
        return False
    return not _counts_it(question, sentence, item)


def counts_what_is_asked(question: Question, sentence: str) -> bool:
    """Whether the amount `sentence` answers "how many" with is written with what it
    counts ("more than 11,000 pupils" for "How many pupils…", not "Nine of the schools"),
    or the sentence says whose number it gives ("The number of people out of work rose to
    1.41 million")."""
    amount = _amount_answering(question, sentence)
    if amount is None:
        return False
    if any(is_counted(question, noun) for noun in _NUMBER_OF.findall(sentence)):
        return True
    return _counts_it(question, sentence, amount)


def _amount_answering(question: Question, sentence: str) -> Found | None:
    """The short answer of `sentence` to `question`, as an amount found there."""
    span = short_answer(question, sentence)
    if span is None:
        return None
    start, end = span
    return Found("number", start, end, sentence[start:end])


_NUMBER_OF = re.compile(r"\bnumber of ([a-z][\w-]*)", re.IGNORECASE)


# A name and the lower-case noun it places or qualifies: "Wakefield factory", "factory in
# Wakefield", "the plant at Redcar" (a possessive ends a name: "Keldara's Wakefield factory").
_NAME_RUN = r"(?-i:[A-Z][\w-]*(?:\s+(?:of\s+)?[A-Z][\w-]*)*)"
_NAME_THEN_NOUN = re.compile(rf"({_NAME_RUN})\s+((?-i:[a-z]{{3,}}))\b")
_NOUN_AT_NAME = re.compile(
    rf"\b((?-i:[a-z]{{3,}}))\s+(?:in|at|near|outside)\s+(?:the\s+)?({_NAME_RUN})"
)


def _placed_nouns(text: str) -> list[tuple[frozenset[str], str]]:
    """The names in `text` with the noun each places or qualifies (as terms)."""
    names = find(text, "name")
    pairs = [(m.start(1), m.group(1), m.group(2)) for m in _NAME_THEN_NOUN.finditer(text)]
    pairs += [(m.start(2), m.group(2), m.group(1)) for m in _NOUN_AT_NAME.finditer(text)]
    return [
        (frozenset(terms(name)), noun_terms[0])
        for start, name, noun in pairs
        if noun.lower() not in STOP_WORDS
        and (noun_terms := terms(noun))
        # A name the recogniser finds there: not "The" opening a sentence.
        and any(n.start <= start < n.end for n in names)
    ]


def about_another_place(question: Question, sentence: str) -> bool:
    """Whether `sentence` tells of the thing the question places at one name as placed at
    another, without the question's: "its factory in Stockton-on-Tees" for "How many jobs
    go at Keldara's Wakefield factory?" is another factory."""
    held = set(terms(sentence))
    asked = {
        noun
        for name, noun in _placed_nouns(question.text)
        if name & question.names and not name & held
    }
    return any(
        noun in asked and not name & question.names for name, noun in _placed_nouns(sentence)
    )


def counts_another_thing(question: Question, sentence: str) -> bool:
    """Whether the amount `sentence` answers "how many" with is written with a noun for
    another thing than is counted: "more than 90,000 businesses" for "How many people
    work at the headquarters?" gives a number, but not of people."""
    amount = _amount_answering(question, sentence) if question.counting else None
    return amount is not None and _counts_something_else(question, sentence, amount)


def is_counted(question: Question, noun: str) -> bool:
    """Whether `noun` names what "how many" counts: its own word, or people for people of
    a kind and the reverse ("8,000 residents" for "How many people…", "about 2,000
    people" for "How many spectators…")."""
    counted = question.counted.lower()
    return bool(set(terms(noun)) & question.counting) or (
        (counted in PEOPLE and names_a_person(noun))
        or (names_a_person(counted) and noun.lower() in PEOPLE)
    )


def _counts_it(question: Question, sentence: str, item: Found) -> bool:
    """Whether the amount is written with the noun "how many" counts ("12,000 cars" for
    "How many cars…"), counts people doing what it names ("2,300 people visited" for
    "How many visitors…"), people of any kind for "How many people…" ("8,000
    residents"), or people for a question counting people of one kind ("about 2,000
    people" for "How many spectators…")."""
    if not question.counting:
        return False
    unit = _LAST_WORD.search(item.text)
    if unit is None or unit.group(1).lower() in _SCALES:
        # The noun may stand after the amount, left out of it as the question's word ("nine"
        # of "nine goals" for "How many goals…", "18 million" of "18 million e-mails").
        after = _NEXT_WORD.match(sentence, item.end)
        return after is not None and bool(set(terms(after.group(1))) & question.counting)
    if people_doing(question.counted, sentence[item.start : item.end + 40]):
        return True
    return is_counted(question, unit.group(1))


def _anchors(question: Question, sentence: str, among: frozenset[str] | None = None) -> list[int]:
    """Where the sentence has the question's words, or those `among` them (offsets)."""
    wanted = question.terms if among is None else among
    return [
        m.start() for m in _WORD.finditer(sentence) if (t := terms(m.group(0))) and t[0] in wanted
    ]


def _best_name(
    names: list[Found], anchors: list[int], sentence: str, question: Question
) -> tuple[int, int] | None:
    """The name that answers, by preferences applied in turn (each only when some name
    meets it): a name rather than a word made from one ("London-based", "Spain's");
    one after the preposition the question opens with ("at Parkhead" for "At which
    ground…"); for "where", a name placed by a preposition ("born in Melbourne"), for
    "who" (whose names placed or written as owners are left out before, by
    `_could_say_who`) one not owned by "of", not a qualifier ("the South Yorkshire
    company"), one beside the place the question asks for ("Harcourt third" for "Who
    came third?"), one named as the doer of the question's verb ("commissioned by AOL"),
    one written as a person's name, and for "who did it" the one the sentence opens with
    (`looks_like_a_person`); otherwise a full name (two words or more); then as
    `_closest` ranks them."""
    whole = _prefer(names, lambda name: not _possessive(sentence, name))
    chosen = _prefer([_bare(name) for name in whole], lambda name: not made_from_a_name(name.text))
    chosen = _prefer(chosen, lambda name: introduced(question, sentence, name))
    if question.kind == "where":
        chosen = _prefer(chosen, lambda name: placed(sentence, name, question))
        # "died at her home in Corvenne … and was buried in the cemetery of Saint-Aubrac":
        # where she was buried is the place the question's word leads to.
        said = _anchors(question, sentence, question.plain)
        chosen = _prefer(chosen, lambda name: _led_to(sentence, said, name))
    elif question.asks_who:
        # "Okonjo's agent, Femi Adebayo" for "Who is Okonjo's agent?".
        holders = _role_holders(question, sentence)
        chosen = _prefer(chosen, lambda name: name.start in holders)
        # Places and owners are gone already (`_could_say_who`).
        chosen = _prefer(chosen, lambda name: not _OWNED.search(sentence[: name.start]))
        chosen = _prefer(chosen, lambda name: not _qualifies(sentence, name))
        rank = _RANK.search(question.text)
        if rank:
            chosen = _prefer(chosen, lambda name: _ranked(sentence, name, rank.group(0)))
        if question.asks_who_did_it:
            # "commissioned by net provider AOL" says who, whatever looks more like a person.
            chosen = _prefer(chosen, lambda name: _did_it(question, sentence, name))
        chosen = _prefer(chosen, lambda name: looks_like_a_person(sentence, name))
        if question.asks_who_did_it and not _ASKS_THE_LOSER.search(question.text):
            # "France's Lucien Moreau came from two sets down to beat Tomas Varga": of two
            # people, the one the sentence opens with did it (but "Who lost…?" asks for
            # the one beaten).
            chosen = _prefer(chosen, lambda name: _opens(sentence, name))
    else:
        chosen = _prefer(chosen, lambda name: " " in name.text)
    return _closest(chosen, anchors, sentence, question)


# Words a place may stand after the question's word it answers: "buried in the cemetery of".
_LED_WITHIN = 6


def _led_to(sentence: str, said: list[int], name: Found) -> bool:
    """Whether one of the question's words (at the offsets `said`) comes shortly before
    `name`, in the same clause (no comma or semicolon between)."""
    return any(
        start < name.start
        and len(sentence[start : name.start].split()) <= _LED_WITHIN
        and not re.search(r"[,;]", sentence[start : name.start])
        for start in said
    )


def _opens(sentence: str, name: Found) -> bool:
    """Whether the sentence opens with `name`, after at most a few words and no comma (and
    after its dateline: "PORT ELLISON, 8 May 2024 - Maria Alvarez was confirmed…")."""
    opening = filed_before(sentence)
    before = sentence[opening : name.start]
    return opening <= name.start and _SUBJECT_BEFORE.fullmatch(before) is not None


# "was sentenced", "were quickly arrested", "has been sold": a verb in the passive.
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?$", re.I)
_BY = re.compile(r"\bby\b", re.IGNORECASE)
# A name right after a preposition ("from Delft", "for Europe") belongs to what precedes.
_AFTER_A_PREPOSITION = re.compile(
    r"\b(?:from|in|at|for|of|near|on|with|across)\s+(?:the\s+)?$", re.IGNORECASE
)
# A role in one or two small words, then a capitalised name: "presenter Ryan Seacrest",
# "party leader Tom Vale".
_ROLE_THEN_NAME = re.compile(r"\s+(?:([a-z]+)\s+)?(?:[a-z]+\s+)?([a-z]+)\s+(?=[A-Z])")
# "…appointed by the regional government on 5 March": a doer after "by" and a determiner,
# in small words (a name is found as one).
_AGENT = re.compile(
    r"\s+by\s+((?:the|a|an|his|her|its|their|our|your|my)\s+[a-z][\w'’-]*"
    rf"(?:\s+[a-z][\w'’-]*){{0,{MAX_PHRASE_WORDS - 2}}})"
)
_WHO_DID = re.compile(r"\s*who\s+([a-z]+)\b", re.IGNORECASE)


def _done_to(question: Question, sentence: str) -> int | None:
    """Where the question's verb ends in the sentence, when the question asks "Who VERB…?"
    and the sentence tells that verb in the passive ("Who sentenced Lomax?", "Lomax was
    sentenced at Southwark"): only a name after a "by" after it then says who. None
    otherwise."""
    asked = _WHO_DID.match(question.text)
    if asked is None or asked.group(1).lower() in AUXILIARIES:
        return None
    verb = terms(asked.group(1))[:1]
    return next(
        (
            word.end()
            for word in _WORD.finditer(sentence)
            if terms(word.group(0))[:1] == verb
            and not word.group(0).lower().endswith("ing")
            and _PASSIVE_BEFORE.search(sentence, 0, word.start())
        ),
        None,
    )


def _unnamed_agent(sentence: str, verb_end: int) -> Found | None:
    """The doer a passive verb ending at `verb_end` names without a capital, as a short
    noun phrase ("was appointed by the regional government on 5 March" → "the regional
    government"), up to the first small word that does not lead on to more of it; None
    when no "by" and determiner follow the verb."""
    agent = _AGENT.match(sentence, verb_end)
    if agent is None:
        return None
    words = list(_WORD.finditer(sentence, agent.start(1), agent.end(1)))
    kept = [words[0]]
    for word in words[1:]:
        if word.group(0).lower() in STOP_WORDS and word.group(0).lower() != "of":
            break
        kept.append(word)
    while kept[-1].group(0).lower() == "of":
        kept.pop()  # "the board of the company" is quoted as "the board"
    if len(kept) < 2:
        return None
    return Found(
        "name", kept[0].start(), kept[-1].end(), sentence[kept[0].start() : kept[-1].end()]
    )


def _did_it(question: Question, sentence: str, name: Found) -> bool:
    """Whether the sentence names `name` as the doer of the question's verb in the passive
    ("the song was written by former DJ Mike Read" for "Who wrote the song?")."""
    agent = _BY_BEFORE.search(sentence[: name.start])
    return agent is not None and bool(set(terms(agent.group(1))) & question.plain)


def asks_a_margin(question: Question) -> bool:
    """Whether the question asks by how much someone won or led ("By how many votes did
    Whitlock win?", "What was her majority?")."""
    return question.wants == "number" and _ASKS_A_MARGIN.search(question.text) is not None


def gives_a_margin(sentence: str) -> bool:
    """Whether the sentence gives a winning margin ("a majority of 3,584", "won by 12 votes")."""
    return any(_a_margin(sentence, amount) for amount in find(sentence, "number"))


def _a_margin(sentence: str, amount: Found) -> bool:
    """Whether the amount is a winning margin, not one overturned or cut ("overturning a
    majority of more than 14,000" is the loser's)."""
    before = _MARGIN_BEFORE.search(sentence, 0, amount.start)
    return before is not None and not _UNDONE_BEFORE.search(sentence, 0, before.start())


def gives_a_cause(sentence: str) -> bool:
    """Whether the sentence gives a marked reason ("because of a minor hamstring problem",
    "due to a surge…", "in protest at…"); "is due to reopen" gives a date to come, no
    reason."""
    return any(
        not (_DUE.match(match.group(0)) and _SCHEDULED.search(sentence, 0, match.start()))
        for match in _CAUSE.finditer(sentence)
    )


def names_the_role_holder(question: Question, sentence: str) -> bool:
    """Whether, for a "who" question naming someone and a role ("Who represents Okonjo as
    his agent?", "Who is Okonjo's agent?"), the sentence names the holder of that role as
    that person's: "Okonjo's agent, Femi Adebayo, denied…". It answers however else the
    question is worded."""
    return bool(_role_holders(question, sentence))


def _role_holders(question: Question, sentence: str) -> list[int]:
    """Where the names start that `names_the_role_holder` finds."""
    if not question.asks_who or not question.names:
        return []
    asked = [word for word in words(question.text) if names_a_person(word)]
    roles = [re.escape(role) for word in asked for role in _SAME_ROLE.get(word, (word,))]
    if not roles:
        return []
    holder = re.compile(
        rf"\b([A-Z][\w'’-]*)['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{'|'.join(roles)})s?\b,?\s+"
        r"(?:the\s+)?(?=[A-Z][a-z])"
    )
    return [m.end() for m in holder.finditer(sentence) if set(terms(m.group(1))) & question.names]


# Words news uses for one role ("Mr Asante's barrister" is his lawyer), each word to all.
_ROLE_WORDS = (
    ("lawyer", "barrister", "solicitor", "counsel", "attorney", "advocate"),
    ("doctor", "physician", "surgeon", "gp"),
    ("spokesman", "spokeswoman", "spokesperson"),
    ("chairman", "chairwoman", "chairperson", "chair"),
    ("executive", "boss", "ceo"),
    ("coach", "manager", "trainer"),
)
_SAME_ROLE = {word: group for group in _ROLE_WORDS for word in group}
_SAME_ROLE_TERMS = {
    term: frozenset(t for word in group for t in terms(word))
    for group in _ROLE_WORDS
    for word in group
    for term in terms(word)
}


def role_terms(holder: str) -> frozenset[str]:
    """The terms a sentence may name the role of term `holder` by: its own, or those of the
    same role ("barrist" for "lawyer")."""
    return _SAME_ROLE_TERMS.get(holder, frozenset({holder}))


def asks_a_place(question: Question) -> bool:
    """Whether the question asks who came in a place: "Who came third?", "…the runner-up?"."""
    return question.asks_who and _RANK.search(question.text) is not None


def names_the_place(question: Question, sentence: str) -> bool:
    """Whether, for "Who came third?", the sentence names someone beside the place asked
    about ("…with Owen Tapper third"); False for questions asking no place."""
    rank = _RANK.search(question.text)
    if not question.asks_who or rank is None:
        return False
    return any(_ranked(sentence, name, rank.group(0)) for name in find(sentence, "name"))


def _ranked(sentence: str, name: Found, rank: str) -> bool:
    """Whether the place `rank` stands within a few words of the name: "with Morgan second
    and Harcourt third", "the runner-up, Jonas Lindqvist" ("second" for a runner-up, and
    the other way round)."""
    # The runner-up came second.
    second = _RUNNER_UP.fullmatch(rank) or rank.lower() == "second"
    ranks = r"second|runners?-up" if second else re.escape(rank)
    near = re.compile(rf"\b(?:{ranks})\b", re.IGNORECASE)
    # Words, not marks: ", who finished second" has the rank three words on.
    after = " ".join(_WORD.findall(sentence[name.end :])[:RANK_WORDS])
    before = " ".join(_WORD.findall(sentence[: name.start])[-RANK_WORDS:])
    return bool(near.search(after) or near.search(before))


def _prefer(names: list[Found], wanted: Callable[[Found], bool]) -> list[Found]:
    """The names that are `wanted`, or all of them when none is."""
    return [name for name in names if wanted(name)] or names


def placed(sentence: str, name: Found, question: Question | None = None) -> bool:
    """Whether a preposition of place stands right before the name ("in Gateshead",
    "the city of Harbin"), or a word for a place in apposition ("his country house,
    Chevening"); "from" only when the question asks with it ("Where is she
    from?"), since it more often marks where someone or something left ("takes over
    from Max Jones", "arriving at Liverpool from Valencia"). A possessive is not placed
    ("a shift in Washington's stance"), nor a report's dateline ("WASHINGTON: …"): it
    says where the report was filed, and would answer every "where" about the story."""
    if _possessive(sentence, name):
        return False
    before = sentence[: name.start]
    origin = question is not None and bool(_ASKS_ORIGIN.search(question.text))
    works = _WORKPLACE.match(name.text) is not None and _OF.search(before) is not None
    return bool(_PLACE.search(before) or (origin and _FROM.search(before)) or works)


def _possessive(sentence: str, name: Found) -> bool:
    """Whether the name is written as a possessive ("Spain's", "the United Nations'");
    a quoted name's closing quote is not one."""
    if name.quoted:
        return False
    return bool(POSSESSIVE.search(name.text)) or sentence[name.end : name.end + 1] in ("'", "’")


def _qualifies(sentence: str, name: Found) -> bool:
    """Whether the name stands between an article and a lower-case word, as a qualifier
    ("the South Yorkshire company", "the Glasgow clubs"): it says what kind of thing
    the noun is, and is seldom who a question asks for. Verbs are not told from nouns,
    so "the UN said" reads as one too; it is only passed over for another name."""
    before = sentence[: name.start].split()[-1:]
    if not before or before[0].lower() not in _DETERMINERS:
        return False
    after = _NEXT_WORD.match(sentence, name.end)
    return after is not None and after.group(1).islower() and after.group(1) not in STOP_WORDS


def _bare(name: Found) -> Found:
    """The name without a possessive ending, nor an owner before a name of two words or
    more ("France's Lucien Moreau" is Lucien Moreau)."""
    text = POSSESSIVE.sub("", name.text)
    owner = _OWNER_BEFORE.match(text)
    cut = owner.end() if owner else 0
    return Found(name.kind, name.start + cut, name.start + len(text), text[cut:])


def _closest(
    found: list[Found], anchors: list[int], sentence: str, question: Question
) -> tuple[int, int] | None:
    """The item labelled by a name of the question ("£192,713 in England; £139,544 in
    Wales" answers the price in Wales with £139,544); else the item in the clause that holds most
    of the question's words ("US exports rose
    12.3%, but imports rose by 16.3%" answers how much exports grew with 12.3%); of
    those, one after the preposition the question opens with ("To what age…" is
    answered by 65 in "from 60 to 65"); of those, the one closest to the words of its own
    clause ("BMW sales rose to 80,600 while sales of Mini models rose to 14,800" answers
    how many Minis with 14,800, though "Mini" stands nearer 80,600); the words naming
    what "how many" counts weigh twice, an amount written with it comes first and an
    amount of something else ("12,000 vans") last ("How many Fiesta cars did Ford
    sell?"); of
    those, one the question's words follow ("£2 for foot passengers and £6 for cars"
    answers what a car costs with £6), then the one closest to them."""
    if not found:
        return None
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence) + 1]

    def clause(position: int) -> int:
        return next(i for i, bound in enumerate(bounds[1:]) if position < bound)

    counting = set(_anchors(question, sentence, question.counting))
    named = _anchors(question, sentence, question.names)

    def rank(item: Found) -> tuple[bool, bool, bool, int, bool, bool, bool, bool, int]:
        own = [a for a in anchors if clause(a) == clause(item.start)]
        distance = min(
            (min(abs(a - item.start), abs(a - item.end)) for a in own or anchors), default=0
        )
        return (
            not _labelled_by(sentence, item, named),
            _counts_something_else(question, sentence, item),
            not _counts_it(question, sentence, item),
            -len(own) - len(counting.intersection(own)),
            not introduced(question, sentence, item),
            not _followed_by(sentence, item, own),
            not _right_after(sentence, item, own),
            item.kind == "date" and not _in_the_phrase_of(sentence, item, own),
            distance,
        )

    best = min(found, key=rank)
    return best.start, best.end


def _labelled_by(sentence: str, item: Found, anchors: list[int]) -> bool:
    """Whether one of `anchors` comes right after the item, after a preposition: "£139,544
    in Wales", "£6 for cars"; or opens the name the item is given to: "ahead of
    Conservative Simon Harcourt on 13,870" for "How many votes did the Conservative get?"."""
    label = _LABEL.match(sentence, item.end)
    if label is not None and label.end() in anchors:
        return True
    return any(
        _NAME_ON.fullmatch(sentence, anchor, item.start)
        for anchor in anchors
        if anchor < item.start
    )


# A name and the amount it got: "Simon Harcourt on 13,870", "Leeds with 42 points".
_NAME_ON = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+(?:on|with)\s+")


def _in_the_phrase_of(sentence: str, item: Found, anchors: list[int]) -> bool:
    """Whether one of `anchors` comes before the item with no comma or stop between: "third
    in 2017, and won the award again in 2019" gives when it won with 2019, the nearer 2017
    being another phrase's. Weighed for dates only: a name after the question's words is
    as often the one acted on ("scored from the penalty spot after Ryan Cole fouled…")."""
    return any(
        anchor < item.start and not _PHRASE_BREAK.search(sentence, anchor, item.start)
        for anchor in anchors
    )


_PHRASE_BREAK = re.compile(r"[,;:.!?]")


def _followed_by(sentence: str, item: Found, anchors: list[int]) -> bool:
    """Whether one of `anchors` stands in the few words after the item, in its clause and
    before a conjunction ("£6 for cars", but not "September 2024 and finish by June 2025",
    where "finish" goes with the date after it)."""
    after = sentence[item.end :]
    stop = _FOLLOWING_ENDS.search(after)
    words = list(_WORD.finditer(after[: stop.start() if stop else len(after)]))[:FOLLOWING]
    return any(item.end + word.start() in anchors for word in words)


def _right_after(sentence: str, item: Found, anchors: list[int]) -> bool:
    """Whether the word right before the item is one of `anchors` ("finish by June 2025"
    for "When is the work due to finish?")."""
    before = list(_WORD.finditer(sentence[: item.start]))
    return bool(before) and before[-1].start() in anchors


def _within(word: re.Match[str], name: Found) -> bool:
    """Whether `word` is one of the words of `name`."""
    return name.start <= word.start() and word.end() <= name.end


def _beside_focus(question: Question, sentence: str) -> tuple[int, int] | None:
    """For "which/what X": a name beside X ("the Xhosa language"), else the words that
    qualify X right before it ("a conciliatory tone"), else the name nearest X (or the
    question's words), else the words after X ("the stimulant modafinil")."""
    words = list(_WORD.finditer(sentence))
    focus = _focus_words(question, words)
    heads = [w for w in focus if terms(w.group(0))[0] == question.head] or focus
    names = new_items(find(sentence, "name"), question)
    if question.asks_for_a_person:
        names = [n for n in names if _could_say_who(question, sentence, n)]
    elif question.head in _BODIES:
        # "Which company…": not "Professor Mei-Ling Zhou", whom the sentence addresses.
        names = [n for n in names if not is_addressed(sentence, n)]
    at_focus = [w.start() for w in focus]
    asked = _anchors(question, sentence)
    anchors = at_focus or asked
    beside = [n for n in names if any(_near(sentence, n, word) for word in focus)]
    for head in heads if beside else []:
        # "Her memoir, The Lamp and the Long Night, …": the whole title, not "The Lamp" (but
        # "Girton College, Cambridge" names the college before the comma).
        if any(_within(head, name) for name in names):
            continue
        title = _title_after(words[words.index(head) + 1 :][:TITLE_WORDS], sentence)
        if title and _COMMA_AFTER.match(sentence, head.end()):
            span = (title[0].start(), title[-1].end())
            if any(span[0] <= n.start and n.end <= span[1] for n in beside):
                return span
    if beside:
        # "its first robot, called Emiew" names the X; so does the name after X ("the
        # Derbyshire seat of Erewash"), while one before qualifies it; of several, the one
        # nearest the question's other words ("…on Tuesdays").
        # "Girton College, Cambridge" for "Which college…": the name that holds the X.
        beside = _prefer(beside, lambda name: any(_within(w, name) for w in focus))
        beside = _prefer(beside, lambda name: any(_named_as(sentence, name, w) for w in focus))
        if question.asks_for_a_person:
            # "Robert Jackson, MP for Wantage": of the names beside "MP", the person's.
            beside = _prefer(beside, lambda name: looks_like_a_person(sentence, name))
        beside = _prefer(beside, lambda name: any(name.start >= w.end() for w in focus))
        others = [a for a in asked if a not in at_focus]
        return _best_name(beside, others or anchors, sentence, question)
    if question.asks_for_a_person:
        # Only a name answers "Which actor…": not "the 40-year-old" before the word, nor a
        # word in quotes.
        return _best_name(names, anchors, sentence, question) if names else None
    for head in heads:
        named = _set_off_after(words, words.index(head), sentence)
        if named:
            return named[0].start(), named[-1].end()
    for head in heads:
        qualifiers = _qualifying(words, words.index(head), question)
        if qualifiers:
            # "a 6% pay rise": the amount whole, not the "6" words split it into.
            return _widened(sentence, qualifiers[0].start(), qualifiers[-1].end())
    done = _object_of(question, words, sentence)
    if done:
        return _widened(sentence, done[0].start(), done[-1].end())
    quoted = _quoted(question, sentence)
    if quoted and not (names and question.wants == "name"):
        return quoted
    if question.wants != "name":
        # "What illness…" is not answered by whatever name the sentence holds ("California"),
        # only by one where the question places its answer ("for a NATO summit").
        names = [name for name in names if introduced(question, sentence, name)]
    if names:
        return _best_name(names, anchors, sentence, question)
    for head in heads:
        phrase = _phrase_after(words, words.index(head), sentence)
        if phrase:
            return _widened(sentence, phrase[0].start(), phrase[-1].end())
    return None


def _widened(sentence: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to hold whole any amount it cuts through: "6.5%", not the "6"
    that words split it into ("a pay rise of 6.5%" for "What pay rise…")."""
    for amount in find(sentence, "number"):
        if amount.start < end and start < amount.end:
            start, end = min(start, amount.start), max(end, amount.end)
    return start, end


def _quoted(question: Question, sentence: str) -> tuple[int, int] | None:
    """The first short phrase the sentence puts in quotes that the question does not say:
    a title, slogan or name ("the focus of the budget was "more for all""). A quotation
    of speech is longer, or ends in punctuation, and is passed over."""
    for match in _QUOTED.finditer(sentence):
        start, end = quoted_span(match)
        text = sentence[start:end]
        words = _WORD.findall(text)
        if not words or len(words) > MAX_QUOTED_WORDS or text.rstrip()[-1] in ".,;:!?":
            continue
        said = [set(found) for word in words if (found := terms(word))]
        if said and all(found <= question.terms for found in said):
            continue
        return start, end
    return None


def _object_of(
    question: Question, words: list[re.Match[str]], sentence: str
) -> list[re.Match[str]]:
    """For "Which animal will John Cleese voice?": the words after the question's verb
    where the sentence writes it after the question's other words ("John Cleese will
    voice a sheep" → "sheep"); empty when the question does not end on its verb or the
    sentence does not say it so."""
    asked = _ASKS_AN_OBJECT.match(question.text)
    verb = terms(asked.group(1)) if asked else []
    if not verb:
        return []
    window = MAX_PHRASE_WORDS
    said: list[tuple[int, int]] = []
    for i, word in enumerate(words):
        if terms(word.group(0))[:1] == verb:
            before = {t for w in words[max(0, i - window) : i] for t in terms(w.group(0))}
            said.append((len(before & question.terms), i))
    shared, at = max(said, default=(0, 0))
    phrase = _phrase_after(words, at, sentence) if shared else []
    if phrase and all(set(terms(w.group(0))) <= question.focus for w in phrase):
        # "accepting a pay rise of 6.5%" for "What pay rise did they accept?": the phrase
        # is the thing asked about, and what it is comes after it.
        phrase = _phrase_after(words, words.index(phrase[-1]), sentence)
    return phrase


def _phrase_after(words: list[re.Match[str]], index: int, sentence: str) -> list[re.Match[str]]:
    """The words after words[index] up to the next small word or clause break, its own
    small words skipped ("the stimulant modafinil" → "modafinil", "voice a sheep and…"
    → "sheep")."""
    phrase: list[re.Match[str]] = []
    for later in words[index + 1 : index + 1 + MAX_PHRASE_WORDS]:
        between = sentence[(phrase[-1] if phrase else words[index]).end() : later.start()]
        if _CLAUSE_END.search(between):
            break
        if later.group(0).lower() in STOP_WORDS:
            if phrase:
                break
            continue
        phrase.append(later)
    return phrase


def _focus_words(question: Question, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The sentence's words for the kind of thing asked for ("drug" of "Which drug…")."""
    focus = [w for w in words if (t := terms(w.group(0))) and t[0] in question.focus]
    # A name the focus runs into ("What injury made Kelly Holmes…") is not the thing asked for.
    # Not a role written in capitals: "Which MP…".
    return [w for w in focus if w.group(0).islower() or question.asks_for_a_person] or focus


def names_the_kind(question: Question, sentence: str) -> bool:
    """Whether `sentence` sets off, after its word for the kind of thing a "which X"
    question asks for, a phrase naming that X ("Its main drug, desmoteplase, is…"): an
    answer of the asked-for kind that no capital letter marks."""
    if question.kind != "which" or not question.focus or question.asks_for_a_person:
        return False
    words = list(_WORD.finditer(sentence))
    focus = _focus_words(question, words)
    return any(_set_off_after(words, words.index(word), sentence) for word in focus)


def _set_off_after(words: list[re.Match[str]], index: int, sentence: str) -> list[re.Match[str]]:
    """A short phrase set off by commas right after words[index], which names it whether
    capitalised or not ("Its main drug, desmoteplase, is…" → "desmoteplase"); empty when
    the words after the comma run on as a clause ("the drug, which…", "the firm, based in
    Bonn,")."""
    if not _COMMA_AFTER.match(sentence, words[index].end()):
        return []
    phrase: list[re.Match[str]] = []
    for later in words[index + 1 : index + 1 + SET_OFF_WORDS + 1]:
        between = sentence[(phrase[-1] if phrase else words[index]).end() : later.start()]
        if phrase and _CLAUSE_END.search(between):
            break
        if later.group(0).lower() in STOP_WORDS:
            return []
        phrase.append(later)
    closed = phrase and _COMMA_AFTER.match(sentence, phrase[-1].end())
    return phrase if closed and len(phrase) <= SET_OFF_WORDS else []


def _title_after(words: list[re.Match[str]], sentence: str) -> list[re.Match[str]]:
    """A title set off by commas, its words capitalised but for small ones inside ("Her
    memoir, The Lamp and the Long Night, published…"): `words` up to the comma closing
    it; empty when they are not such a title."""
    for end, word in enumerate(words):
        text = word.group(0)
        small = text.lower() in STOP_WORDS
        if not (text[:1].isupper() or (small and end > 0)):
            return []
        if sentence[word.end() : word.end() + 1] == ",":
            return [] if small else words[: end + 1]
    return []


def _qualifying(words: list[re.Match[str]], head: int, question: Question) -> list[re.Match[str]]:
    """The words right before the head word, after its article ("a conciliatory tone" →
    "conciliatory"), that the question does not already say; empty when there is no
    article or determiner to mark where the phrase starts."""
    qualifiers: list[re.Match[str]] = []
    for word in reversed(words[max(0, head - MAX_PHRASE_WORDS) : head]):
        text = word.group(0).lower()
        if text in _DETERMINERS:
            repeated = any(set(terms(w.group(0))) & question.terms for w in qualifiers)
            return [] if repeated else qualifiers
        if text in STOP_WORDS or word.group(0)[0].isupper():
            return []
        qualifiers.insert(0, word)
    return []


def stands_beside(asked: frozenset[str], sentence: str, name: Found) -> bool:
    """Whether `name` stands right beside a word of `sentence` outside it whose term is one
    of `asked` ("the authority's transport director, Priya Halvorsen" for the terms of "Who
    is the transport director…?"): a word in lower case, not one of a name ("Department
    for Transport")."""
    return any(
        word.group(0).islower()
        and (found := terms(word.group(0)))
        and found[0] in asked
        and not name.start <= word.start() < name.end
        and not changes_the_role(sentence, word.start(), asked)
        and _near(sentence, name, word)
        for word in _WORD.finditer(sentence)
    )


# Words before a role that make it another ("the shadow chancellor", "deputy leader").
_ROLE_CHANGERS = frozenset("shadow former ex deputy vice assistant outgoing junior".split())
_WORD_BEFORE_ROLE = re.compile(r"([\w]+)[\s-]+$")


def changes_the_role(sentence: str, role_at: int, asked: frozenset[str]) -> bool:
    """Whether the role word at `role_at` is made another role by the word before it, which
    the question (its role's terms `asked`) does not say: "the shadow chancellor, Graham
    Whitby" holds no chancellorship, nor "former chairman Ian Reid" the chair."""
    before = _WORD_BEFORE_ROLE.search(sentence, 0, role_at)
    changer = before.group(1).lower() if before else ""
    return changer in _ROLE_CHANGERS and not set(terms(changer)) <= asked


# A description set after a name, up to its last word: "Tom Haldane, the council's
# libraries manager" (not "Mike Lake, a spokesman for Yukos' lawyers": its head is before
# the preposition).
_APPOSED_AFTER = re.compile(
    r",\s+(?:the|a|an|its|their|his|her)\s+"
    r"(?:(?!(?:for|of|at|in|on|with|to|from|by|and|or|who|which)\b)[\w'’-]+\s+){0,3}",
    re.IGNORECASE,
)


def _near(sentence: str, name: Found, word: re.Match[str]) -> bool:
    """Whether a name stands right beside a word and so names what the word is ("the
    Xhosa language", "the stimulant modafinil", "a group known as Meibion Glyndwr"): at
    most a few characters apart, joined by words that name or set after it as its
    description ("Tom Haldane, the council's libraries manager"), and not a possessive
    before it ("the Rugby Football Union's referees" owns them)."""
    if word.start() >= name.end:
        return not _possessive(sentence, name) and (
            word.start() - name.end <= NEXT_TO
            or _APPOSED_AFTER.fullmatch(sentence, name.end, word.start()) is not None
        )
    return (
        name.start - word.end() <= NEXT_TO
        or _named_as(sentence, name, word)
        or _APPOSED.fullmatch(sentence, word.end(), name.start) is not None
    )


def _named_as(sentence: str, name: Found, word: re.Match[str]) -> bool:
    """Whether words that name join a word to the name after it ("robot, called Emiew")."""
    linked = _NAMED_AS.match(sentence, word.end())
    return linked is not None and linked.end() == name.start


def _role_beside(named: list[str], sentence: str) -> tuple[int, int] | None:
    """For "who is NAME?" and "what role does NAME have?": the capitalised title right
    before the name ("US Defence Secretary Pete Hegseth"), else the phrase set off by
    commas right after it ("Steve Witkoff, one of Trump's top negotiators, said…")."""
    names = [f for f in find(sentence, "name") if named and set(named) <= set(terms(f.text))]
    for found in names:
        if not terms(found.text)[: -len(named)]:
            continue
        # The run holds the title and the name ("US Defence Secretary Pete Hegseth").
        title_words = found.text.split()[: len(found.text.split()) - len(named)]
        title = " ".join(title_words)
        return found.start, found.start + len(title)
    for found in names:
        apposed = _APPOSITIVE.match(sentence, found.end)
        if apposed:
            return apposed.start(1), apposed.end(1)
    return None
