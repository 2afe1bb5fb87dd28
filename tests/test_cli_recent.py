"""News on the command line: --recent DAYS, each citation's date, and the newest source."""

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant import Answer, Citation, Passage
from assistant.cli import main


def days_ago(n: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=n)).isoformat()


@pytest.fixture
def news(storage_env: Callable[[Path], None], tmp_path: Path) -> Path:
    """An index of two reports on one strike, one from two days ago and one from 40 days ago."""
    storage_env(tmp_path / "index")
    folder = tmp_path / "news"
    folder.mkdir()
    stories = {
        "old.txt": (days_ago(40), "Dock strike begins", "Dock workers at Felixstowe walked out."),
        "new.txt": (days_ago(2), "Dock strike ends", "Dock workers at Felixstowe went back."),
    }
    for name, (date, title, body) in stories.items():
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\n{body}\n")
    assert main(["ingest", str(folder)]) == 0
    return folder


def test_recent_keeps_only_the_last_days(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["search", "dock workers at Felixstowe", "--recent", "7", "--json"]) == 0
    assert [hit["title"] for hit in json.loads(capsys.readouterr().out)] == ["Dock strike ends"]
    assert main(["search", "dock workers at Felixstowe", "--recent", "41", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["search", "dock workers at Felixstowe"]) == 0
    assert f"({days_ago(2)}, similarity" in capsys.readouterr().out
    assert main(["search", "dock workers", "--recent", "1"]) == 0
    out = capsys.readouterr().out
    assert f"--recent 1 (from {days_ago(0)})" in out


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--recent", "0"], "must be 1 day or more"),
        (["--recent", "week"], "must be a whole number of days"),
        (["--recent", "7", "--from", "2025-01-01"], "not allowed with argument"),
    ],
)
def test_bad_recent_exits_2(
    news: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exit_:
        main(["ask", "What happened?", *argv])
    assert exit_.value.code == 2
    assert needle in capsys.readouterr().err


def test_citations_show_their_article_date(news: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["ask", "What did the dock workers at Felixstowe do?"]) == 0
    out = capsys.readouterr().out
    sources = out.split("Sources:")[1].split("Check:")[0]
    shown = {
        Citation(1, Passage("c", "a", "s", "t", "x", 0, 1, date=d)).shown_date
        for d in (days_ago(2), days_ago(40))
    }
    assert any(day in sources for day in shown)


def cited(*dates: str) -> Answer:
    citations = tuple(
        Citation(n, Passage(f"c{n}", f"a{n}", f"s{n}", "T", "x", 0, 1, date=date))
        for n, date in enumerate(dates, start=1)
    )
    return Answer("q", "text", "extractive", False, citations=citations)


def test_an_answer_from_articles_of_different_dates_names_the_newest() -> None:
    answer = cited("2005-03-01", "2005-03-12T09:00:00", "")
    assert answer.newest_source_line == "Newest source: 12 March 2005 [2]"
    assert answer.to_dict()["newest_source"] == {"n": 2, "date": "2005-03-12T09:00:00"}
    assert "Newest source: 12 March 2005 [2]" in str(answer)


@pytest.mark.parametrize("dates", [("2005-03-01", "2005-03-01"), ("2005-03-01", ""), ()])
def test_one_date_or_none_says_nothing(dates: tuple[str, ...]) -> None:
    answer = cited(*dates)
    assert answer.newest_source is None and answer.newest_source_line == ""
    assert answer.to_dict()["newest_source"] is None


def test_ingest_names_the_articles_it_found_no_date_in(
    news: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    (news / "dated.txt").write_text("Dock talks\nDate: 9 May 2025\n\nTalks resumed.\n")
    (news / "undated.txt").write_text("Dock talks again\n\nTalks resumed once more.\n")
    assert main(["ingest", str(news)]) == 0
    out = capsys.readouterr().out
    listed = out.split("with no date found")[1]
    assert "undated.txt" in listed and "dated.txt" not in listed.replace("undated.txt", "")
    assert main(["ingest", str(news / "undated.txt"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["undated"] == []  # unchanged: not read again
