"""Invented news stories for the extraction test pages, and their gold text.

The stories live in bench/data/page_stories/*.txt in a small markup: a
`@@ key` line, `field: value` header lines, `@@body`, then blocks separated
by blank lines. A block is a paragraph unless it starts with one of:

    ## heading            > block quote          - list item (one per line)
    | table | row |       ``` code ```           **bold** inline
    TWEET: text || attribution                   (embedded tweet: body)
    IMG: caption                                 (figure caption: not body)
    PULL: text                                   (pull quote: not body)

This module only parses and turns blocks into gold text; the HTML is made
by the site templates, which decide how each block looks on their page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

STORY_DIR = Path(__file__).resolve().parents[1] / "data" / "page_stories"

_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Block:
    """One block of an article body as the story file gives it."""

    kind: str  # p, h2, quote, list, table, code, tweet, img, pull
    text: str = ""
    items: tuple[str, ...] = ()  # list items, code lines
    rows: tuple[tuple[str, ...], ...] = ()  # table rows, the first is the header
    attribution: str = ""  # tweets: "— Name (@handle) date"

    @property
    def is_body(self) -> bool:
        """Captions and pull quotes appear on the page but are not article body."""
        return self.kind not in ("img", "pull")


@dataclass(frozen=True)
class Story:
    key: str
    title: str
    author: str
    date: str  # YYYY-MM-DD
    dek: str = ""
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "p"]


def plain(text: str) -> str:
    """Inline markup removed: what a reader sees of a paragraph."""
    return _BOLD.sub(r"\1", text)


def block_text(block: Block) -> str:
    """The gold text of one body block."""
    if block.kind == "list":
        return "\n".join(plain(item) for item in block.items)
    if block.kind == "code":
        return "\n".join(block.items)
    if block.kind == "table":
        return "\n".join(" | ".join(row) for row in block.rows)
    if block.kind == "tweet":
        return f"{block.text}\n{block.attribution}"
    return plain(block.text)


def gold_body(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Body blocks as plain text, blank line between blocks."""
    return "\n\n".join(block_text(b) for b in blocks if b.is_body)


def _parse_block(chunk: str) -> Block:
    lines = chunk.split("\n")
    first = lines[0]
    if first.startswith("```"):
        return Block("code", items=tuple(line for line in lines[1:] if line != "```"))
    if first.startswith("## "):
        return Block("h2", first[3:].strip())
    if first.startswith("> "):
        return Block("quote", " ".join(line.removeprefix("> ") for line in lines))
    if first.startswith("- "):
        return Block("list", items=tuple(line[2:].strip() for line in lines))
    if first.startswith("| "):
        rows = tuple(tuple(c.strip() for c in line.strip().strip("|").split("|")) for line in lines)
        return Block("table", rows=rows)
    if first.startswith("TWEET: "):
        text, _, attribution = chunk[7:].partition(" || ")
        return Block("tweet", text.strip(), attribution=attribution.strip())
    if first.startswith("IMG: "):
        return Block("img", chunk[5:].strip())
    if first.startswith("PULL: "):
        return Block("pull", chunk[6:].strip())
    return Block("p", " ".join(lines).strip())


def _parse_story(key: str, text: str) -> Story:
    header, _, body = text.partition("@@body\n")
    fields: dict[str, str] = {}
    for line in header.strip().splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    chunks = [c.strip("\n") for c in re.split(r"\n\s*\n", body.strip()) if c.strip()]
    return Story(
        key=key,
        title=fields["title"],
        author=fields["author"],
        date=fields["date"],
        dek=fields.get("dek", ""),
        blocks=tuple(_parse_block(c) for c in chunks),
    )


def load_stories(folder: Path = STORY_DIR) -> dict[str, Story]:
    """Every story in `folder`, by key."""
    stories: dict[str, Story] = {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for part in re.split(r"^@@ ", text, flags=re.MULTILINE)[1:]:
            key, _, rest = part.partition("\n")
            stories[key.strip()] = _parse_story(key.strip(), rest)
    return stories
