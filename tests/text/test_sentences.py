"""Sentence spans for prose, headings and abbreviations."""

from assistant.text.sentences import split_sentences


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
