"""Finding names, dates and amounts in a sentence: the things short answers are made of.

Rules over English news prose, not a trained model. spaCy's small English
pipeline was compared on the project's labelled questions
(bench/compare_recognisers.py): as the sentence scorer's answer-type
feature it did no better than these rules (top-1 on held-out question
groups 0.671 against 0.680), while importing it costs about three seconds
and recognising one question's candidates some 35 ms. So the assistant uses
these rules:

- `number`: amounts with their currency, scale and unit ("$500 billion",
  "1.16bn euros", "56%", "nearly 90 minutes", "three years", "-18°C", "4C"),
  a time in several units as one ("two hours, 23 minutes and 10 seconds"),
  scores and ranges ("3-2 win", "5-10 years", a match's sets "6-4 3-6 7-6"),
  but not "one" standing for a
  noun ("a later one");
- `date`: days, months, years, weekdays, days known by name and relative
  dates ("25 January", "December 2003", "2013", "on Wednesday", "Boxing
  Day", "last month"), and times ("9.30am", "2:21:09");
- `rank`: places in an order ("47th", "second", "top", "runner-up"), with the
  word for the place when it follows ("88th minute", "third place");
- `name`: runs of capitalised words with their small joining words
  ("Laura Michelle Kelly", "Gulf of Suez", "NATO", "eBay"), not a sentence's
  opening word on its own, without a form of address ("Mr Holiff" is
  "Holiff"; "Mr" alone is no name), with a surname's particle ("de Vries");
  and a name given in quotes after
  "dubbed", "known as"… whatever its case ("le cost killer").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.text.datelines import filed_before
from assistant.text.terms import STOP_WORDS

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_YEAR_NUMBER = r"(?:1[6-9]\d\d|20\d\d)"
_YEAR = rf"{_YEAR_NUMBER}(?:s\b)?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# Days known by name: "until Boxing Day", "on Christmas Eve".
_HOLIDAY = (
    r"(?:(?:christmas|boxing|new year['’]s|valentine['’]s|st patrick['’]s|labou?r|memorial|"
    r"independence|bastille|anzac|remembrance|armistice|polling|election) day|christmas eve|"
    r"christmas|new year['’]s eve|easter(?: sunday| monday)?|good friday|hogmanay|"
    r"thanksgiving|halloween)"
)
_DATE = re.compile(
    rf"\b(?:(?:{_DAY}\s*(?:and|to|-|–)\s*)?{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?|{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|(?:early|mid|late|the)[- ]?{_YEAR}|{_MONTH}\s+{_YEAR}|{_YEAR}"
    rf"|(?:(?:last|next|this|on|earlier on|late on|early on)\s+)?{_WEEKDAY}"
    # "Thursday 26 June", "Monday, March 3": the weekday with its date, one date.
    rf"(?:,?\s+(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY}(?:st|nd|rd|th)?)(?:,?\s+{_YEAR})?)?"
    r"|(?:last|next|this)\s+(?:week|month|year|season|spring|summer|autumn|winter)"
    # "by the end of the month", "at the start of March"
    r"|(?:the\s+)?(?:end|start|beginning|middle|turn)\s+of\s+(?:(?:the|this|next|last)\s+)?"
    r"(?:week|month|year|season|decade|century|spring|summer|autumn|winter)"
    rf"|(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+{_MONTH}(?:\s+{_YEAR})?"
    r"|(?:yesterday|today|tomorrow|tonight)"
    rf"|{_HOLIDAY}(?:\s+{_YEAR})?"
    rf"|{_MONTH}(?=\s+(?:this|last|next)\b)"
    rf"|(?:in|by|from|until|till|since|during|before|after|early|late|mid|next|last)\s+"
    rf"(?:(?!may\b){_MONTH}|may\b(?!\s+(?:be|have|not|well|also|need|want|take|make)\b))"
    rf"(?:\s+{_DAY}\b)?(?:,?\s+{_YEAR})?"
    r"|\d{1,2}:\d{2}:\d{2}(?:\.\d+)?"  # "2:21:09": hours, minutes and seconds
    r"|(?<![$£€¥])\d{1,2}[:.]\d{2}(?!\d|\s?%|\s?(?:per ?cent|bn|m|k|tn|billion|million|thousand"
    r"|trillion|s|secs?|seconds?|mins?|minutes?|hours?|metres?|km|kg|points?)\b)"
    r"(?:\s?(?:am|pm|gmt|bst))?|\d{1,2}\s?(?:am|pm))\b",
    re.IGNORECASE,
)
_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion|dozen|half|a (?:dozen|hundred|"
    r"thousand|million|billion))"
)
# A number written in one word ("sixteen", "forty"), as its terms read.
NUMBER_WORD = re.compile(_WORD_NUMBER, re.IGNORECASE)
# "handed over £310,000": the "over" of a verb, not "more than".
_OVER_OF_A_VERB = "".join(
    rf"(?<!{verb} )" for verb in ("hand", "hands", "handed", "handing", "signed", "turned")
)
_HEDGE = (
    rf"(?:(?:about|around|nearly|almost|{_OVER_OF_A_VERB}over|under|more than|less than|"
    r"fewer than|up to|"
    r"some|just|roughly|approximately|at least|at most|only|a further|another)\s+)?"
)
_SCALE = r"(?:\s?(?:bn|m|k|tn|billion|million|thousand|trillion)\b)?"
_CURRENCIES = (
    r"(?:euros?|dollars?|pounds?|yuan|yen|rupees?|francs?|pence|cents?|roubles?|rubles?|"
    r"won|pesos?|riyals?|rials?|dinars?|dirhams?|ariary|krona|kronor|kroner|krone|rand|"
    r"zlotys?|forints?|lira|lire|baht|ringgit|shekels?|reais|real|rupiah|hryvnias?|nairas?)"
)
_CURRENCY_WORD = rf"(?:\s+{_CURRENCIES}\b)?"
# A currency's three-letter code, written before the sum ("CHF 31 million", "US$5m").
_CURRENCY_CODE = (
    r"(?-i:(?:USD|EUR|GBP|CHF|JPY|CNY|RMB|INR|AUD|CAD|NZD|HKD|SGD|SEK|NOK|DKK|PLN|CZK|HUF"
    r"|ZAR|BRL|MXN|RUB|TRY|KRW|AED|SAR)\s?|US\$|A\$|C\$|NZ\$|HK\$)"
)
# A sum of money: a currency sign, code or name ("per cent" is no sum of cents).
MONEY = re.compile(rf"[$£€¥]|{_CURRENCY_CODE}|(?<!per )\b{_CURRENCIES}\b", re.IGNORECASE)
# "5.1p", "245p": pence, written onto the number (an amount for "how much", but seldom the
# sum of money a question asks for by name: "a 1p rise on income tax").
_PENCE = r"\d[\d,]*(?:\.\d+)?(?-i:p)(?![\w'’-])"
# Words made from names: "London-based", "Japanese", "Russians", "European", "American".
_MADE_FROM_A_NAME = re.compile(r"-[a-z]+$|(?<=[a-z])(?:ns|ese|ish|ean|ian|ican)$")
# A lower-case word joined to a name's last word.
_JOINED_WORD = re.compile(r"-[a-z]+$")


# Words for nationalities that no ending gives away ("French", "German", "Thai").
_NATIONALITIES = frozenset(
    "afghan angolan argentine basque catalan cuban czech danish dutch filipino french german "
    "greek icelandic iraqi "
    "israeli kenyan kuwaiti moroccan nepali omani pakistani qatari rwandan saudi somali "
    "sri-lankan swiss thai ugandan uzbek venezuelan welsh yemeni".split()
)


def made_from_a_name(word: str) -> bool:
    """Whether a capitalised word is made from a name ("London-based", "Japanese",
    "French") rather than being one. A first name with such an ending ("Brian") is taken
    for one too: alone, it rarely answers a question. A run of words is made from names
    when each of its capitalised words is ("European and Ukrainian"), not when one is a
    name ("San Sebastian", "Brian Eno"), unless a lower-case word is joined to its end
    ("San Jose-based")."""
    capitalised = [w for w in word.split() if w[:1].isupper()]
    if capitalised and _JOINED_WORD.search(capitalised[-1]):
        return True  # "San Jose-based", "New York-born": the ending makes the run a word
    return bool(capitalised) and all(_one_made_from_a_name(w) for w in capitalised)


def _one_made_from_a_name(word: str) -> bool:
    """One capitalised word made from a name, or from several ("Dutch-Moroccan")."""
    if _MADE_FROM_A_NAME.search(word) or word.lower() in _NATIONALITIES:
        return True
    parts = word.split("-")
    return len(parts) > 1 and all(
        part[:1].isupper() and _one_made_from_a_name(part) for part in parts
    )


# The word after an amount that may be its unit ("percentage points" is one).
_UNIT = r"(?:\s+percentage\s+points?\b|\s+[a-z]+(?:-[a-z]+)?)?"
# "19-year-old", "56-point": a number joined to its words describes something; it is kept
# whole, so that "how many fans" is not answered by an age.
_COMPOUND = r"(?:-[a-z]+)+\b"
# "a nine-day strike", "a three-man crew": a number in words joined to its unit.
_WORD_COMPOUND = (
    r"-(?:second|minute|hour|day|night|week|month|year|decade|century|mile|metre|meter"
    r"|point|man|woman|member|strong|seat|storey|game|match|goal|stage)s?(?:-[a-z]+)*\b"
)
# "3-2", "19-13": a score, or a range ("5-10 years"), kept whole with its unit.
_SCORE = rf"\d{{1,3}}-\d{{1,3}}(?![\d%-]|[.,]\d){_UNIT}"
# "a later one", "the only one", "each one": after a determiner, "one" stands for a noun.
_PRONOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|each|every|no|any|which|another|other)\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)
_ONE = re.compile(r"one\b", re.IGNORECASE)
# "one of the most…", "one of Europe's largest…": "one" naming a kind, not counting.
_AMONG_THE_MOST = re.compile(r"\s+of\s+(?:\S+\s+)?(?:most|least|\w{2,}est)\b", re.IGNORECASE)
_SCALED = re.compile(r"\s+(?:per|hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
# "4C", "-5.5C", "minus 12C", "40F", "21°C", "21 °C": a temperature, its scale's letter
# joined to it.
_TEMPERATURE = r"(?:minus\s+|[-−])?\d+(?:\.\d+)?(?:\s?°\s?[CF]?|[CF](?![\w'’-]))"
# An amount found that is a temperature ("about 9C"): it counts nothing.
TEMPERATURE = re.compile(rf"{_TEMPERATURE}$", re.IGNORECASE)
# A unit of measure written onto its number: "98mph", "10km", "5kg", "200ml", "3.5GHz".
_GLUED = (
    r"(?:mph|kph|km/h|km|kg|cm|mm|ml|mg|kwh|kw|mw|gw|ft|lbs?|oz|mb|gb|tb|ghz|mhz|kbps|mbps"
    r"|gbps)(?![\w'’-])"
)
# Such a unit right after an amount found ("98" of "98mph"): a speed, a length, a weight…
# never a count of things. (Amounts are found without it: taken whole, "1.2km" and
# "1.6km/h" answered "How long is the drive?" and "How fast can it run?" on the dev sets.)
MEASURED_AFTER = re.compile(_GLUED, re.IGNORECASE)
_NUMBER = re.compile(
    rf"(?<![\w.-]){_HEDGE}(?:{_TEMPERATURE}|{_SCORE}|(?:[$£€¥]|{_CURRENCY_CODE})\s?\d[\d,]*(?:\.\d+)?"
    rf"{_SCALE}{_CURRENCY_WORD}|{_PENCE}"
    rf"|\d[\d,]*(?:\.\d+)?(?:{_COMPOUND}|\s?(?:%|per ?cent\b)|{_SCALE}{_CURRENCY_WORD}{_UNIT})"
    rf"|{_WORD_NUMBER}(?:[- ]{_WORD_NUMBER})*\b(?:\s+and\s+a\s+half\b)?"
    rf"(?:{_WORD_COMPOUND}|\s+per ?cent\b|{_UNIT}))",
    re.IGNORECASE,
)
# "1:21:07", "2:08:31.5": a time taken, written as a clock reads (found as a time of day).
CLOCKED = re.compile(r"\d{1,2}:\d{2}:\d{2}(?:\.\d+)?")
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# What follows digits that are part of a name ("7E7s", "4x4", "3G", "5D"), not a unit ("10km").
_IN_A_NAME = re.compile(r"[A-Za-z]+\d|[A-Z]\b")
_CALENDAR = re.compile(rf"(?:{_MONTH}|{_WEEKDAY})", re.IGNORECASE)
# A date that names a day ("Wednesday", "5 January", "yesterday"), or a year ("in 2013").
NAMES_A_DAY = re.compile(
    rf"\b(?:{_WEEKDAY}|{_MONTH}|{_HOLIDAY}|yesterday|today|tomorrow|tonight)\b", re.IGNORECASE
)
# A date with its day of the month ("27 January", "April 26", "2026-04-26"), for "On what
# date…", which "on Monday" does not answer.
NAMES_A_CALENDAR_DAY = re.compile(
    rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+{_DAY}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE,
)
NAMES_A_YEAR = re.compile(rf"\b{_YEAR}|\b(?:last|this|next) year\b", re.IGNORECASE)
_A_YEAR = re.compile(rf"\b{_YEAR_NUMBER}\b")
# Small words inside a name ("Gulf of Suez", "Ludwig van Beethoven").
_JOINERS = ("of the de da del della van von der den al bin le la du y & and").split()
_JOINER = rf"(?:{'|'.join(_JOINERS)})"
# Forms of address that open a name but are not one ("Mr Holiff" names Holiff).
_ADDRESS = r"(?:mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|rev)\.?\s+"
_HONORIFIC = re.compile(rf"^(?:{_ADDRESS})+", re.IGNORECASE)
_ADDRESSED = re.compile(rf"\b{_ADDRESS}$", re.IGNORECASE)
# What a sentence, a quotation or an aside opens after: a capitalised word there may be
# capitalised for that alone.
_OPENS_A_SENTENCE = ".!?\"'“‘(:"
# "Spain's", "the United Nations'".
POSSESSIVE = re.compile(r"['’]s?$")
# A capitalised word, or one capitalised inside ("eBay", "iPod", "easyJet").
# A capital letter, accented ones included ("Édouard", "Øresund", "Ángel").
CAPITAL = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_CAPITALISED = rf"(?:[{CAPITAL}][\w’'.&-]*[\w]|[a-z]{{1,4}}[{CAPITAL}][\w’'.&-]*[\w])"
# A surname's particle, written in lower case before it ("de Vries", "van Persie").
_PARTICLE = rf"(?:(?-i:de|van|von|der|den|da|di|du|al)\s+(?=[{CAPITAL}]))?"
_NAME = re.compile(
    rf"\b{_PARTICLE}(?:{_CAPITALISED}|[{CAPITAL}])"
    rf"(?:\s+(?:{_JOINER}\s+)?(?:{_CAPITALISED}|[{CAPITAL}]\b))*"
)
# A phrase in double or curly quotes, or in single quotes that are not apostrophes; one of
# its three groups holds the phrase (`quoted_span`).
QUOTED = r"(?:\"([^\"]{2,80}?)\"|“([^”]{2,80}?)”|(?<!\w)['‘]([^'‘’\"]{2,80}?)['’](?!\w))"
# A name given in quotes ("dubbed 'le cost killer'", "known as the "Iron Lady""): it is a
# name whatever its case.
# Words that give a thing its name ("known as Meibion Glyndwr").
NAMING_WORDS = r"(?:dubbed|nicknamed|called|named|known as)"
_GIVEN = re.compile(
    rf"\b(?:{NAMING_WORDS}|labell?ed|branded|billed as|(?:en)?titled)"
    rf"\s+(?:the\s+)?{QUOTED}",
    re.IGNORECASE,
)
# Units that are not units: an amount runs up to the first word that is plainly not its noun.
_NOT_A_UNIT = frozenset(
    """a an the and or but to of in on at by for from with as is was were are be been has
    have had will would could should said says than that this these those which who whose
    when where while after before since until per each every into its their his her our
    against over under during whereas although though because unless yet so if it he she
    they we you i them him us out up off down""".split()
)


@dataclass(frozen=True)
class Found:
    """A name, date or amount found in a text: its kind and [start, end) span."""

    kind: str
    start: int
    end: int
    text: str
    # A name given in quotes ("dubbed 'le cost killer'"): whole, it is one name.
    quoted: bool = False


# "47th", "second", "joint third", "runner-up", "top", and the place word after it.
_RANK = re.compile(
    r"\b(?:joint[- ])?(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth"
    r"|last|top|bottom|runners?-up)(?:\s+(?:place|position|spot|minute|round|lap|stage))?\b",
    re.IGNORECASE,
)


def find(text: str, kind: str) -> list[Found]:
    """Every `kind` ("name", "date", "number" or "rank") in `text`, in order."""
    if kind == "rank":
        return [Found("rank", m.start(), m.end(), m.group(0)) for m in _RANK.finditer(text)]
    if kind == "date":
        return [Found("date", m.start(), m.end(), m.group(0)) for m in _DATE.finditer(text)]
    if kind == "number":
        dates = [(m.start(), m.end()) for m in _DATE.finditer(text)]
        amounts = (_number(text, m) for m in _NUMBER.finditer(text))
        return _ranges_joined(
            text,
            _tallies_joined(
                text,
                _sets_joined(
                    text,
                    _durations_joined(
                        text,
                        [
                            found
                            for amount in amounts
                            if amount is not None
                            and (found := _before_a_date(text, amount, dates)) is not None
                        ],
                    ),
                ),
            ),
        )
    if kind == "name":
        given = [_given(m) for m in _GIVEN.finditer(text)]
        names = [
            found
            for m in _NAME.finditer(text)
            if (found := _name(text, m)) is not None
            and not any(g.start <= found.start and found.end <= g.end for g in given)
        ]
        return sorted(names + given, key=lambda found: found.start)
    return []


# "two hours and 40 minutes", "three years and six months": one time in two units.
_DURATION_END = re.compile(r"(?:year|month|week|day|hour|minute)s?$", re.IGNORECASE)
_AND = re.compile(r",?\s+and\s+|,?\s+")
_A_TIME = re.compile(r"^\S+\s+(?:month|week|day|hour|minute|second)s?$", re.IGNORECASE)


def _joined(
    text: str, amounts: list[Found], start_of: Callable[[Found, Found], int | None]
) -> list[Found]:
    """`amounts` with each joined to the one before it where `start_of(before, amount)`
    gives where the joined amount starts (None: not joined)."""
    joined: list[Found] = []
    for amount in amounts:
        start = start_of(joined[-1], amount) if joined else None
        if start is None:
            joined.append(amount)
        else:
            joined[-1] = Found("number", start, amount.end, text[start : amount.end])
    return joined


def _durations_joined(text: str, amounts: list[Found]) -> list[Found]:
    """`amounts` with a time joined to the time written right after it in other units
    ("two hours and 40 minutes"): one answer to "how long", not two."""

    def start_of(last: Found, amount: Found) -> int | None:
        joins = (
            _DURATION_END.search(last.text)
            and _AND.fullmatch(text, last.end, amount.start)
            and _A_TIME.match(amount.text)
        )
        return last.start if joins else None

    return _joined(text, amounts, start_of)


# "12 to 14 days", "four to six eggs", "between 3 and 12": a range, one answer. Its first
# number is bare (with a unit of its own, "£163m to £186m" may be a change, as after "from").
_RANGE_TO = re.compile(r"\s*(?:to|[-–—])\s*", re.IGNORECASE)
_RANGE_AND = re.compile(r"\s+and\s+", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)
_FROM = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_BARE = re.compile(
    r"(?:about |around |some |roughly )?[\d.,]+|[a-z]+(?:[- ][a-z]+)?", re.IGNORECASE
)
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _ranges_joined(text: str, amounts: list[Found]) -> list[Found]:
    """`amounts` with a bare number joined to the amount it ranges to ("12 to 14 days",
    "between 3 and 12 eggs"): the range answers "how long" or "how many", not its end."""

    def start_of(last: Found, amount: Found) -> int | None:
        between = _BETWEEN.search(text, 0, last.start)
        gap = (_RANGE_AND if between else _RANGE_TO).fullmatch
        joins = (
            _BARE.fullmatch(last.text)
            and gap(text, last.end, amount.start)
            and not _FROM.search(text, 0, last.start)
            and _ascends(last.text, amount.text)
        )
        if not joins:
            return None
        return between.start() if between else last.start

    return _joined(text, amounts, start_of)


# "by 31 votes to 24", "voted six to three", "a vote of 5 to 4": one tally of a vote.
_VOTES_TO = re.compile(r"\s+votes?\s+to\s+", re.IGNORECASE)
_TO = re.compile(r"\s+to\s+", re.IGNORECASE)
_VOTED = re.compile(r"\b(?:voted|vote of)\s+$", re.IGNORECASE)
_VOTES = re.compile(r"\bvotes?$", re.IGNORECASE)


# A set's or game's score: "6-4", "7-6".
_SET_SCORE = re.compile(r"\d{1,2}-\d{1,2}")
_SET_BETWEEN = re.compile(r",?\s+")


def _sets_joined(text: str, amounts: list[Found]) -> list[Found]:
    """`amounts` with a match's set scores written one after another joined ("6-4 3-6
    7-6", "6-4, 3-6, 7-6"): the match's score, of which one set's alone is a part."""

    def start_of(last: Found, amount: Found) -> int | None:
        joins = (
            _SET_SCORE.search(last.text[-5:])
            and _SET_SCORE.fullmatch(amount.text)
            and _SET_BETWEEN.fullmatch(text, last.end, amount.start)
        )
        return last.start if joins else None

    return _joined(text, amounts, start_of)


def _tallies_joined(text: str, amounts: list[Found]) -> list[Found]:
    """`amounts` with the two sides of a vote's tally joined ("31 votes to 24"): the tally is
    the result asked for, and a side alone reads as a count of something else."""

    def start_of(last: Found, amount: Found) -> int | None:
        joins = _VOTES_TO.fullmatch(text, last.end, amount.start) or (
            _TO.fullmatch(text, last.end, amount.start)
            and (_VOTES.search(last.text) or _VOTED.search(text, 0, last.start))
        )
        return last.start if joins else None

    return _joined(text, amounts, start_of)


_SMALL_NUMBERS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()


def _ascends(low: str, high: str) -> bool:
    """Whether a range could run from `low` to `high`: not downwards, as a change or a vote
    does ("rose 32,000 to 1.41 million", "voted six to three"); larger words for numbers are
    not compared."""
    first, second = _value(low), _value(high)
    return first is None or second is None or first < second


def _value(amount: str) -> float | None:
    """The first number of `amount`, in figures or a small word ("14 days": 14, "six": 6)."""
    figure = _FIGURE.search(amount)
    if figure is not None:
        return float(figure.group(0).replace(",", ""))
    words = [word for word in amount.lower().split() if word in _SMALL_NUMBERS]
    return float(_SMALL_NUMBERS.index(words[0])) if words else None


# A capitalised word inside a sentence, just before a number: the number is in its name.
_NAMED_BEFORE = re.compile(r"(?<=[\w,;] )[A-Z][a-z]+ $")
# A word numbering what follows it: "phase three", "stage 2", "tier 4", "chapter 11".
_NUMBERED_BEFORE = re.compile(
    r"\b(?:phase|stage|round|level|grade|category|tier|chapter|section|article|step|series"
    r"|division|platform|gate|page|wave|tranche|class)\s+$",
    re.IGNORECASE,
)


_ONLY_A_HEDGE = re.compile(_HEDGE, re.IGNORECASE)


def _before_a_date(text: str, amount: Found, dates: list[tuple[int, int]]) -> Found | None:
    """`amount` up to a date its last word opens ("16,900 last year" is 16,900, the word
    "last" no unit), None when it is part of a date."""
    for start, end in dates:
        if start < amount.end and amount.start < end:
            if start <= amount.start:
                return None
            cut = text[amount.start : start].rstrip()
            if _ONLY_A_HEDGE.fullmatch(cut + " "):
                return None  # "at about 4am": the hedge was the time's
            return Found("number", amount.start, amount.start + len(cut), cut)
    return amount


# A plural noun right after an amount's singular word, which then only qualifies it.
_PLURAL_AFTER_A_MODIFIER = re.compile(r" (?!(?:" + "|".join(_NOT_A_UNIT) + r")\b)[a-z]{3,}s\b")
# An amount of one, whose noun is singular and may be followed by its verb ("one man dies").
_ONE_OF_A_THING = re.compile(r"(?:one|1|a|an)", re.IGNORECASE)


def _number(text: str, match: re.Match[str]) -> Found | None:
    """An amount, its trailing word kept only if it reads as the amount's unit; None for
    what is a date ("2004", "5 January")."""
    start, end = match.start(), match.end()
    if _ORDINAL.match(text, end):
        return None  # "their 200th tree", "3rd place": a rank, not an amount
    if match.group(0)[-1].isdigit() and _IN_A_NAME.match(text, end):
        return None  # "the first 7E7s", "3G phones": digits in a name, not an amount
    words = match.group(0).rsplit(" ", 1)
    if len(words) == 2 and (
        words[1].lower() in _NOT_A_UNIT
        or _CALENDAR.fullmatch(words[1])
        or words[0].endswith(",")  # "who scored 12, left": a comma ends the amount
    ):
        end -= len(words[1]) + 1
    elif (
        len(words) == 2
        and (plural := _PLURAL_AFTER_A_MODIFIER.match(text, end))
        and not _ONE_OF_A_THING.fullmatch(words[0])
        and not words[1].lower().endswith("s")
    ):
        end = plural.end()  # "two match points", "three break points": its noun is last
    found = text[start:end].strip().rstrip(",")
    if re.fullmatch(_YEAR, found) or _DATE.fullmatch(found):
        return None
    if found.rstrip("CF").isdigit() and _NAMED_BEFORE.search(text[:start]):
        return None  # "Pier 9", "Terminal 5", "Channel 4C": a number in a name
    if _NUMBERED_BEFORE.search(text[:start]):
        return None  # "a phase three trial", "tier 2": which one, not how many
    pronoun = _ONE.match(found) and not _SCALED.match(found[3:])
    if pronoun and _PRONOUN_BEFORE.search(text[:start]):
        return None  # "a later one ended 2-2", "the one that got away": a pronoun
    if pronoun and _AMONG_THE_MOST.match(text, end):
        return None  # "Measles is one of the most infectious…": a kind, not a count
    return Found("number", start, start + len(found), found)


# Last words of the names of streets, which do nothing and so never answer "who".
_STREETS = frozenset("street road terrace avenue crescent gardens grove mews boulevard".split())
# Last words that make a name an organisation, a place or an event rather than a person.
# The words opening the names of places ("Isle of Skye", "Mount Kenya", "Loch Ness").
_PLACE_OPENERS = frozenset(
    "isle isles island mount mt lake loch river gulf bay cape strait straits sea glen".split()
)
_NOT_A_PERSON = _STREETS | frozenset(
    """academy agency airline airlines airport alliance association authority awards bank
    board bros brothers bureau capital centre center championship channel church city club
    college commission committee company corp corporation council county court cup
    department directorate district division energy entertainment federation festival forum
    foundation fund games group
    hall holdings hospital house inc industries institute international league ltd media
    ministry motors museum network networks news office organisation organization park
    parliament partners party plc police post press prize project radio records republic
    school service services society software square stadium studio studios
    systems team technologies television theatre times trust tv union united university
    valley drive orchestra choir ensemble opera ballet band railway railways bakery
    inspectorate""".split()
)


def names_a_street(name: Found) -> bool:
    """Whether a name is a street's ("Pelham Terrace", "Larch Avenue")."""
    words = _name_words(name)
    return bool(words) and words[-1].lower() in _STREETS


# Nouns for people by their role, work or place in the news: "Which actor…", "Which Tory…",
# "How many people…" counted as "4,100 visitors". Plain English vocabulary; words as often
# used of firms or things ("partner", "owner", "rival", "player" of music) are left out.
_PERSON_NOUNS = frozenset(
    """activist actor actress adult adviser advisor agent aide ambassador analyst anchor
    archbishop architect artist astronaut athlete attacker auditor author backbencher banker
    barrister batsman bishop blogger bowler boxer boy brother businessman businesswoman
    campaigner candidate captain cardinal celebrity ceo chairman chairwoman champion
    chancellor chef child children citizen coach colleague columnist comedian commander
    commentator commissioner composer conductor congressman congresswoman consultant
    correspondent councillor couple cricketer critic customer cyclist dancer daughter
    defender delegate deputy designer detective dictator diplomat director dj doctor
    driver drummer economist editor emperor employee engineer entrepreneur envoy
    executive expert fan farmer father fighter filmmaker footballer forward founder
    girl goalkeeper golfer governor grandfather grandmother guitarist hacker heir
    historian host hostage hurdler husband immigrant inspector inventor investigator
    jockey journalist judge juror keeper king lawmaker lawyer leader lecturer legislator
    lord man manager mayor mep midfielder minister monarch mother mp msp
    musician negotiator nominee novelist nurse officer official parent passenger patient
    peer people person persons photographer physician pilot playwright poet policeman
    politician pope premier presenter president priest prince princess prisoner
    producer professor prosecutor protester publisher pupil queen rapper referee refugee
    reporter representative researcher resident rider runner sailor scientist
    secretary senator sergeant singer sister skier skipper soldier son songwriter
    speaker spokesman spokeswoman spokesperson sprinter star strategist striker student
    suspect swimmer teacher teenager tenant therapist tory tourist trader trainer
    umpire veteran victim visitor vj voter whistleblower widow wife winger witness
    woman worker wrestler writer youngster bassist pianist vocalist violinist
    keyboardist frontman painter sculptor explorer winner owner successor
    predecessor uncle aunt nephew niece grandson granddaughter duke earl baron
    player solicitor attorney magistrate constable firefighter paramedic surgeon
    headteacher headmaster headmistress principal investor shareholder billionaire
    tycoon physicist chemist biologist mathematician astronomer philosopher spectator
    viewer listener reader supporter attendee participant volunteer mourner shopper
    commuter motorist pedestrian inhabitant holidaymaker traveller hiker climber diner
    donor applicant entrant competitor contestant finalist recruit migrant survivor boss
    chair""".split()
)


def years(text: str) -> frozenset[str]:
    """The years `text` names as years ("2021", not "2021s" or "12021")."""
    return frozenset(_A_YEAR.findall(text))


# Words that count people of any kind.
PEOPLE = frozenset("people persons individuals".split())


def names_one_person(word: str) -> bool:
    """Whether a noun names one person by their role ("minister", "comedian")."""
    return word.lower() in _PERSON_NOUNS and word.lower() not in ("people", "children", "couple")


def names_a_person(word: str) -> bool:
    """Whether a noun names people by their role, in the singular or plural ("actor",
    "MPs", "spokesmen"); the word itself, not its stem ("reported" is no reporter)."""
    lowered = word.lower()
    return (
        lowered in _PERSON_NOUNS
        or (lowered.endswith("s") and lowered[:-1] in _PERSON_NOUNS)
        or (lowered.endswith("es") and lowered[:-2] in _PERSON_NOUNS)
        or (lowered.endswith("ies") and lowered[:-3] + "y" in _PERSON_NOUNS)
        or (lowered.endswith("men") and lowered[:-3] + "man" in _PERSON_NOUNS)
    )


def _name_words(name: Found) -> list[str]:
    """The words of a name without its joining words and possessive endings."""
    return [POSSESSIVE.sub("", w) for w in name.text.split() if w not in _JOINERS]


def could_be_a_person(name: Found) -> bool:
    """Whether a name could be a person's at all: written with capitals but not in
    capitals only ("TV", "PR"), not a word made from a name ("Belgian"), not ending in a
    word that ends the names of organisations and places ("Factory Records"). A lone
    surname ("Dubs", "Bez") could be."""
    words = _name_words(name)
    return (
        bool(words)
        and words[0][:1].isupper()
        and not name.text.isupper()
        and not made_from_a_name(name.text)
        and words[-1].lower() not in _NOT_A_PERSON
        and not opens_like_a_place(name)
    )


def opens_like_a_place(name: Found) -> bool:
    """Whether a name opens with a word for a place: "Isle of Skye", "Mount Kenya"."""
    words = _name_words(name)
    return len(words) > 1 and words[0].lower() in _PLACE_OPENERS


def is_addressed(text: str, name: Found) -> bool:
    """Whether the name found in `text` follows a form of address ("Mr", "Professor"): a
    person's, whatever else it may look like."""
    return _ADDRESSED.search(text[: name.start]) is not None


def looks_like_a_person(text: str, name: Found) -> bool:
    """Whether a name found in `text` reads as a person's: written after a form of address
    ("Mr Spindler"), or ending in two or more capitalised words, none in capitals only,
    none a word that ends the names of organisations and places ("Council", "Street"),
    after any title ("UK Foreign Secretary Jack Straw"). News names people in these ways
    on first mention; a single word or an acronym is more often a place or a body
    ("Europe", "BBC")."""
    if is_addressed(text, name):
        return True
    words = _name_words(name)
    # The person's own name ends the run, after any title: "UK Foreign Secretary Jack Straw".
    own = 0
    for word in reversed(words):
        if word.isupper() or word.lower() in _NOT_A_PERSON or not word[:1].isupper():
            break
        if any(c.isdigit() for c in word):
            return False
        own += 1
    return own >= 2 and (own <= 4 or own == len(words))


def quoted_span(match: re.Match[str]) -> tuple[int, int]:
    """Where the phrase of a match of QUOTED lies, without its quotes."""
    group = next(i for i in range(1, 4) if match.group(i) is not None)
    return match.start(group), match.end(group)


def _given(match: re.Match[str]) -> Found:
    """A name given in quotes, without its quotes."""
    start, end = quoted_span(match)
    return Found("name", start, end, match.string[start:end], quoted=True)


def _opens_a_title(text: str, start: int, word: str) -> bool:
    """True for a capitalised "The" inside a sentence, which belongs to the name it opens
    ("joined The Lantern Keepers", "edited The Carrigmore Examiner")."""
    before = text[:start].rstrip()
    return word == "The" and bool(before) and before[-1] not in _OPENS_A_SENTENCE


# Words for a role that are written as a title before a name, wherever it stands.
_TITLES = frozenset(
    """king queen prince princess pope bishop archbishop cardinal duke earl baron lord
    judge president senator governor mayor chancellor premier sergeant inspector detective
    constable professor doctor""".split()
)


# A word joined of lower-case parts, capitalised only as it opens a sentence.
_DESCRIBING = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)+")


def _sentence_opens_at(text: str, start: int) -> bool:
    """Whether `start` is where a sentence of `text` opens (after its dateline, if any:
    "TALLINN, 28 July 2025 - Sixteen-year-old…")."""
    before = text[:start].rstrip()
    return not before or before[-1] in _OPENS_A_SENTENCE or start == filed_before(text) > 0


def _name(text: str, match: re.Match[str]) -> Found | None:
    """A capitalised run that is a name, without a leading "In"/"At"… or a "The" opening
    the sentence; None for a lone capitalised word opening the sentence, and for months
    and weekdays (dates)."""
    start, run = match.start(), match.group(0)
    first, _, rest = run.partition(" ")
    if rest and first.lower() in STOP_WORDS and not _opens_a_title(text, start, first):
        start, run = start + len(first) + 1, rest
    address = _HONORIFIC.match(run + " ")
    if address:
        if address.end() >= len(run):
            return None
        start, run = start + address.end(), run[address.end() :]
    first, _, rest = run.partition(" ")
    describes = (names_one_person(first) and first.lower() not in _TITLES) or bool(
        _DESCRIBING.fullmatch(first)
    )
    if rest and describes and _sentence_opens_at(text, start):
        # "Striker Tom Bennett scored…", "Sixteen-year-old Anaya Rao won…": words that
        # describe someone, capitalised only as the sentence opens (a title such as "King"
        # or "Judge" is a capital anywhere).
        start, run = start + len(first) + 1, rest
    lone = " " not in run and not run.isupper() and run[0].isupper()  # "eBay" opens none
    if lone and (_sentence_opens_at(text, start) or run.lower() in STOP_WORDS):
        return None
    if all(_CALENDAR.fullmatch(word) for word in run.split()):
        return None
    if len(run) < 2:
        return None  # a lone letter: the pronoun "I", an initial
    return Found("name", start, start + len(run), run)
