"""HTML rendering: everything from articles and models is inert; chips and highlights are ours."""

import dataclasses

from assistant import answer_markdown
from assistant.records import (
    Answer,
    ArticleRecord,
    Citation,
    Claim,
    Evidence,
    IngestReport,
    Passage,
    ShortAnswer,
)
from assistant.web import render
from tests.conftest import REPO

TEXT = "The call lasted 90 minutes. <script>alert('x')</script> It was friendly."


def passage(n: int = 1) -> Passage:
    return Passage(
        f"c{n}", "a", "news/<b>x</b>.txt", "Title <i>1</i>", TEXT, 10, 10 + len(TEXT), score=0.5
    )


def test_answer_markdown_and_html_are_inert() -> None:
    hostile = (
        "See ![leak](http://evil.example/p.png?q=1) and <img src=x onerror=alert(1)> "
        "and [click](javascript:alert(1)) [1]."
    )
    html = render.answer_message(hostile, turn=3)
    assert "<img" not in html and "&lt;img" in html
    assert "\\!\\[leak\\]\\(" in html, "image syntax is escaped for the Markdown renderer"
    assert "\\[click\\]\\(javascript" in html
    assert '<span class="cite cite-ref-3-1"' in html


def test_panel_escapes_article_text_and_highlights_evidence() -> None:
    p = passage()
    evidence_start = 10 + TEXT.index("The call")
    claim = Claim(
        "The call lasted 90 minutes.",
        (1,),
        1.0,
        "supported",
        Evidence(1, "The call lasted 90 minutes.", evidence_start, evidence_start + 27),
    )
    citation = Citation(1, p)
    answer = Answer(
        "q",
        "The call lasted 90 minutes. [1]",
        "extractive",
        False,
        citations=(citation,),
        claims=(claim,),
        passages=(p,),
    )
    html = render.panel(answer, turn=0)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<i>1</i>" not in html and "Title &lt;i&gt;1&lt;/i&gt;" in html
    assert '<mark class="evidence" data-claims="0-0">The call lasted 90 minutes.</mark>' in html
    assert 'data-passage="0-1"' in html and "verdict-supported" in html
    assert "✓ quoted word for word</span>" in html


def test_a_model_sentence_backed_by_its_passage_reads_supported() -> None:
    evidence = Evidence(1, "The call lasted 90 minutes.", 0, 27)
    written = Claim("They talked for 90 minutes.", (1,), 0.9, "supported", evidence)
    assert written.verdict_label == "supported" and not written.is_a_quote
    quote = dataclasses.replace(written, text="The call  lasted 90 minutes.")
    assert quote.verdict_label == "quoted word for word"


def test_refusal_panel_shows_the_closest_passages() -> None:
    answer = Answer(
        "q",
        "The articles do not say.",
        "extractive",
        True,
        passages=(passage(), passage(2)),
        note="No passage is close enough.",
    )
    html = render.panel(answer, turn=1)
    assert "No answer found in the articles" in html and html.count("data-passage=") == 2
    assert "These are the closest passages" in html


def test_a_refusal_with_no_passages_says_only_why() -> None:
    """A filter no article matches leaves no passages: the panel gives its reason, not a
    promise of passages to see, nor "add articles" to a full index."""
    why = "No article in the index matches the selected articles or dates."
    html = render.panel(Answer("q", "The articles do not say.", "extractive", True, note=why), 1)
    assert why in html and "closest passages" not in html and "add articles" not in html
    empty = render.panel(Answer("q", "The articles do not say.", "extractive", True), 1)
    assert "add articles first" in empty


def test_a_refusal_lists_the_first_ranked_passages_most_similar_first() -> None:
    """Ranking weighs keywords too, so rank order and similarity can disagree; the list a
    reader sees falls in the similarity shown beside each passage."""
    ranked = tuple(
        dataclasses.replace(passage(n), chunk_id=f"c{n}", score=score)
        for n, score in enumerate((0.31, 0.52, 0.40, 0.90), start=1)
    )
    answer = Answer("q", "The articles do not say.", "extractive", True, passages=ranked)
    assert [p.chunk_id for p in answer.closest] == ["c2", "c3", "c1"]


def test_uncited_claim_shows_its_suggested_passage() -> None:
    p = passage()
    claim = Claim(
        "It was friendly.", (), 0.7, "uncited", Evidence(1, "It was friendly.", 0, 16), suggested=1
    )
    answer = Answer("q", "It was friendly.", "openai", False, claims=(claim,), passages=(p,))
    html = render.panel(answer, turn=0)
    assert "suggested" in html and 'data-passage="0-1"' in html and "verdict-uncited" in html


def test_web_addresses_are_shown_as_text_never_as_links() -> None:
    html = render.user_message("see [link](http://evil) and https://example.com/x_y_z. Done")
    assert "`https://example.com/x_y_z`." in html, "an address is a code span, never a link"
    assert "\\_" not in html.split("`https://example.com/x_y_z`")[0][-5:]
    assert "`http://evil`\\)" in html
    answer = render.answer_message("See www.example.org/a_b now [1].", turn=0)
    assert "`www.example.org/a_b`" in answer and "cite-ref-0-1" in answer


def quoted(text: str, relevance: str, short: ShortAnswer | None = None) -> Answer:
    """An extractive answer quoting `text` from passage 1, its one claim with `relevance`."""
    p = passage()
    claim = Claim(text, (1,), 1.0, "supported", relevance=relevance)
    return Answer(
        "q",
        f"{text} [1]",
        "extractive",
        False,
        claims=(claim,),
        passages=(p,),
        citations=(Citation(1, p),),
        short_answer=short,
    )


def test_a_quote_that_does_not_answer_says_so_and_is_not_marked_green() -> None:
    answer = quoted("Rain fell on Tuesday.", "related")
    html = render.panel(answer, turn=0)
    assert 'class="claim verdict-supported relevance-related"' in html
    assert "does not answer the question" in html
    css = (REPO / "assistant" / "web" / "static" / "app.css").read_text()
    assert ".claim.relevance-related.verdict-supported .verdict" in css


def test_the_article_link_is_made_only_from_a_stored_http_address() -> None:
    from assistant.records import StoredArticle

    stored = Passage(
        "c",
        "a",
        "https://news.example/x",
        "T",
        TEXT,
        0,
        len(TEXT),
        "https://news.example/x",
        pages=(3, 4),
        score=0.4,
    )
    answer = Answer(
        "q", "It was friendly [1].", "extractive", False, (Citation(1, stored),), (), (stored,)
    )
    whole = StoredArticle("https://news.example/x", "T", "Before. " + TEXT, url=stored.url)
    html = render.panel(answer, 0, articles=lambda source: whole)
    assert '<a href="https://news.example/x" target="_blank" rel="noopener noreferrer"' in html
    assert "pp. 3–4" in html
    assert '<details class="full-article">' in html and "&lt;script&gt;" in html
    assert "<script>" not in html
    for address in ("javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "/relative"):
        assert "<a " not in render.safe_link(address, "label"), address
    assert "<a " not in render.answer_message("See https://news.example/x [1].", 0)


def test_an_unsure_answer_is_marked_amber_with_its_warning_beside_the_short_answer() -> None:
    answer = quoted("The call lasted 90 minutes.", "unsure", ShortAnswer(1, "90 minutes", 26, 36))
    assert answer.unsure
    html = render.panel(answer, turn=0)
    assert 'class="claim verdict-supported relevance-unsure"' in html
    assert f'<p class="note unsure">{answer.caution}</p>' in html
    assert answer.caution.startswith("This answer may not answer the question")
    assert str(answer).startswith("Answer: 90 minutes [1] (may not answer the question)")
    markdown = answer_markdown(answer)
    assert "**Answer:** 90 minutes [1] (may not answer the question)" in markdown
    assert f"*{answer.caution}*" in markdown
    sure = quoted("The call lasted 90 minutes.", "answers", answer.short_answer)
    assert not sure.unsure and "may not answer" not in render.panel(sure, turn=0)
    assert "may not answer" not in answer_markdown(sure)
    css = (REPO / "assistant" / "web" / "static" / "app.css").read_text()
    assert ".relevance-unsure .relevance" in css


def test_an_ingest_report_names_the_articles_with_no_date_as_the_cli_does() -> None:
    result = IngestReport(added=7, undated=[f"/news/{n}.txt" for n in range(7)])
    shown = render.report(result, lambda source: source.rsplit("/", 1)[-1])
    assert "7 articles with no date found" in shown
    assert "<code>0.txt</code>, <code>1.txt</code>" in shown and "and 2 more" in shown
    assert "no date" not in render.report(IngestReport(added=1))


def test_the_article_table_shows_each_articles_author() -> None:
    record = ArticleRecord(
        "a1",
        "/news/ferry.txt",
        "Ferry enters service",
        "h",
        3,
        date="2025-06-03",
        author="Ana Ruiz",
    )
    [row] = render.article_rows([record], lambda source: source.rsplit("/", 1)[-1])
    assert dict(zip(render.ARTICLE_COLUMNS, row, strict=True)) == {
        "Title": "Ferry enters service",
        "Author": "Ana Ruiz",
        "Source": "ferry.txt",
        "Date": "2025-06-03",
        "Chunks": 3,
    }


def test_a_hard_wrapped_passage_is_shown_as_paragraphs_with_its_marks_in_place() -> None:
    wrapped = (
        "The council voted 31 to 12 on Tuesday night to approve\n"
        "a new bridge across the river, ending a dispute that had\n"
        "lasted almost six years.\n\nWork starts in the autumn."
    )
    p = dataclasses.replace(passage(), text=wrapped, start=0, end=len(wrapped))
    sentence = wrapped.index("The council"), wrapped.index("years.") + len("years.")
    claim = Claim("q", (1,), 1.0, "supported", Evidence(1, "x", *sentence))
    answer = Answer(
        "q",
        "x [1]",
        "extractive",
        False,
        citations=(Citation(1, p),),
        claims=(claim,),
        passages=(p,),
    )
    html = render.panel(answer, turn=0)
    assert "approve a new bridge across the river, ending a dispute that had lasted" in html
    assert "six years.</mark><br><br>Work starts" in html
    # The export quotes it as paragraphs too.
    exported = answer_markdown(answer)
    assert "> The council voted 31 to 12 on Tuesday night to approve a new bridge" in exported
    assert len(p.shown_text) == len(wrapped)  # one character for one: the offsets hold
