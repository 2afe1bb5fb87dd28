"""Reading files: every format, every encoding, every kind of bad input reported."""

import codecs
import json
from pathlib import Path

import pytest

from assistant.ingest.readers import Article, Skipped, find_files, normalize_date, read_file

LIMIT = 20 * 1024 * 1024


def read_one(path: Path) -> Article:
    [item] = read_file(path, LIMIT)
    assert isinstance(item, Article), item
    return item


def skipped_reason(path: Path, limit: int = LIMIT) -> str:
    [item] = read_file(path, limit)
    assert isinstance(item, Skipped), item
    return item.reason


def test_text_file_title_is_its_first_line(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text(
        "Council approves budget\n\nThe council approved the budget.\n", encoding="utf-8"
    )
    article = read_one(path)
    assert article.title == "Council approves budget"
    assert "approved the budget" in article.text


def test_front_matter_gives_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "---\ntitle: Budget day\ndate: 13 February 2025\nurl: https://example.org/b\n---\n"
        "# Heading\n\nSome **bold** text with a [link](https://x.org) and ![a chart](c.png).\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert (article.title, article.date, article.url) == (
        "Budget day",
        "2025-02-13",
        "https://example.org/b",
    )
    assert "Some bold text with a link and a chart." in article.text
    assert "https://x.org" not in article.text


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("cp1252", b""),
        ("latin-1", b""),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-8", codecs.BOM_UTF8),
    ],
)
def test_legacy_and_utf16_encodings_keep_their_accents(
    tmp_path: Path, encoding: str, bom: bytes
) -> None:
    text = (
        "Café crème in Zürich\n\nThe mayor’s façade was renovated."
        if encoding == "cp1252"
        else ("Café crème in Zürich\n\nThe mayor's façade was renovated.")
    )
    path = tmp_path / "accents.txt"
    path.write_bytes(bom + text.encode(encoding))
    article = read_one(path)
    assert article.title == "Café crème in Zürich"
    assert "façade" in article.text
    assert "\ufeff" not in article.text


def test_nul_bytes_and_lone_surrogates_are_removed(tmp_path: Path) -> None:
    path = tmp_path / "dirty.txt"
    path.write_bytes(b"Title\n\nA sentence\x00 with a NUL.\n")
    assert "\x00" not in read_one(path).text
    records = tmp_path / "dirty.jsonl"
    records.write_text(
        json.dumps({"text": "Lone \ud800 surrogate here.", "title": "T\udfff"}) + "\n"
    )
    article = read_one(records)
    assert "\ud800" not in article.text and "\udfff" not in article.title
    article.text.encode("utf-8")  # would raise on a surrogate


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"   \n\t \n", "empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("random.txt", bytes(range(256)) * 40, "binary"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert reason in skipped_reason(path)


def test_images_in_a_folder_are_reported_as_unsupported(tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "ok.txt").write_text("Title\n\nBody text.")
    (tmp_path / ".hidden.txt").write_text("secret")
    files, skipped = find_files([tmp_path, tmp_path / "missing.txt"])
    assert [f.name for f in files] == ["ok.txt"]
    reasons = {Path(s.source).name: s.reason for s in skipped}
    assert "unsupported file type .png" in reasons["photo.png"]
    assert "not found" in reasons["missing.txt"]


def test_size_limit_refuses_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB that would be slow to read
    reason = skipped_reason(path)
    assert "too large (50.0 MB" in reason and "ASSISTANT_MAX_FILE_MB" in reason


def test_html_keeps_visible_article_text_only(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        """<html><head><title>Page title</title><style>p{color:red}</style>
        <meta property="article:published_time" content="2025-02-13T10:00:00Z">
        <script>var secret = "do not index";</script></head>
        <body><nav>Home | World | Sport</nav>
        <article><h1>Headline</h1><p>First paragraph of the story.<p>Second one, <b>bold</b>.
        <div hidden>hidden text</div></article><footer>Copyright</footer>
        <p>Unclosed <i>markup <b>here</body></html>""",
        encoding="utf-8",
    )
    article = read_one(path)
    assert article.title == "Headline", "the article's own headline, not the browser tab's"
    assert article.date == "2025-02-13"
    assert article.text.startswith("First paragraph of the story.\nSecond one, bold.")
    for unseen in ("Home | World", "Copyright", "do not index", "color:red", "hidden text"):
        assert unseen not in article.text


def test_jsonl_keeps_good_records_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps(
            {
                "title": "One",
                "text": "First story text.",
                "url": "https://e.org/1",
                "date": "2025-01-02",
            }
        ),
        "{not json",
        json.dumps({"title": "No text"}),
        json.dumps(["a", "list"]),
        json.dumps({"text": "Second story text.", "author": 7}),
        json.dumps({"text": "Repeat.", "url": "https://e.org/1"}),
        json.dumps({"text": "Bad title type.", "title": {"x": 1}}),
        json.dumps({"text": " "}),
        json.dumps({"text": "Undated story.", "date": "last sunday"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_file(path, LIMIT)
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert [a.source for a in articles][:2] == ["https://e.org/1", f"{articles[1].source}"]
    assert articles[2].date == "" and "'last sunday' is not a day" in articles[2].warnings[0]
    assert articles[0].date == "2025-01-02" and articles[1].author == "7"
    assert articles[1].source.endswith("feed.jsonl#5")
    reported = " | ".join(f"{s.source}: {s.reason}" for s in skipped)
    for expected in (
        "feed.jsonl (line 2): invalid JSON",
        "feed.jsonl (line 3): needs a string field 'text' (fields found: title)",
        "feed.jsonl (line 8): its field 'text' is empty",
        "feed.jsonl (line 4): not a JSON object",
        "feed.jsonl (line 6): source 'https://e.org/1' repeats",
        "feed.jsonl (line 7): field 'title' must be a string",
    ):
        assert expected in reported
    assert "line 2: line 2" not in reported, "the place is named once"


def test_json_file_with_a_list_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text(
        json.dumps([{"text": "Alpha story."}, {"text": "Beta story.", "title": "Beta"}])
    )
    items = read_file(path, LIMIT)
    assert [i.title for i in items if isinstance(i, Article)] == ["Alpha story.", "Beta"]


def test_dates_are_normalised() -> None:
    assert normalize_date("Thu, 13 Feb 2025 10:00:00 +0000") == "2025-02-13"
    assert normalize_date("February 13, 2025") == "2025-02-13"
    assert normalize_date("sometime") == "", "not a day: kept undated (with a note)"
    assert normalize_date("2025-13-40") == ""


@pytest.mark.parametrize(
    ("head", "day"),
    [
        ("Port Calloway, 14 March 2024", "2024-03-14"),
        ("WASHINGTON, Feb. 12, 2025", "2025-02-12"),
        ("Published: Sept. 3, 2025", "2025-09-03"),
        ("Date: 9 September 2023", "2023-09-09"),
        ("Dated 9 September 2023", "2023-09-09"),
        ("Tuesday 14 March 2024", "2024-03-14"),
        # Wire style: the dateline opens the first paragraph.
        ("GLASGOW, 9 October 2024 - The council approved its budget.", "2024-10-09"),
        ("Glasgow, 9 October 2024 — The council approved its budget.", "2024-10-09"),
        ("DUNDEE, Scotland, 3 March 2025 – The council approved it.", "2025-03-03"),
        ("3 March 2025 - The council approved its budget.", "2025-03-03"),
        ("DUNDEE, Scotland, 3 March 2025", "2025-03-03"),
        # Byline and time lines of pages saved as text: the day among other things.
        ("Published 07:42 BST, Thursday 12 September 2024 | Updated 09:15 BST", "2024-09-12"),
        ("Politics desk | Friday 15 November 2024, 04:55", "2024-11-15"),
        ("Last updated: Wednesday 9 October 2024, 18:47 BST", "2024-10-09"),
        # A date inside a sentence is what the story is about, not when it was filed.
        ("The council met on 14 March 2024 to vote on the budget.", ""),
        ("Councillors met on 14 March 2024", ""),
    ],
)
def test_a_text_articles_dateline_gives_its_date(tmp_path: Path, head: str, day: str) -> None:
    path = tmp_path / "story.txt"
    path.write_text(f"Council approves budget\n{head}\n\nThe council approved it.\n")
    article = read_one(path)
    assert (article.date, article.warnings) == (day, ())
    assert head in article.text, "the line stays in the article as written"


def test_the_reference_list_an_article_ends_with_is_not_read_as_its_text(
    tmp_path: Path,
) -> None:
    body = "The glacier lost a fifth of its ice. " * 8
    listing = '\nReferences\n- Solberg, I. (2024). "Volume loss." Journal of Hydrology 41(2).\n'
    page = tmp_path / "study.html"
    page.write_text(
        f"<html><head><title>Glacier study</title></head><body><article><h1>Glacier study</h1>"
        f"<p>{body}</p><h2>References</h2><ol><li>Solberg, I. (2024). Volume loss. Journal "
        "of Hydrology 41(2).</li></ol></article></body></html>"
    )
    text = tmp_path / "study.txt"
    text.write_text(f"Glacier study\n\n{body}\n{listing}")
    for path in (page, text):
        article = read_one(path)
        assert "lost a fifth" in article.text and "Journal" not in article.text, path.name
    # A "Notes" heading that opens an article is no list at its end.
    notes = tmp_path / "notes.txt"
    notes.write_text(f"Field diary\n\nNotes\n\n{body}\n")
    assert "Notes" in read_one(notes).text


def test_a_saved_pages_share_bars_and_links_to_other_stories_are_not_its_text(
    tmp_path: Path,
) -> None:
    page = tmp_path / "merger.txt"
    page.write_text(
        "Water firms agree merger\n\nBy Henry Lo\nTuesday 26 November 2024, 07:05 GMT\n\n"
        "Share  Save  Facebook  X  LinkedIn\n\n"
        "Two water companies have agreed to merge in a £4.6bn deal.\n\n"
        "Read more: Why are water bills rising?\n\n"
        "The deal needs the approval of the regulator.\n\n"
        "Related stories\n- Thames sewage spill fines double\n- Water bosses' bonuses banned\n\n"
        "More from Business\n\n"
        "More than 2,000 staff will move to the new head office.\n"
    )
    article = read_one(page)
    for furniture in ("Share  Save", "Read more", "Related stories", "Thames sewage", "bonuses"):
        assert furniture not in article.text, furniture
    # The story itself stays, a paragraph after a bare heading included; so does its date.
    for story in ("agreed to merge", "approval of the regulator", "More than 2,000 staff"):
        assert story in article.text, story
    assert article.date == "2024-11-26"


def test_a_saved_pages_skip_link_and_menu_are_not_its_title_and_its_byline_names_the_author(
    tmp_path: Path,
) -> None:
    page = tmp_path / "ferry.txt"
    page.write_text(
        "Skip to main content\nMenu | News | Sport | Weather | Local\n"
        "Electric ferry enters service\nBy Ana Ruiz | Tuesday 3 June 2025, 09:15 BST\n"
        "Share this article\nThe first electric ferry on the crossing carried passengers.\n"
    )
    article = read_one(page)
    assert article.title == "Electric ferry enters service"
    assert (article.author, article.date) == ("Ana Ruiz", "2025-06-03")
    assert "Skip to" not in article.text and "Menu |" not in article.text
    # "By staff reporter" names no one; front matter's author wins over a byline.
    unsigned = tmp_path / "unsigned.txt"
    unsigned.write_text("Ferry enters service\nBy staff reporter\nThe ferry sailed.\n")
    assert read_one(unsigned).author == ""
    stated = tmp_path / "stated.md"
    stated.write_text(
        "---\ntitle: Ferry\nauthor: Tom Hale\n---\nBy Ana Ruiz\n\nThe ferry sailed.\n"
    )
    assert read_one(stated).author == "Tom Hale"


def test_header_lines_opening_a_text_give_metadata(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(
        "Title: Ferry operator buys electric boats\nDate: 3 May 2024\nAuthor: Ana Ruiz\n\n"
        "The Lake Lucerne ferry operator has ordered three electric boats.\n",
        encoding="utf-8",
    )
    article = read_one(path)
    assert (article.title, article.date, article.author) == (
        "Ferry operator buys electric boats",
        "2024-05-03",
        "Ana Ruiz",
    )
    assert article.text.startswith("The Lake Lucerne ferry operator"), article.text
    # A line opening the text as a field might, in a paragraph of its own text, is the text.
    prose = tmp_path / "source.txt"
    prose.write_text(
        "Source of the river\nThe source: a spring high in the hills.\n\nMore text.\n",
        encoding="utf-8",
    )
    assert read_one(prose).title == "Source of the river"
