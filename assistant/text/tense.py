"""Whether a sentence tells of something that had happened before the story it is in.

In a narrative told in the past, the past perfect ("had been requisitioned",
"had struck", "had complained") steps back to an earlier event, and an earlier
event is how an article most often gives a reason without saying "because":
"Work stopped in 2000. A barge had struck one of the piers." An explanation
that reaches such a sentence has given its cause (extractive.py).
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
