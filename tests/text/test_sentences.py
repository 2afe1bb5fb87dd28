"""Sentence spans for prose, headings, abbreviations and reference marks."""

from assistant.text.footnotes import without_reference_marks
from assistant.text.sentences import ends_like_a_sentence, split_sentences


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
