"""The offline backend answers the seed questions from the article, and refuses the rest."""

import json
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answering.extractive import (
    NO_ANSWERING_SENTENCE,
    _in_quotes,
    _names_it,
    _naming_the_asked,
)
from assistant.answering.extractive import NOTE as EXTRACTIVE_NOTE
from assistant.answering.prompts import Prompts
from assistant.answering.rating import Rater
from assistant.embedding.local import LocalEmbedder
from assistant.errors import NotInIndexError, QuestionError
from assistant.records import QUOTE_CUT, Passage
from assistant.text.terms import terms
from tests.conftest import REPO, SEED_FILE, AssistantFactory

QUESTIONS = [
    json.loads(line)
    for line in (REPO / "tests" / "eval" / "seed_questions.jsonl").read_text().splitlines()
    if line.strip()
]


@pytest.mark.parametrize("case", QUESTIONS, ids=[q["question"][:50] for q in QUESTIONS])
def test_seed_question(seeded: AssistantFactory, case: dict) -> None:
    bot = seeded()
    answer = bot.ask(case["question"])
    # The text as stored: the file without its page furniture ("ALSO READ: …").
    article = bot.article(bot.articles()[0].source).text
    assert "ALSO READ" in SEED_FILE.read_text(encoding="utf-8") and "ALSO READ" not in article
    if not case["answers"]:
        assert answer.refused
        assert answer.text == "The articles do not say."
        assert answer.citations == () and answer.claims == ()
        return
    assert not answer.refused
    assert answer.mode == "extractive" and answer.note == EXTRACTIVE_NOTE
    assert any(gold.lower() in answer.text.lower() for gold in case["answers"]), answer.text
    assert answer.citations
    assert all(c.source.endswith(case["sources"][0]) for c in answer.citations)
    for citation in answer.citations:
        assert article[citation.start : citation.end] == citation.text
    for claim in answer.claims:
        assert claim.verdict == "supported" and claim.citations
        assert claim.evidence is not None
        cited = next(c for c in answer.citations if c.n == claim.citations[0])
        quoted = claim.text.removesuffix(QUOTE_CUT)
        assert quoted in cited.text, "every sentence is a quote of the passage it cites"
        assert article[claim.evidence.start : claim.evidence.end] == claim.evidence.text


def test_enough_seed_questions_with_unanswerable_ones() -> None:
    assert len(QUESTIONS) >= 15
    assert sum(1 for q in QUESTIONS if not q["answers"]) >= 3


def test_follow_up_carries_the_subject(seeded: AssistantFactory) -> None:
    bot = seeded()
    first = bot.ask("How long did the phone call between Trump and Putin last?")
    follow = bot.ask("Who confirmed it?", history=[(first.question, first.text)])
    assert "Putin" in follow.standalone_question
    assert "Kremlin" in follow.text


FERRY = """Ferry returns to the estuary

The Ellerby ferry will return to the estuary after two years, the county council said.
The new boat, the Marsh Queen, was built in Appledore by a yard that has made ferries for
a century.
Crossings will restart on 1 May and run every 40 minutes until dusk.
Tickets will cost £2 for foot passengers and £6 for cars.
"""


@pytest.mark.parametrize(
    ("follow_up", "short"),
    [
        ("And when will that happen?", "1 May"),
        ("and when does it come back?", "1 May"),
        ("and what will it cost for a car?", "£6"),
    ],
)
def test_a_follow_up_about_the_same_story_is_answered_from_it(
    make_assistant: AssistantFactory, tmp_path: Path, follow_up: str, short: str
) -> None:
    # The follow-up's own words ("happen") are rarely the article's: its subject is the
    # earlier question's, and it is answered from the sentence that says what it asks.
    bot = assistant_over(make_assistant, tmp_path, FERRY)
    first = bot.ask("Which ferry is returning to the estuary?")
    assert not first.refused
    follow = bot.ask(follow_up, history=[(first.question, first.text)])
    assert not follow.refused, follow.text
    assert follow.short_answer is not None and follow.short_answer.text == short


BY_ELECTION = """Liberal Democrats take Harrow Vale in by-election upset

The Liberal Democrats have won the Harrow Vale by-election, overturning a Conservative
majority of more than 9,000.

Sarah Whitlock took the seat with 14,220 votes, ahead of the Conservative candidate, James
Pollard, who finished second with 11,870. Labour's Amir Haddad came third with 6,105 votes.
"""


def test_a_follow_up_giving_only_what_changes_asks_the_question_before_of_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "And the runner-up?" after "Who won…?" asks who came second, not who won."""
    bot = assistant_over(make_assistant, tmp_path, BY_ELECTION)
    first = bot.ask("Who won the Harrow Vale by-election?")
    follow = bot.ask("And the runner-up?", history=[(first.question, first.text)])
    assert follow.standalone_question.startswith("Who was the runner-up?")
    # The article is hard-wrapped: the name and the quote run over line breaks, and are
    # shown on one line, in the answer and its short answer alike.
    assert follow.short_answer is not None and follow.short_answer.text == "James Pollard"
    assert follow.short_answer_line.startswith("Answer: James Pollard [1]")
    assert "candidate, James Pollard, who" in follow.text and "\n" not in follow.text
    assert all(claim.verdict == "supported" for claim in follow.claims)


MARATHON = """Okafor wins Port Calloway marathon in record time

Amara Okafor won the Port Calloway marathon on Sunday in a course record of 2 hours 21 minutes.
The runner-up was Lena Brandt of Germany, who crossed the line in 2:22:31.
Okafor, 29, said the cool weather and the flat harbour section helped her.
"""
FIRE = """Fire destroys warehouse at Port Calloway harbour

A fire destroyed a grain warehouse at Port Calloway harbour early on Sunday morning.
Nobody was injured, but the warehouse and about 2,000 tonnes of wheat were lost.
The warehouse belonged to Harbour Grain Ltd, which said the damage could reach 12 million euros.
"""


@pytest.mark.parametrize(
    ("question", "short"),
    [
        # An age as news gives it, after the name in commas, answers "How old…?".
        ("How old is Amara Okafor?", "29"),
        # Damage is counted in money, not in what was lost.
        ("How much damage did the fire cause?", "12 million euros"),
        # "Second" and "runner-up" name the same place.
        ("Who came second in the Port Calloway marathon?", "Lena Brandt of Germany"),
    ],
)
def test_amounts_and_places_asked_in_other_words_than_the_articles(
    make_assistant: AssistantFactory, tmp_path: Path, question: str, short: str
) -> None:
    (tmp_path / "marathon.txt").write_text(MARATHON, encoding="utf-8")
    (tmp_path / "fire.txt").write_text(FIRE, encoding="utf-8")
    bot = make_assistant()
    bot.ingest([tmp_path])
    answer = bot.ask(question)
    assert answer.short_answer is not None and answer.short_answer.text == short, answer.text


TRANSFER = """Ravenscourt sign Okonjo for £42m

Ravenscourt have signed the striker Tobi Okonjo from Westerhaven for £42m.
Speaking to Sky Sports, Okonjo's agent, Femi Adebayo, denied reports that Ravenscourt had
simply triggered a release clause.
Okonjo will wear the number 8 shirt at Ravenscourt.
Okonjo joined Westerhaven's academy at 16 after being spotted playing for Marlow Town.
Ravenscourt's manager, Elena Duarte, said he was exactly the type of player they needed.
She added that he would not be rushed into Sunday's game against Hollingbury because of a
minor hamstring problem.
"""


def test_the_holder_of_a_role_answers_a_question_asked_in_other_words(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "Okonjo's agent, Femi Adebayo" answers "Who represents Okonjo as his agent?", though
    "represents" is in no sentence: the holder, not the sentence's first name."""
    bot = assistant_over(make_assistant, tmp_path, TRANSFER)
    answer = bot.ask("Who represents Okonjo as his agent?")
    assert answer.short_answer is not None and answer.short_answer.text == "Femi Adebayo"


def test_why_is_answered_by_the_sentence_giving_a_reason(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "Why won't Okonjo play on Sunday?": the reason ("because of…"), not "playing" in
    another sentence; "won't" is no "win"."""
    bot = assistant_over(make_assistant, tmp_path, TRANSFER)
    answer = bot.ask("Why won't Okonjo play on Sunday?")
    assert answer.short_answer is not None
    assert " ".join(answer.short_answer.text.split()) == "a minor hamstring problem"


CHEF = """Marisol Vega on her second act

Marisol Vega was a partner at a law firm in London when she walked out to train as a chef. \
Nine years later she runs Brasa, a 40-cover restaurant in Stokes Croft in Bristol, which was \
awarded a Michelin star in February 2023. Her second restaurant, Lumbre, opens in Bath in April.

Lumbre will be bigger, with 60 covers. Her former sous-chef at Brasa, Kofi Mensah, will be its \
head chef.

She is less happy with some of the attention. Reports last autumn said she was planning a \
third restaurant in London. "I've read that I'm opening in Soho. I'm not," she says.
"""


def test_a_thing_counted_with_another_ordinal_answers_nothing_about_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "a third restaurant in London" does not say where her first one is."""
    bot = assistant_over(make_assistant, tmp_path, CHEF)
    answer = bot.ask("Where is her first restaurant?")
    assert answer.short_answer is not None and answer.short_answer.text == "Stokes Croft"


def test_a_day_of_the_week_is_named_by_the_articles_date(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "on Sunday" years later says little: the answer names the day the report meant."""
    from assistant.web.render import panel

    bot = assistant_over(
        make_assistant, tmp_path, MARATHON.replace("\n\n", "\n\n14 April 2024\n\n", 1)
    )
    answer = bot.ask("When did Amara Okafor win the Port Calloway marathon?")
    assert answer.short_answer is not None and answer.short_answer.text == "on Sunday"
    assert "(14 April 2024, by the article's date)" in answer.short_answer_line
    assert "14 April 2024, by the article&#x27;s date" in panel(answer, turn=0)


def test_stream_yields_pieces_then_the_answer(seeded: AssistantFactory) -> None:
    stream = seeded().stream("Where did Hegseth speak about Ukraine's borders?")
    pieces = list(stream)
    assert pieces and "".join(pieces) == stream.answer.text
    assert "Brussels" in stream.answer.text


def test_search_filters_restrict_answers(seeded: AssistantFactory) -> None:
    bot = seeded()
    with pytest.raises(NotInIndexError, match=r"'no/such/source\.txt' is not in the index"):
        bot.ask("How much are Ukraine's rare earth minerals worth?", sources=["no/such/source.txt"])
    answer = bot.ask("How much are Ukraine's rare earth minerals worth?", date_from="2099-01-01")
    assert answer.refused and answer.passages == ()
    assert "selected articles or dates" in answer.note


def test_a_refusal_streams_like_any_answer(seeded: AssistantFactory) -> None:
    stream = seeded().stream("What is the boiling point of water on Mount Everest?")
    assert "".join(stream) == "The articles do not say."
    assert stream.answer.refused


def test_an_answer_prints_as_its_text_and_numbered_sources(seeded: AssistantFactory) -> None:
    answer = seeded().ask("How much are Ukraine's rare earth minerals worth?")
    shown = str(answer)
    assert shown.startswith(f"Answer: $500 billion [1]\n{answer.text}\n")
    assert "\n[1] Trump and Putin agree" in shown and "seeds/" in shown
    assert len(shown) < 1000 < len(repr(answer)), "repr keeps every field for debugging"


def test_citations_are_numbered_in_order_of_first_appearance(seeded: AssistantFactory) -> None:
    for question in (
        "Which topics besides Ukraine did Trump and Putin discuss?",
        "What did Hegseth say in Brussels?",
        "How long did the call last and who confirmed it?",
    ):
        answer = seeded().ask(question)
        numbers = [n for claim in answer.claims for n in claim.citations]
        first_seen = list(dict.fromkeys(numbers))
        assert first_seen == list(range(1, len(first_seen) + 1)), answer.text
        assert [c.n for c in answer.citations] == first_seen
        for citation in answer.citations:
            assert answer.passages[citation.n - 1].text == citation.text


@pytest.mark.parametrize(
    ("question", "needle"), [("", "empty"), ("   ", "empty"), ("x" * 2001, "limit is 2000")]
)
def test_bad_questions_are_refused_before_any_work(
    seeded: AssistantFactory, question: str, needle: str
) -> None:
    with pytest.raises(QuestionError, match=needle):
        seeded().ask(question)


def test_an_empty_index_says_to_add_articles(make_assistant: AssistantFactory) -> None:
    answer = make_assistant().ask("How long did the call last?")
    assert answer.refused and "index is empty" in answer.note


@pytest.mark.parametrize(
    ("question", "short", "in_sentence"),
    [
        (
            "How long did the phone call between Trump and Putin last?",
            "nearly 90 minutes",
            "Kremlin",
        ),
        ("How much are Ukraine's rare earth minerals worth?", "$500 billion", "minerals"),
        ("Which American was released in the recent prisoner exchange?", "Marc Fogel", "release"),
        ("Who is Pete Hegseth?", "US Defence Secretary", "Hegseth"),
    ],
)
def test_one_sentence_answers_with_the_short_answer_marked(
    seeded: AssistantFactory, question: str, short: str, in_sentence: str
) -> None:
    answer = seeded().ask(question)
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == short
    assert len(answer.claims) == 1 and in_sentence in answer.text
    passage = answer.passages[answer.short_answer.n - 1]
    start = answer.short_answer.start - passage.start
    assert passage.text[start : start + len(short)] == short, "the span points into the passage"
    assert answer.claims[0].relevance == "answers"
    assert answer.to_dict()["short_answer"]["text"] == short


def test_a_question_about_something_the_articles_never_name_is_refused(
    seeded: AssistantFactory,
) -> None:
    answer = seeded().ask("What did Angela Merkel say about Trump and Putin's phone call?")
    assert answer.refused and "Angela Merkel" in answer.note


def test_a_question_asking_for_several_things_may_quote_several_sentences(
    seeded: AssistantFactory,
) -> None:
    answer = seeded().ask("Which two topics besides Ukraine did Trump and Putin discuss?")
    assert not answer.refused
    assert "Middle East" in answer.text


def test_a_near_miss_whose_asked_for_fact_no_passage_holds_is_refused(
    seeded: AssistantFactory,
) -> None:
    # Hegseth is in the article, as are his job and his views; his resigning is not.
    near_miss = seeded().ask("Why did Pete Hegseth resign as Defence Secretary?")
    assert near_miss.refused
    assert near_miss.note == NO_ANSWERING_SENTENCE
    on_topic = seeded().ask("What did Pete Hegseth say about Ukraine's pre-2014 borders?")
    assert not on_topic.refused and "unrealistic" in on_topic.text


def test_a_passage_holding_every_word_of_the_question_passes_the_relevance_gate(
    seeded: AssistantFactory,
) -> None:
    # No name in the question, and the passage is long and about several things, so it is
    # far from the question in meaning; it holds every one of its words.
    answer = seeded().ask("What are the rare earth minerals worth?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "$500 billion"


def test_where_is_not_answered_by_a_name_the_sentence_does_not_place(
    seeded: AssistantFactory,
) -> None:
    # The article never says where talks will be held; a sentence naming the Kremlin and
    # "peace" is on the topic, but places nothing.
    answer = seeded().ask("Where will the peace negotiations take place?")
    assert answer.refused and answer.note == NO_ANSWERING_SENTENCE
    placed = seeded().ask("Where was Pete Hegseth speaking about Ukraine's borders?")
    assert not placed.refused and placed.short_answer is not None
    assert placed.short_answer.text == "Brussels"


def test_how_many_counts_a_compound_of_the_counted_noun(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # "webpages" are pages: the amount before it answers, and is no reason to refuse.
    article = tmp_path / "search.txt"
    article.write_text(
        "Search engine opens to the public\n\n"
        "A software company has opened its new search engine to the public after a year of "
        "tests. To build it, the company has indexed 5 billion webpages, and it says the index "
        "is brought up to date every two days, more often than its rivals manage.\n",
        encoding="utf-8",
    )
    bot = make_assistant()
    bot.ingest([article])
    answer = bot.ask("How many web pages has the company indexed for its search engine?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "5 billion webpages"


def test_how_many_people_is_answered_by_a_count_of_people_of_any_kind(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # The article counts "visitors", not "people": no reason to refuse.
    article = tmp_path / "museum.txt"
    article.write_text(
        "Village museum has record summer\n\n"
        "The small museum in Hollowfield welcomed 4,100 visitors over the summer, its busiest "
        "season since it opened. The curator said the new garden had drawn families back.\n",
        encoding="utf-8",
    )
    bot = make_assistant()
    bot.ingest([article])
    answer = bot.ask("How many people visited the Hollowfield museum over the summer?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "4,100 visitors"


def test_a_refusal_for_want_of_a_count_names_what_was_to_be_counted_as_asked(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Agency moves north\n\nThe Land Registry agency will move its head office from "
        "London to Leeds in 2027, the minister said. Unions said staff had not been asked.\n",
    )
    answer = bot.ask("How many civil servants will move from London to Leeds in 2027?")
    assert answer.refused and answer.note == "No passage gives a number of civil servants."


def test_how_many_visitors_is_answered_by_a_count_of_people_who_visited(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Roman dig opens to the public\n\nAbout 1,800 people visited the Roman dig at "
        "Hollowfield during three open days in June, the archaeologists said.\n",
    )
    answer = bot.ask("How many visitors did the Roman dig at Hollowfield draw in June?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "About 1,800 people", answer.text


def test_a_figure_moving_the_other_way_does_not_answer(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # Both sentences give a change in the share price; only one is the fall asked about.
    article = tmp_path / "miner.txt"
    article.write_text(
        "Miner's shares slide on survey setback\n\n"
        "Shares in Brackwater Mining closed down 18% after a disappointing survey of its "
        "northern field. Brackwater's shares have jumped by almost 400% this year, as "
        "investors piled in after earlier finds. The firm said it would keep drilling.\n",
        encoding="utf-8",
    )
    bot = make_assistant()
    bot.ingest([article])
    fall = bot.ask("How much did Brackwater's shares fall?")
    assert fall.short_answer is not None and fall.short_answer.text == "18%", fall.text
    rise = bot.ask("How much have Brackwater's shares risen this year?")
    assert rise.short_answer is not None and rise.short_answer.text == "almost 400%", rise.text


def test_an_amount_of_another_measure_is_given_only_with_the_caution(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # The article gives turnover, not profit: its figure may be quoted, never as sure.
    article = tmp_path / "drinks.txt"
    article.write_text(
        "Drinks group to buy wine maker\n\n"
        "Drinks group Harrowgate has agreed to buy the Californian wine maker Vell Estates. "
        "In July, Harrowgate reported an annual turnover of £8.89bn, down from £9.28bn a year "
        "earlier. The deal is expected to close in the spring.\n",
        encoding="utf-8",
    )
    bot = make_assistant()
    bot.ingest([article])
    answer = bot.ask("How much did Harrowgate's profit fall?")
    assert answer.refused or answer.unsure, answer
    turnover = bot.ask("How much did Harrowgate's turnover fall?")
    assert not turnover.refused and turnover.short_answer is not None
    assert "£8.89bn" in turnover.text


def test_the_year_a_question_asks_about_must_be_in_the_article_quoted(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # The carmaker's article gives 2004 only; another article mentions 2002. "In 2002" is
    # not answered from the 2004 figures, and "in 2004" is.
    results = tmp_path / "carmaker.txt"
    results.write_text(
        "Carmaker Volta posts record profit\n\n"
        "Volta, the Swedish carmaker, made a profit of $3.2bn in 2004, its best year so far. "
        "Sales of its estate cars rose sharply in Asia, the company said on Tuesday, and it "
        "plans to open two new plants next year.\n",
        encoding="utf-8",
    )
    other = tmp_path / "rail.txt"
    other.write_text(
        "Rail fares to rise again\n\n"
        "Rail fares will rise by 4% in January, the fifth rise since 2002, when the rail "
        "regulator first allowed operators to set their own prices on busy routes.\n",
        encoding="utf-8",
    )
    bot = make_assistant()
    bot.ingest([results, other])
    asked_right = bot.ask("How much profit did the carmaker Volta make in 2004?")
    assert not asked_right.refused, asked_right.note
    assert asked_right.short_answer is not None and asked_right.short_answer.text == "$3.2bn"
    wrong_year = bot.ask("How much profit did the carmaker Volta make in 2002?")
    assert wrong_year.refused
    # The refusal names the article lacking the year: another one holds it.
    assert "“Carmaker Volta posts record profit”" in wrong_year.note, wrong_year.note
    assert "2002" in wrong_year.note


def assistant_over(make_assistant: AssistantFactory, tmp_path: Path, text: str) -> Assistant:
    """An assistant over one article of `text`, on a fresh index."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    bot = make_assistant()
    bot.ingest([article])
    return bot


TOUR = (
    "Tour de Velonia\n\nThe Tour de Velonia is an annual multi-stage bicycle race held mainly "
    "in Velonia.\n\nWinners\n\nThe 2019 Tour was won by Marek Holub, who finished four minutes "
    "ahead of the field. The runner-up in 2019 was Anton Grieve.[3] In 2021 the race was won "
    "by Lukas Ferrin after a dramatic final stage in the mountains.[4][5] The race finishes in "
    "the capital, Orlin.[citation needed]\n"
)


def tour_and_other_articles(tmp_path: Path) -> list[Path]:
    """The Tour article, then three unrelated ones (so that passages 3 to 5 exist)."""
    tour = tmp_path / "tour.txt"
    tour.write_text(TOUR, encoding="utf-8")
    others = [tmp_path / f"other{n}.txt" for n in range(3)]
    for n, path in enumerate(others):
        path.write_text(
            f"Harbour news {n}\n\nThe harbour board met on day {n + 2} to discuss boat fees. "
            "Fees for small boats will rise next spring, the board said.\n",
            encoding="utf-8",
        )
    return [tour, *others]


def test_an_articles_reference_marks_are_not_read_as_citations(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # Encyclopaedia text marks its sentences "[3]": quoted as they stand, the marks would
    # cite whatever passages 3, 4 and 5 are, and the sentences would not split there.
    articles = tour_and_other_articles(tmp_path)
    bot = make_assistant()
    bot.ingest(articles)
    answer = bot.ask("Who was the runner-up in 2019?")
    assert not answer.refused, answer.note
    assert answer.text == "The runner-up in 2019 was Anton Grieve. [1]"
    assert [c.source for c in answer.citations] == [str(articles[0])]
    assert "[3]" not in answer.citations[0].text
    assert [claim.verdict for claim in answer.claims] == ["supported"]


def test_a_sentence_about_another_year_does_not_answer_for_the_year_asked(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest(tour_and_other_articles(tmp_path))
    for year, winner in (("2021", "Lukas Ferrin"), ("2019", "Marek Holub")):
        answer = bot.ask(f"Who won the {year} Tour de Velonia?")
        assert answer.short_answer is not None, answer.note
        assert answer.short_answer.text == winner


def test_a_model_is_shown_passages_without_reference_marks() -> None:
    stored = Passage("c1", "a1", "wiki.txt", "Tour", "Grieve was second.[3] Holub won.", 0, 33)
    messages = Prompts().answer_messages("Who was second?", [stored])
    assert "Grieve was second. Holub won." in messages[-1].content
    assert "[3]" not in messages[-1].content


TOYS = (
    "Brickworks Group\n\nBrickworks Group is a toy maker based in Aldby. Hanne Rasmussen has "
    "run it since 2017.\n\nThe firm's Stellar range was withdrawn in March 2020. Safety "
    "inspectors had found that small magnets in the sets could be swallowed by young "
    "children.\n\nA new range has been developed for older buyers, but a version for toddlers "
    "has not yet been developed.\n"
)


def test_why_quotes_the_next_sentence_when_the_chosen_one_gives_no_cause(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(make_assistant, tmp_path, TOYS)
    answer = bot.ask("Why was the Stellar range withdrawn?")
    assert not answer.refused, answer.note
    assert [claim.text for claim in answer.claims] == [
        "The firm's Stellar range was withdrawn in March 2020.",
        "Safety inspectors had found that small magnets in the sets could be swallowed by "
        "young children.",
    ]
    # The reason is read with the sentence it follows, not as off the question's topic.
    assert answer.claims[1].relevance == answer.claims[0].relevance


def test_who_is_answered_from_the_sentence_naming_whom_she_refers_to(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harlow council changes\n\nMaria Lopez became mayor of Harlow in 2015 after a close "
        "election. She appointed Tom Reed as chief of police within a month, a move critics "
        "called hasty. Reed had previously run the force in Dunmore.\n\nThe council also "
        "approved a new budget of £42m for the year.\n",
    )
    answer = bot.ask("Who appointed Tom Reed as chief of police?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "Maria Lopez"
    assert [claim.text for claim in answer.claims] == [
        "Maria Lopez became mayor of Harlow in 2015 after a close election.",
        "She appointed Tom Reed as chief of police within a month, a move critics called hasty.",
    ]


def test_a_question_whose_premise_the_article_denies_is_refused_saying_so(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(make_assistant, tmp_path, TOYS)
    denied = bot.ask("When was the toddler version of the Stellar range developed?")
    assert denied.refused
    assert denied.note.startswith("The articles say otherwise: “A new range has been developed")
    # Asked whether it has been, the denial is the answer.
    asked = bot.ask("Has a toddler version of the Stellar range been developed?")
    assert not asked.refused and "has not yet been developed" in asked.text


@pytest.mark.parametrize(
    "question",
    ["How many jobs will Aldane cut at Castell Water?", "When will Brightwell close its bakery?"],
)
def test_a_denied_report_is_no_answer_to_what_it_reported(
    make_assistant: AssistantFactory, tmp_path: Path, question: str
) -> None:
    """ "denied reports that it planned to cut 600 jobs": 600 is what was denied."""
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Aldane agrees Castell Water takeover\n\nAldane has agreed to buy Castell Water for "
        "£1.2bn. Aldane denied reports that it planned to cut 600 jobs at Castell Water. "
        "Brightwell, which supplies its canteens, denied a report in a Sunday newspaper that it "
        "planned to close its bakery. Shares in Castell rose 12%.\n",
    )
    answer = bot.ask(question)
    assert answer.refused and answer.note.startswith("The articles say otherwise: “"), answer.text


def test_a_shadow_or_former_holder_does_not_hold_the_role_asked(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Budget row deepens\n\nThe shadow chancellor, Graham Whitby, called the plan reckless. "
        "Former chancellor Margaret Fell said nothing. The plan was defended on Tuesday by the "
        "Treasury, where Daniel Osei is now chancellor.\n",
    )
    answer = bot.ask("Who is the chancellor?")
    assert answer.short_answer is not None and answer.short_answer.text == "Daniel Osei"
    shadow = bot.ask("Who is the shadow chancellor?")
    assert shadow.short_answer is not None and shadow.short_answer.text == "Graham Whitby"


def test_a_margin_is_answered_by_the_sentence_giving_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "By how many votes did she win?" is answered by "a majority of 3,584", not by her
    total, nor by the majority she overturned."""
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Lib Dems take Hartsmoor\n\nThe Liberal Democrats have won Hartsmoor, with Anna "
        "Whitlock overturning a majority of more than 14,000.\n\nMs Whitlock, a former "
        "headteacher, won 21,486 votes. The Conservative candidate, Richard Hale, came second "
        "with 17,902 votes, giving Ms Whitlock a majority of 3,584. Turnout was 68.2 per cent.\n",
    )
    answer = bot.ask("By how many votes did Anna Whitlock win?")
    assert answer.short_answer is not None and answer.short_answer.text == "3,584", answer.text


def test_a_name_inside_a_she_sentence_is_not_who_she_is(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Halvorsen Group\n\nHalvorsen Group is a Norwegian port operator.\n\nMarit Aasland "
        "was the first chief executive from outside the founding family. She had previously "
        "run the company's offshore division and was credited with the Van Riel purchase.\n\n"
        "Before joining Halvorsen, she worked for a ferry company in Bergen. She first stood "
        "for the board of the ferry company in 1992, finishing second to the engineer Olav "
        "Brekke.\n",
    )
    answer = bot.ask("Who ran Halvorsen's offshore division before becoming chief executive?")
    assert answer.short_answer is not None and answer.short_answer.text == "Marit Aasland"
    # Whom she lost to is named in her own sentence; the one before names no one.
    beaten = bot.ask("Who beat her when she first stood for the ferry company's board?")
    assert beaten.short_answer is not None and beaten.short_answer.text == "Olav Brekke"


def test_a_denial_stands_beside_other_things_that_did_happen(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "The Lantern Keepers\n\nThe Lantern Keepers are a folk band from Hull. Their album "
        "Salt and Ember was released in 2019 and reached number four. A fifth album, Long "
        "Light, was announced in 2023 but has not yet been released. A sequel to Salt and "
        "Ember, The Dark Shelf, was announced in 2021 but has not been released either.\n",
    )
    denied = bot.ask("When was the Lantern Keepers' album Long Light released?")
    assert denied.refused and "has not yet been released" in denied.note
    # A question with one word of its own besides names: the names must be in the denial.
    sequel = bot.ask("When was The Dark Shelf released?")
    assert sequel.refused and "has not been released" in sequel.note
    released = bot.ask("When was the Lantern Keepers' album Salt and Ember released?")
    assert released.short_answer is not None and released.short_answer.text == "2019"


def test_an_explanation_goes_on_until_a_cause_within_its_paragraph(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Castlemere Athletic\n\nCastlemere Athletic is a football club in Lancashire.\n\n"
        "The main stand at Ferrybank Road burned down in 1968. A fire had started in the "
        "kit room during a training session.\n\nThe club's editor, Quill, was rewritten for "
        "version 3.0 in 2020. It was a complete rewrite in Rust. The original code had become "
        "too slow because it had been written in a hurry.\n\nThe club's summer festival was "
        "cancelled in 2016. Its organisers had failed to secure a licence from the council. "
        "Tickets for the 2017 festival sold out in a week.\n",
    )
    fire = bot.ask("How did the main stand at Ferrybank Road catch fire in 1968?")
    assert "kit room" in fire.text, fire.text
    rewrite = bot.ask("Why was Quill rewritten for version 3.0?")
    assert "too slow" in rewrite.text, rewrite.text
    assert len(rewrite.claims) == 3
    # An earlier event told in the past perfect is the cause: the explanation ends there.
    festival = bot.ask("Why was the summer festival called off in 2016?")
    assert "licence" in festival.text and "sold out" not in festival.text, festival.text


def test_an_explanation_ends_at_a_reason_worded_without_because_or_one_sentence_on(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Brackley Pier\n\nBrackley Pier is a pleasure pier in Norfolk.\n\n"
        "The pier theatre closed in 1994. Its owners could not afford new fire doors. "
        "The building later became a cafe.\n\n"
        "The pier railway was withdrawn in 2003. Its carriages were judged too old to repair. "
        "Two of them are kept at a museum in Cromer.\n\n"
        "The Brackley lifeboat station moved to Sheringham in 2011. The new station opened in "
        "the spring. Its first launch was to a stranded fishing boat.\n\n"
        "The pier bandstand was demolished in 1987 because its roof had rusted through. "
        "The pier bandstand demolished in 1987 had been built in 1902.\n",
    )
    theatre = bot.ask("Why did the pier theatre close in 1994?")
    assert "fire doors" in theatre.text and "cafe" not in theatre.text, theatre.text
    railway = bot.ask("Why was the pier railway withdrawn in 2003?")
    assert "too old" in railway.text and "museum" not in railway.text, railway.text
    # No sentence gives a cause: the one after the event stands for the explanation.
    station = bot.ask("Why did the Brackley lifeboat station move to Sheringham in 2011?")
    assert "spring" in station.text and "fishing boat" not in station.text, station.text
    # The best sentence gives the cause: nothing after it is quoted, however close it rates.
    bandstand = bot.ask("Why was the pier bandstand demolished in 1987?")
    assert "rusted" in bandstand.text and "1902" not in bandstand.text, bandstand.text


def test_asked_whether_it_happened_the_sentence_saying_it_never_did_answers(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Tobias Ferreira-Lind\n\nTobias Ferreira-Lind was a Portuguese-Swedish architect. "
        "Ferreira-Lind designed the Alvalade water tower in 1955. The tower was never built, "
        "because the city ran out of money. He also designed the Kvarnholmen Library, which "
        "opened in 1934.\n",
    )
    # "Designed the water tower" holds the question's words but not the one denied.
    asked = bot.ask("Was the Alvalade water tower built?")
    assert not asked.refused
    assert asked.text.startswith("The tower was never built")
    when = bot.ask("When was the Alvalade water tower built?")
    assert when.refused and "never built" in when.note


def test_a_sentence_giving_the_asked_years_figure_for_comparison_answers_for_that_year(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harbour ferry ridership\n\nRidership on the Port Calloway harbour ferry rose to 1.84 "
        "million trips in 2023, up from 1.31 million in 2022, the transit authority said. In "
        "2022 the single fare was cut from $4.50 to $2.75. The ferry leaves Pier 9 every "
        "twenty minutes.\n",
    )
    answer = bot.ask("How many trips did the harbour ferry carry in 2022?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "1.31 million"


def test_she_in_a_follow_up_is_the_person_the_last_answer_named(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Nordvik glacier lost a fifth of its ice\n\nThe Nordvik glacier lost 21 percent of its "
        "ice volume between 2013 and 2023, a study found. The study was led by glaciologist "
        "Dr. Ingrid Solberg of the University of Tromsdal. Her team combined drone surveys "
        "with satellite images.\n",
    )
    first = bot.ask("Who led the study of the Nordvik glacier?")
    assert first.short_answer is not None and first.short_answer.text == "Ingrid Solberg"
    follow_up = bot.ask("Where does she work?", [(first.question, first.text)])
    assert follow_up.short_answer is not None, follow_up.text
    assert follow_up.short_answer.text == "University of Tromsdal"


def test_a_denial_that_goes_on_to_what_is_asked_answers_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Reserve Bank cuts rates\n\nThe Reserve Bank of Kerrowan cut its rate to 3.5% on "
        "Wednesday. The bank has not yet published updated economic forecasts, which are due "
        "alongside its next decision on 6 May. A fifth review was announced in 2023 but has "
        "not yet been published.\n",
    )
    due = bot.ask("When will the Reserve Bank of Kerrowan publish updated forecasts?")
    assert due.short_answer is not None and due.short_answer.text == "6 May", due.text
    # Asked when they were published, the same sentence denies it.
    published = bot.ask("When did the Reserve Bank of Kerrowan publish updated forecasts?")
    assert published.refused and "otherwise" in published.note, published.text
    # A date before the negation is not when the denied thing happens.
    review = bot.ask("When was the Reserve Bank's fifth review published?")
    assert review.refused and "otherwise" in review.note, review.text


def test_an_amount_after_a_negation_answers_how_many(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Okafor to run in Lisbon\n\nAda Okafor has never raced in Lisbon before and will "
        "start the Lisbon marathon just 63 days after the Berlin marathon, her coach said.\n",
    )
    answer = bot.ask("How many days after the Berlin marathon is Okafor's Lisbon race?")
    assert answer.short_answer is not None, answer.note
    assert answer.short_answer.text == "63", answer.text


def test_asked_who_came_third_the_sentence_naming_the_third_answers(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Mwangaza wins Halbrook Marathon\n\nKenya's Elias Mwangaza won the men's race at the "
        "Halbrook Marathon on Sunday, while Sweden's Freja Lind won the women's race.\n\n"
        "Mwangaza broke away at the 35km mark and crossed the line in 2:06:41. Ethiopia's Dawit "
        "Gebremedhin was second in 2:06:58, with Britain's Owen Tapper third in 2:08:12.\n\n"
        "In the wheelchair races at the Halbrook Marathon, Canada's Luc Bergeron won the men's "
        "race and Britain's Amy Fairclough came home first in the women's race.\n",
    )
    third = bot.ask("Who came third in the men's race at the Halbrook Marathon?")
    assert third.short_answer is not None, third.text
    assert third.short_answer.text == "Owen Tapper"


def test_who_heads_an_organisation_is_asked_with_the_title_the_article_gives(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Waiting list hits record\n\nA record 84,300 patients were waiting for treatment at "
        'Marlow Vale hospitals at the end of 2025, up from 79,100 a year earlier. "These '
        'numbers are not acceptable," said Dr Helen Okafor, the chief executive of the Marlow '
        "Vale Health Trust. The trust runs three hospitals and employs 9,800 staff.\n",
    )
    for question in (
        "Who heads the Marlow Vale Health Trust?",
        "Who runs the Marlow Vale Health Trust?",
    ):
        answer = bot.ask(question)
        assert answer.short_answer is not None, answer.text
        assert answer.short_answer.text == "Helen Okafor"


def test_which_role_prefers_a_near_sentence_naming_someone_titled_by_the_role(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Treasurer jailed\n\nFormer charity treasurer Marcus Trent, 52, of Elm Row, Dunmore, "
        "was sentenced at Dunmore Crown Court on Monday. Trent had taken £80,000 from the "
        "charity over six years. Sentencing him, Judge Alma Reyes said he had betrayed its "
        "donors.\n",
    )
    answer = bot.ask("Which judge passed sentence on former charity treasurer Marcus Trent?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "Alma Reyes", answer.text


def test_a_sentence_about_another_quarter_does_not_answer(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harbour Mills results\n\nHarbour Mills said pre-tax profit for the second quarter "
        "reached £31.5 million, up from £27.1 million a year earlier. The flour maker will "
        "pay a dividend of 4.2p a share.\n",
    )
    asked = bot.ask("What was Harbour Mills' pre-tax profit in the second quarter?")
    assert asked.short_answer is not None and asked.short_answer.text == "£31.5 million"
    other = bot.ask("What was Harbour Mills' pre-tax profit in the first quarter?")
    assert "£31.5 million" not in other.text, other.text


def test_a_sentence_about_another_day_of_the_week_does_not_answer(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Lakeside festival ends\n\nThe Lakeside Sounds festival closed on Sunday night. "
        "Paramedics treated 212 people, mostly for heat exhaustion on Friday, when temperatures "
        "reached 29C. The main stage was closed on Saturday afternoon after lightning was seen "
        "within ten miles of the site.\n",
    )
    friday = bot.ask("What was the temperature at the festival on Friday?")
    assert friday.short_answer is not None and friday.short_answer.text == "29C", friday.text
    saturday = bot.ask("What was the temperature at the festival on Saturday?")
    assert "29C" not in saturday.text, saturday.text


def test_a_sentence_rated_for_the_words_before_it_gives_way_to_that_sentence(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harrow Vale reach cup semi-final\n\nHarrow Vale came from behind to beat Linton 2-1 "
        "at Eastfield on Saturday and reach the semi-finals of the County Cup for the first "
        "time.\n\nThe winner came in stoppage time.\n\nHarrow Vale will face either Ormsby or "
        "Delford in the semi-final, which is due to be played on 12 March. The draw will be "
        "made on Monday evening.\n",
    )
    answer = bot.ask("When will the semi-final be played?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "12 March", answer.text


def test_who_answered_by_the_role_of_someone_named_before_quotes_that_sentence_too(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Schools minister on discipline\n\nSchools minister Dana Holt told the BBC that "
        "classroom discipline had improved. The minister also confirmed she meets union "
        "leaders every month, Unison said. The 2024 winner of the teaching prize was Omar "
        "Haddad.\n",
    )
    answer = bot.ask("Which minister says she meets union leaders every month?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "Dana Holt", answer.text
    assert answer.text.index("Dana Holt") < answer.text.index("The minister also")
    # A role opening a sentence that names someone as people are named is theirs.
    won = bot.ask("Who won the teaching prize in 2024?")
    assert won.short_answer is not None and won.short_answer.text == "Omar Haddad", won.text


def test_what_would_have_happened_does_not_answer_what_did(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Treasurer jailed\n\nGerald Ainsworth, a former charity treasurer, was sentenced at "
        "Castlebridge Crown Court on Friday. The judge gave Ainsworth credit for his guilty "
        "plea, without which his prison sentence would have been nine years. He was jailed "
        "for six years.\n",
    )
    answer = bot.ask("How many years in prison was Gerald Ainsworth given?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "six", answer.text


def test_this_year_is_the_articles_year(make_assistant: AssistantFactory, tmp_path: Path) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Record field at Halbrook\nHALBROOK, 14 April 2025\n\nThe Halbrook Marathon was first "
        "held in 1983 with fewer than 2,000 runners who completed the course. On Sunday a "
        "record 31,500 runners completed the race, organisers said.\n",
    )
    answer = bot.ask("How many runners completed this year's Halbrook Marathon?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "31,500", answer.text


def test_a_sentence_is_quoted_only_from_an_article_naming_who_is_asked_about(
    embedder: LocalEmbedder,
) -> None:
    texts = {
        "a1": "Campbell ready\n\nThe 30-year-old defender said he was old enough to know better.",
        "a2": "Drone maker grows\n\nIts founder, Morag Cullen, said drones were no novelty.",
    }
    passages = [
        Passage(f"c{i}", article, f"{article}.txt", "", text, 0, len(text))
        for i, (article, text) in enumerate(texts.items())
    ]
    rated = Rater(embedder, lambda _: 1.0).rate("How old is Morag Cullen?", passages)
    assert rated is not None
    kept = _naming_the_asked(rated, texts, [True] * len(rated.candidates.sentences))
    articles = [passages[s.n - 1].article_id for s in rated.candidates.sentences]
    assert "a1" in articles and "a2" in articles
    assert all(ok == (article == "a2") for ok, article in zip(kept, articles, strict=True))


@pytest.mark.parametrize(
    ("name", "text", "named"),
    [
        ("Morag Cullen", "Its founder, Morag Cullen, said so.", True),
        ("Morag Cullen", "The 30-year-old defender said so.", False),
        ("United States", "Workers in the US sent money home.", True),
        ("UN", "The United Nations' relief coordinator said so.", True),
    ],
)
def test_an_article_names_a_name_by_its_words_or_initials(
    name: str, text: str, named: bool
) -> None:
    assert _names_it(name, text, set(terms(text))) is named


def test_who_prefers_a_close_sentence_naming_someone_beside_the_asked_role(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Kestrel Bay tram delayed\n\nThe Kestrel Bay tram line will open a year late after "
        "engineers found cracks in its viaduct. Most of the extra money will come from the "
        "Department for Transport, with the rest found from the council's reserves. It will "
        "now open in May 2027 at the earliest, the council's transport director, Ingrid "
        "Voss, told reporters.\n",
    )
    answer = bot.ask("Who is the transport director of Kestrel Bay council?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "Ingrid Voss"


def test_who_is_the_role_takes_the_sentence_titling_someone_in_the_answering_article(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Cycle lanes approved\n\nBrindlecombe, 12 March 2024 - Brindlecombe District Council "
        "voted 27 to 14 on Tuesday evening to approve a network of protected cycle lanes along "
        "Mill Road and the B4410 ring road. The scheme will cost £4.2 million, of which £3.1 "
        "million comes from the Department for Transport. Council leader Miriam Oduya said the "
        'lanes would "make it safe for children to cycle to school again". Work is due to '
        "begin in September 2024 and finish by June 2025.\n",
    )
    answer = bot.ask("Who is the leader of Brindlecombe District Council?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "Miriam Oduya", answer.text
    ends = bot.ask("When is work on the cycle lanes due to finish?")
    assert ends.short_answer is not None and ends.short_answer.text == "by June 2025", ends.text


def test_a_sentence_foreseeing_an_event_does_not_say_who_won_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harlow tips Mensah for gold\n\nFormer champion Dana Harlow believes Kofi Mensah can "
        'take the long jump title at the indoor championships in Lisbon. "If he jumps as well '
        'as he did in Leeds he could win the gold medal," said Harlow. The championships '
        "start on Friday.\n",
    )
    answer = bot.ask("Who won the long jump gold medal in Lisbon?")
    assert "could win" not in answer.text, answer.text


def test_a_follow_up_asking_of_its_own_words_is_not_drawn_to_the_earlier_answer(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Ashby Rovers win county cup in penalty shoot-out\n\nAshby, 21 May 2024 - Ashby Rovers "
        "won the Leicestershire County Cup for the first time in 31 years on Monday, beating "
        "Coalville Town 4-3 on penalties after a 2-2 draw at the King Power Stadium.\n\n"
        "Striker Tom Bennett scored both of Ashby's goals, the equaliser coming in the 88th "
        "minute. Goalkeeper Sam Whitlock saved two penalties in the shoot-out, from Coalville's "
        "Jordan Ames and Lewis Carr.\n\nA crowd of 6,450 watched the final. Ashby manager Kelly "
        'Brooks said her players had "never given up all season".\n',
    )
    bot.ingest([SEED_FILE])  # another story beside it, as in any archive
    first = bot.ask("Who scored Ashby Rovers' goals in the final?")
    assert first.short_answer is not None and first.short_answer.text == "Tom Bennett"
    minute = bot.ask("In which minute did he score the equaliser?", [(first.question, first.text)])
    assert minute.short_answer is not None and minute.short_answer.text == "88th"
    history = [(first.question, first.text), (minute.question, minute.text)]
    saved = bot.ask("Who saved two penalties?", history)
    assert saved.short_answer is not None, saved.text
    assert saved.short_answer.text == "Sam Whitlock", saved.text


FINED = (
    "Water company fined £3.8m for sewage spills into the River Lune\n\nKENDRICK, 9 October "
    "2024 - Fellside Water has been fined £3.8 million after admitting that it illegally "
    "discharged untreated sewage into the River Lune on at least 48 occasions over two years, "
    "killing thousands of fish along a nine-mile stretch of the river.\n\nSentencing the "
    "company at Kendrick Crown Court on Wednesday, Judge Carla Ashdown said the spills were "
    'the result of "sustained and deliberate neglect". In addition to the fine, the company '
    "was ordered to pay £215,000 in prosecution costs.\n\nCampaigners said the fine was too "
    "small. Fellside Water reported an operating profit of £412m last year and paid its "
    "shareholders dividends of £96m.\n\nIt is the third time in five years that Fellside Water "
    "has been prosecuted for pollution. In 2020 it was fined £1.1m for spills into the River "
    "Arle.\n"
)


def test_a_close_sentence_telling_what_the_question_asks_wins_over_one_lacking_its_verb(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(make_assistant, tmp_path, FINED)
    answer = bot.ask("How much was Fellside Water fined?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "£3.8 million", answer.text


def test_a_close_runner_up_holding_the_questions_verb_wins_over_the_best_lacking_it(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Actor sues over jungle film injury\n\nActor Brian Wallis is suing Orbit Studios over "
        "an injury he said he suffered while making Rain of the Sun. In Rain of the Sun Wallis "
        "plays a naval commander who disobeys orders to save a doctor and her patients trapped "
        "in the jungle. Directed by Marcus Fenwick, the film was poorly received by critics and "
        "did not perform strongly at the box office.\n",
    )
    answer = bot.ask("Who directed Rain of the Sun?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "Marcus Fenwick", answer.text


def test_a_date_still_to_come_after_a_denial_does_not_say_when_it_happened(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Festival cancelled\n\nThe Dunmore Folk Festival was called off on Friday. Its "
        "organiser, Harbour Live, has not yet decided whether the festival will return in "
        "2027. The Ardmore Bank has not yet released its yearly forecasts, which are due on "
        "6 May.\n",
    )
    # Asked what happened, in other words than the denial's: the dates are of what is to come.
    refunded = bot.ask("When did Harbour Live pay back the festival's ticket holders?")
    assert refunded.refused and "still to come" in refunded.note, refunded.text
    published = bot.ask("When did the Ardmore Bank publish its yearly forecasts?")
    assert published.refused and "still to come" in published.note, published.text
    # Asked what is to come, the same sentence answers.
    due = bot.ask("When will the Ardmore Bank publish its yearly forecasts?")
    assert due.short_answer is not None and due.short_answer.text == "6 May", due.text


def test_who_holds_a_post_asked_by_its_verb_is_the_one_named_beside_the_post(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Library reopens\n\nEastbrook Library in Bolton reopened on Saturday. Councillor "
        "Jasmine Okafor, the leader of Bolton Council, said the library would be open seven "
        "days a week. Tom Haldane, the council's libraries manager, said 640 people had "
        "joined on the first day.\n",
    )
    answer = bot.ask("Who manages Bolton's libraries?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "Tom Haldane", answer.text


def test_what_was_done_in_another_year_does_not_answer_for_the_year_asked(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Tour of the Marren Hills\n\nThe Tour of the Marren Hills is a cycle race held in "
        "mid-Wales each May. Tom Harcourt won his first title in 2019. After the cancelled "
        "2020 race, Harcourt won his second title in 2021. His sponsor, Vexford, opened a "
        "laboratory at Beeston in 1966 and a factory in Cork in 1974.\n",
    )
    cancelled = bot.ask("Who won the Tour of the Marren Hills in 2020?")
    assert cancelled.refused and "another year" in cancelled.note, cancelled.text
    won = bot.ask("Who won the Tour of the Marren Hills in 2021?")
    assert won.short_answer is not None and "Harcourt" in won.short_answer.text, won.text
    # The verb's clause goes on to the year asked.
    factory = bot.ask("Where did Vexford open a factory in 1974?")
    assert factory.short_answer is not None and "Cork" in factory.short_answer.text


def test_what_is_only_planned_did_not_happen(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Halvorsen Group\n\nHalvorsen is a Norwegian port operator. In 2022 the group announced "
        "a partnership to build an automated container yard at Esbjerg. A second container "
        "yard, at Gdansk, is planned to open in 2026. The Esbjerg yard opened in May 2024.\n",
    )
    # The only sentence telling of the Gdansk yard's opening foresees it.
    gdansk = bot.ask("When did Halvorsen's container yard at Gdansk open?")
    assert gdansk.refused and "still to come" in gdansk.note, gdansk.text
    # Asked what is planned, it answers; told as done elsewhere, it answers too.
    planned = bot.ask("When is Halvorsen's container yard at Gdansk planned to open?")
    assert planned.short_answer is not None and planned.short_answer.text == "2026", planned.text
    esbjerg = bot.ask("When did Halvorsen's container yard at Esbjerg open?")
    assert esbjerg.short_answer is not None and esbjerg.short_answer.text == "in May 2024"
    # Asked what is going to be done, the plan answers: "built" there is no past.
    homes = bot.ask("Where is Halvorsen's second container yard going to be opened?")
    assert homes.short_answer is not None and homes.short_answer.text == "Gdansk", homes.text


def test_people_of_another_kind_do_not_count_those_asked_for(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Station awards\n\nThe Harbour FM song of the year was voted for by 5,000 listeners "
        "of the station. The launch party was watched by about 2,000 people on the quay.\n",
    )
    viewers = bot.ask("How many viewers voted for the Harbour FM song of the year?")
    assert viewers.refused and "viewers" in viewers.note, viewers.text
    listeners = bot.ask("How many listeners voted for the Harbour FM song of the year?")
    assert listeners.short_answer is not None and "5,000" in listeners.short_answer.text
    # People at large count spectators.
    spectators = bot.ask("How many spectators watched the launch party?")
    assert spectators.short_answer is not None, spectators.text
    assert "2,000" in spectators.short_answer.text, spectators.text


def test_how_many_prefers_an_amount_written_with_what_it_counts(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Later school start\n\nTeenagers whose schools start later sleep longer, according to "
        "a study of more than 11,000 pupils published on Wednesday. Researchers followed "
        "pupils aged 13 to 16 at 28 secondary schools in England. Nine of the schools in the "
        "study moved the start of the school day from 8.40am to 9.30am.\n",
    )
    answer = bot.ask("How many pupils were included in the school start time study?")
    assert answer.short_answer is not None, answer.text
    assert "11,000" in answer.short_answer.text, answer.text


def test_how_many_keeps_the_sentence_naming_whom_it_asks_about(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "By-election count\n\nLabour's Sunil Mehta finished third with 8,115 votes, ahead of "
        "Reform UK's Dean Carter on 7,640. The Green Party candidate, Jo Barnes, received "
        "2,231 votes and an independent, Peter Ashby, won 412 and lost his deposit.\n",
    )
    # "Dean Carter on 7,640" has no noun for what is counted; "2,231 votes" is another's.
    answer = bot.ask("How many votes did Reform UK's Dean Carter get?")
    assert answer.short_answer is not None and answer.short_answer.text == "7,640", answer.text


def test_how_long_prefers_the_amount_written_before_long(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "River Tarrow\n\nThe River Tarrow is a river in the English Midlands. It is 96 km "
        "long and rises on Brindle Moor. The Tarrow Way is a long-distance footpath of 104 km "
        "that follows the River Tarrow from source to mouth.\n",
    )
    answer = bot.ask("How long is the River Tarrow?")
    assert answer.short_answer is not None and answer.short_answer.text == "96 km", answer.text


def test_the_lead_holding_every_word_of_the_question_beats_a_sentence_lacking_its_verb(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Kiprono breaks course record to win Lakeside Marathon\n\nCHICAGO, 12 October 2025 "
        "- Kenya's Daniel Kiprono broke the course record to win the Lakeside Marathon on "
        "Sunday, finishing in two hours, four minutes and 11 seconds.\n\nThe 26-year-old, who "
        "was running only his third marathon, pulled clear of Ethiopia's Tesfaye Abera in the "
        "38th kilometre and crossed the line 41 seconds ahead.\n",
    )
    answer = bot.ask("Who won the Lakeside Marathon?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "Daniel Kiprono", answer.text


@pytest.mark.parametrize("gap", ["\n", "\n\n"], ids=["next line", "after a blank line"])
def test_a_sentence_leading_into_a_list_is_quoted_with_the_lists_items(
    make_assistant: AssistantFactory, tmp_path: Path, gap: str
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Velmora River\n\nThe Velmora is a river in Ostravia. It flows west to the sea.\n\n"
        f"The principal tributaries of the Velmora are:{gap}- the Sesk (left), 128 km\n"
        "- the Tolva (right), 97 km\n- the Ambrel Brook (left), 54 km\n\nHydrology\n\n"
        "The average discharge at the mouth is 310 cubic metres per second.\n",
    )
    answer = bot.ask("What are the principal tributaries of the Velmora?")
    assert not answer.refused, answer.note
    # Each item on a line of its own, checked and read as part of the answer.
    assert "are: [1]\n- the Sesk (left), 128 km [1]\n- the Tolva (right), 97 km [1]\n" in (
        answer.text
    )
    assert "discharge" not in answer.text, "the list ends at its paragraph"
    assert [c.relevance for c in answer.claims] == ["answers"] * 4
    assert all(c.verdict == "supported" for c in answer.claims)


def test_a_verb_of_the_questions_time_clause_does_not_make_a_modal_sentence_a_forecast(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Spiral defects\n\nSpiral defects form in heated coatings. In the 1990s engineers at "
        "Lindqvist Optik found that they could suppress the spirals entirely, which improved "
        "the yield of their lens coatings by about 15 percent. The firm later sold the "
        "method to other makers.\n",
    )
    # "were suppressed" sets the time; what is asked is how much the yield improved.
    answer = bot.ask(
        "By how much did Lindqvist Optik's yield improve once the spirals were suppressed?"
    )
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "about 15 percent"


def test_how_many_of_a_role_is_answered_by_a_count_of_people(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Kaldor glassworks\n\nThe Kaldor glassworks opened in 1842 beside the river. By 1900 "
        "the works employed 620 people, and the village had grown into a town.\n",
    )
    answer = bot.ask("How many workers did the Kaldor glassworks employ in 1900?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "620 people"


COUNCIL = (
    "Library closure stands after council vote\n\nHartwell council voted on Tuesday to keep "
    "the town library closed. An amendment to reopen it was defeated by 31 votes to 24 after "
    "a long debate.\n"
)
CYCLE_PATH = (
    "New cycle path opens along the river\n\nA new cycle path linking Hartwell station to "
    "the business park opened on Monday. The path is 6.5 kilometres long and cost £2.1m.\n"
)
FIRM = (
    "Brightloom delays its annual report\n\nThe software firm Brightloom expects to publish "
    "its annual report in June, two months later than planned, after a review of its "
    "accounts.\n"
)


def test_a_follow_up_naming_nothing_may_start_a_new_subject(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    paths = []
    for name, text in (("council", COUNCIL), ("path", CYCLE_PATH), ("firm", FIRM)):
        paths.append(tmp_path / f"{name}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    bot = make_assistant()
    bot.ingest(paths)
    vote = bot.ask("By how many votes was the amendment defeated?")
    path = bot.ask("How long is the new cycle path?", [(vote.question, vote.text)])
    # Its own words find a story without the conversation's: a new subject.
    assert path.standalone_question == path.question, path.standalone_question
    assert path.short_answer is not None and path.short_answer.text == "6.5 kilometres"
    # A question naming nothing about the conversation's story keeps its subject.
    delay = bot.ask("Why is Brightloom's annual report late?")
    when = bot.ask("When does the firm expect the report?", [(delay.question, delay.text)])
    assert "Brightloom" in when.standalone_question, when.standalone_question
    assert when.short_answer is not None and when.short_answer.text == "in June"


ROBBERY = (
    "Two men arrested after jewellery shop raid in Harrogate\n\nTwo men have been arrested "
    "after an armed robbery at a jewellery shop in Harrogate on Tuesday afternoon, North "
    "Yorkshire Police said.\n\nOfficers were called to Fenwick & Hale on James Street shortly "
    "after 3.40pm yesterday following reports that two men carrying a hammer and a knife had "
    "smashed display cabinets and taken watches and rings.\n\nPolice said the stolen items "
    "were worth an estimated £210,000. No-one was seriously hurt, but a 62-year-old member of "
    "staff was treated for shock.\n\nThe men, aged 24 and 31, were arrested in Leeds early "
    "this morning after their car was stopped on the A61. Some of the stolen jewellery was "
    "recovered from the vehicle, police said.\n\nA third man, believed to have driven the "
    "getaway car, is still being sought, according to police.\n"
)


def test_where_prefers_a_close_sentence_placing_the_questions_verb(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    # The lead sentence, rated best, places the robbery; the other places the arrest.
    bot = assistant_over(make_assistant, tmp_path, ROBBERY)
    answer = bot.ask("Where were the robbery suspects arrested?")
    assert answer.short_answer is not None and answer.short_answer.text == "Leeds", answer.text


ROAD_RACE = """Nurse wins Harbourside 10K in course record

Grace Wanjiru, a 24-year-old nurse, won the Harbourside 10K on Sunday in 31 minutes and 9
seconds, breaking the course record.

The runner-up was Sofia Lindqvist of Sweden, who finished 47 seconds behind after leading for
most of the second half.

About 2,400 runners started the race, the largest field in its history.
"""
BAKERY = """Bakery chain to close twelve shops

The family-owned bakery chain Crumb & Co said on Wednesday that it would close twelve of its
forty shops by the end of April, blaming rising energy and flour prices.

About 85 staff will be affected, although most will be offered jobs in the remaining shops.
"""


@pytest.mark.parametrize(
    ("text", "question", "short"),
    [
        # "the winner" is the one who "won", and "47 seconds behind" is no time taken.
        (ROAD_RACE, "How long did it take the winner to finish the race?", "31 minutes and 9"),
        # "staff" are employees, and "are affected" asks in the present, which "will be
        # affected" answers.
        (BAKERY, "How many employees are affected by the bakery closures?", "85 staff"),
    ],
)
def test_a_question_is_answered_in_the_words_news_uses_for_what_it_asks(
    make_assistant: AssistantFactory, tmp_path: Path, text: str, question: str, short: str
) -> None:
    answer = assistant_over(make_assistant, tmp_path, text).ask(question)
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and short in answer.short_answer.text, answer.text


SPAM_CAMPAIGN = """Net firm drops campaign against junk mail senders

A contentious campaign to slow the websites of spammers by flooding them with traffic has
been dropped.

Lycos Europe's Make Love, Not Spam campaign began in late November but its tactics proved
controversial. Lycos has shut down the campaign saying it had been started to stimulate debate
about anti-spam measures and had now achieved this aim.

Some net service firms began blocking access to the Lycos Europe site in protest at the action.
"The idea was simply to slow spammers' sites and this was achieved," the company said of the
spamming it set out to fight.
"""


def test_why_prefers_no_reason_given_for_something_else(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "in protest at the action", in a sentence holding none of the question's ordinary
    words, is the reason the firms blocked the site, not why the campaign was started."""
    bot = assistant_over(make_assistant, tmp_path, SPAM_CAMPAIGN)
    answer = bot.ask(
        "Why did Lycos Europe say it had started its campaign to flood spammers' websites "
        "with traffic?"
    )
    assert "stimulate debate" in answer.text, answer.text
    assert "in protest" not in answer.text


MAYOR = """Green candidate wins Millbrook mayoral race by 212 votes

Green Party candidate Sofia Brennan was elected mayor of Millbrook on Friday, beating the
Conservative incumbent, Derek Hollis, by just 212 votes after a recount.

Brennan received 14,388 votes and Hollis 14,176. Turnout was 31 per cent.

Brennan, a former teacher, said her first act as mayor would be to review bus fares.
"""


def test_a_margin_after_the_losers_name_answers_by_how_many_she_won(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(make_assistant, tmp_path, MAYOR)
    answer = bot.ask("By how many votes did Sofia Brennan win?")
    assert answer.short_answer is not None and answer.short_answer.text.startswith("212")


def test_who_holds_a_role_no_sentence_names_is_refused(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """No sentence names a campaign manager: her rival is no answer."""
    bot = assistant_over(make_assistant, tmp_path, MAYOR)
    answer = bot.ask("Who was Sofia Brennan's campaign manager?")
    assert answer.refused, answer.text
    assert "names the role" in answer.note
    assert not bot.ask("Who is the Conservative incumbent?").refused


RAIL_STRIKE = """Rail workers announce week-long strike
By Gareth Pym
Monday 16 June 2025

Train drivers at Northway Rail will walk out for a week from Thursday 26 June in a dispute over \
pay and working hours, their union has announced.

The union, Aslef, said its members had rejected a pay offer of 3 per cent and that talks with \
the operator had broken down. Northway Rail said only a limited timetable would run during the \
strike, with no services at all on some rural branch lines.

Passengers are advised to check before they travel and to expect crowded trains on routes that \
do operate.

A spokesperson for the operator said it remained open to further talks and urged the union to \
call off the action.
"""


def test_which_kind_is_answered_by_the_name_beside_the_kind(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "The union, Aslef," names the union; "their union has announced" beside "Northway
    Rail" names none."""
    bot = assistant_over(make_assistant, tmp_path, RAIL_STRIKE)
    answer = bot.ask("Which union represents the train drivers?")
    assert answer.short_answer is not None and answer.short_answer.text == "Aslef", answer.text


POOL = """Dunmere approves new swimming pool

Dunmere town council voted 11 to 4 on Thursday to build a new public swimming pool on the \
site of the disused gasworks on Ferry Street.

The town's old swimming pool on Castle Road, built in 1936, will shut next summer because its \
boilers are failing and replacing them would cost more than the new pool's first stage, a \
survey found.

Work is due to begin in March and the pool should open in 2027.

Councillor Ruth Pask, who voted against, said the money should go to the leisure centres in \
the outlying villages.
"""


def test_where_something_will_be_done_is_the_place_its_verb_leads_to(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "to build a new public swimming pool on the site of the disused gasworks on Ferry
    Street" says where the pool will be built; "The town's old swimming pool on Castle Road,
    built in 1936" says where the old one is."""
    bot = assistant_over(make_assistant, tmp_path, POOL)
    answer = bot.ask("Where will the swimming pool be built?")
    assert answer.short_answer is not None and answer.short_answer.text == "Ferry Street"


def test_a_crowd_of_a_number_counts_the_people_asked_about(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    """ "a crowd of 8,215" says how many spectators there were without the word."""
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Harlow Athletic stun the leaders\n\nHarlow Athletic, cheered on by a crowd of 8,215 "
        "at Brook Park, beat the league leaders 2-1 on Saturday. Their manager said the win "
        "was the best of his career.\n",
    )
    answer = bot.ask("How many spectators watched the game at Brook Park?")
    assert not answer.refused, answer.note
    assert answer.short_answer is not None and answer.short_answer.text == "8,215"


def test_a_margin_beside_the_sentence_naming_the_vote_answers_by_what_margin(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Council ends free parking\n\nHarrowfield District Council has voted to end free "
        "Sunday parking in its town-centre car parks, despite a petition signed by more than "
        "4,200 residents. The decision was taken at a full council meeting on Thursday "
        "evening, where the proposal was carried by 23 votes to 17.\n",
    )
    answer = bot.ask("By what margin did Harrowfield councillors back ending free Sunday parking?")
    assert answer.short_answer is not None, answer.text
    assert answer.short_answer.text == "23 votes to 17", answer.text


def test_a_sentence_quoted_in_a_refusal_note_is_not_quoted_twice() -> None:
    assert _in_quotes("The tower was never built.[3]") == "“The tower was never built.”"
    said = '"You can\'t do that in a semi-final," he said.'
    assert _in_quotes(said) == said


def test_a_role_is_named_by_the_verb_its_holder_does(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = assistant_over(
        make_assistant,
        tmp_path,
        "Halcyon buys Brightwell\n\nHalcyon Systems has agreed to buy Brightwell Analytics. "
        "Brightwell, which is based in Leeds, was founded in 2017 by the former university "
        "lecturers Priya Natarajan and Tom Eckersley. It employs about 640 people.\n",
    )
    answer = bot.ask("Who are the founders of Brightwell Analytics?")
    assert answer.short_answer is not None, answer.text
    assert "Priya Natarajan" in answer.short_answer.text, answer.text
