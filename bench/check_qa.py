"""Check labelled question files: shape, verbatim answers, near-miss rules, and counts.

    python bench/check_qa.py [FILE ...]   (default: bench/data/bbc_qa*.jsonl and seed_dev.jsonl)

Each line is one JSON object:

    {"question": str, "answers": [str, ...], "sources": ["folder/NNN.txt", ...],
     "type": str, "folder": str}

plus, optionally, "qualifier": true (the answer needs a year, ordinal or role
to pick it out from similar values in the same article). A near-miss
(unanswerable) question has "answers": [] and "sources": [] and names the
article it is about in "near", with "kind" saying how it misses.

Checked: the JSON shape and allowed values; that every source exists and that
each answer is a verbatim span of it (`answer.lower() in text.lower()`: for
"list" questions every item must appear in every source, otherwise at least
one alternate must); that near-miss questions have no answers or sources; no
repeated questions. BBC keys ("business/017.txt") are read from the corpus at
`bench.bbc.corpus_dir()`, keys starting with "seeds/" from the repository.
Errors make the exit status 1; warnings (no alternate short enough to be a
span of at most six words, more than two questions on one BBC article, an
alternate found in no source) do not. The counts
per folder, type and kind are printed at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from assistant.ingest.decoding import decode_bytes  # noqa: E402
from bench.bbc import FOLDERS, corpus_dir  # noqa: E402

DATA = REPO / "bench" / "data"
DEFAULT_FILES = (DATA / "bbc_qa.jsonl", DATA / "bbc_qa2.jsonl", DATA / "seed_dev.jsonl")
TYPES = frozenset(
    {"who", "when", "how_many", "where", "which_what", "why", "how", "yes_no", "list"}
)
KINDS = frozenset({"absent_fact", "false_premise", "swapped_entity", "wrong_period"})
REQUIRED: dict[str, type] = {
    "question": str,
    "answers": list,
    "sources": list,
    "type": str,
    "folder": str,
}
OPTIONAL: dict[str, type] = {"near": str, "kind": str, "qualifier": bool}
SEED_FOLDER = "seeds"
MAX_ANSWER_WORDS = 6
MAX_PER_ARTICLE = 2


@dataclass
class Report:
    """Problems found in one file, and the counts to print."""

    lines: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, Counter[str]] = field(default_factory=dict)

    def count(self, table: str, key: str) -> None:
        """Add one to `key` in the table called `table`."""
        self.counts.setdefault(table, Counter())[key] += 1


class Articles:
    """Article texts by source key, read once each (title line included)."""

    def __init__(self, corpus: Path, repo: Path) -> None:
        self.corpus = corpus
        self.repo = repo
        self._texts: dict[str, str | None] = {}

    def path(self, key: str) -> Path:
        """Where the article named `key` lives."""
        if key.startswith(SEED_FOLDER + "/"):
            return self.repo / key
        return self.corpus / key

    def text(self, key: str) -> str | None:
        """The lower-cased text of `key`, or None if there is no such article."""
        if key not in self._texts:
            path = self.path(key)
            self._texts[key] = decode_bytes(path.read_bytes()).lower() if path.is_file() else None
        return self._texts[key]


def folder_of(key: str) -> str:
    """The folder part of a source key ("business/017.txt" -> "business")."""
    return key.split("/", 1)[0]


def check_shape(record: Any, where: str, report: Report) -> bool:
    """Report shape errors in one parsed line; True if it can be checked further."""
    if not isinstance(record, dict):
        report.errors.append(f"{where}: not a JSON object")
        return False
    ok = True
    for name, kind in REQUIRED.items():
        if not isinstance(record.get(name), kind):
            report.errors.append(f"{where}: '{name}' missing or not {kind.__name__}")
            ok = False
    for name, optional_kind in OPTIONAL.items():
        if name in record and not isinstance(record[name], optional_kind):
            report.errors.append(f"{where}: '{name}' is not {optional_kind.__name__}")
            ok = False
    unknown = set(record) - set(REQUIRED) - set(OPTIONAL)
    if unknown:
        report.errors.append(f"{where}: unknown fields {sorted(unknown)}")
    if not ok:
        return False
    for name in ("answers", "sources"):
        if not all(isinstance(item, str) and item.strip() for item in record[name]):
            report.errors.append(f"{where}: '{name}' must hold non-empty strings")
            ok = False
    if not record["question"].strip():
        report.errors.append(f"{where}: empty question")
        ok = False
    if record["type"] not in TYPES:
        report.errors.append(f"{where}: unknown type {record['type']!r}")
        ok = False
    folders = (*FOLDERS, SEED_FOLDER)
    if record["folder"] not in folders:
        report.errors.append(f"{where}: unknown folder {record['folder']!r}")
        ok = False
    return ok


def check_answerable(
    record: dict[str, Any], where: str, articles: Articles, report: Report
) -> None:
    """An answerable question: its sources exist and hold its answers verbatim."""
    answers: list[str] = record["answers"]
    sources: list[str] = record["sources"]
    if not sources:
        report.errors.append(f"{where}: answers given but no sources")
        return
    if "near" in record or "kind" in record:
        report.errors.append(f"{where}: 'near'/'kind' belong to unanswerable questions only")
    if folder_of(sources[0]) != record["folder"]:
        report.errors.append(f"{where}: folder {record['folder']!r} is not that of {sources[0]}")
    if len(set(sources)) != len(sources):
        report.errors.append(f"{where}: repeated source")
    texts: list[str] = []
    for key in sources:
        text = articles.text(key)
        if text is None:
            report.errors.append(f"{where}: no article {key}")
            continue
        texts.append(text)
        found = [answer for answer in answers if answer.lower() in text]
        if record["type"] == "list" and len(found) != len(answers):
            missing = [answer for answer in answers if answer not in found]
            report.errors.append(f"{where}: list items {missing} not verbatim in {key}")
        elif not found:
            report.errors.append(f"{where}: no answer {answers} verbatim in {key}")
    for answer in answers:
        if texts and not any(answer.lower() in text for text in texts):
            report.warnings.append(f"{where}: alternate {answer!r} is in none of the sources")
    spans = answers if record["type"] == "list" else [min(answers, key=len)]
    for answer in spans:
        if len(answer.split()) > MAX_ANSWER_WORDS:
            report.warnings.append(f"{where}: answer {answer!r} is longer than a short span")
    report.count("answerable per folder", record["folder"])
    report.count("answerable per type", record["type"])
    report.count("articles (first source)", sources[0])
    if len(sources) > 1:
        report.count("answerable with several sources", "questions")
    if record.get("qualifier"):
        report.count("answerable needing a qualifier", "questions")


def check_near_miss(record: dict[str, Any], where: str, articles: Articles, report: Report) -> None:
    """An unanswerable question: no answers, no sources, a real article it is about."""
    if record["sources"]:
        report.errors.append(f"{where}: unanswerable question with sources")
    near = record.get("near")
    kind = record.get("kind")
    if near is None or kind is None:
        report.errors.append(f"{where}: unanswerable question needs 'near' and 'kind'")
        return
    if kind not in KINDS:
        report.errors.append(f"{where}: unknown kind {kind!r}")
    if articles.text(near) is None:
        report.errors.append(f"{where}: no article {near}")
    if folder_of(near) != record["folder"]:
        report.errors.append(f"{where}: folder {record['folder']!r} is not that of {near}")
    if record.get("qualifier"):
        report.errors.append(f"{where}: 'qualifier' is for answerable questions")
    report.count("near-miss per folder", record["folder"])
    report.count("near-miss per type", record["type"])
    report.count("near-miss per kind", kind)


def check_file(path: Path, articles: Articles) -> Report:
    """Check every line of one question file."""
    report = Report()
    seen: dict[str, int] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    report.lines = len(lines)
    for number, line in enumerate(lines, start=1):
        where = f"{path.name}:{number}"
        if not line.strip():
            report.errors.append(f"{where}: blank line")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            report.errors.append(f"{where}: invalid JSON ({error})")
            continue
        if not check_shape(record, where, report):
            continue
        question = " ".join(record["question"].lower().split())
        if question in seen:
            report.errors.append(f"{where}: same question as line {seen[question]}")
        seen[question] = number
        if record["answers"]:
            check_answerable(record, where, articles, report)
        else:
            check_near_miss(record, where, articles, report)
    per_article = report.counts.get("articles (first source)", Counter())
    for key, count in per_article.items():
        if count > MAX_PER_ARTICLE and folder_of(key) != SEED_FOLDER:
            report.warnings.append(f"{path.name}: {count} questions on {key}")
    return report


def print_report(path: Path, report: Report) -> None:
    """Print the counts, then any warnings and errors."""
    answerable = sum(report.counts.get("answerable per folder", Counter()).values())
    near_miss = sum(report.counts.get("near-miss per folder", Counter()).values())
    print(f"== {path}: {report.lines} lines")
    print(f"   answerable {answerable}, near-miss {near_miss} (lines fully checked)")
    for table, counter in report.counts.items():
        if table == "articles (first source)":
            print(f"   distinct articles (first source): {len(counter)}")
            continue
        items = ", ".join(f"{key} {value}" for key, value in sorted(counter.items()))
        print(f"   {table}: {items}")
    for warning in report.warnings:
        print(f"   WARNING {warning}")
    for error in report.errors:
        print(f"   ERROR {error}")
    print(f"   {'FAILED' if report.errors else 'OK'}")


def main(argv: list[str] | None = None) -> int:
    """Check the given files (or the default two); 1 if any has errors."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, default=list(DEFAULT_FILES))
    args = parser.parse_args(argv)
    articles = Articles(corpus_dir(), REPO)
    failed = False
    for path in args.files:
        report = check_file(path, articles)
        print_report(path, report)
        failed = failed or bool(report.errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
