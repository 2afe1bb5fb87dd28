"""What a question asks for: its kind, the kind of short answer it wants, its focus and terms.

English question grammar, not a model: the wh-word (after an optional
preposition, "On what date…", "By how much…"), the words after which/what
("Which Japanese drugmaker…"), and the shape of the rest.

The kinds of short answer are those the recognisers (recognise.py) find:
`name` (who, where), `date` (when, what year) and `number` (how many/much/
long, what price, to what level, what jobless rate). Other "which/what X"
questions are not typed from X (single-word meaning was measured too
unreliable for that): their answer is whatever stands next to X in the
answering sentence ("the stimulant modafinil"). Questions asking why ("what
caused…" too) or how want an explanation, and "which two…"/"what are…"
questions want several things. "Which X" with X a word for people by their
role ("Which actor…", "Which MP…") asks for a person, like "who".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.answering.recognise import (
    CAPITAL,
    MONEY,
    NAMES_A_CALENDAR_DAY,
    NAMES_A_DAY,
    NAMES_A_YEAR,
    PEOPLE,
    POSSESSIVE,
    TEMPERATURE,
    find,
    made_from_a_name,
    names_a_person,
)
from assistant.text.tense import past_verbs, verbs_in_the_past
from assistant.text.terms import STOP_WORDS, a_verb_as_written, terms, words

_PREPOSITION = (
    r"^\s*(?:(?:on|in|at|by|for|to|from|of|with|during|since|until|till|after|before|under|"
    r"over|into|about|according to [^,]{1,60},)\s+)?"
)
# "What was the…", "What is Harbour Mills' …": whose thing is asked about, before the thing.
_OF_WHOM = (
    r"(?:(?:is|was|were|are)\s+(?:(?:the|its|their|his|her)\s+|(?:[\w-]+\s+){0,2}[\w-]+['’]s?\s+))?"
)
# "Which Japanese city…", "What calendar year…": one word may qualify the asked-for thing.
# The nouns that name an amount: "What share of…", "rosalind achterberg age at death".
_AMOUNT_NOUNS = (
    r"(?:percentage|share|proportion|amount|number|price|fee|sum|rate|size|age|score|"
    r"margin|figure|total|value|cost|capacity|budget|population|salary|wage|attendance|"
    r"profit|revenue|turnover|level|target|growth|tally|majority|deficit|surplus|debt|"
    r"loss|gap|length|distance|duration|weight|height|speed|temperature|valuation|"
    r"dividend|elevation|altitude|depth|width|bill|fine|fare|rent|earnings|income|increase"
    r"|rise|raise|reduction|saving|turnout)"
)
# What a query of keywords asks for by its nouns ("salt road ticket prices", "frog size in
# mm", "strike start date"), as the question it stands for would.
_KEYWORD_KINDS = (
    (
        "quantity",
        re.compile(
            rf"\b(?:{_AMOUNT_NOUNS}(?:s|es)?|(?:journey|running|travel|waiting)\s+times?)\b", re.I
        ),
    ),
    ("when", re.compile(r"(?<!\bper )(?<!\ba )(?<!\beach )\b(?:date|year|day)s?\b", re.I)),
)
_KINDS: tuple[tuple[str, str], ...] = (
    ("who", r"(?:who|whom|whose)\b"),
    (
        "when",
        rf"(?:when\b|(?:what|which) {_OF_WHOM}(?:[\w-]+ )?"
        r"(?:year|date|day|month|time|season|decade|century)s?\b)",
    ),
    (
        "quantity",
        r"(?:how (?:many|much|long|old|far|close|near|big|large|small|often|frequently|tall|high|"
        r"low|fast|"
        r"heavy|deep|wide|quickly|hot|cold|warm)\b"
        rf"|(?:what|which) {_OF_WHOM}(?:(?!(?:is|are|was|were|do|does|did|has|have|had|will"
        r"|would|the)\b)"
        r"(?-i:[a-z][\w-]*|[A-Z]{2,}) ){0,2}"
        rf"{_AMOUNT_NOUNS}(?:s|es)?\b|(?:what|which)\s.*\bworth\b"
        # "What will it cost?", "What did she earn?", "What is Verhaal paying for each share?"
        r"|what (?:will|would|does|did|do|could|might|is|are|was|were) (?:[\w'’-]+ ){1,6}?"
        r"(?:cost|earn|weigh|pay|paying|charge|charging|spend|spending|costing|earning)\b"
        # "What will the single fare rise to?": the level a figure moves to.
        r"|what (?:will|would|did|does|do|has|have|had|is|are|was|were) (?:[\w'’-]+ ){1,6}?"
        r"(?:rise|risen|rising|rose|fall|fallen|falling|fell|increase|increased|go up|gone up"
        r"|went up|drop|dropped|climb|climbed|grow|grown|grew|jump|jumped|be cut|been cut"
        r"|be raised|been raised) to\s*\??\s*$"
        # "What is the maximum annual tuition fee?": the amount, after "the" and a few words.
        rf"|what (?:is|was|are|were|will be) (?:the|its|their|his|her) (?:[\w-]+ ){{0,3}}?"
        rf"{_AMOUNT_NOUNS}(?:s|es)?\b(?!\s+(?:of\s+)?(?:the\s+)?(?:name|names)\b))",
    ),
    (
        # "Where did Wales finish?", "What position…", "In which minute…": a place in an order.
        "rank",
        r"(?:(?:what|which) (?:position|rank|ranking|spot|minute|round|lap|stage)s?\b"
        r"|where (?:did|does|do|is|are|was|were|will|has|have) (?:[\w'’-]+ ){1,8}?(?:finish|"
        r"finished|come|came|placed|rank|ranked|end up|ended up)\b(?! from\b))",
    ),
    (
        "where",
        # The place word in lower case: "Which Renaissance Capital analyst" asks for a person.
        r"(?:where\b|(?:what|which) (?:[\w-]+ )?(?-i:city|country|town|region|state|county|"
        r"place|venue|stadium|port|capital|continent|island|village|area|location)\b"
        # "Which part of the UK…", "What part of the country…": a region of a place.
        r"|(?:what|which) parts? of (?:the )?(?-i:[A-Z]|country\b|city\b|world\b|state\b))",
    ),
    (
        "why",
        r"(?:why|what (?:caused|causes|prompted|triggered|sparked|led to|lay behind|lies behind"
        r"|was behind|is behind))\b",
    ),
    ("how", r"how\b"),
    ("which", r"(?:which|what)\b"),
    ("yes_no", r"(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would|should)\b"),
)
# "Who did she marry?", "Which team did Wales beat?": the asked-for person is acted on.
_ASKS_THE_OBJECT = re.compile(
    r"\s*(?:whom\b|(?:who|(?:which|what)(?: [\w'’-]+){1,2}) (?:did|does|do|has|have|had|will"
    r"|would|can|could|should)\b)",
    re.IGNORECASE,
)
# "And which court was it?", "But who paid?": a follow-up joined on to the conversation asks
# what the rest of it asks.
_JOINED_ON = re.compile(r"^\s*(?:and|but|also|then|or)(?:\s*,\s*|\s+)(?=\w)", re.IGNORECASE)
# "How long was he jailed for?", "Who was the firm sold to?": the answer follows the verb
# and the preposition the question ends with, as it follows one a question opens with.
_CLOSING_PREPOSITION = re.compile(
    r"\b(for|to|with|from|by|at|in|on|into|against)\s*\?*\s*$", re.IGNORECASE
)
# "Until what year…", "On which day…": the preposition that will stand before the answer.
_OPENING_PREPOSITION = re.compile(
    r"^\s*(on|in|at|by|for|to|from|since|until|till|after|before|during|with|under|over)\s+"
    r"(?:what|which|whom|how|when)\b",
    re.IGNORECASE,
)
# The kinds a question may ask for after its opening words ("The call lasted how long?").
_ASKED_INSIDE = frozenset({"who", "when", "quantity", "rank", "where", "why"})
_SHORT_FOR_KIND = {
    "who": "name",
    "when": "date",
    "quantity": "number",
    "where": "name",
    "rank": "rank",
}
# Words until the first auxiliary, article, preposition or relative pronoun.
_FOCUS_WORD = (
    r"(?:(?!(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|"
    r"might|must|the|a|an|in|of|to|for|on|at|by|with|from|that|which|who|whose)\b)[\w'’-]+\s*)"
)
# Who owns the thing asked about, before it: "the", "Sony's", "Anna Lee Smith's".
_OWNER = (
    r"(?:(?:the|a|an|its|their|his|her)\s+)?(?:(?:(?-i:[A-Z])[\w.-]*\s+){0,3}[\w.-]+['’]s?\s+)?"
)
# The words after which/what (at most three): "Which Japanese drugmaker was…" → Japanese
# drugmaker. When the question asks what a thing is called, the words naming that thing after
# its owner (at most four, the last naming it): "What is the name of Sony's new console?" →
# new console, "What was the firm's anti-spam screensaver campaign called?" → anti-spam
# screensaver campaign.
_FOCUS = re.compile(
    _PREPOSITION
    + r"(?:which|what)\s+(?:kind of\s+|sort of\s+|type of\s+|name of\s+)?"
    + f"({_FOCUS_WORD}{{1,3}})"
    + r"|^\s*what\s+(?:is|was|are|were)\s+(?:the\s+)?(?:[\w-]+\s+)?"
    + r"(?:names?|titles?)\s+(?:of|for)\s+"
    + _OWNER
    + f"({_FOCUS_WORD}{{1,4}})"
    + r"|^\s*what\s+(?:is|was|are|were)\s+"
    + _OWNER
    + f"({_FOCUS_WORD}{{1,4}})"
    + r"(?=.*\b(?:called|named|known as|dubbed)\s*\??\s*$)",
    re.IGNORECASE,
)
# A word right before an article is a verb, not part of what is asked for; so is one before
# "by", a passive ("Which drug made by Paion…").
_AFTER_A_VERB = re.compile(r"(?:the|a|an|his|her|its|their|by)\b", re.IGNORECASE)
# "How many fishing boats did…": the words after "how many", where the counted noun is.
_COUNTED = re.compile(r"\bhow many\s+([\w'’-]+(?:\s+[\w'’-]+){0,6})", re.IGNORECASE)
_IRREGULAR_PLURALS = frozenset("people children men women police staff feet teeth mice".split())
# "What percentage…", "By what proportion…": only a percentage or a fraction answers.
# "On which day…", "What date…": a day answers, not "last month"; "What year…": a year.
_ASKS_A_DAY = re.compile(r"\b(?:which|what)\s+(?:day|date)\b|\bday of the week\b", re.IGNORECASE)
# "On what date…": a day of the calendar answers ("27 January"), not "on Monday".
_ASKS_A_DATE = re.compile(r"\b(?:which|what)\s+date\b", re.IGNORECASE)
_ASKS_A_YEAR = re.compile(r"\b(?:which|what)\s+year\b", re.IGNORECASE)
# "What time did she run?", "At what time…", "What was Lind's finishing time?": a time of day
# or a time taken answers, not a date.
ASKS_A_TIME = re.compile(
    rf"\b(?:which|what)\s+{_OF_WHOM}"
    r"(?:(?:winning|finishing|fastest|best|record|race|lap|journey)\s+)?time\b",
    re.IGNORECASE,
)
# "What time did the first train leave?": a time of day, not a time taken ("19 minutes"),
# unless the verb makes a time taken ("What time did the swimmer clock?").
_ASKS_THE_HOUR = re.compile(
    r"\bwhat time (?:did|does|do|will|would|is|was|were|are|has|had|can|could)\b"
    r"(?!.*\b(?:clock|record|run|post|set|achieve|finish|take|complete)\w*\b)",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\d[:.]\d\d|\d\s?(?:am|pm)\b|\b(?:midnight|noon|o'clock)\b", re.IGNORECASE)
_CLOCK_OR_TIME_TAKEN = re.compile(
    r"\d[:.]\d\d|\b(?:am|pm|gmt|bst|midnight|noon|o'clock|seconds?|minutes?|hours?)\b",
    re.IGNORECASE,
)
_ASKS_A_SHARE = re.compile(r"\b(?:percentage|proportion|per ?cent|what share)\b", re.IGNORECASE)
# "What was the score…", "What score did she win by?": a score ("6-3 6-1", "2-1") answers,
# not "world number 46".
_ASKS_A_SCORE = re.compile(
    r"\b(?:what|which)\s+(?:was\s+|is\s+)?(?:the\s+)?(?:final\s+)?score\b", re.IGNORECASE
)
_SCORE_WRITTEN = re.compile(r"\d\s?-\s?\d")
# "What was the attendance…", "What is the town's population?": a count of people answers,
# not a sum, a share, a time or an age.
_ASKS_A_HEADCOUNT = re.compile(
    r"\b(?:attendance|crowd|population|audience|membership|headcount|workforce)\b", re.IGNORECASE
)
# "What was the annual budget…", "How much did ABC pay…": only a sum of money answers.
_ASKS_FOR_MONEY = re.compile(
    r"^\s*(?:what|which)\s+(?:(?:is|was|were|are)\s+)?(?:(?:the|its|their|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:budget|price|fee|cost|salary|wage|fine|bill|revenue|turnover|"
    r"profit|takings|earnings|income|fare|rent)s?\b"
    r"|\bhow much\b.*\b(?:pay(?:s|ing)?|paid|cost(?:s|ing)?|spen(?:d|ds|ding|t)|earn(?:s|ed|ing)?"
    r"|rais(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|sell(?:s|ing)?|sold|fetch(?:es|ed|ing)?|worth"
    r"|ow(?:e|es|ed|ing)|invest(?:s|ed|ing)?|fined|damage|budget)\b"
    # "How large is the grant…?": the size of a sum is money.
    r"|\bhow (?:large|big|small)\s+(?:is|was|are|were|will be)\s+(?:(?:the|its|their|his|her)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?:budget|grant|fund|loan|fine|fee|salary|bonus|payout|donation"
    r"|investment|subsidy|bailout|prize|settlement|compensation)s?\b"
    # "What is Verhaal paying for each share?", "What will residents pay…?"
    r"|^\s*what\s+(?:will|would|does|did|do|could|might|is|are|was|were)\s+(?:[\w'’-]+\s+){1,6}?"
    r"(?:pay|paying|cost|costing|charge|charging|spend|spending|earn|earning)\b"
    # Keywords with no question word: "harrow & vale q1 operating profit", "total paid to…".
    r"|^(?!.*\b(?:what|which|who|whom|when|where|why|how|is|are|was|were|do|does|did|will)\b)"
    r".*\b(?:budget|price|fee|cost|salary|wage|fine|bill|revenue|turnover|profit|takings"
    r"|earnings|income|fare|rent|paid|saving|grant|prize)s?\b",
    re.IGNORECASE,
)
_SHARE = re.compile(
    r"%|\bper ?cent\b|\bpercentage points?\b"
    r"|\b(?:half|halves|third|thirds|quarter|quarters|fifths?|tenths?)\b",
    re.IGNORECASE,
)
# "Which newspaper…", "Which Google executive…": in news, nearly always a name (89 of the 93
# labelled "which X" questions); "what X" is as often a phrase ("what injury").
_OPENS_WITH_WHICH = re.compile(_PREPOSITION + r"which\b", re.IGNORECASE)
# "What is the name of…", "the title of…", "What was the deal called?": the answer is a name.
_ASKS_A_NAME = re.compile(
    r"\b(?:name|title) of\b|\b(?:called|named|known as|dubbed)\s*\??\s*$"
    r"|(?:['’]s?|\b(?:real|full|birth|maiden|stage|original|new|first))\s+name\b",
    re.IGNORECASE,
)
# "What nationality is Jurgen Melzer?": a word made from a country's name answers ("the
# Austrian"), which answers no other question for a name.
_ASKS_A_NATIONALITY = re.compile(r"\b(?:what|which)\s+nationality\b", re.IGNORECASE)
# "Who is the transport director of…?", "Who was the club's captain at…?": who holds a role
# (written in lower case), asked of something.
_WHO_HOLDS = re.compile(
    r"^\s*who\s+(?:is|was|are|were|will\s+be)\s+(?:(?:the|its|their)\s+)?(?:[\w.-]+['’]s?\s+)?"
    r"((?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,2}?)\s+(?:of|at|for|in|to)\b",
    re.IGNORECASE,
)
# "Who is the US Defence Secretary?", "Who is Kestrel's music director today?": a title,
# its last word a role, ending the question (but for when).
_WHO_HOLDS_THE_TITLE = re.compile(
    r"^\s*who\s+(?:is|was|are|were|will\s+be)\s+"
    r"(?:the\s+|(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,3}[\w.-]+['’]s?\s+)"
    r"((?:[\w.-]+\s+){0,3}?[\w-]+)(?:\s+(?:now|today|currently|at\s+present))?\s*\??\s*$",
    re.IGNORECASE,
)
# The words such a question asks with, which the answering sentence seldom repeats.
# "What is the Latin name of…?": the words that say which name is asked for, said of none.
_NAMING_TERMS = frozenset(terms("name title scientific Latin botanical binomial taxonomic"))
# "What does Veritas mean?", "What does TNT stand for?": a meaning answers, not a name the
# question may mention.
ASKS_A_MEANING = re.compile(r"^\s*what\s+(?:does|did|do)\b.*\b(?:mean|stand for)\b", re.IGNORECASE)
_COUNTS = frozenset("two three four five six several".split())
# Where the circumstances of a question begin ("…in his pre-Budget report", "…after it warned").
_CIRCUMSTANCE = re.compile(
    r"\b(?:in|after|because|for|from|since|during|at|when|while|as|on|over|under|with|by|to"
    r"|than|before|according)\b",
    re.IGNORECASE,
)
# What amounts in the news measure: "How much did profits fall?" is not answered by turnover.
# Nouns only, none also a verb a question uses ("earn", "cost").
_MEASURES = frozenset(
    terms(
        """profit profits revenue revenues turnover sales income loss losses debt deficit
        surplus spending budget output exports imports growth inflation unemployment dividend
        salary wage investment subsidy valuation"""
    )
)
# A word after the asked-for noun that reads as the question's verb ("minister says",
# "Belgian beat"): ending as verbs do, or a common irregular one.
_IRREGULAR_VERB = re.compile(
    r"won|beat|took|made|said|got|gave|came|went|ran|led|hit|told|wrote|left|put|set|sold"
    r"|bought|paid|held|kept|lost|met|sent|spent|broke|became|began|drew|drove|fell|flew|grew"
    r"|knew|rode|rose|sang|saw|shot|spoke|threw|wore|quit|will|can"
)
# "Which band member…", "Which member of the cabinet…" ask for a person; "Which member
# states…" does not: a member is a person only when named with what it belongs to.
_MEMBER = re.compile(r"(?i:members?)")
_VERB_FORM = re.compile(rf"[a-z]+(?:ed|s)|{_IRREGULAR_VERB.pattern}")
# A verb in the past that is no noun, ending the words naming what is asked for when it
# follows them: "Which university came top?", "Which firm ranked first?".
_TOLD = re.compile(
    r"[a-z]+ed|won|beat|took|made|said|got|gave|came|went|ran|led|told|wrote|sold|bought|paid"
    r"|held|spent|broke|became|began|drove|flew|grew|knew|rode|spoke|threw|wore"
)
_SEVERAL = re.compile(
    r"^\s*(?:(?:which|what|who|name)\s+(?:two|three|four|five|six|several)\b|what (?:are|were)\b|"
    r"which .{0,40}\b(?:and|both)\b|list\b|name the\b)",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WORDS = re.compile(r"[\w'’-]+")
# "Who is Pete Hegseth?", "What role does Steve Witkoff have?", "What is Ruth Kelly's job?":
# questions asking who someone is, answered by their title or role. The name is capitalised
# words with their small joining words, starting capitalised: "Who is IBM's Linux strategy
# manager?" and "Who is the US Defence Secretary?" ask for a name, not for who a name is.
_NAMED = rf"([{CAPITAL}][\w'’.-]*(?:\s+(?:[{CAPITAL}][\w'’.-]*|of|the|de|van|von|al))*?)"
_ROLE = r"(?i:role|job|post|position|title)"
IDENTIFY = (
    re.compile(rf"^\s*(?i:who\s+(?:is|was|are|were))\s+{_NAMED}\s*\??\s*$"),
    re.compile(
        rf"^\s*(?i:what)\s+{_ROLE}\s+(?i:does|did|do)\s+{_NAMED}\s+"
        r"(?i:have|hold|play|fill|take)\b[^?]*\??\s*$"
    ),
    re.compile(rf"^\s*(?i:what\s+(?:is|was))\s+{_NAMED}['’]s?\s+{_ROLE}\b[^?]*\??\s*$"),
)


@dataclass(frozen=True)
class Question:
    """A question, read for what it asks."""

    text: str
    kind: str
    # "name", "date", "number", or "" when no short entity answers it.
    wants: str
    # The stemmed words after which/what ("japanes", "drugmak"): what the answer is.
    focus: frozenset[str]
    terms: frozenset[str]
    # The terms of its ordinary words: not names (capitalised past the first word), not numbers,
    # not the focus (which names the answer's kind, and answering sentences seldom repeat).
    plain: frozenset[str]
    # Numbers and years written in the question: qualifiers an answer sentence should share.
    numbers: frozenset[str]
    wants_several: bool
    wants_explanation: bool
    # For "who is NAME?": the terms of NAME (a sentence naming them says who they are).
    identifies: frozenset[str] = frozenset()
    # The preposition the question opens with ("until" in "Until what year…"), lower-cased.
    preposition: str = ""
    # "How many fishing boats…": the counted noun as written ("boats"), else "".
    counted: str = ""
    # The words naming what is counted, as asked, up to that noun ("civil servants").
    counted_words: str = ""
    # The terms of the words naming what is counted, up to that noun ("fish", "boat").
    counting: frozenset[str] = frozenset()
    # The term of the last word after which/what ("venu" in "Which Lisbon venue…"), else "".
    head: str = ""
    # The initials of its names of two words or more ("HP" of "Hewlett Packard").
    initials: frozenset[str] = frozenset()
    # "Which actor…", "Which MP…", "Which Belgian…": a person is asked for by their role.
    asks_for_a_person: bool = False
    # What an amount asked for measures ("profit" in "How much did Diageo's profit fall?").
    measures: frozenset[str] = frozenset()
    # "How long is the river?": the adjective a sentence giving that measure writes after its
    # amount ("It is 96 km long"), lower-cased; else "".
    dimension: str = ""
    # The terms of its names: capitalised words past the first ("wale" of "…in Wales?").
    names: frozenset[str] = frozenset()
    # "Who is the transport director of…?": the terms of the role asked about, else empty.
    role: frozenset[str] = frozenset()
    # The term of that role's last word when it is one a person holds ("director" of "music
    # director", not "sponsor"), else "": only a person's name answers then, not "the
    # Kestrel Chamber Orchestra" the director leads, and only a sentence naming the role.
    role_holder: str = ""
    # "What nationality is X?": answered by a word made from a country's name ("Austrian").
    asks_nationality: bool = False
    # The terms of the verbs it puts in the past ("win" of "Who won the gold?").
    past: frozenset[str] = frozenset()
    # The same in its main clause, light verbs too ("give" of "How many was he given?").
    told: frozenset[str] = frozenset()
    # A follow-up's terms found only in the earlier subject carried after it ("Who saved two
    # penalties? (context: scored Ashby Rovers' goals)"): the conversation's, not its own.
    carried: frozenset[str] = frozenset()

    @property
    def asks_who(self) -> bool:
        """Whether a person's name answers it: "Who…?", or "Which actor…?"."""
        return self.kind == "who" or self.asks_for_a_person

    @property
    def asks_who_did_it(self) -> bool:
        """Whether it asks who is the subject of what it says ("Who ran the division?",
        "Which MP defected?"), not whom someone else acted on ("Who did she marry?")."""
        return self.asks_who and not _ASKS_THE_OBJECT.match(self.text)

    @property
    def asks_where_it_happened(self) -> bool:
        """Whether it asks where something is or happened ("Where…?", "In which town…?",
        "Which city was it held in?"), so the sentence must place its answer ("in Leeds"),
        not which place did something ("Which region saw the strongest growth?" is answered
        by "Northern Ireland recorded…")."""
        return self.kind == "where" and bool(_ASKED_WITH_WHERE.match(self.text))

    def is_identified_by(self, sentence: str) -> bool:
        """Whether `sentence` names the person a "who is NAME?" question asks about."""
        return bool(self.identifies) and self.identifies <= set(terms(sentence))


_ASKED_WITH_WHERE = re.compile(
    r"\s*(?:where\b|(?:in|at|to|from|near|on|into|inside|outside)\s+(?:what|which)\b)"
    r"|.*\b(?:in|at|to|from|near)\s*\?\s*$",
    re.IGNORECASE | re.DOTALL,
)


def analyse(question: str) -> Question:
    """Read `question` for what it asks (a follow-up's opening "and", "but"… left out)."""
    question = _JOINED_ON.sub("", question, count=1)
    own = CARRIED_CONTEXT.sub("", question)
    kind = _kind(question)
    wants = _SHORT_FOR_KIND.get(kind, "")
    asks_a_name = kind == "which" and bool(_ASKS_A_NAME.search(question))
    asks_nationality = bool(_ASKS_A_NATIONALITY.search(question))
    unsaid = _NAMING_TERMS if asks_a_name else frozenset()
    if (
        kind == "which"
        and (asks_a_name or _OPENS_WITH_WHICH.match(question) or asks_nationality)
        and not ASKS_A_MEANING.match(question)
    ):
        wants = "name"
    identify = next((m for pattern in IDENTIFY if (m := pattern.match(question))), None)
    match = _FOCUS.match(question)
    named = next((group for group in match.groups() if group), "") if match else ""
    focus_words = [w for w in named.split() if w.lower() not in _COUNTS]
    if match and match.group(2):
        focus_words = _before_a_name(focus_words)
    told = next((i for i, w in enumerate(focus_words) if i and _TOLD.fullmatch(w)), None)
    # The verb and the words after it are no part of what is asked for, nor of what the question
    # says of it: the answerability gate, which counts the latter, was trained without them.
    from_the_verb = frozenset(t for w in focus_words[told or len(focus_words) :] for t in terms(w))
    if told is not None:
        focus_words = focus_words[:told]  # "Which university came top…": "came" is the verb
    elif match and len(focus_words) > 1 and _AFTER_A_VERB.match(question, match.end()):
        focus_words.pop()  # "Which union called the strike?": "called" is the verb
    person = _person_asked(focus_words) if kind == "which" else None
    if person is not None:
        focus_words = focus_words[: person + 1]  # "Which MP defected…": the MP, not "defected"
    role = _role(question, focus_words[person] if person is not None else "")
    focus = frozenset(t for w in focus_words for t in terms(w))
    counted = _COUNTED.search(question)
    return Question(
        text=question,
        kind=kind,
        wants=wants,
        focus=focus,
        terms=frozenset(terms(question)) - unsaid,
        plain=frozenset(_plain_terms(question)) - focus - unsaid - from_the_verb,
        # The question's own numbers and names: a follow-up's carried context is a guess at
        # its subject, not what it asks ("Why is the glassworks closing? (context: 2024
        # marathon)" is no question about 2024).
        numbers=frozenset(m.group(0).replace(",", "") for m in _NUMBER.finditer(own)),
        wants_several=bool(_SEVERAL.search(question)),
        wants_explanation=kind in ("why", "how"),
        identifies=frozenset(terms(identify.group(1))) if identify else frozenset(),
        preposition=_preposition(question),
        counted=_counted_noun(counted.group(1)) if counted else "",
        counted_words=" ".join(_counted_words(counted.group(1))) if counted else "",
        counting=frozenset(_counting_terms(counted.group(1))) if counted else frozenset(),
        head=next(iter(terms(focus_words[-1])), "") if focus_words else "",
        initials=frozenset(_initials(question)),
        asks_for_a_person=person is not None,
        measures=_measures(question) if kind == "quantity" and not counted else frozenset(),
        dimension=_dimension(question),
        names=frozenset(name_terms(own)) - unsaid,
        role=frozenset(terms(role)) or _post_held(question),
        role_holder=_role_holder(role),
        asks_nationality=asks_nationality,
        past=past_verbs(question),
        told=verbs_in_the_past(question),
        carried=_carried(question),
    )


def _before_a_name(words: Iterable[str]) -> list[str]:
    """Of the words after "the name of", those up to a name that follows a word in lower
    case: "shell company" of "What was the name of the shell company Pellow used?" (the
    name begins what is said of it). (After "which", "former Tory leader" is whole.)"""
    kept: list[str] = []
    for word in words:
        if word[:1].isupper() and any(w[:1].islower() for w in kept):
            break
        kept.append(word)
    return kept


# Verbs for holding a post, and the post: "Who manages the libraries?" is answered by
# "Tom Haldane, the council's libraries manager".
_POSTS = {
    "manage": "manager",
    "direct": "director",
    "chair": "chair",
    "lead": "leader",
    "coach": "coach",
    "own": "owner",
    "edit": "editor",
    "govern": "governor",
    "captain": "captain",
    "present": "presenter",
    "host": "host",
    "train": "trainer",
}
_POST_OF_TERM = {term: post for verb, post in _POSTS.items() for term in terms(verb)}
_WHO_DOES = re.compile(r"^\s*who\s+([a-z]+)\b", re.IGNORECASE)


def _post_held(question: str) -> frozenset[str]:
    """The terms of the post "Who VERBs…?" asks who holds ("manag" for "Who manages the
    libraries?"): the words a sentence names its holder beside."""
    verb = _WHO_DOES.match(question)
    found = terms(verb.group(1)) if verb else []
    post = _POST_OF_TERM.get(found[0], "") if found else ""
    return frozenset(terms(post))


def _role_holder(role: str) -> str:
    """The term of the last word of `role` when it names a person ("manag" of "campaign
    manager"), else ""."""
    last = role.rsplit(maxsplit=1)[-1] if role else ""
    return next(iter(terms(last)), "") if last and names_a_person(last) else ""


def _role(question: str, asked_by: str) -> str:
    """The role a question asks who holds: "transport director" in "Who is the transport
    director of…?", "US Defence Secretary" in "Who is the US Defence Secretary?", "judge"
    in "Which judge sentenced…?"; else ""."""
    held = _WHO_HOLDS.match(question)
    if held is None:
        titled = _WHO_HOLDS_THE_TITLE.match(question)
        if titled is not None and names_a_person(titled.group(1).split()[-1]):
            held = titled
    return held.group(1) if held else asked_by


def _person_asked(focus_words: list[str]) -> int | None:
    """Where, in the words after which/what, a person is named by role ("Which actor…",
    "Which MP…", "Which Tory…") or nationality ("Which Belgian…"): the last word, or the one
    before the verb ("Which cabinet minister says…"); None when no person is asked for
    ("Which Japanese city…", "Which student union…")."""
    for i, (word, after) in enumerate(itertools.zip_longest(focus_words, focus_words[1:])):
        if _IRREGULAR_VERB.fullmatch(word):
            return None  # "What led IBM researcher Jim Levine to…" asks no person
        person = (
            names_a_person(word)
            or (word[:1].isupper() and made_from_a_name(word))
            or (_MEMBER.fullmatch(word) is not None and (i > 0 or after is None))
        )
        if person and (
            after is None or (_VERB_FORM.fullmatch(after) and not names_a_person(after))
        ):
            return i
    return None


# How a follow-up carries the earlier subject after its own words (condense.py writes it).
CONTEXT_OPENS = " (context: "
CARRIED_CONTEXT = re.compile(re.escape(CONTEXT_OPENS) + r"[^()]*\)$")


def _carried(question: str) -> frozenset[str]:
    """The terms of the context carried after a follow-up that its own words lack."""
    context = CARRIED_CONTEXT.search(question)
    if context is None:
        return frozenset()
    return frozenset(terms(context.group(0))) - frozenset(terms(question[: context.start()]))


def _preposition(question: str) -> str:
    """The preposition the answer stands after: the one the question opens with ("Until
    what year…"), else the one it ends with ("…jailed for?"); else empty."""
    found = _OPENING_PREPOSITION.match(question) or _CLOSING_PREPOSITION.search(question)
    return found.group(1).lower() if found else ""


def _measures(question: str) -> frozenset[str]:
    """What the asked-for amount measures, among the words before the question's first
    phrase of circumstance: "profit" in "How much did Diageo's profit fall?", nothing in
    "How much did Warner's shares fall after it warned on profits?"."""
    asked = _OPENING_PREPOSITION.sub("", question, count=1)
    circumstance = _CIRCUMSTANCE.search(asked)
    return frozenset(terms(asked[: circumstance.start()] if circumstance else asked)) & _MEASURES


def _dimension(question: str) -> str:
    """ "long" of "How long is the River Tarrow?": a measure an amount is written before
    ("96 km long", "412 m high", "91 years old"); "" for any other question."""
    measure = _MEASURE.search(question)
    asked = measure.group(1).lower() if measure and measure.group(1) else ""
    return asked if asked in _DIMENSIONS else ""


def _initials(question: str) -> list[str]:
    """The initials of the question's names of two words or more ("EU" of "the European
    Union")."""
    capitals = (
        [w[0] for w in name.text.split() if w[:1].isupper()] for name in find(question, "name")
    )
    return ["".join(letters) for letters in capitals if len(letters) >= 2]


# Lengths, written out or short: "70 centimetres", "412 km", "9.2 metres".
_LENGTHS = r"(?:kilo|centi|milli)?met(?:re|er)|mile|km|foot|feet|inch|yard"
# What "how long", "how much"… measure: an amount answers them only in these units.
_TIME_UNITS = (
    r"\d:\d\d:\d\d|(?:(?:milli|micro)?second|minute|hour|day|week|fortnight|month|year"
    r"|decade|century|night|season)s?"
)
_UNITS = {
    "long": rf"{_TIME_UNITS}|(?:{_LENGTHS})s?"
    # "612 m", "40 cm" (not "£5m": metres are written apart from their number).
    r"|(?<=\d\s)(?:m|cm|mm)",
    "old": r"(?:year|month|week|day)s?(?:-old)?|aged?",
    # "How tall…", "How high…": a height ("1.3m", "4.2ft", "30 storeys").
    "tall": rf"(?:{_LENGTHS}|storey|floor)s?|inches"
    r"|(?<=\d)(?:m|cm|mm|ft)|(?<=\d\s)(?:m|cm|mm|ft)",
    # "13 points behind leaders Barcelona": a gap in a table is a distance too.
    "far": rf"(?:{_LENGTHS}|lap|point|place|shot|stroke)s?"
    r"|(?<=\d\s)(?:m|cm|mm)",
    "fast": r"(?:%|per ?cent|mph|km/h|kph|knots?|[kmgt]hz|[kmgt]bps"
    r"|(?:kilo|mega|giga)(?:hertz|bits?)|(?:second|minute|hour)s?"
    r"|(?:miles|km|kilometres|metres) (?:an|per) hour)",
    "often": r"(?:times?|daily|weekly|monthly|yearly|annually|every|once|twice"
    r"|a (?:day|week|month|year))",
    # "How much more likely…" is answered by "400 times".
    "much": r"[$£€¥%]|times|(?:euro|dollar|pound|yuan|yen|rupee|franc|penny|pence|cent|rouble|ruble"
    r"|peso|percent|per cent|bn|m|k|billion|million|thousand|trillion|tonne|ton|barrel|kg|"
    rf"kilogram|gram|gramme|litre|gallon|hectare|acre|{_LENGTHS}|inche)s?"
    # "112 mm of rain", "30cm of snow": how much rain or snow fell; "5.1p": pence.
    r"|(?<=\d)\s?(?:mm|cm)|(?<=\d)p",
}
# "How much does it weigh?", "How heavy…": a weight ("290 grams", "1.2kg", "4lb").
_UNITS["weight"] = (
    r"(?:(?:kilo|milli)?gram|gramme|kg|tonne|ton|pound|lb|ounce|oz|stone|carat)s?|(?<=\d)\s?g"
)
_WEIGHED = re.compile(r"\b(?:weigh(?:s|ed)?|weight|heavy)\b", re.IGNORECASE)
# "How quickly…" is answered in the units of "how long…".
_UNITS["high"] = _UNITS["tall"] + r"|%|per ?cent|[$£€¥]|points?"  # a rate or a price, too
# A time taken or a length ("nine minutes", "3 km"): what no count of things is.
_TIMED = re.compile(rf"(?<![a-z])(?:{_UNITS['long']})(?![a-z])", re.IGNORECASE)
# "4C", "21°C", "70 degrees Fahrenheit": a temperature.
_UNITS["temperature"] = r"°\s?[CF]?|(?<=\d)[CF]|degrees?|celsius|fahrenheit|centigrade"
_SAME_UNITS = {
    "hot": "temperature",
    "cold": "temperature",
    "warm": "temperature",
    "quickly": "long",
    "frequently": "often",
    "deep": "tall",
    "wide": "tall",
    "age": "old",
    "close": "far",
    "near": "far",
    "low": "high",
    "length": "long",
    "duration": "long",
    "distance": "far",
    "height": "tall",
    "depth": "tall",
    "width": "tall",
    "elevation": "tall",
    "altitude": "tall",
    "speed": "fast",
}
# The measures written after the amount that gives them: "96 km long", "30 m deep".
_DIMENSIONS = frozenset({"long", "old", "tall", "high", "deep", "wide"})
_BARE_NUMBER = re.compile(r"\d{1,3}")
_ASKS_A_SIZE = re.compile(r"\bhow (?:large|big|small)\b", re.IGNORECASE)
# An amount that ends in a unit of time ("five-year", "10 days"), not one per unit ("a year").
_A_SPAN_OF_TIME = re.compile(
    r"(?<!\ba )(?<!\bper )(?<!\beach )(?<!\bevery )(?:second|minute|hour|day|week|fortnight"
    r"|month|year|decade|century)s?(?:-(?:old|long))?$",
    re.IGNORECASE,
)
_AGE = re.compile(r"-(?:year|month|week|day)s?-old\b|\b(?:year|month)s? old\b", re.IGNORECASE)
_MEASURE = re.compile(
    r"\bhow (long|old|far|close|near|fast|often|frequently|much|quickly|tall|high|low|deep|wide"
    r"|hot|cold"
    # "What age is she?" asks how old; "What was the temperature…?" for a temperature, "What
    # is its total length?" for a length.
    r"|warm)\b|\b(age|temperature|length|distance|height|depth|width|speed|duration|elevation"
    r"|altitude)s?\b",
    re.IGNORECASE,
)


def asks_for_money(question: Question) -> bool:
    """Whether only a sum of money answers the question ("How much did she spend…?")."""
    return _ASKS_FOR_MONEY.search(question.text) is not None


def fits(question: Question, found: str) -> bool:
    """Whether a name or amount found in a sentence can answer the question.

    A lone word made from a name ("Japanese") names no one. An amount must be
    in the question's terms: "nearly 90 minutes" answers "how long", not "how
    much"; "how many children" is not answered by money, a percentage or a
    count of hours; "what percentage" only by a percentage or a fraction.
    A date fits, but "what date" wants one with its day of the month ("27 January", not
    "on Monday"), "which day" one that names a day, "what year" one
    that names a year, and "what time" a time of day or a time taken ("7.96
    seconds", which `candidates` offers as well as dates).
    """
    if question.wants == "name":
        made = made_from_a_name(POSSESSIVE.sub("", found))  # "the Austrian's drop shots"
        return made == question.asks_nationality
    if question.wants == "date":
        if _ASKS_A_DATE.search(question.text):
            return bool(NAMES_A_CALENDAR_DAY.search(found))
        if _ASKS_A_DAY.search(question.text):
            return bool(NAMES_A_DAY.search(found))
        if _ASKS_A_YEAR.search(question.text):
            return bool(NAMES_A_YEAR.search(found))
        if _ASKS_THE_HOUR.search(question.text):
            return bool(_CLOCK.search(found))
        if ASKS_A_TIME.search(question.text):
            return bool(_CLOCK_OR_TIME_TAKEN.search(found))
        return True
    if question.wants != "number":
        return True
    if _ASKS_A_SHARE.search(question.text):
        return bool(_SHARE.search(found))
    if _ASKS_FOR_MONEY.search(question.text):
        return bool(MONEY.search(found))
    timed = _TIMED.search(found)
    if question.counted:
        other_unit = timed and not set(terms(timed.group(0))) & set(terms(question.counted))
        # "about 11 times average earnings" is a multiple, unless times are what is counted.
        multiple = _TIMES.search(found) and not _TIMES.fullmatch(question.counted)
        return not (
            MONEY.search(found)
            or _SHARE.search(found)
            or TEMPERATURE.search(found)
            or other_unit
            or multiple
        )
    if _ASKS_A_SCORE.search(question.text):
        return bool(_SCORE_WRITTEN.search(found))
    if _ASKS_A_HEADCOUNT.search(question.text):
        return not (MONEY.search(found) or _SHARE.search(found) or timed or _AGE.search(found))
    measured = _measured(question.text)
    if _ASKS_A_SIZE.search(question.text) and _A_SPAN_OF_TIME.search(found):
        return False  # "the five-year grant" says how long it runs, not how large it is
    if not measured:
        return True
    if measured == "old" and _BARE_NUMBER.fullmatch(found):
        return True  # "died at the age of 71"
    if measured != "old" and _AGE.search(found):
        return False  # "the 34-year-old" is no time for "how quickly…"
    if measured != "often" and found.lower().startswith("every "):
        return False  # "every 20 minutes" says how often, not how long
    unit = _UNITS[measured]
    if measured == "long" and (question.told or _HOW_LONG_DOES.search(question.text)):
        # "How long was the launch delayed?", "How long does the frog live?" ask for a
        # time ("93 minutes"), not a length ("the 21-metre rocket"); "How long is the
        # bridge?" for either.
        unit = _TIME_UNITS
    return bool(re.search(rf"(?<![a-z])(?:{unit})(?![a-z])", found, re.IGNORECASE))


# "How long does it live?", "How long did they wait?": a verb other than "be" (or "will
# be"), so a time.
_HOW_LONG_DOES = re.compile(
    r"\bhow long (?:does|do|did|can|could|has|have|had)\b(?!.*\bbeen\b)", re.IGNORECASE
)
_TIMES = re.compile(r"\btimes\b", re.IGNORECASE)
# "How much longer did they sleep?", "How much later…", "How much extra sleep…": a span of
# time, not a sum.
_HOW_MUCH_MORE_TIME = re.compile(
    r"\bhow much (?:longer|shorter|later|earlier|sooner"
    r"|(?:(?:more|less|extra|additional|spare|free)\s+)?(?:time|sleep|rest|leave|notice|delay)\b)",
    re.IGNORECASE,
)


def _measured(question: str) -> str:
    """What an amount answering `question` measures, named as in _UNITS ("long" for "How
    quickly…" and "How much longer…", "weight" for "How much does it weigh?"); "" when
    any amount may answer."""
    if _HOW_MUCH_MORE_TIME.search(question):
        return "long"
    measure = _MEASURE.search(question)
    asked = (measure.group(1) or measure.group(2)).lower() if measure else ""
    if _WEIGHED.search(question) and asked in ("", "much"):
        return "weight"
    return _SAME_UNITS.get(asked, asked)


# The terms of the words news uses for the people a firm employs, one for another ("How
# many employees…?" of "About 85 staff"; "320 jobs will go" tells of jobs, not of staff).
WORKFORCE = frozenset(terms("employees workers staff workforce personnel"))


# The endings of the terms of nouns for those who do something ("visitor", "worker", and
# "employe", the stem of "employee").
_DOER_ENDINGS = ("or", "er", "e")


def verbs_of_doer(term: str) -> set[str]:
    """The terms of the verb that the term of a noun for one who does it may come from:
    "winner" → "win", "visitor" → "visit", "writer" → "write", "employe" → "employ". The
    stemmer keeps each apart from its verb; a term that is no doer gives stems that a
    sentence seldom holds ("water" → "wat")."""
    verbs = set()
    for end in _DOER_ENDINGS:
        base = term[: -len(end)]
        if not term.endswith(end) or len(base) < 3:
            continue
        verbs.add(base)
        if end != "e":
            verbs.add(base + "e")  # "writer" → "write"
            if base[-1] == base[-2] and base[-1] not in "aeiouls":
                verbs.add(base[:-1])  # "winner" → "win", "runner" → "run"
    return verbs


def people_doing(counted: str, after: str) -> bool:
    """Whether `after`, the words from an amount on, counts people doing what the counted
    noun names ("2,300 people visited the site" counts visitors; "several hundred local
    people" counts no workers)."""
    doers = verbs_of_doer(next(iter(terms(counted)), ""))
    return bool(doers.intersection(terms(after)[:5])) and bool(PEOPLE.intersection(words(after)))


def _counted_noun(phrase: str) -> str:
    """The noun "how many" counts: the last plural word before any small word ("copies" in
    "copies of Halo 2", "boats" in "fishing boats", "children" in "children took part")."""
    words = _counted_words(phrase)
    return words[-1] if words else ""


def _counting_terms(phrase: str) -> list[str]:
    """The terms of the words that say what "how many" counts ("Fiesta cars")."""
    return [t for word in _counted_words(phrase) for t in terms(word)]


def _counted_words(phrase: str) -> list[str]:
    """The words after "how many" up to the counted noun: up to the last plural word before
    any small word or a verb after a plural ("passengers" in "passengers use Northern Link
    trains"), a name after a plural not counting ("people" in "people attended Saltmarsh
    Sounds"), else the first word."""
    words: list[str] = []

    def is_plural(word: str) -> bool:
        return word.lower().endswith("s") or word.lower() in _IRREGULAR_PLURALS

    for word in phrase.split():
        if word.lower() in STOP_WORDS:
            break
        if words and is_plural(words[-1]) and word.islower() and a_verb_as_written(word):
            break
        words.append(word)
    # A name after a plural is what the counted did something to, however it ends.
    plural = [
        i
        for i, w in enumerate(words)
        if is_plural(w) and not (w[0].isupper() and any(map(is_plural, words[:i])))
    ]
    return words[: plural[-1] + 1] if plural else words[:1]


def name_terms(text: str) -> list[str]:
    """The terms of the capitalised words of `text` past the first: its names."""
    return [
        term
        for position, word in enumerate(_WORDS.findall(text))
        if position and word[0].isupper()
        for term in terms(word)
    ]


def _plain_terms(question: str) -> list[str]:
    """The terms of the question's words that are not names or numbers: what it says of them."""
    found = []
    for position, word in enumerate(_WORDS.findall(question)):
        if (position and word[0].isupper()) or any(c.isdigit() for c in word):
            continue
        found += terms(word)
    return found


def _kind(question: str) -> str:
    for kind, pattern in _KINDS:
        if re.match(_PREPOSITION + pattern, question, re.IGNORECASE):
            return kind
    # "The call lasted how long?", "And who confirmed it?"
    for kind, pattern in _KINDS:
        if kind in _ASKED_INSIDE and re.search(r"\b" + pattern, question, re.IGNORECASE):
            return kind
    if _A_SENTENCE.match(question):
        return "other"
    return next((kind for kind, nouns in _KEYWORD_KINDS if nouns.search(question)), "other")


# A question written as a sentence, with a verb of its own ("Tell me about…", "Name the…"),
# not keywords.
_A_SENTENCE = re.compile(
    r".*\b(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|tell|name|give"
    r"|list|describe|explain|show|find)\b",
    re.IGNORECASE,
)
