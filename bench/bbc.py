"""The BBC benchmark corpus: 2,225 articles in five folders, the first line of each its title.

Read from ../shared/data/bbc (never copied into the repository). The
retrieval task: index the bodies without their titles, ask each title as the
query, and count the article it came from as the one right answer.
Retrieval is tuned on the TUNE folders only; the others are held out.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from assistant.ingest.decoding import decode_bytes

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "bbc"
FOLDERS = ("business", "entertainment", "politics", "sport", "tech")
TUNE = ("business", "entertainment")
HELD_OUT = ("politics", "sport", "tech")


@dataclass(frozen=True)
class BBCArticle:
    """One article: `key` is folder/file, the identity used as the source."""

    key: str
    folder: str
    title: str
    body: str


def corpus_dir() -> Path:
    """The corpus folder: $BBC_DIR, or ../shared/data/bbc next to the repository."""
    return Path(os.environ.get("BBC_DIR", DEFAULT_CORPUS))


def load(folders: tuple[str, ...] = FOLDERS, limit: int | None = None) -> list[BBCArticle]:
    """The articles of `folders`, in file order (at most `limit` per folder)."""
    root = corpus_dir()
    if not root.is_dir():
        raise SystemExit(f"BBC corpus not found at {root}: set BBC_DIR")
    articles = []
    for folder in folders:
        for path in sorted((root / folder).glob("*.txt"))[:limit]:
            text = decode_bytes(path.read_bytes())
            title, _, body = text.partition("\n")
            articles.append(
                BBCArticle(f"{folder}/{path.name}", folder, title.strip(), body.strip())
            )
    return articles


def same_text(articles: list[BBCArticle]) -> dict[str, frozenset[str]]:
    """For each article, the keys of all articles with the identical body (itself included).

    The corpus holds 133 groups of byte-identical articles filed under two
    keys; retrieving either copy answers the query equally well.
    """
    groups: dict[str, set[str]] = {}
    for article in articles:
        groups.setdefault(article.body, set()).add(article.key)
    return {a.key: frozenset(groups[a.body]) for a in articles}


def write_bodies_jsonl(articles: list[BBCArticle], path: Path) -> Path:
    """The bodies as JSON lines with `source` only: the index never sees a title."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for article in articles:
            record = {"source": article.key, "title": "", "text": article.body}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
