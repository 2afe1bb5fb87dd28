"""Citation markers: the forms models write, renumbering, streaming, claims."""

import pytest

from assistant.answering.citations import (
    CitationStream,
    cited_numbers,
    numbers_in,
    split_claims,
    strip_markers,
)


def test_marker_forms() -> None:
    assert numbers_in("1, 3") == [1, 3]
    assert numbers_in("2-4") == [2, 3, 4]
    assert cited_numbers("A [2]. B [1][3]. C [2; 5].") == [2, 1, 3, 5]


def rewrite(text: str, passages: int = 5) -> tuple[str, CitationStream]:
    stream = CitationStream(passages)
    return stream.feed(text) + stream.finish(), stream


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("It lasted 90 minutes [2].", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes [2, 3].", "It lasted 90 minutes [1][2]."),
        ("It lasted 90 minutes [2][3].", "It lasted 90 minutes [1][2]."),
        ("It lasted 90 minutes [[2]].", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes 【2】.", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes 【2†source】.", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes (ID: 2).", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes [ID:2].", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes [source 2].", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes [Source 2, Source 3].", "It lasted 90 minutes [1][2]."),
        ("It lasted 90 minutes.^2", "It lasted 90 minutes.[1]"),
        ("It lasted 90 minutes ^2.", "It lasted 90 minutes [1]."),
        ("It lasted 90 minutes [2-3].", "It lasted 90 minutes [1][2]."),
    ],
)
def test_the_forms_models_write_become_one_canonical_form(written: str, shown: str) -> None:
    assert rewrite(written)[0] == shown


def test_text_that_only_looks_like_a_marker_is_left_alone() -> None:
    for text in ("E = mc^2 in physics.", "Sales rose (by 20%).", "See [the report]."):
        assert rewrite(text)[0] == text


def test_numbers_outside_the_retrieved_set_are_dropped_and_reported() -> None:
    shown, stream = rewrite("The call lasted 90 minutes [1][7]. It was long [0, 2].", 3)
    assert shown == "The call lasted 90 minutes [1]. It was long [2]."
    assert stream.dropped == [7, 0]


def test_passages_are_renumbered_in_order_of_first_citation() -> None:
    shown, stream = rewrite("A [4]. B [1]. C [4][6]. D [1].", 6)
    assert shown == "A [1]. B [2]. C [1][3]. D [2]."
    assert stream.order == [4, 1, 6]


def test_a_marker_split_across_streamed_pieces_is_held_back_until_complete() -> None:
    stream = CitationStream(4)
    pieces = ["The call lasted 90 minutes ", "[", "3", "]", ". Zelensky (ID", ": 2", ") said", "."]
    shown = [stream.feed(piece) for piece in pieces]
    assert shown[1] == "" and shown[2] == "", "nothing of an open marker is shown"
    assert "[" not in "".join(shown[:3])
    assert "".join(shown) + stream.finish() == "The call lasted 90 minutes [1]. Zelensky [2] said."
    assert stream.order == [3, 2]


def test_an_opening_bracket_that_never_becomes_a_marker_is_released() -> None:
    stream = CitationStream(3)
    text = "They said [according to officials] the talks continue [1]."
    out = "".join(stream.feed(ch) for ch in text) + stream.finish()
    assert out == text


def test_markers_after_the_full_stop_belong_to_the_sentence_before() -> None:
    claims = split_claims(
        "The call lasted 90 minutes. [1] Zelensky was briefed.[2][3] Nothing cited here."
    )
    assert [(c.text, c.cited) for c in claims] == [
        ("The call lasted 90 minutes.", (1,)),
        ("Zelensky was briefed.", (2, 3)),
        ("Nothing cited here.", ()),
    ]


def test_strip_markers() -> None:
    assert strip_markers("One [1]. Two [2, 3]. Three 【4】.") == "One. Two. Three."
