"""Sentence spans for prose, headings, abbreviations and reference marks."""

from assistant.text.footnotes import without_reference_marks
from assistant.text.sentences import ends_like_a_sentence, split_sentences, unwrapped


def sentences(text: str) -> list[str]:
    return [span.of(text) for span in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Smith met J. K. Rowling in the U.S. on Jan. 3. They talked for 90 minutes."
    assert sentences(text) == [
        "Mr. Smith met J. K. Rowling in the U.S. on Jan. 3.",
        "They talked for 90 minutes.",
    ]


def test_a_decade_ends_a_sentence_though_it_ends_in_a_letter() -> None:
    text = "He worked for Moore in the late 1960s. His fame grew in the 1980s. It lasted."
    assert sentences(text) == [
        "He worked for Moore in the late 1960s.",
        "His fame grew in the 1980s.",
        "It lasted.",
    ]


def test_lines_are_boundaries_and_quotes_stay_with_their_sentence() -> None:
    text = 'A heading\n"We agreed," he said. Prices rose 3.5% in 2024!\n\nNext paragraph here.'
    assert sentences(text) == [
        "A heading",
        '"We agreed," he said.',
        "Prices rose 3.5% in 2024!",
        "Next paragraph here.",
    ]


def test_spans_point_into_the_original_text_with_offset() -> None:
    text = "  One here.  Two there.  "
    spans = split_sentences(text, offset=100)
    assert [(s.start, s.end) for s in spans] == [(102, 111), (113, 123)]


def test_a_sentence_ends_after_its_reference_marks() -> None:
    text = (
        "The runner-up was Anton Grieve.[3] In 2021 Lukas Ferrin won.[4][5] "
        "It ends in Orlin.[citation needed] “We won.”² Then rain."
    )
    assert sentences(text) == [
        "The runner-up was Anton Grieve.[3]",
        "In 2021 Lukas Ferrin won.[4][5]",
        "It ends in Orlin.[citation needed]",
        "“We won.”²",
        "Then rain.",
    ]
    assert ends_like_a_sentence("He said so.[note 2]")
    assert not ends_like_a_sentence("Winners [3]")


def test_only_attached_reference_marks_are_removed() -> None:
    text = "Won.[3] Lost[a] it[who?] there.[dubious – discuss] See [1]; their[sic] 5 km² site."
    assert without_reference_marks(text) == "Won. Lost it there. See [1]; their[sic] 5 km² site."
    code = "items[0] is row[1].name, a[2] = b and f[1](x)."
    assert without_reference_marks(code) == code


def test_a_unit_ending_in_one_letter_ends_a_sentence_an_initial_does_not() -> None:
    text = "The discharge is 14.2 m³/s. It ran at 80 km/h. The plot is 5 m. Wing A. Smith ran."
    assert sentences(text) == [
        "The discharge is 14.2 m³/s.",
        "It ran at 80 km/h.",
        "The plot is 5 m.",
        "Wing A. Smith ran.",
    ]


WRAPPED = """Liberal Democrats take Harrow Vale

The Liberal Democrats have won the Harrow Vale by-election, overturning a Conservative
majority of more than 9,000.
Sarah Whitlock took the seat with 14,220 votes, ahead of the Conservative candidate, James
Pollard, who finished second with 11,870. Turnout was 41.2%.
The count was held at:
- Harrow Town Hall
- the Vale leisure centre
"""


def test_a_hard_wrapped_sentence_is_one_sentence_across_its_line_breaks() -> None:
    assert sentences(WRAPPED) == [
        "Liberal Democrats take Harrow Vale",
        "The Liberal Democrats have won the Harrow Vale by-election, overturning a Conservative"
        "\nmajority of more than 9,000.",
        "Sarah Whitlock took the seat with 14,220 votes, ahead of the Conservative candidate,"
        " James\nPollard, who finished second with 11,870.",
        "Turnout was 41.2%.",
        "The count was held at:",
        "- Harrow Town Hall",
        "- the Vale leisure centre",
    ]


def test_a_line_going_on_in_lower_case_goes_on_with_its_sentence_in_any_text() -> None:
    text = "A heading\nThe boat was built by a yard that has made ferries for\na century."
    assert sentences(text) == [
        "A heading",
        "The boat was built by a yard that has made ferries for\na century.",
    ]
    # In a text of long lines (a paragraph each), a short line is a heading, not a wrap.
    long = "Ferry back\n" + "The ferry returns after two years of repairs to the hull. " * 3
    assert sentences(long)[0] == "Ferry back"


def test_a_wrapped_text_under_a_longer_title_is_read_at_its_own_width() -> None:
    text = (
        "Grandmother's coast path walk raises a record sum for the children's hospice\n"
        "4 November 2024\n\n"
        "Eleri Vaughan, a 67-year-old retired midwife from Aberaeron, completed\n"
        "the Wales Coast Path on Saturday afternoon, 71 days after setting off on 23\n"
        "August.\n\n"
        "She was raising money for the Seren children's hospice in\n"
        "Carmarthen, which cared for her grandson.\n"
    )
    assert sentences(text)[2:] == [
        "Eleri Vaughan, a 67-year-old retired midwife from Aberaeron, completed\nthe Wales Coast"
        " Path on Saturday afternoon, 71 days after setting off on 23\nAugust.",
        "She was raising money for the Seren children's hospice in\nCarmarthen, which cared for"
        " her grandson.",
    ]


def test_a_line_ending_where_no_sentence_ends_goes_on() -> None:
    # A passage cut inside a paragraph, a comma at a line's end, a day before its month.
    text = (
        "The\nKellan Mountain Rescue Team sent 22 volunteers.\n"
        "The injured were Daniel Osei, 34,\nMark Whitfield, 29, and two others.\n"
        "Work on the barrier will begin on 2\nSeptember and will take 26 months.\n"
        "Top 10\nThe list follows.\n"
    )
    assert sentences(text) == [
        "The\nKellan Mountain Rescue Team sent 22 volunteers.",
        "The injured were Daniel Osei, 34,\nMark Whitfield, 29, and two others.",
        "Work on the barrier will begin on 2\nSeptember and will take 26 months.",
        "Top 10",
        "The list follows.",
    ]


def test_a_hard_wrapped_text_is_shown_as_its_paragraphs() -> None:
    text = (
        "Factory to close\n\n"
        "Kestrel Foods will close its Dunford plant next year after sales fell across\n"
        "the country. Production will move to Wexbridge, where it has a bakery now.\n"
        "About 85 staff will be affected.\n\n"
        "The union said:\n- talks go on\n- no strike is planned"
    )
    lines = text.split("\n")
    assert len(lines[3]) + 1 + len("About") > max(map(len, lines))  # a full line, wrapped
    shown = unwrapped(text)
    assert len(shown) == len(text)  # one character for one: offsets hold
    assert "fell across the country. Production" in shown
    # A full line's break is the wrapping's, though the line ends a sentence.
    assert "a bakery now. About 85 staff will be affected.\n\nThe union said:\n- talks" in shown
    assert shown.startswith("Factory to close\n\n")
    assert "\n- no strike is planned" in shown
