"""Tenses that say when, or whether, something happened.

In a narrative told in the past, the past perfect ("had been requisitioned",
"had struck", "had complained") steps back to an earlier event, and an earlier
event is how an article most often gives a reason without saying "because":
"Work stopped in 2000. A barge had struck one of the piers." An explanation
that reaches such a sentence has given its cause (extractive.py).

The conditional perfect ("would have been nine years", "could have won")
tells what did not happen: "without which the sentence would have been nine
years" does not say how long the sentence was.
"""

from __future__ import annotations

import re

# Past participles that do not end in "-ed", the common ones.
_IRREGULAR = (
    "been|become|begun|bought|brought|built|caught|chosen|come|cut|done|driven|"
    "drawn|fallen|felt|fought|found|gone|given|grown|heard|held|hit|kept|known|laid|"
    "led|left|lent|lost|made|meant|met|paid|put|read|risen|run|said|seen|sent|set|"
    "shown|sold|spent|spoken|stolen|struck|taken|taught|thought|thrown|told|won|"
    "worn|written"
)
_PAST_PERFECT = re.compile(
    rf"\bhad(?:n['’]t| not)?(?: (?:already|just|never|also|long|previously|recently|"
    rf"\w+ly))? (?:{_IRREGULAR}|\w+ed)\b",
    re.IGNORECASE,
)


def tells_an_earlier_event(sentence: str) -> bool:
    """True when `sentence` is in the past perfect ("Heavy snow had closed the road.")."""
    return _PAST_PERFECT.search(sentence) is not None


_CONDITIONAL_PERFECT = re.compile(
    rf"\b(?:would|could|might|should)(?:n['’]t| not)? have (?:{_IRREGULAR}|\w+ed)\b",
    re.IGNORECASE,
)


def tells_what_did_not_happen(sentence: str) -> bool:
    """True when `sentence` is in the conditional perfect ("…would have been nine years")."""
    return _CONDITIONAL_PERFECT.search(sentence) is not None
