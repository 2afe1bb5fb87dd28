"""The text of a Word document (.docx), through python-docx.

Paragraphs and tables in document order, headings included, so nothing a
reader sees in the body is lost or moved. A table is a line per row; when its
first row reads as a header (every cell filled, no figures), each later row
is written as a sentence that names its columns ("Street lighting: Budget
£9,250; Spent £8,100."), so a row can be found and quoted as the answer to a
question in the header's words ("What is the street lighting budget?").
Other tables keep their cells separated by " | ". The title is the
document's own title property, else its first Title or Heading paragraph.
The author property is not used: it names whoever last saved the file
(often a machine's user name), not the article's author. A file that is not
a readable .docx is reported.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

_HAS_FIGURE = re.compile(r"\d")


@dataclass(frozen=True)
class WordText:
    """A Word document's text and the title it names."""

    text: str
    title: str = ""


class WordProblem(ValueError):
    """Raised with a short reason when a file is not a readable Word document."""


def read_docx(data: bytes) -> WordText:
    """The text of the .docx in `data`, or WordProblem saying why there is none."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise WordProblem("not a readable Word document (not a .docx package)") from None
    except Exception as error:  # zipfile and lxml raise many kinds for damaged files
        raise WordProblem(f"not a readable Word document ({type(error).__name__})") from None
    lines: list[str] = []
    heading = ""
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines += _table_lines([[cell.text.strip() for cell in row.cells] for row in block.rows])
            continue
        text = block.text.strip()
        if not text:
            continue
        style = (block.style.name if block.style is not None else "") or ""
        if not heading and style.startswith(("Title", "Heading")):
            heading = text
        lines.append(text)
    return WordText("\n".join(lines), (document.core_properties.title or "").strip() or heading)


def _table_lines(rows: list[list[str]]) -> list[str]:
    """A table's rows as lines: under a header row, sentences naming the columns."""
    rows = [list(dict.fromkeys(row)) if len(set(row)) == 1 else row for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    header = rows[0]
    if (
        len(rows) < 2
        or len(header) < 2
        or not all(header)
        or any(_HAS_FIGURE.search(c) for c in header)
    ):
        return [" | ".join(cell for cell in dict.fromkeys(row) if cell) for row in rows]
    lines = [" | ".join(header)]
    for row in rows[1:]:
        named = [f"{name} {cell}" for name, cell in zip(header[1:], row[1:], strict=False) if cell]
        lines.append(
            f"{row[0]}: {'; '.join(named)}."
            if row[0] and named
            else " | ".join(c for c in row if c)
        )
    return lines
