"""The real command line, in-process through main() and once as a subprocess."""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.cli import main
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

    code, out, _ = run(capsys, "ask", "How much are Ukraine's rare earth minerals worth?")
    assert "$500 billion" in out and "Sources:" in out and "✓ supported" in out

    code, out, _ = run(capsys, "search", "rare earth minerals", "-k", "2", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 2 and "score" in hits[0]

    code, out, _ = run(capsys, "list")
    assert "Trump and Putin agree" in out and "chunks" in out

    source = json.loads(run(capsys, "list", "--json")[1])[0]["source"]
    code, out, _ = run(capsys, "remove", source)
    assert code == 0 and "removed" in out
    assert json.loads(run(capsys, "list", "--json")[1]) == []


def test_refusal_lists_the_closest_passages(
    cli_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "ingest", str(SEED_FILE))
    code, out, _ = run(capsys, "ask", "Who won the 2022 FIFA World Cup final?")
    assert code == 0 and out.startswith("The articles do not say.")


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["ask", ""], "The question is empty"),
        (["remove", "nothing.txt"], "is not in the index"),
        (["ask", "x", "--from", "yesterday"], "must look like 2025-02-13"),
        (["frobnicate"], "invalid choice"),
        (["search"], "the following arguments are required"),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    cli_env: Path, capsys: pytest.CaptureFixture[str], argv: list[str], needle: str
) -> None:
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
