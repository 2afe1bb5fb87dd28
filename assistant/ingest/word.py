"""The text of a Word document (.docx), through python-docx.

Paragraphs in document order, headings included, then the text of tables
(one row a line, cells separated by " | "), so nothing a reader sees in
the body is lost. The title is the document's own title property, else its
first Title or Heading paragraph. The author property is not used: it
names whoever last saved the file (often a machine's user name), not the
article's author. A file that is not a readable .docx is reported.
"""

from __future__ import annotations

import io
from dataclasses import dataclass


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

    try:
        document = docx.Document(io.BytesIO(data))
    except PackageNotFoundError:
        raise WordProblem("not a readable Word document (not a .docx package)") from None
    except Exception as error:  # zipfile and lxml raise many kinds for damaged files
        raise WordProblem(f"not a readable Word document ({type(error).__name__})") from None
    lines: list[str] = []
    heading = ""
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if not text:
            continue
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if not heading and style.startswith(("Title", "Heading")):
            heading = text
        lines.append(text)
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text.strip() for cell in row.cells]
            if any(cells):
                lines.append(" | ".join(dict.fromkeys(cells)))
    return WordText("\n".join(lines), (document.core_properties.title or "").strip() or heading)
