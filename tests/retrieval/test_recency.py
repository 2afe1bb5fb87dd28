"""News-aware ranking: questions asking for the newest favour newer articles, others do not."""

from pathlib import Path

import numpy as np
import pytest

from assistant.retrieval.recency import asks_for_recent, date_prior
from tests.conftest import AssistantFactory

# Three reports on one strike; the oldest says the most about it, the newest the least.
REPORTS = {
    "march.txt": (
        "2005-03-02",
        "Dock strike begins",
        "Dock workers at the port of Felixstowe walked out over pay. The dock strike halted "
        "cranes, the dock strike closed the container terminal and dock workers picketed.",
    ),
    "april.txt": (
        "2005-04-12",
        "Dock strike talks",
        "Union leaders and port managers met for talks about the dock strike at Felixstowe.",
    ),
    "may.txt": (
        "2005-05-20",
        "Port reopens",
        "The port of Felixstowe reopened after dock workers accepted a new pay offer.",
    ),
}


def reports(folder: Path, undated: bool = False) -> Path:
    folder.mkdir()
    for name, (date, title, body) in REPORTS.items():
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n{body}\n")
    if undated:
        (folder / "undated.txt").write_text(
            "---\ntitle: Dock strike explained\n---\nWhy dock workers at Felixstowe strike.\n"
        )
    return folder


@pytest.mark.parametrize(
    "question",
    [
        "What is the latest on the dock strike?",
        "What happened most recently at the port?",
        "Any news about the dock strike this week?",
        "What did the dock workers do today?",
        "Newest reports on Felixstowe",
        "Recently, what happened to the strike?",
    ],
)
def test_questions_about_now_are_recognised(question: str) -> None:
    assert asks_for_recent(question)


@pytest.mark.parametrize(
    "question",
    [
        "Why did the dock workers strike?",
        "When did the port reopen?",
        "What was the current account deficit in 2004?",
        "Who won the cup last year?",
        "Which American was released in the recent prisoner exchange?",
    ],
)
def test_other_questions_are_not(question: str) -> None:
    assert not asks_for_recent(question)


def test_the_prior_runs_from_the_newest_article_to_the_oldest() -> None:
    # Rows are chunks: article 0 has two; articles 0 and 1 share the newest day.
    dates = np.array([20050520, 20050520, 20050520, 20050412, 0, 20050302], dtype=np.int64)
    owner = np.array([0, 0, 1, 2, 3, 4], dtype=np.int64)
    prior = date_prior(dates, owner)
    assert prior[[0, 1, 2, 5]].tolist() == [1.0, 1.0, 1.0, 0.0]
    assert 0.0 < prior[3] < 1.0
    assert np.isnan(prior[4])
    assert np.isnan(date_prior(np.zeros(3, dtype=np.int64), np.arange(3))).all()


def test_asking_for_the_latest_puts_the_newest_article_first(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([reports(tmp_path / "news")])
    plain = bot.search("What about the dock strike at Felixstowe?", k=3)
    latest = bot.search("What is the latest about the dock strike at Felixstowe?", k=3)
    assert plain[-1].title == "Port reopens"
    assert latest[0].title == "Port reopens"
    assert {p.title for p in latest} == {p.title for p in plain}


def test_undated_articles_are_neither_favoured_nor_dropped(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    bot = make_assistant()
    bot.ingest([reports(tmp_path / "news", undated=True)])
    latest = bot.search("What is the latest about the dock strike at Felixstowe?", k=4)
    plain = bot.search("What about the dock strike at Felixstowe?", k=4)
    # The undated explainer matches best and stays first; the dated ones go newest first.
    assert latest[0].title == plain[0].title == "Dock strike explained"
    assert [p.title for p in latest[1:]] == [
        "Port reopens",
        "Dock strike talks",
        "Dock strike begins",
    ]
