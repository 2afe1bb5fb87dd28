"""The offline answerer: quotes the sentence that answers the question, its answer marked.

No language model: every answer sentence is a verbatim sentence of a
retrieved passage followed by its `[n]`, so it cannot say anything the
articles do not. Which sentence is the trained scorer's choice (rating.py,
features.py, scorer.py); inside it, the words that answer are marked as the
short answer (short_answer.py). One sentence answers, unless the question
asks for several things (then up to three that rate nearly as well) or for
an explanation (then the next one too, when it rates nearly as well and
follows on in the same passage; and, while none gives a cause, the next ones
of its paragraph, up to three in all: "X was withdrawn in March." is
followed by the sentence saying what had been found), or for "who", when the chosen
one opens with "He", "She" or "They" (or "The minister…") and names no one as
people are named (then the sentence before, which names them, is quoted
first). A sentence naming only other years than
the one the question names is not quoted when another candidate names it (for
"this year", its article's year); nor one naming only another quarter or half
than the question's; nor one from an article naming fewer than
half of the question's names when another article names more. "Which judge…?"
prefers a sentence rated near the best naming someone beside or titled by the
role ("Judge Rebecca Hartley"); a chosen sentence holding none of the
question's words, rated for those of the sentence before it, gives way to
that sentence when it answers too.

It refuses, instead of quoting the closest sentence, when:

- a name or number of the question appears in none of the passages (the
  articles are about something else, or the question's premise is wrong);
- a "how many X" question finds no amount of X anywhere in the passages;
- a sentence denies what the question takes as so: it holds most of the
  question's words and negates one ("…has not been developed" for "When was
  it developed?"), and no sentence holding as many says them plainly (asked
  "Has it been developed?", that sentence is the answer, quoted);
- the article of the best sentence lacks a year or amount the question names,
  and no sentence of an article holding them answers ("…in 2002?" is not
  answered from an article about 2004);
- no sentence rates above the scorer's calibrated threshold, or the
  candidates as a whole fail the answerability gate (answerability.py: the
  best does not stand out, or words of the question are in no passage).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator, Sequence

import numpy as np

from assistant.answering.base import Piece
from assistant.answering.condense import carry_subject
from assistant.answering.denial import denied_premise, still_to_come
from assistant.answering.evidence import absent_from, absent_numbers
from assistant.answering.features import NAMES
from assistant.answering.passage_sentences import (
    FIRST_ITEM_BREAKS,
    PassageSentence,
    describes_one_before,
    leads_into_a_list,
    line_after,
    refers_back,
    refers_to_one,
    sentence_after,
    sentence_before,
)
from assistant.answering.periods import named_periods, own_years
from assistant.answering.question import (
    CARRIED_CONTEXT,
    WORKFORCE,
    Question,
    name_terms,
    people_doing,
    verbs_of_doer,
)
from assistant.answering.rating import Rated, Rater
from assistant.answering.recognise import (
    PEOPLE,
    Found,
    find,
    looks_like_a_person,
    made_from_a_name,
    names_a_person,
    years,
)
from assistant.answering.roles import as_titled
from assistant.answering.short_answer import (
    asks_a_margin,
    candidates,
    changes_the_role,
    counts_what_is_asked,
    gives_a_cause,
    gives_a_margin,
    is_counted,
    names_the_place,
    role_terms,
    short_answer,
    stands_beside,
)
from assistant.answering.trimming import after_the_dateline, up_to_the_answer
from assistant.records import History, Passage, Quote, Refusal, ShortAnswer
from assistant.text.footnotes import without_reference_marks
from assistant.text.reasons import tells_a_reason
from assistant.text.tense import (
    foresees_only,
    tells_an_earlier_event,
    tells_what_did_not_happen,
    told_as_done,
)
from assistant.text.terms import in_the_dictionary, terms, words

# The whole text of articles, by their ids.
ArticleText = Callable[[list[str]], str]
NOTE = (
    "Extractive answer: sentences quoted verbatim from the articles, no language model used; "
    "a quote ending in “…” stops after its answer, and its passage shows the rest."
)
# Said as found, not as fact: the rating can miss a sentence that does answer.
NO_ANSWERING_SENTENCE = "No sentence of the closest passages was found to answer the question."
NO_ROLE = "No passage names the role the question asks who holds."
# Where the coverage of a sentence with its neighbours stands in the feature rows.
_WINDOW = NAMES.index("window")
_THIS_YEAR = re.compile(r"\bthis year\b", re.IGNORECASE)
_HOW = re.compile(r"\bhow\s+(\w+)", re.IGNORECASE)
# Further sentences are quoted only when they rate within this much of the best (scorer units).
CLOSE_SCORE = 1.0
# How much lower than the best a sentence giving the place right after the question's verb
# may be rated and still answer "where" in its stead.
PLACED_SCORE = 2.0
# The same for a sentence whose clause puts the question's own verb before the place: the
# verb placed is what "where" asks, a stronger sign than any question word before it.
VERB_PLACED_SCORE = 2 * PLACED_SCORE
# How much lower than the best a sentence naming a person right beside the role asked for
# ("Which comedian…?": "host and comedian Chris Rock") may be rated and still be chosen
# (chosen on the dev sets: 1.0 lost two right answers there, unlimited lost one held out).
BESIDE_SCORE = 2.5
MOST_SENTENCES = 3
# The most items of a list quoted after the sentence leading into it.
LIST_ITEMS = 8


class ExtractiveAnswerer:
    """An Answerer that quotes sentences from the passages; see the module docstring for how."""

    mode = "extractive"
    name = "extractive"
    note = NOTE

    def __init__(self, rater: Rater, articles: ArticleText | None = None) -> None:
        """`articles` gives the whole text of articles by id, so the refusal checks look at
        the articles, not only at the retrieved passages of them."""
        self.rater = rater
        self.articles = articles

    def describe(self) -> str:
        """What this answerer does, for people."""
        return "extractive (quotes sentences from the articles; no language model)"

    def condense(self, question: str, history: History) -> str:
        """The follow-up with the earlier subject carried over (see condense.py)."""
        if not history:
            return question
        return carry_subject(question, history)

    def answer(
        self, question: str, passages: Sequence[Passage], history: History
    ) -> Iterator[Piece]:
        """The chosen quotes, best first, or a Refusal saying why there is none."""
        chosen = self.choose(question, passages)
        if isinstance(chosen, Refusal):
            yield chosen
        else:
            yield from chosen

    def choose(self, question: str, passages: Sequence[Passage]) -> list[Quote] | Refusal:
        """The quotes that answer `question`, best first, or why none does."""
        rated = self.rater.rate(as_titled(question, passages), passages)
        if rated is None:
            return Refusal(NO_ANSWERING_SENTENCE)
        articles = (
            self.articles(list(dict.fromkeys(p.article_id for p in passages)))
            if (self.articles)
            else ""
        )
        why_not = _missing(rated.question, passages, articles) or _no_amount(
            rated.question, passages, articles
        )
        if why_not:
            return Refusal(why_not)
        denial = denied_premise(rated)
        if denial is not None and rated.question.kind == "yes_no":
            return [self._quote(rated, denial)]  # "Was it built?" "It was never built."
        if denial is not None:
            said = _in_quotes(rated.candidates.sentences[denial].text)
            return Refusal(f"The articles say otherwise: {said}")
        # Read only for a question a name or number qualifies (the two checks below).
        qualified = rated.question.numbers or rated.question.names or _carried_numbers(rated)
        texts = self._article_texts(rated) if qualified else None
        lacking = _numbers_lacking(rated, texts)
        named = _naming_the_asked(rated, texts, _of_the_numbers(rated, lacking))
        happened = _as_it_happened(rated, named)
        of_the_year = _of_the_year_asked(
            rated,
            _of_the_part_asked(rated, _of_the_ordinal_asked(rated, _of_this_year(rated, happened))),
        )
        allowed = _of_the_place_asked(rated, of_the_year)
        if _role_unnamed(rated, allowed):
            return Refusal(NO_ROLE)
        best = _answering(rated, allowed)
        if best is None and allowed != of_the_year:
            # No sentence naming the place answers: one telling it otherwise may ("finished
            # well ahead of Marc Blume" for "Who was runner-up?").
            allowed = of_the_year
            best = _answering(rated, allowed)
        if best is None:
            # Say why: the best-rated sentence's article lacks the question's numbers, or
            # no sentence answers.
            top = rated.best()
            # Only the question's own: a follow-up's carried numbers are no words of the reader.
            absent = [n for n in lacking[top] if n.replace(",", "") in rated.question.numbers]
            title = rated.passages[rated.candidates.sentences[top].n - 1].title
            return Refusal(_numbers_apart(absent, title) if absent else NO_ANSWERING_SENTENCE)
        chosen = rated.candidates.sentences[best]
        to_come = _only_foreseen(rated, best)
        if to_come is None and still_to_come(rated.question, chosen.text):
            to_come = chosen
        if to_come is not None:
            said = _in_quotes(to_come.text)
            return Refusal(f"The articles tell only of what is still to come: {said}")
        if _told_of_another_year(rated.question, chosen.text):
            said = _in_quotes(chosen.text)
            return Refusal(f"The articles tell that of another year: {said}")
        quotes = [self._quote(rated, i) for i in _sentences(rated, best, allowed)]
        referent = self._referent(rated, quotes[0])
        if referent is not None:
            quotes = [referent, dataclasses.replace(quotes[0], short=None), *quotes[1:]]
        if rated.question.wants_explanation:
            quotes = self._until_a_cause(rated, quotes)
        return [
            up_to_the_answer(rated.question, after_the_dateline(q))
            for q in self._with_the_lists(rated, quotes)
        ]

    def _with_the_lists(self, rated: Rated, quotes: list[Quote]) -> list[Quote]:
        """`quotes`, each leading into a list ("The principal tributaries are:") followed
        by the list's items, up to LIST_ITEMS: the lead-in alone answers nothing."""
        quoted = {(q.n, q.start) for q in quotes}
        shown: list[Quote] = []
        for quote in quotes:
            shown.append(quote)
            if leads_into_a_list(quote.text):
                items = self._list_items(rated, quote)
                shown += [item for item in items if (item.n, item.start) not in quoted]
        return shown

    def _list_items(self, rated: Rated, lead_in: Quote) -> list[Quote]:
        """The items of the list `lead_in` leads into, quoted, up to LIST_ITEMS."""
        items: list[Quote] = []
        item = line_after(rated.passages, _located(lead_in), FIRST_ITEM_BREAKS)
        while item is not None and len(items) < LIST_ITEMS:
            quote = self._quote_sentence(rated.question, item, lead_in.score)
            items.append(dataclasses.replace(quote, item=True))
            item = line_after(rated.passages, item)
        return items

    def _until_a_cause(self, rated: Rated, quotes: list[Quote]) -> list[Quote]:
        """`quotes` and the sentences after them in their paragraph, up to MOST_SENTENCES in
        all, until one gives a cause: "Why was X withdrawn?" is often answered a sentence
        or two after "X was withdrawn in March.", and "How did the stand catch fire?" after
        "The stand burned down in 1968.". A cause is a marked reason ("because…"), one
        worded as an excess, inability, lack or blame ("could not afford it"), or, after
        the first sentence (which may tell the event so), an earlier event ("Heavy snow
        had closed the road."). When no sentence within reach gives one, the first after
        the event stands for the explanation: the one after it is as likely to tell what
        followed ("Some roles will move to Amsterdam.")."""

        def has_a_cause(shown: list[Quote]) -> bool:
            return any(q.short or tells_a_reason(q.text) for q in shown) or any(
                tells_an_earlier_event(q.text) for q in shown[1:]
            )

        walked = quotes
        while len(walked) < MOST_SENTENCES and not has_a_cause(walked):
            reason = sentence_after(rated.passages, _located(walked[-1]))
            if reason is None:
                break
            walked = [*walked, self._quote_sentence(rated.question, reason, quotes[0].score)]
        if has_a_cause(walked):
            return walked
        return walked[: max(len(quotes), 2)]

    def _article_texts(self, rated: Rated) -> dict[str, str] | None:
        """The whole text of each candidate's article, read once for the checks that look
        beyond the passages; None without a way to read articles."""
        if self.articles is None:
            return None
        ids = {rated.passages[s.n - 1].article_id for s in rated.candidates.sentences}
        return {article: self.articles([article]) for article in ids}

    def _referent(self, rated: Rated, first: Quote) -> Quote | None:
        """For "Who appointed Tom Reed?" answered by "She appointed Tom Reed…" (or "The
        minister appointed…"), the sentence before, which names her, with her name marked.
        When the "He/She…" sentence has a name of its own, the one before wins only if the
        question asks who did it and it names someone as people are named ("Marit Aasland",
        "Mr Hockney"): a name inside "She was credited with the Van Riel purchase" is not
        who she is, but "finishing second to Douglas Fenwick" answers "Who beat her?". A
        sentence opening with a role ("The 2022 winner was Kwame Asante") keeps a name of
        its own written as a person's."""
        question = rated.question
        described = describes_one_before(first.text)
        if not question.asks_who or not (described or refers_back(first.text)):
            return None
        own_name = first.short is not None
        if own_name and not (
            question.asks_who_did_it
            and (refers_to_one(first.text) or (described and not _names_a_person(first)))
        ):
            return None
        named = sentence_before(rated.passages, _located(first))
        if named is None:
            return None
        quote = self._quote_sentence(question, named, first.score)
        if quote.short is None:
            return None
        if own_name and not _names_a_person(quote):
            return None
        return quote

    def _quote(self, rated: Rated, index: int) -> Quote:
        sentence = rated.candidates.sentences[index]
        return self._quote_sentence(rated.question, sentence, float(rated.scores[index]))

    def _quote_sentence(self, question: Question, sentence: PassageSentence, score: float) -> Quote:
        """`sentence` quoted, with the words in it that answer `question` marked."""
        span = short_answer(question, sentence.text)
        short = None
        if span is not None:
            start, end = span
            short = ShortAnswer(
                sentence.n, sentence.text[start:end], sentence.start + start, sentence.start + end
            )
        return Quote(sentence.n, sentence.text, sentence.start, sentence.end, score, short)


def _in_quotes(sentence: str) -> str:
    """A sentence quoted in a refusal's note, without its reference marks: in curly quotes,
    unless it is a quotation already ("“We gave them a head start,” he said.")."""
    said = without_reference_marks(sentence)
    return said if said[:1] in _QUOTE_MARKS else f"“{said}”"


_QUOTE_MARKS = "\"“‘'"


def _names_a_person(quote: Quote) -> bool:
    """Whether the short answer of `quote` is written as a person's name."""
    if quote.short is None:
        return False
    start = quote.short.start - quote.start
    name = Found("name", start, start + len(quote.short.text), quote.short.text)
    return looks_like_a_person(quote.text, name)


def _located(quote: Quote) -> PassageSentence:
    return PassageSentence(quote.n, quote.text, quote.start, quote.end)


def _answering(rated: Rated, allowed: list[bool]) -> int | None:
    """The best-rated `allowed` candidate that answers; a close runner-up holding what the
    question asks for (a name, date or amount) when the best does not hold it; else None.
    For "Who is the ROLE of…?", first the best naming a person beside the role's words;
    for "Which ROLE…?", the best of those rated near the best."""
    order = [int(i) for i in np.argsort(-rated.scores, kind="stable") if allowed[i]]
    close = [i for i in order if rated.scores[i] >= rated.scores[order[0]] - CLOSE_SCORE]
    # "Who is the transport director of…?": a sentence naming a person right beside the
    # role's words ("the authority's transport director, Priya Halvorsen") says who holds
    # it, whatever names the better-rated ones hold. "Which judge sentenced him?" names the
    # role only as the kind of person asked for, which the passages may give other people
    # too: there, only a sentence rated near the best.
    near = BESIDE_SCORE if rated.question.kind != "who" else float("inf")
    # Rated below the line itself, such a sentence still answers when the best does and it
    # comes from the same article ("Council leader Margaret Okafor said…" beside the
    # council's vote): it names the role, which the better-rated ones do not.
    answering_article = _article_of(rated, order[0]) if order and rated.answers(order[0]) else None
    beside = [
        i
        for i in order
        if rated.scores[i] >= rated.scores[order[0]] - near
        and (rated.answers(i) or _article_of(rated, i) == answering_article)
        and _names_beside(rated, i)
    ]
    answering = [i for i in close if rated.answers(i)]
    # When the best lacks the verb the question tells in the past, a close runner-up holding
    # every word of the question, that verb in any form ("Kiprono broke the course record
    # to win the Lakeside Marathon" over "…pulled clear of Tesfaye Abera" for "Who won the
    # Lakeside Marathon?"), else one telling the verb in the past: "Sixteen-year-old Anaya
    # Rao won the Tallinn Chess Open…" over "…funding of €25,000 from the city of Tallinn to
    # stage the Open"; "Directed by Antoine Fuqua, the film…" over "In Tears of the Sun
    # Willis plays…" for "Who directed Tears of the Sun?".
    told = rated.question.told
    if answering and not told <= rated.candidates.matched[answering[0]]:
        telling = [i for i in answering if told_as_done(rated.candidates.sentences[i].text, told)]
        own = _own_words(rated.question)
        holding = [i for i in answering if told <= rated.candidates.matched[i]]
        whole = [i for i in holding if own and own <= rated.candidates.matched[i]]
        answering = whole or telling or answering
    if rated.question.kind == "where" and answering:
        answering = _placed_as_asked(rated, order, answering)
    rated_best = answering[:1]
    if rated.question.kind == "why":
        # "…would not be rushed into Sunday's game because of a minor hamstring problem" over
        # "…spotted playing for Marlow Town" for "Why won't Okonjo play on Sunday?".
        answering = _one_that_gives(rated, order, answering, gives_a_cause)
    if asks_a_margin(rated.question):
        # "…giving Ms Whitlock a majority of 3,584" over "Ms Whitlock won 21,486 votes" for
        # "By how many votes did Whitlock win?".
        answering = _one_that_gives(rated, order, answering, gives_a_margin, any_answering=True)
    elif rated.question.counting:
        answering = _one_that_gives(
            rated, order, answering, _counting_it(rated, answering), any_answering=True
        )
    chosen = beside or answering
    if not chosen:
        return None
    if not beside and answering[:1] != rated_best:
        return chosen[0]  # chosen for giving what the best does not: nothing to lend it
    return _lender(rated, chosen[0], close)


# A word for someone named before, not a possessive ("his deposit"): "Just 23 paintings
# are attributed to her, …".
_PRONOUN = re.compile(
    r"\b(?:him|her|them)\b(?=\s*[,.;:!?]|\s+(?:and|but|as|in|on|at|by|for|from|with|after"
    r"|before|since)\b)",
    re.IGNORECASE,
)


def _counting_it(rated: Rated, answering: list[int]) -> Callable[[str], bool]:
    """For "How many pupils…", whether a sentence gives an amount written with what is
    counted ("…a study of more than 11,000 pupils", not "Nine of the schools…"), holding
    the names the best answering sentence holds or a pronoun for them ("Dean Carter on
    7,640" is not left for "Jo Barnes received 2,231 votes"); not those naming what is
    counted ("How many Marlow Vale Health Trust patients…")."""
    best = rated.candidates.matched[answering[0]] if answering else frozenset()
    named = (best & rated.question.names) - rated.question.counting

    def counting(text: str) -> bool:
        held = named <= set(terms(text)) or refers_back(text) or _PRONOUN.search(text) is not None
        return held and counts_what_is_asked(rated.question, text)

    return counting


def _one_that_gives(
    rated: Rated,
    order: list[int],
    answering: list[int],
    gives: Callable[[str], bool],
    *,
    any_answering: bool = False,
) -> list[int]:
    """`answering`, or when its best does not give what the question asks for (a reason, a
    margin), the sentences of the same article that do and hold a word of the question,
    rated within PLACED_SCORE of the best (or, with `any_answering`, rated as answering:
    a margin is a number of its own, where a reason may be any clause). A reason must be
    of what the question tells, holding one of its ordinary words: "in protest at the
    action" of a sentence naming only the firm is the reason for something else; a margin
    may stand beside the question's words instead."""
    if not answering or gives(rated.candidates.sentences[answering[0]].text):
        return answering
    article = _article_of(rated, answering[0])
    # The words a sentence giving it must hold: any of the question's, or for a reason one
    # of the words telling its event: an ordinary word or when ("Sunday's game"), not only
    # the names of who took part.
    wanted = (
        rated.question.terms
        if any_answering
        else rated.question.plain | _date_terms(rated.question.text)
    )
    giving = [
        i
        for i in order
        if (
            rated.scores[i] >= rated.scores[order[0]] - PLACED_SCORE
            or (any_answering and rated.answers(i))
        )
        and _article_of(rated, i) == article
        and (
            rated.candidates.matched[i] & wanted or (any_answering and _beside_its_words(rated, i))
        )
        and gives(rated.candidates.sentences[i].text)
    ]
    return giving or answering


def _beside_its_words(rated: Rated, index: int) -> bool:
    """Whether a sentence next to candidate `index` in its passage holds question words
    ("…where the proposal was carried by 23 votes to 17" after the lead naming the vote)."""
    return bool(rated.candidates.features[index][_WINDOW] > 0)


def _date_terms(text: str) -> frozenset[str]:
    """The terms of the dates `text` names ("sunday" of "…play on Sunday?")."""
    return frozenset(t for date in find(text, "date") for t in terms(date.text))


# What ends a clause inside a sentence: its punctuation, or a spaced dash.
_CLAUSE_MARK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
# A word, then a preposition of place, right before the place: "arrested in ", "born at the ".
_VERB_THEN_PLACE = re.compile(
    r"\b([\w'’-]+)\s+(?:in|at|near|outside|inside|on|into|to|from)\s+(?:the\s+)?$", re.I
)


def _placed_as_asked(rated: Rated, order: list[int], answering: list[int]) -> list[int]:
    """For "where", the answering candidates led by one that places what the question
    asks about. First one giving the place right after a word of the question ("were
    arrested in Leeds" over "arrested after a robbery … in Harrogate"), rated within
    PLACED_SCORE of the best. Then, when that one does not put the question's verb before
    its place, one that does, rated within VERB_PLACED_SCORE and holding every word of the
    question it holds ("voted to build a new central library on the site of the former bus
    depot on Quay Street" over "The old Carnegie library on Mill Road will close…" for
    "Where will the library be built?"; but "…finished second at the European Junior
    Girls' Championship in Groningen" does not say where she was the Women's runner-up)."""
    if not _placed_by_the_verb(rated, answering[0]):
        answering = _answering_within(rated, order, PLACED_SCORE, _placed_by_the_verb) or answering
    if _led_by_the_verb(rated, answering[0]):
        return answering
    matched = rated.candidates.matched
    led = _answering_within(rated, order, VERB_PLACED_SCORE, _led_by_the_verb)
    return [i for i in led if matched[answering[0]] <= matched[i]] or answering


def _answering_within(
    rated: Rated, order: list[int], reach: float, placing: Callable[[Rated, int], bool]
) -> list[int]:
    """The candidates of `order` rated within `reach` of the best that answer and that
    `placing` holds of."""
    return [
        i
        for i in order
        if rated.scores[i] >= rated.scores[order[0]] - reach
        and rated.answers(i)
        and placing(rated, i)
    ]


def _led_by_the_verb(rated: Rated, index: int) -> bool:
    """Whether candidate `index` gives its place in the same clause as, and after, a verb
    the question tells ("to build a new central library on the site of the former bus
    depot on Quay Street" for "Where will the library be built?")."""
    if not rated.question.told:
        return False
    text = rated.candidates.sentences[index].text
    span = short_answer(rated.question, text)
    if span is None:
        return False
    clause = _CLAUSE_MARK.split(text[: span[0]])[-1]
    return bool(set(terms(clause)) & rated.question.told)


def _placed_by_the_verb(rated: Rated, index: int) -> bool:
    """Whether candidate `index` gives its place right after one of the question's own
    words and a preposition ("The men were arrested in Leeds" for "Where were they
    arrested?")."""
    text = rated.candidates.sentences[index].text
    span = short_answer(rated.question, text)
    before = _VERB_THEN_PLACE.search(text[: span[0]]) if span else None
    return before is not None and bool(set(terms(before.group(1))) & rated.question.plain)


def _own_words(question: Question) -> frozenset[str]:
    """The terms of the question's own words, but for those asking ("much" of "how much",
    the kind after "which") and any carried context: what a sentence holding every word of
    the question holds."""
    asking = {t for m in _HOW.finditer(question.text) for t in terms(m.group(1))}
    return question.terms - question.carried - question.focus - asking


def _article_of(rated: Rated, index: int) -> str:
    """The id of the article candidate `index` comes from."""
    return rated.passages[rated.candidates.sentences[index].n - 1].article_id


def _lender(rated: Rated, index: int, close: list[int]) -> int:
    """`index`, or the close candidate right before it in its paragraph when that one
    answers and `index` holds none of the question's words: it was rated for the words
    of the sentence before it ("The draw will be made on Monday evening." after "…the
    semi-final, which is due to be played on 5 April." for "When will the semi-final be
    played?")."""
    if rated.candidates.matched[index]:
        return index
    before = sentence_before(rated.passages, rated.candidates.sentences[index])
    if before is None:
        return index
    article = rated.passages[before.n - 1].article_id
    return next(
        (
            j
            for j in close
            if rated.answers(j)
            and rated.candidates.matched[j]
            and (s := rated.candidates.sentences[j]).start == before.start
            and rated.passages[s.n - 1].article_id == article
        ),
        index,
    )


def _names_beside(rated: Rated, index: int) -> bool:
    """For "Who is the ROLE of…?", whether candidate `index` names a person right beside
    the role's words ("the council's transport director, Ingrid Voss"); for "Which union…?"
    asking for a name, one right beside the kind asked for ("The union, Aslef, said…"),
    where "their union has announced" beside "Northway Rail" names no union."""
    question = rated.question
    sentence = rated.candidates.sentences[index].text
    if not question.role:
        return (
            question.kind == "which"
            and question.wants == "name"
            and bool(question.focus)
            and any(
                _after_the_kind(question.focus, sentence, name)
                for name in candidates(question, sentence)
            )
        )
    return any(
        (stands_beside(question.role, sentence, name) or _titled(question.role, sentence, name))
        and looks_like_a_person(sentence, name)
        for name in candidates(question, sentence)
    )


def _after_the_kind(kind: frozenset[str], sentence: str, name: Found) -> bool:
    """Whether `name` follows a word in lower case for the kind asked for, at most a comma
    between ("The union, Aslef,", "festival organisers Big Day Out Ltd"); a name before it
    ("most EU countries") only says which of the kind."""
    before = _KIND_BEFORE.search(sentence, 0, name.start)
    return before is not None and bool(set(terms(before.group(1))) & kind)


# The word right before a name, in lower case, with at most a comma between.
_KIND_BEFORE = re.compile(r"\b((?-i:[a-z][\w-]*))\s*,?\s+$")


def _titled(role: frozenset[str], sentence: str, name: Found) -> bool:
    """Whether the role's word is the title right before `name` ("Judge Rebecca Hartley")."""
    before = sentence[: name.start].split()
    title = terms(before[-1]) if before and sentence[name.start - 1] == " " else []
    if not title or title[0] not in role:
        return False
    # "The shadow chancellor, Graham Whitby": another role than the one asked.
    return not changes_the_role(sentence, sentence.rindex(before[-1], 0, name.start), role)


def _of_the_year_asked(rated: Rated, allowed: list[bool]) -> list[bool]:
    """`allowed` less the sentences that name only other years than the question's, when a
    candidate names it: "The 2019 Tour was won by…" does not answer "Who won the 2021 Tour?"
    beside "In 2021 the race was won by…". Not when the question asks for a date: the other
    year may be the answer ("…in 2004 fell to their lowest since when?"). (The labelled
    questions hardly ever set one year against another, so the scorer has not learnt this.)"""
    asked = years(rated.question.text)
    named = [own_years(sentence.text) for sentence in rated.candidates.sentences]
    if rated.question.wants == "date" or not any(asked & found for found in named):
        return allowed
    # A sentence giving the asked year's figure to compare with ("up from 1.31 million in
    # 2022") still answers for that year.
    return [
        ok and (not found or bool(asked & years(sentence.text)))
        for ok, found, sentence in zip(allowed, named, rated.candidates.sentences, strict=True)
    ]


# An ordinal and the noun it counts, one word between at most: "her first restaurant", "the
# second phase", "a third restaurant".
_ORDINAL_NOUN = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))"
    r"\s+([\w-]+)(?:\s+([\w-]+))?",
    re.IGNORECASE,
)


def _ordinals(text: str) -> dict[str, set[str]]:
    """For each noun an ordinal counts in `text`, the ordinals ("restaur": {"third"})."""
    counted: dict[str, set[str]] = {}
    for match in _ORDINAL_NOUN.finditer(text):
        for term in terms(f"{match.group(2)} {match.group(3) or ''}"):
            counted.setdefault(term, set()).add(match.group(1).lower())
    return counted


def _of_the_ordinal_asked(rated: Rated, allowed: list[bool]) -> list[bool]:
    """`allowed` less the sentences counting the thing asked about with another ordinal than
    the question's and not with it: "…planning a third restaurant in London" does not say
    where her first restaurant is. (Narrowing to the sentences counting it as the question
    does, or refusing when none does, cost right answers: the first is seldom called so,
    "the new plant" is the second.)"""
    asked = _ordinals(rated.question.text)
    if not asked:
        return allowed

    def another(sentence: str) -> bool:
        found = _ordinals(sentence)
        shared = [noun for noun in asked if noun in found]
        return bool(shared) and not any(found[noun] & asked[noun] for noun in shared)

    return [
        ok and not another(sentence.text)
        for ok, sentence in zip(allowed, rated.candidates.sentences, strict=True)
    ]


def _of_the_part_asked(rated: Rated, allowed: list[bool]) -> list[bool]:
    """`allowed` less the sentences naming only other quarters, halves or days of the week
    than the one the question asks about: "Pre-tax profit for the second quarter reached
    £48.2 million" does not answer "What was the profit in the first quarter?", nor
    "…on Friday, when temperatures reached 29C" "What was the temperature on Saturday?",
    even when nothing else does."""
    asked = named_periods(rated.question.text)
    if not asked:
        return allowed
    named = [named_periods(sentence.text) for sentence in rated.candidates.sentences]
    return [
        ok and (not found or bool(found & asked)) for ok, found in zip(allowed, named, strict=True)
    ]


def _numbers_lacking(rated: Rated, texts: dict[str, str] | None) -> list[list[str]]:
    """For each candidate, the numbers of the question its article does not hold.

    "What did GM earn in 2002?" is not answered from an article about 2004 because
    another retrieved article happens to mention 2002: the years, amounts and scores
    a question is qualified by must be in the article quoted (on the labelled
    questions, 79 of 81 answerable ones with a number have it in the answer's article;
    11 of 12 asking about the wrong period do not)."""
    sentences = rated.candidates.sentences
    if texts is None:
        return [[] for _ in sentences]
    lacking = {
        article: absent_numbers(rated.question.text, text) for article, text in texts.items()
    }
    return [lacking[rated.passages[s.n - 1].article_id] for s in sentences]


def _carried_numbers(rated: Rated) -> bool:
    """Whether a follow-up's carried context has numbers ("(context: 2024 marathon)")."""
    context = CARRIED_CONTEXT.search(rated.question.text)
    return context is not None and any(c.isdigit() for c in context.group(0))


def _of_the_numbers(rated: Rated, lacking: list[list[str]]) -> list[bool]:
    """The candidates whose article holds the question's numbers; a follow-up's carried
    numbers are only a preference, dropped when no candidate's article holds them."""
    whole = [not absent for absent in lacking]
    if any(whole):
        return whole
    own = rated.question.numbers
    return [not any(n.replace(",", "") in own for n in absent) for absent in lacking]


def _naming_the_asked(
    rated: Rated, texts: dict[str, str] | None, allowed: list[bool]
) -> list[bool]:
    """`allowed` less the sentences whose article names fewer than half of the names the
    question gives, when another's names more: "How old is Morag Cullen?" is not
    answered from an article about someone else because it gives an age. A name counts
    as named by its words or its initials ("US" for "United States"); words made from
    names ("Mexican") and one-word names that are English words ("Conservative",
    perhaps written "Tory") are not required."""
    names = [
        name.text
        for name in find(rated.question.text, "name")
        if not made_from_a_name(name.text)
        and (" " in name.text or not in_the_dictionary(name.text))
    ]
    if not names or texts is None:
        return allowed
    naming = {
        article: 2 * sum(1 for name in names if _names_it(name, text, set(terms(text))))
        >= len(names)
        for article, text in texts.items()
    }
    return _narrowed(
        allowed,
        (naming[rated.passages[s.n - 1].article_id] for s in rated.candidates.sentences),
    )


def _narrowed(allowed: list[bool], keep: Iterable[bool]) -> list[bool]:
    """`allowed` less the candidates `keep` turns down, unless that leaves none: a rule
    preferring some sentences never refuses on its own."""
    kept = [ok and wanted for ok, wanted in zip(allowed, keep, strict=True)]
    return kept if any(kept) else allowed


def _names_it(name: str, text: str, held: set[str]) -> bool:
    """Whether an article (its `text`, whose terms are `held`) names `name`: by its words,
    by their initials ("US" for "United States") or, for initials, by the words ("United
    Nations" for "UN")."""
    initials = "".join(word[0] for word in name.split() if word[:1].isupper()).lower()
    if set(terms(name)) <= held or (len(initials) >= 2 and initials in held):
        return True
    if not (name.isalpha() and name.isupper() and 2 <= len(name) <= 5):
        return False
    spelt = r"\w*\s+(?:(?:of|the|for|and|de)\s+)*".join(name)
    return re.search(rf"\b{spelt}\w*", text) is not None


def _of_this_year(rated: Rated, allowed: list[bool]) -> list[bool]:
    """For a question about "this year", `allowed` less the sentences naming only other
    years than their article's (dated) year, when another may answer: "How many runners
    completed this year's marathon?" is not answered by "The marathon was first held in
    1983 with fewer than 2,000 runners"."""
    if not _THIS_YEAR.search(rated.question.text):
        return allowed

    def of_its_year(sentence: PassageSentence) -> bool:
        dated = rated.passages[sentence.n - 1].date[:4]
        found = own_years(sentence.text)
        return not found or not dated or dated in found

    return _narrowed(allowed, map(of_its_year, rated.candidates.sentences))


def _as_it_happened(rated: Rated, allowed: list[bool]) -> list[bool]:
    """`allowed` less the sentences telling what did not happen ("…without which the
    sentence would have been nine years"), and, for a question in the past tense, those
    only foreseeing what it asks about ("he could win the gold medal" for "Who won the
    gold medal?"), when another may answer. The verbs are those of the question's main
    clause: "…once the spirals were suppressed?" sets the time of what is asked."""
    verbs = rated.question.past & rated.question.told
    return _narrowed(
        allowed,
        (
            not tells_what_did_not_happen(s.text) and not (verbs and foresees_only(s.text, verbs))
            for s in rated.candidates.sentences
        ),
    )


def _only_foreseen(rated: Rated, best: int) -> PassageSentence | None:
    """The best-rated sentence, when it only foresees what a question in the past tense
    asks about ("The yard is planned to open in 2026" for "When did the yard open?") and
    the sentence chosen does not tell of it (it is that sentence, or one without the
    question's verbs or the names it shares with the question: "…announced a partnership
    to build a yard at Esbjerg", "The Esbjerg yard opened in May 2024" for the yard at
    Gdansk). What was asked about has not happened, so far as the articles tell."""
    question = rated.question
    verbs = question.past & question.told
    sentences = rated.candidates.sentences
    top = sentences[rated.best()]
    if not verbs or not foresees_only(top.text, verbs):
        return None
    chosen = sentences[best]
    named = question.names & set(name_terms(top.text))
    if (
        chosen is not top
        and verbs & set(terms(chosen.text))
        and named <= set(name_terms(chosen.text))
    ):
        return None
    return top


# A year set after a verb, a few words on: "won his second title in 2021".
_IN_A_YEAR = re.compile(r"(?:\s+[\w'’-]+){0,5}?\s+in\s+((?:1[6-9]|20)\d\d)\b")


def _told_of_another_year(question: Question, sentence: str) -> bool:
    """Whether the sentence tells what the question asks of one year only as done in
    another: "After the cancelled 2020 race, Harcourt won his second title in 2021" for
    "Who won the race in 2020?" (the question's year is named, but not as the year of its
    verb). Not when the verb's clause goes on to the year asked ("It opened a laboratory in
    1966 and a factory in Cork in 1974"), nor when the question asks for a date."""
    asked = years(question.text)
    if not asked or not question.told or question.wants == "date":
        return False
    for word in re.finditer(r"[\w'’-]+", sentence):
        found = terms(word.group(0))
        if not found or found[0] not in question.told:
            continue
        year = _IN_A_YEAR.match(sentence, word.end())
        clause = sentence[word.end() :].split(";", 1)[0]
        if year is not None and year.group(1) not in asked and not asked & years(clause):
            return True
    return False


def _role_unnamed(rated: Rated, allowed: list[bool]) -> bool:
    """Whether "Who was Sofia Brennan's campaign manager?" finds no candidate naming the
    role (or another word for it: "barrister" for "lawyer", or the verb it is the doer of:
    "was founded by" for "Who are the founders…?"): a sentence naming only her rival names
    no one who holds it."""
    question = rated.question
    if question.kind != "who" or not question.role_holder:
        return False
    wanted = role_terms(question.role_holder) | verbs_of_doer(question.role_holder)
    return not any(
        ok and wanted & set(terms(sentence.text))
        for ok, sentence in zip(allowed, rated.candidates.sentences, strict=True)
    )


def _of_the_place_asked(rated: Rated, allowed: list[bool]) -> list[bool]:
    """`allowed` less the sentences naming no one beside the place asked about, when one
    does: "Ethiopia's Dawit Gebremedhin was second" answers "Who came second in the men's
    race?", not "Elias Mwangaza won the men's race", which holds more of its words."""
    return _narrowed(
        allowed, (names_the_place(rated.question, s.text) for s in rated.candidates.sentences)
    )


def _sentences(rated: Rated, best: int, allowed: list[bool]) -> list[int]:
    """The best candidate, and more only when the question asks for several things (an
    explanation goes on in `_until_a_cause`)."""
    question, scores = rated.question, rated.scores
    chosen = [best]
    if question.wants_several:
        for i in sorted(range(len(scores)), key=lambda i: -scores[i]):
            if len(chosen) == MOST_SENTENCES or scores[i] < scores[best] - CLOSE_SCORE:
                break
            if i != best and allowed[i]:
                chosen.append(i)
    return chosen


def _missing(question: Question, passages: Sequence[Passage], articles: str) -> str:
    """Why not, when a name or number of the question is in none of the passages' articles."""
    absent = absent_from(CARRIED_CONTEXT.sub("", question.text), passages, articles)
    if not absent:
        return ""
    listed = ", ".join(f"“{word}”" for word in absent)
    return f"The closest passages never mention {listed}, which the question is about."


def _numbers_apart(absent: list[str], title: str) -> str:
    """Why not, when the best-rated sentence's article (titled `title`) lacks numbers of the
    question and no article holding them answers. The article is named: the passage most
    similar to the question may be another, which holds them."""
    listed = ", ".join(f"“{number}”" for number in absent)
    article = f"“{title}”, where the closest sentence is," if title else "The closest article"
    return (
        f"{article} never mentions {listed}, which the question is about; no article that "
        "mentions it answers the question."
    )


# A gathering of people counted by the amount right after it: "a crowd of 4,612".
_GATHERING = re.compile(
    r"\b(?:crowd|attendance|audience|turnout|gate)\s+of\s+(?:about\s+|around\s+|some\s+|"
    r"nearly\s+|almost\s+|over\s+|more\s+than\s+|just\s+)?$",
    re.IGNORECASE,
)


def _no_amount(question: Question, passages: Sequence[Passage], articles: str) -> str:
    """Why not, when "how many X" finds no amount of X in the passages' articles; else ""."""
    if question.kind != "quantity" or not question.counted:
        return ""
    noun = question.counted
    counted = terms(noun)
    if not counted:
        return ""
    # "How many people visited…" is answered by "4,100 visitors", "How many visitors…" by
    # "2,300 people visited" (those who visit are visitors), and "How many workers did it
    # employ?" by "employed 620 people" (people, after the question's verb).
    anyone = noun.lower() in PEOPLE
    role = names_a_person(noun)
    # Another word for a firm's workers counts them only in a passage naming what is asked
    # of (the articles' whole text is read as one).
    of_it = {p.text for p in passages if question.names <= set(terms(p.text))}
    for text in [*(p.text for p in passages), articles]:
        workforce = WORKFORCE if counted[0] in WORKFORCE and text in of_it else frozenset()
        for amount in find(text, "number"):
            after = text[amount.start : amount.end + 40]
            # People of the kind asked, or people at large: "2 listeners" are no viewers.
            people = any(names_a_person(w) and is_counted(question, w) for w in words(after)[:6])
            done = question.plain & set(terms(text[max(0, amount.start - 30) : amount.start]))
            counting = terms(after)[:5]
            # "a record crowd of 4,612" counts the fans, spectators or people asked for.
            gathered = (anyone or role) and bool(_GATHERING.search(text, 0, amount.start))
            if (
                counted[0] in counting
                or workforce.intersection(counting)
                or _compound_of(noun, after)
                or (people and (anyone or (role and bool(done))))
                or gathered
                or people_doing(noun, after)
            ):
                return ""
    return f"No passage gives a number of {question.counted_words}."


def _compound_of(noun: str, text: str) -> bool:
    """Whether one of the first words of `text` is a compound ending in `noun`: "5 billion
    webpages" counts pages."""
    noun = noun.lower()
    return any(
        len(word) >= len(noun) + 3 and word.endswith(noun)
        for word in re.findall(r"[a-z]+", text.lower())[:6]
    )
