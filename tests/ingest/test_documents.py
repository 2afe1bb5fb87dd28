"""PDF and Word files: text by page, and every unreadable kind reported with its reason."""

from __future__ import annotations

import io
from pathlib import Path

import docx

from assistant.ingest.readers import read_document, read_file
from assistant.records import Article, Skipped
from assistant.text.sentences import split_sentences
from tests.conftest import AssistantFactory
from tests.helpers.pdfs import encrypted, make_pdf

LIMIT = 50 * 1024 * 1024


def only(items: list[Article | Skipped]) -> Article | Skipped:
    assert len(items) == 1, items
    return items[0]


def test_a_pdf_keeps_where_each_page_starts(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(
        make_pdf(
            [["Harbour dues rose last year.", "The council (again) said so."], [], ["The end."]],
            title="Harbour report",
        )
    )
    article = only(read_file(path, LIMIT))
    assert isinstance(article, Article)
    assert article.title == "Harbour report" and article.file == article.source
    assert article.text.startswith("Harbour dues rose last year.\nThe council (again) said so.")
    first, blank, last = article.page_starts
    assert first == 0 and article.text[last:] == "The end."
    assert blank <= last, "an empty page starts where the next text does"


def test_a_sentence_the_pdf_wraps_is_one_sentence_and_headings_stay_apart(tmp_path: Path) -> None:
    lines = [
        "Ferry plan approved",
        "Councillors approved a new ferry across the estuary on Monday, which the operator Tidal",
        "Links says will run every 40 minutes from May. The crossing replaces the old chain ferry,",
        "which closed in 2021 after a",
        "cable snapped.",
        "Objections",
        "- Residents said the new pier would block views of the harbour from the old town walls.",
        "- Fishermen asked for the moorings to stay.",
    ]
    path = tmp_path / "ferry.pdf"
    path.write_bytes(make_pdf([lines]))
    article = only(read_file(path, LIMIT))
    assert isinstance(article, Article)
    sentences = [span.of(article.text) for span in split_sentences(article.text)]
    assert sentences == [
        "Ferry plan approved",
        "Councillors approved a new ferry across the estuary on Monday, which the operator Tidal "
        "Links says will run every 40 minutes from May.",
        "The crossing replaces the old chain ferry, which closed in 2021 after a cable snapped.",
        "Objections",
        lines[6],
        lines[7],
    ]


def test_a_narrow_column_joins_only_what_goes_on_in_lower_case(tmp_path: Path) -> None:
    lines = [
        "Lighthouse works",
        "Repair the lantern room",
        "Replace the copper roof",
        "The restored light will",
        "reopen to visitors on",
        "Midsummer Day in 2027.",
    ]
    path = tmp_path / "lighthouse.pdf"
    path.write_bytes(make_pdf([lines], title="lighthouse.html"))
    article = only(read_file(path, LIMIT))
    assert isinstance(article, Article)
    assert article.title == "Lighthouse works", "a file name in the metadata is no title"
    assert article.text.split("\n") == [
        *lines[:3],
        "The restored light will reopen to visitors on Midsummer Day in 2027.",
    ]


def test_unreadable_pdfs_are_skipped_with_their_reason() -> None:
    text_pdf = make_pdf([["A page of text."]])
    cases = {
        "no text layer (scanned PDF)": make_pdf([["x"]], scanned=True),
        "encrypted PDF": encrypted(text_pdf),
        "not a readable PDF (damaged or truncated)": text_pdf[: len(text_pdf) // 3],
    }
    for reason, data in cases.items():
        item = only(read_document("/docs/x.pdf", data, ".pdf"))
        assert isinstance(item, Skipped) and reason in item.reason, item


def test_a_500_page_pdf_is_read_page_by_page_with_progress() -> None:
    pages = [
        [f"Page {n} of the long report, line {line}." for line in range(30)] for n in range(500)
    ]
    ticks: list[tuple[int, int]] = []
    article = only(
        read_document(
            "/docs/long.pdf", make_pdf(pages), ".pdf", on_page=lambda d, t: ticks.append((d, t))
        )
    )
    assert isinstance(article, Article) and len(article.page_starts) == 500
    assert ticks[0] == (1, 500) and ticks[-1] == (500, 500) and len(ticks) == 500
    start = article.page_starts[499]
    assert article.text[start:].startswith("Page 499 of the long report")


def test_a_word_document_gives_headings_paragraphs_and_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Budget notes", level=1)
    document.add_paragraph("The budget rose by 4 percent.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Year", "Spend"
    table.cell(1, 0).text, table.cell(1, 1).text = "2025", "£13.9bn"
    path = tmp_path / "notes.docx"
    document.save(str(path))
    article = only(read_file(path, LIMIT))
    assert isinstance(article, Article) and article.title == "Budget notes"
    assert (
        "The budget rose by 4 percent." in article.text and "2025: Spend £13.9bn." in article.text
    )


def test_word_tables_stay_in_place_and_their_rows_name_their_columns(
    make_assistant: AssistantFactory, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("Parish council minutes", level=1)
    document.add_paragraph("The council agreed next year's spending on Monday.")
    table = document.add_table(rows=3, cols=3)
    rows = [
        ("Item", "Budget", "Spent"),
        ("Street lighting", "£9,250", "£8,100"),
        ("Parks", "£12,400", ""),
    ]
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    document.add_paragraph("Other business: the total council tax precept will be £87,300.")
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    article = only(read_file(path, LIMIT))
    assert isinstance(article, Article)
    text = article.text
    assert (
        "Street lighting: Budget £9,250; Spent £8,100." in text and "Parks: Budget £12,400." in text
    )
    assert text.index("Street lighting") < text.index("Other business"), "the table stays in place"
    bot = make_assistant()
    bot.ingest([path])
    answer = bot.ask("What is the budget for street lighting?")
    assert answer.short_answer is not None and answer.short_answer.text == "£9,250", answer.text


def test_a_damaged_word_document_is_skipped() -> None:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    for data in (buffer.getvalue()[:200], b"not a zip at all"):
        item = only(read_document("/docs/x.docx", data, ".docx"))
        assert isinstance(item, Skipped) and "not a readable Word document" in item.reason
