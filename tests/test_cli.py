"""The real command line, in-process through main() and once as a subprocess."""

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli import build_parser, main
from tests.conftest import REPO, SEED_FILE


@pytest.fixture
def cli_env(storage_env: Callable[[Path], None], tmp_path: Path) -> Path:
    storage_env(tmp_path / "index")
    return tmp_path / "index"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_ingest_ask_search_list_remove(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "ingest", str(SEED_FILE.parent), "--json")
    assert code == 0 and json.loads(out)["added"] == 1

    code, out, _ = run(capsys, "ask", "How much are Ukraine's rare earth minerals worth?", "--json")
    assert code == 0
    answer = json.loads(out)
    assert {"question", "answer", "mode", "refused", "citations", "claims"} <= set(answer)
    assert "$500 billion" in answer["answer"] and answer["mode"] == "extractive"
    citation = answer["citations"][0]
    assert set(citation) >= {"n", "source", "title", "text", "score", "start", "end"}
    assert all(claim["verdict"] == "supported" for claim in answer["claims"])
    short = answer["short_answer"]  # as the README says to find it in its passage
    cited = next(c for c in answer["citations"] if c["n"] == short["n"])
    offset = cited["start"]
    assert cited["text"][short["start"] - offset : short["end"] - offset] == short["text"]
    assert answer["unsure"] is False and answer["caution"] == ""

    code, out, _ = run(capsys, "ask", "How much are Ukraine's rare earth minerals worth?")
    assert "$500 billion" in out and "Sources:" in out
    # A quote is its passage's sentence: the check says so rather than a bare "supported".
    assert "✓ quoted word for word [1]" in out and "(answers the question)" in out

    code, out, _ = run(capsys, "search", "rare earth minerals", "-k", "2", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2 and "score" in hits[0]

    code, out, _ = run(capsys, "list")
    assert "Trump and Putin agree" in out and "chunks" in out

    source = json.loads(run(capsys, "list", "--json")[1])[0]["source"]
    code, out, _ = run(capsys, "remove", source)
    assert code == 0 and "removed" in out
    assert json.loads(run(capsys, "list", "--json")[1]) == []


def test_a_file_name_shared_by_articles_in_several_folders_names_them(
    cli_env: Path,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for folder, text in (
        ("council", "The council met."),
        ("sports", "Elena Vasquez won the Calloway Marathon on Sunday."),
    ):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"Report\n\n{text}\n")
    run(capsys, "ingest", str(tmp_path / "council"), str(tmp_path / "sports"))
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "ask", "Who won?", "--source", "report.txt", "--no-save")
    assert code == 2 and "2 articles have that file name" in err
    assert "council/report.txt; sports/report.txt" in err
    code, out, _ = run(
        capsys,
        "ask",
        "Who won the Calloway Marathon?",
        "--source",
        "sports/report.txt",
        "--no-save",
    )
    assert code == 0 and "Vasquez" in out


def test_refusal_lists_the_closest_passages(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    code, out, _ = run(capsys, "ask", "Who won the 2022 FIFA World Cup final?")
    assert code == 0 and out.startswith("The articles do not say.")
    listed = out.split("Closest passages:")[1]
    similarities = [float(s) for s in re.findall(r"similarity (\d\.\d\d)\)", listed)]
    assert similarities and similarities == sorted(similarities, reverse=True)
    # The JSON lists the same passages, as the README's `ans.closest` does.
    code, out, _ = run(capsys, "ask", "Who won the 2022 FIFA World Cup final?", "--json")
    closest = [round(p["score"], 2) for p in json.loads(out)["closest"]]
    assert code == 0 and closest == similarities


def test_an_unsure_answer_says_so_once_above_its_check(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    asked = "Who confirmed how long the Trump-Putin phone conversation went on?"
    code, out, _ = run(capsys, "ask", asked, "--no-save")
    assert code == 0 and out.startswith("Answer: ") and "(may not answer the question)" in out
    # The answer line and the check of its sentence say it; no third paragraph repeats it.
    assert "compare it with its passage" not in out
    assert out.count("may not answer the question") == 1 + out.split("Check:")[1].count("may not")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["ask", ""], "The question is empty"),
        (["ask", " ?! "], "The question '?!' has no words"),
        (["remove", "nothing.txt"], "is not in the index"),
        (["ask", "x", "--from", "yesterday"], "written like 2025-02-13"),
        (["frobnicate"], "invalid choice"),
        (["search"], "the following arguments are required"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    cli_env: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    main(["ingest", str(SEED_FILE)])
    capsys.readouterr()
    try:
        code = main(argv)
    except SystemExit as exit_:  # argparse exits for grammar errors
        code = int(exit_.code or 0)
    _, err = capsys.readouterr()
    assert code == 2
    assert needle in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_python_dash_m_works_and_errors_have_no_traceback(cache_dir: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ASSISTANT_", "OPENAI_"))}
    env.update(
        ASSISTANT_CACHE_DIR=str(cache_dir),
        ASSISTANT_INDEX_DIR=str(tmp_path / "idx"),
        ASSISTANT_LLM="magic",
    )
    result = subprocess.run(
        [sys.executable, "-m", "assistant", "list"],
        cwd=REPO,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "assistant: ASSISTANT_LLM must be one of extractive, openai, not 'magic'"
    )


def test_source_and_date_filters_from_the_command_line(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text(
        "---\ntitle: Old harbour\ndate: 2001-05-01\n---\nThe harbour had 12 boats.\n"
    )
    (docs / "new.md").write_text(
        "---\ntitle: New harbour\ndate: 2024-05-01\n---\nThe harbour had 90 boats.\n"
    )
    run(capsys, "ingest", str(docs))
    _, out, _ = run(capsys, "search", "harbour boats", "--from", "2020-01-01", "--json")
    assert [hit["title"] for hit in json.loads(out)] == ["New harbour"]
    _, out, _ = run(capsys, "search", "harbour boats", "--source", str(docs / "old.md"), "--json")
    assert [hit["title"] for hit in json.loads(out)] == ["Old harbour"]
    _, out, _ = run(
        capsys, "ask", "How many boats did the harbour have?", "--to", "2010-12-31", "--json"
    )
    assert "12 boats" in json.loads(out)["answer"]


def test_a_failure_under_json_still_prints_one_json_document(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # An impossible date (or, on an empty store, the missing index) fails the question.
    code, out, err = run(capsys, "ask", "Who won the vote?", "--to", "2024-13-45", "--json")
    assert code == 2 and err.startswith("assistant: ")
    assert json.loads(out) == {"error": err.removeprefix("assistant: ").strip(), "exit_code": 2}


def test_ingest_of_nothing_readable_exits_2(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(capsys, "ingest", str(tmp_path / "does-not-exist"))
    assert code == 2 and "not found" in out and "nothing could be read" in err
    (tmp_path / "empty.txt").write_text("")
    code, out, _ = run(capsys, "ingest", str(tmp_path / "empty.txt"), "--json")
    report = json.loads(out)
    assert code == 2 and report["exit_code"] == 2 and report["skipped"]
    assert report["error"].startswith("nothing could be read")
    code, out, err = run(capsys, "ingest", str(tmp_path / "empty.txt"))
    assert code == 2 and "empty file" in out
    assert err.splitlines() == [
        "assistant: nothing could be read from what was given (see the skipped list)"
    ], "one line on stderr: no progress lines for a job of under a second"
    code, _, _ = run(capsys, "ingest", str(SEED_FILE), str(tmp_path / "does-not-exist"))
    assert code == 0, "something was read: the skip is reported, the ingest succeeded"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["ask", "x", "--from", "2025-13-40"], "start date must be a real day"),
        (["search", "x", "--to", "2025-02-30"], "end date must be a real day"),
        (["search", "x", "--from", "2025-03-01", "--to", "2025-01-01"], "is after the end date"),
        (["ask", "How long was the call?", "--source", "nope.txt"], "'nope.txt' is not in the"),
    ],
)
def test_bad_filters_exit_2_saying_what_is_wrong(
    cli_env: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    code, out, err = run(capsys, *argv)
    assert code == 2 and needle in err and not out and "Traceback" not in err


def test_a_filter_that_excludes_everything_says_so(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    code, out, _ = run(capsys, "search", "bridge", "--from", "2099-01-01")
    assert code == 0 and "No article in the index matches --from 2099-01-01" in out
    assert "empty" not in out


def test_a_date_range_over_undated_articles_says_they_never_match(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    undated = tmp_path / "harbour.txt"
    undated.write_text("Harbour report\n\nThe harbour master counted 41 fishing boats.\n")
    run(capsys, "ingest", str(undated))
    code, out, _ = run(capsys, "ask", "How many boats?", "--from", "2000-01-01", "--no-save")
    assert code == 0 and "undated articles never match dates" in out


def test_a_refusal_under_a_date_range_counts_the_undated_articles_it_left_out(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # One article dated by its dateline, one with none: the range can only see the first.
    dated = tmp_path / "forest.txt"
    dated.write_text("Forest report\nKELLMOOR, 3 May 2024\n\nRangers planted 900 oaks.\n")
    undated = tmp_path / "harbour.txt"
    undated.write_text("Harbour report\n\nThe harbour master counted 41 fishing boats.\n")
    run(capsys, "ingest", str(dated), str(undated))
    code, out, _ = run(capsys, "list")
    assert "(2024-05-03)" in out
    question = "How many fishing boats did the harbour master count?"
    code, out, _ = run(capsys, "ask", question, "--from", "2024-01-01", "--no-save")
    assert code == 0 and "The articles do not say." in out
    assert "1 article in the index has no date, so the date range left it out." in out


def test_read_commands_on_a_missing_index_exit_2_and_create_nothing(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere"
    for argv in (["list"], ["ask", "What happened?"], ["search", "harbour"]):
        code, out, err = run(capsys, *argv, "--index-dir", str(missing))
        assert code == 2 and "There is no index at" in err and not out
    assert not missing.exists()


def test_counts_are_plural_only_when_more_than_one(
    cli_env: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Harbour note\n\nThe harbour master counted 41 boats on Monday.\n")
    run(capsys, "ingest", str(note))
    _, out, _ = run(capsys, "list")
    assert "\t1 chunk" in out and "1 chunks" not in out
    _, out, _ = run(capsys, "remove", str(note))
    assert "(1 chunk)" in out


def test_output_cut_short_by_its_reader_is_not_an_error(cli_env: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", str(SEED_FILE)],
        cwd=REPO,
        env={**os.environ},
        check=True,
        capture_output=True,
    )
    reader = subprocess.Popen(
        [sys.executable, "-m", "assistant", "list"],
        cwd=REPO,
        env={**os.environ},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert reader.stdout is not None and reader.stderr is not None
    reader.stdout.close()  # like `| head -0`: the reader is gone before anything is written
    error = reader.stderr.read().decode()
    assert reader.wait(timeout=120) == 0
    assert "Traceback" not in error and "BrokenPipe" not in error


def test_search_sizes_outside_1_to_50_are_refused(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for k in ("0", "-3", "many"):
        with pytest.raises(SystemExit) as exit_:
            main(["search", "bridge", "-k", k])
        assert exit_.value.code == 2
        assert "argument -k" in capsys.readouterr().err


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.startswith("assistant ")


def test_a_first_ingest_that_reads_nothing_leaves_no_folder_behind(
    cache_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fresh = tmp_path / "fresh-index"
    code, _, _ = run(capsys, "ingest", str(tmp_path / "missing.txt"), "--index-dir", str(fresh))
    assert code == 2 and not fresh.exists()


def test_ask_with_a_filter_that_excludes_everything_says_so(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    code, out, _ = run(capsys, "ask", "How long did the call last?", "--from", "2099-01-01")
    assert code == 0 and "No article in the index matches" in out


def test_ask_reads_the_question_from_standard_input_after_a_dash(
    cli_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("How much are Ukraine's rare earth\nminerals worth?\n")
    )
    code, out, _ = run(capsys, "ask", "-", "--json", "--no-save")
    assert code == 0
    answer = json.loads(out)
    assert "minerals worth" in answer["question"] and "$500 billion" in answer["answer"]
    monkeypatch.setattr("sys.stdin", io.StringIO("   \n"))
    code, _, err = run(capsys, "ask", "-")
    assert code == 2 and "The question is empty" in err


def test_index_options_go_before_or_after_the_command() -> None:
    parse = build_parser().parse_args
    before = parse(["--index-dir", "news", "--llm", "extractive", "list"])
    assert (before.index_dir, before.llm, before.command) == ("news", "extractive", "list")
    assert parse(["--index-dir", "news", "list", "--index-dir", "sport"]).index_dir == "sport"
    assert parse(["--collection", "bbc", "chats", "list"]).collection == "bbc"
    assert parse(["list"]).index_dir is None


def test_a_similarity_just_under_nought_is_shown_as_nought() -> None:
    from assistant.cli.common import similarity

    assert [similarity(s) for s in (-0.001, 0.0, 0.456, -0.2)] == ["0.00", "0.00", "0.46", "-0.20"]
