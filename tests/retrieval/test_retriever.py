"""Hybrid retrieval finds keywords and paraphrases, filters, and spreads over articles."""

from pathlib import Path

from tests.conftest import AssistantFactory


def corpus(folder: Path) -> Path:
    folder.mkdir()
    stories = {
        "zorblax.txt": (
            "Chemical plant inspection",
            "Inspectors found traces of the solvent "
            "Zorblax-7 near the plant's eastern drain during a routine visit.",
        ),
        "budget.txt": (
            "City budget",
            "The council approved a budget that raises spending on "
            "schools and roads while cutting administrative costs.",
        ),
        "football.txt": (
            "Cup final",
            "The home side won the cup final 2-1 after a late header "
            "in front of a crowd of 40,000 supporters.",
        ),
        "rain.txt": (
            "Weather",
            "Heavy rain flooded several streets and the river burst its "
            "banks, forcing families to leave their homes.",
        ),
    }
    for name, (title, body) in stories.items():
        (folder / name).write_text(
            f"---\ntitle: {title}\ndate: 2025-0{len(name) % 9 + 1}-10\n---\n{body}\n"
        )
    return folder


def test_rare_keyword_is_found(make_assistant: AssistantFactory, tmp_path: Path) -> None:
    bot = make_assistant()
    bot.ingest([corpus(tmp_path / "c")])
    hits = bot.search("Zorblax-7", k=2)
    assert hits[0].title == "Chemical plant inspection"


def test_paraphrase_is_found(make_assistant: AssistantFactory, tmp_path: Path) -> None:
    bot = make_assistant()
    bot.ingest([corpus(tmp_path / "c")])
    hits = bot.search("Which neighbourhoods were under water after the storm?", k=2)
    assert hits[0].title == "Weather"
    assert 0.0 < hits[0].score <= 1.0
    assert hits[0].text in (tmp_path / "c" / "rain.txt").read_text()


def test_source_and_date_filters(make_assistant: AssistantFactory, tmp_path: Path) -> None:
    bot = make_assistant()
    folder = corpus(tmp_path / "c")
    bot.ingest([folder])
    sources = {r.title: r.source for r in bot.articles()}
    dates = {r.title: r.date for r in bot.articles()}
    only = bot.search("what happened", k=4, sources=[sources["Cup final"], sources["Weather"]])
    assert {h.title for h in only} == {"Cup final", "Weather"}
    day = dates["Cup final"]
    dated = bot.search("what happened", k=4, date_from=day, date_to=day)
    assert {h.title for h in dated} == {t for t, d in dates.items() if d == day}


def test_one_long_article_does_not_crowd_out_the_others(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    long_body = "\n".join(
        f"Section {i}: the tram network expansion adds line {i} with new stops and depots."
        for i in range(60)
    )
    (folder / "long.txt").write_text(f"Tram expansion\n\n{long_body}\n")
    (folder / "short.txt").write_text("Tram fares\n\nTram fares will rise next year for adults.\n")
    (folder / "bus.txt").write_text("Bus routes\n\nThe tram and bus operators agreed new routes.\n")
    bot = make_assistant(chunk_tokens=40)
    bot.ingest([folder])
    hits = bot.search("tram network", k=6)
    titles = [h.title for h in hits]
    assert {"Tram fares", "Bus routes"} <= set(titles)
    assert titles[:3] == ["Tram expansion"] * 3, "the cap holds within the top half"
    assert len({h.text for h in hits}) == len(hits), "no duplicate passages"


def test_empty_index_returns_nothing(make_assistant: AssistantFactory) -> None:
    assert make_assistant().search("anything", k=3) == []


def test_near_duplicate_articles_collapse_to_one_passage(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    body = (
        "The harbour master counted 41 fishing boats on Monday, the most since the new quay "
        "opened, and said the season had started early because of the mild weather."
    )
    (folder / "original.txt").write_text(f"Harbour busy\n\n{body}\n")
    (folder / "reprint.txt").write_text(f"Harbour busy\n\n{body} Reporting by staff.\n")
    (folder / "other.txt").write_text("Boat show\n\nThe boat show opened with 200 exhibitors.\n")
    bot = make_assistant()
    bot.ingest([folder])
    hits = bot.search("How many fishing boats did the harbour master count?", k=3)
    assert sum("41 fishing boats" in h.text for h in hits) == 1
    assert any(h.title == "Boat show" for h in hits)
