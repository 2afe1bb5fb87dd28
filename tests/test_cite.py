"""Citation markers: parsing, dropping invented numbers, claims."""

from assistant.cite import cited_numbers, drop_invalid, numbers_in, split_claims, strip_markers


def test_marker_forms() -> None:
    assert numbers_in("1, 3") == [1, 3]
    assert numbers_in("2-4") == [2, 3, 4]
    assert cited_numbers("A [2]. B [1][3]. C [2; 5].") == [2, 1, 3, 5]


def test_numbers_outside_the_retrieved_set_are_dropped_and_reported() -> None:
    text, dropped = drop_invalid("The call lasted 90 minutes [1][7]. It was long [0, 2].", 3)
    assert text == "The call lasted 90 minutes [1]. It was long [2]."
    assert dropped == [7, 0]


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
    assert strip_markers("One [1]. Two [2, 3].") == "One. Two."
