"""The saved conversations and the feedback on the real command line: ask saves, chats
lists/shows/exports/renames/deletes, feedback gives and exports a set `eval` reads."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant import Assistant
from assistant.cli import main
from tests.conftest import REPO, SEEDS

CALL = "How long did the call between Trump and Putin last?"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(
    storage_env: Callable[[Path], None], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> Run:
    storage_env(tmp_path / "index")
    assert main(["ingest", str(SEEDS)]) == 0
    capsys.readouterr()

    def command(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return command


def test_ask_saves_and_chats_show_export_rename_and_delete(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run("ask", CALL)
    assert code == 0 and "90 minutes" in out and not err
    code, out, _ = run("ask", "--continue", "Who confirmed it?", "--json")
    follow = json.loads(out)
    assert "Kremlin" in follow["answer"] and follow["saved_as"]
    # The text shows how a follow-up was read; a question standing alone is shown as asked.
    out = run("ask", "--continue", "When did they speak?")[1]
    assert out.startswith("(Asked as: When did they speak? (context: ") and "Putin" in out
    assert "Asked as" not in run("ask", "--no-save", "What did Hegseth say?")[1]
    code, out, _ = run("ask", "How much are Ukraine's rare earth minerals worth?", "--markdown")
    assert out.startswith("## How much are Ukraine") and "\n> " in out and "### Sources" in out

    listed = json.loads(run("chats", "list", "--json")[1])
    assert [c["questions"] for c in listed] == [1, 3]  # newest first; --no-save saved nothing
    chat = listed[1]["id"]
    assert follow["conversation"] == chat
    code, out, _ = run("chats", "list")
    assert chat[:8] in out and "3 questions" in out and CALL in out
    assert run("chats", "list", "--search", "KREMLIN")[1].count("\n") == 1

    code, out, _ = run("chats", "show", chat[:6])
    assert code == 0 and f"--- answer {follow['saved_as']}" in out and "Kremlin" in out
    code, out, _ = run("chats", "export", chat[:6])
    assert out.startswith(f"# {CALL}") and "## Who confirmed it?" in out
    whole = json.loads(run("chats", "export", chat, "--format", "json")[1])
    assert len(whole["answers"]) == 3

    assert run("chats", "rename", chat[:6], "The call")[0] == 0
    assert run("chats", "export", chat)[1].startswith("# The call")

    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    code, _, err = run("chats", "delete", chat[:6])
    assert code == 2 and "not deleted" in err
    assert len(json.loads(run("chats", "list", "--json")[1])) == 2
    assert run("chats", "delete", chat[:6], "--yes")[0] == 0
    assert [c["id"] for c in json.loads(run("chats", "list", "--json")[1])] == [listed[0]["id"]]


def test_unknown_and_ambiguous_ids_say_what_to_do(run: Run) -> None:
    code, _, err = run("chats", "show", "zzzz")
    assert code == 2 and "There is no conversation 'zzzz'" in err and "Traceback" not in err
    for _ in range(20):  # twenty ids: two surely share a first hex digit
        run("ask", CALL)
    ids = [c["id"] for c in json.loads(run("chats", "list", "--json")[1])]
    shared = next(a[0] for a in ids if sum(b.startswith(a[0]) for b in ids) > 1)
    code, _, err = run("chats", "show", shared)
    assert code == 2 and "give more of the id" in err
    code, _, err = run("ask", "--chat", "zzzz", CALL)
    assert code == 2 and "There is no conversation" in err
    code, _, err = run("feedback", "give", "99999", "up")
    assert code == 2 and "no saved answer" in err


def test_feedback_export_is_a_question_set_that_eval_runs(run: Run, tmp_path: Path) -> None:
    good = json.loads(run("ask", CALL, "--json")[1])
    wrong = json.loads(run("ask", "--continue", "Who confirmed it?", "--json")[1])
    assert run("feedback", "give", str(good["saved_as"]), "up", "--note", "spot on")[0] == 0
    assert run("feedback", "give", str(wrong["saved_as"]), "down", "--correct", "Kremlin")[0] == 0
    target = tmp_path / "mine.jsonl"
    code, out, err = run("feedback", "export", str(target))
    assert code == 0 and "wrote 2 questions" in out and "assistant eval" in err
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert [line["answers"] for line in lines][1] == ["Kremlin"]
    code, out, _ = run("eval", str(target), "--json")
    assert code == 0 and json.loads(out)["questions"] == 2


def test_a_damaged_database_warns_and_still_answers(run: Run) -> None:
    database = Path(sa.make_url(Assistant().database.url).database or "")
    for end in ("-wal", "-shm"):
        database.with_name(database.name + end).unlink(missing_ok=True)
    database.write_bytes(b"not a database at all " * 300)

    def command(*argv: str) -> subprocess.CompletedProcess[str]:
        # In a process of its own: this one may still hold the database open from before.
        return subprocess.run(
            [sys.executable, "-m", "assistant", *argv],
            capture_output=True,
            text=True,
            cwd=REPO,
            env=os.environ,
            check=False,
        )

    asked = command("ask", CALL)
    assert asked.returncode == 0 and "90 minutes" in asked.stdout
    assert asked.stderr.count("was not saved") == 1 and "move the file away" in asked.stderr
    listed = command("chats", "list")
    assert listed.returncode == 2 and "move the file away" in listed.stderr
    assert "Traceback" not in listed.stderr + asked.stderr


def test_a_ten_megabyte_question_is_refused_and_nothing_saved(run: Run) -> None:
    code, _, err = run("ask", "x" * 10_000_000)
    assert code == 2 and "characters long" in err
    assert json.loads(run("chats", "list", "--json")[1]) == []


def test_an_uploaded_source_reads_as_its_name_not_as_the_apps_copy(
    run: Run, tmp_path: Path
) -> None:
    """`ask`, `ask --markdown`, `list`, `chats show` and `chats export` name an uploaded
    file as the browser does ("harbour.txt (upload 1a2b3c4d)"), never by the path of the
    app's copy."""
    article = tmp_path / "harbour.txt"
    article.write_text(
        "Kestrel Bay bridge reopens\n\nThe Kestrel Bay harbour bridge reopened on Monday "
        "after repairs costing £4m, the council said.\n",
        encoding="utf-8",
    )
    bot = Assistant()
    bot.upload([article])
    copies = str(bot.uploads.folder)
    code, out, _ = run("ask", "How much did the Kestrel Bay bridge repairs cost?", "--markdown")
    assert code == 0 and "£4m" in out
    assert "harbour.txt (upload " in out and copies not in out
    chat = json.loads(run("chats", "list", "--json")[1])[0]["id"]
    plain = ("ask", "--no-save", "How much did the Kestrel Bay bridge repairs cost?")
    for command in (plain, ("list",), ("chats", "show", chat), ("chats", "export", chat)):
        out = run(*command)[1]
        assert "harbour.txt (upload " in out and copies not in out, command
    # What people see is what they can type back.
    label = bot.source_label(next(r.source for r in bot.articles() if "harbour" in r.source))
    code, out, _ = run("show", label)
    assert code == 0 and "Kestrel Bay bridge reopens" in out
    code, out, _ = run("ask", "--no-save", "--source", label, "What reopened on Monday?")
    assert code == 0 and "harbour bridge" in out
    code, _, err = run("show", label.replace("harbour", "harbor"))
    assert code == 2 and "is not in the index" in err
