"""PDF text extraction: pypdfium2 against pypdf, on PDFs whose source text is known.

    python bench/pdf_text.py [--work /tmp/assistant-pdf-bench] [--pages 240] [--repeat 3]

Both libraries have permissive licences (pypdfium2: Apache-2.0/BSD-3 with
PDFium's BSD-style licence; pypdf: BSD-3); AGPL libraries such as PyMuPDF
are left out on purpose. Needs `pip install pypdfium2 pypdf python-docx`
and Debian's `chromium` (the PDFs are printed from HTML by headless
Chromium, then kept in --work and reused).

The test files, all made here from the invented stories of the extraction
page set (bench/data/page_stories):

- three stories printed one column (accents and curly quotes, a table, a
  long feature with headings);
- two stories in two justified columns in a font with fi/fl ligatures,
  with soft hyphens so that long words break across lines;
- a long document of --pages pages, one "Page marker N" heading per page;
- the first story encrypted with a user password (AES-256), and again with
  only an owner password (opens without one, as many "protected" PDFs do);
- an image-only "scanned" page: a Chromium screenshot wrapped in a PDF.

For each library and file: pages/s (open and extract every page, best of
--repeat), characters out, token F1 against the source text (bag of
lower-cased `\\w+` tokens, as bench/extraction.py), 4-gram shingle F1
(sensitive to reading order and to words split by line-end hyphens), both
again after the clean-up a caller would apply (`clean_pdf_text`: NFKC,
which folds ligature characters such as U+FB01 back to "fi"; PDFium's
U+0002 back to "-"; words hyphenated at a line end joined), stray
characters (U+FFFE, U+0002, U+2010, soft hyphens, ligatures), and for the
long file whether page i's text holds marker i and no other. Encrypted
and scanned files report what each library does: the exception raised, or
how much text came out. Finally python-docx reads back a .docx it wrote,
with headings and paragraphs.
"""

from __future__ import annotations

import argparse
import html
import re
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pagegen.stories import Story, gold_body, load_stories, plain

CHROMIUM = (
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-pdf-header-footer",
)
USER_PASSWORD = "reader-secret"
_TOKEN = re.compile(r"\w+")
_STRAY = re.compile("[\ufffe\x02\u00ad\u2010\ufb00-\ufb06]")
# A word broken at a line end: PDFium gives "every\u2010\r\nthing", pypdf "every \u2010\nthing".
_LINE_END_HYPHEN = re.compile(r"(\w) ?[\u2010\u00ad]\r?\n(\w)")
_LONG_WORD = re.compile(r"\b([A-Za-z]{5,})([a-z]{5,})\b")


@dataclass(frozen=True)
class TestFile:
    name: str
    path: Path
    source: str  # the text that was printed; "" when not comparable
    password: str | None = None  # what a caller who knows it would pass
    markers: bool = False  # one "Page marker N" per page


Extracted = list[str]  # text per page
Reader = Callable[[Path, str | None], Extracted]


# --- making the PDFs ------------------------------------------------------------------------


def _print_pdf(markup: str, out: Path) -> None:
    source = out.with_suffix(".html")
    source.write_text(markup, encoding="utf-8")
    subprocess.run(
        [*CHROMIUM, f"--print-to-pdf={out}", source.as_uri()],
        check=True,
        capture_output=True,
        timeout=300,
    )


def _story_html(story: Story, *, css: str = "", hyphenate: bool = False) -> str:
    parts = [f"<h1>{html.escape(story.title)}</h1>"]
    for block in story.blocks:
        if not block.is_body:
            continue
        if block.kind == "h2":
            parts.append(f"<h2>{html.escape(block.text)}</h2>")
        elif block.kind == "table":
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                for row in block.rows
            )
            parts.append(f"<table>{rows}</table>")
        elif block.kind in ("list", "code"):
            parts.append("".join(f"<p>{html.escape(plain(i))}</p>" for i in block.items))
        else:
            text = html.escape(plain(block.text))
            if hyphenate:
                # A soft hyphen in every long word lets the justified columns break it.
                text = _LONG_WORD.sub(lambda m: f"{m.group(1)}&shy;{m.group(2)}", text)
            parts.append(f"<p>{text}</p>")
    return "\n".join(parts)


def _source(story: Story) -> str:
    return f"{story.title}\n\n{gold_body(story.blocks)}"


def _page(body: str, css: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>'
        "body{font:11pt 'DejaVu Serif',serif;margin:0}"
        "table{border-collapse:collapse}td{border:1px solid #999;padding:2px 6px}"
        f"{css}</style></head><body>{body}</body></html>"
    )


def make_files(work: Path, n_pages: int) -> list[TestFile]:
    """The test PDFs, made on first use and kept in `work`."""
    work.mkdir(parents=True, exist_ok=True)
    stories = load_stories()
    files: list[TestFile] = []

    for key in ("pastry", "house_prices", "lighthouse"):
        story = stories[key]
        path = work / f"story-{key}.pdf"
        if not path.exists():
            _print_pdf(_page(_story_html(story)), path)
        files.append(TestFile(f"one column: {key}", path, _source(story)))

    two = [stories["flood_longread"], stories["community_fridge"]]
    path = work / "two-column-ligatures-hyphens.pdf"
    if not path.exists():
        css = (
            "body{column-count:2;column-gap:1.2em;text-align:justify;"
            "font-variant-ligatures:common-ligatures}"
            "h1{column-span:all}"
        )
        body = "".join(_story_html(s, hyphenate=True) for s in two)
        _print_pdf(_page(body, css), path)
    files.append(
        TestFile("two columns, ligatures, hyphens", path, "\n\n".join(_source(s) for s in two))
    )

    path = work / f"long-{n_pages}-pages.pdf"
    paragraphs = [plain(b.text) for s in stories.values() for b in s.blocks if b.kind == "p"]
    pages_text = []
    for i in range(n_pages):
        chosen = [paragraphs[(i * 3 + j) % len(paragraphs)] for j in range(2)]
        pages_text.append((f"Page marker {i + 1}", chosen))
    if not path.exists():
        body = "".join(
            f'<div style="page-break-after:always"><h2>{marker}</h2>'
            + "".join(f"<p>{html.escape(p)}</p>" for p in chosen)
            + "</div>"
            for marker, chosen in pages_text
        )
        _print_pdf(_page(body), path)
    long_source = "\n\n".join(m + "\n\n" + "\n\n".join(c) for m, c in pages_text)
    files.append(TestFile(f"long document, {n_pages} pages", path, long_source, markers=True))

    first = files[0]
    locked = work / "encrypted-user-password.pdf"
    owner_only = work / "encrypted-owner-password-only.pdf"
    if not locked.exists() or not owner_only.exists():
        from pypdf import PdfReader, PdfWriter

        for out, user in ((locked, USER_PASSWORD), (owner_only, "")):
            writer = PdfWriter(clone_from=PdfReader(first.path))
            writer.encrypt(user_password=user, owner_password="owner-secret", algorithm="AES-256")
            with out.open("wb") as handle:
                writer.write(handle)
    files.append(TestFile("encrypted, no password given", locked, first.source))
    files.append(TestFile("encrypted, right password given", locked, first.source, USER_PASSWORD))
    files.append(TestFile("encrypted, owner password only", owner_only, first.source))

    scanned = work / "scanned-image-only.pdf"
    if not scanned.exists():
        from PIL import Image

        shot = work / "scanned.png"
        page_html = work / "scanned-source.html"
        page_html.write_text(_page(_story_html(stories["lorry_load"])), encoding="utf-8")
        subprocess.run(
            [*CHROMIUM, f"--screenshot={shot}", "--window-size=900,1200", page_html.as_uri()],
            check=True,
            capture_output=True,
            timeout=120,
        )
        Image.open(shot).convert("RGB").save(scanned, "PDF", resolution=110.0)
    files.append(TestFile("scanned (image only)", scanned, _source(stories["lorry_load"])))
    return files


# --- the two readers ------------------------------------------------------------------------


def read_pypdfium2(path: Path, password: str | None) -> Extracted:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(path, password=password)
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        return pages
    finally:
        pdf.close()


def read_pypdf(path: Path, password: str | None) -> Extracted:
    from pypdf import PdfReader

    reader = PdfReader(path, password=password)
    return [page.extract_text() for page in reader.pages]


READERS: dict[str, Reader] = {"pypdfium2": read_pypdfium2, "pypdf": read_pypdf}


# --- scoring --------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(pred: Counter[object], true: Counter[object]) -> float:
    tp = sum((pred & true).values())
    if not tp:
        return 0.0
    p, r = tp / sum(pred.values()), tp / sum(true.values())
    return 2 * p * r / (p + r)


def token_f1(text: str, source: str) -> float:
    return _f1(Counter(_tokens(text)), Counter(_tokens(source)))


def shingle_f1(text: str, source: str, n: int = 4) -> float:
    def grams(t: str) -> Counter[object]:
        tokens = _tokens(t)
        return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)))

    return _f1(grams(text), grams(source))


def clean_pdf_text(text: str) -> str:
    """What a caller should do to either library's text before storing it."""
    text = unicodedata.normalize("NFKC", text).replace("\x02", "-")
    text = _LINE_END_HYPHEN.sub(r"\1\2", text)
    return text.replace("\r\n", "\n")


def marker_pages(pages: Extracted) -> int:
    """Pages whose text holds their own marker and no other."""
    good = 0
    for i, text in enumerate(pages):
        found = re.findall(r"Page marker (\d+)", text)
        good += found == [str(i + 1)]
    return good


@dataclass
class Outcome:
    pages: Extracted
    seconds: float
    error: str = ""


def run(reader: Reader, file: TestFile, repeat: int) -> Outcome:
    best = float("inf")
    pages: Extracted = []
    for _ in range(repeat):
        started = time.perf_counter()
        try:
            pages = reader(file.path, file.password)
        except Exception as error:  # the point is to see what each library raises
            return Outcome([], 0.0, f"{type(error).__module__}.{type(error).__name__}: {error}")
        best = min(best, time.perf_counter() - started)
    return Outcome(pages, best)


def describe(outcome: Outcome, file: TestFile) -> list[str]:
    if outcome.error:
        return ["–"] * 7 + [f"raises {outcome.error[:100]}"]
    text = "\n".join(outcome.pages)
    n = len(outcome.pages)
    stray = Counter(f"U+{ord(ch):04X}" for ch in _STRAY.findall(text))
    notes = []
    if not text.strip():
        notes.append(f"no text ({len(text)} chars)")
    if file.markers:
        notes.append(f"{marker_pages(outcome.pages)}/{n} pages hold their own marker only")
    if stray:
        notes.append("stray " + ", ".join(f"{k}×{v}" for k, v in stray.most_common(4)))
    cleaned = clean_pdf_text(text)
    return [
        str(n),
        f"{n / outcome.seconds:.0f}" if outcome.seconds else "–",
        f"{len(text):,} / {len(file.source):,}",
        f"{token_f1(text, file.source):.3f}",
        f"{shingle_f1(text, file.source):.3f}",
        f"{token_f1(cleaned, file.source):.3f}",
        f"{shingle_f1(cleaned, file.source):.3f}",
        "; ".join(notes) or "ok",
    ]


# --- python-docx ----------------------------------------------------------------------------


def docx_check(work: Path) -> list[str]:
    """Write a .docx with python-docx, read it back, and say what came through."""
    import docx

    story = load_stories()["budget_notes"]
    document = docx.Document()
    document.add_heading(story.title, level=0)
    expected: list[tuple[str, str]] = [("Title", story.title)]
    for block in story.blocks:
        if block.kind == "h2":
            document.add_heading(block.text, level=1)
            expected.append(("Heading 1", block.text))
        elif block.kind == "p":
            document.add_paragraph(plain(block.text))
            expected.append(("Normal", plain(block.text)))
    document.add_paragraph("First point", style="List Bullet")
    expected.append(("List Bullet", "First point"))
    path = work / "budget-notes.docx"
    document.save(str(path))

    started = time.perf_counter()
    read = docx.Document(str(path))
    found = [(p.style.name if p.style is not None else "", p.text) for p in read.paragraphs]
    seconds = time.perf_counter() - started
    headings = [t for s, t in found if s.startswith("Heading") or s == "Title"]
    return [
        f"python-docx {getattr(docx, '__version__', '?')}: wrote {len(expected)} paragraphs "
        f"({len(headings)} headings), read back {len(found)} in {seconds * 1000:.1f} ms",
        f"styles and text round-trip exactly: {found == expected}",
        f"headings found by style name: {headings}",
    ]


# --- report ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/assistant-pdf-bench"))
    parser.add_argument("--pages", type=int, default=240, help="pages in the long document")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs; the best is kept")
    args = parser.parse_args()

    import pypdf
    import pypdfium2

    files = make_files(args.work, args.pages)
    print(
        f"pypdfium2 {pypdfium2.version.PYPDFIUM_INFO} (PDFium {pypdfium2.version.PDFIUM_INFO}), "
        f"pypdf {pypdf.__version__}; files in {args.work}\n"
    )
    head = (
        "| file | library | pages | pages/s | chars out / source | token F1 | 4-gram F1 "
        "| token F1 cleaned | 4-gram F1 cleaned | notes |"
    )
    print(head)
    print("|---|---|---|---|---|---|---|---|---|---|")
    totals: dict[str, tuple[int, float]] = {}
    for file in files:
        for name, reader in READERS.items():
            outcome = run(reader, file, args.repeat)
            cells = describe(outcome, file)
            print(f"| {file.name} | {name} | " + " | ".join(cells) + " |")
            if outcome.seconds:
                n, s = totals.get(name, (0, 0.0))
                totals[name] = (n + len(outcome.pages), s + outcome.seconds)
    print("\n| library | pages read | seconds | pages/s over all files |\n|---|---|---|---|")
    for name, (n, seconds) in totals.items():
        print(f"| {name} | {n} | {seconds:.2f} | {n / seconds:.0f} |")

    print("\n## python-docx\n")
    for line in docx_check(args.work):
        print(f"- {line}")


if __name__ == "__main__":
    main()
