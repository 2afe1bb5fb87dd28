"""News-aware ranking: a question that asks for what is new favours newer articles.

"What is the latest on…", "the most recent figures", "this week", "today":
such questions want the newest of the articles that match, not merely the
best-matching one. They are recognised by the English words and phrases that
ask about time relative to now (not by anything tuned to one set of
articles), and then the candidates' article dates become one more signal in
the fusion (fusion.py): each candidate gains a weighted prior from its
article's place among the candidates' articles by date (1 for the newest,
0 for the oldest). Undated articles get the average prior, so they are
neither favoured nor pushed down; other questions are ranked as before.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import numpy.typing as npt

# Words and phrases that ask about time relative to now. Not "recent" alone: "the recent
# prisoner swap" names an event rather than asking for the newest news about it.
_RECENT = re.compile(
    r"\b(?:latest|newest|most\s+recent(?:ly)?|recently|lately|nowadays|these\s+days"
    r"|today|tonight|yesterday|this\s+(?:week|month|year|morning|weekend)"
    r"|last\s+(?:week|month|night|weekend)|past\s+(?:few\s+)?(?:days|weeks)"
    r"|so\s+far\s+this|as\s+of\s+now|right\s+now|up[\s-]to[\s-]date)\b",
    re.IGNORECASE,
)


def asks_for_recent(question: str) -> bool:
    """Whether the question asks for the newest information (latest, this week, today…)."""
    return _RECENT.search(question) is not None


def date_prior(
    dates: npt.NDArray[np.int64], owner: npt.NDArray[np.int64]
) -> npt.NDArray[np.float64]:
    """Each candidate's recency prior, from 1 (its article is the newest among the
    candidates' articles) down to 0 (the oldest), by its article's place in date order
    (articles of one day share a place); NaN for undated articles (date 0)."""
    prior = np.full(len(dates), np.nan)
    dated = dates > 0
    articles = set(zip(owner[dated].tolist(), dates[dated].tolist(), strict=True))
    if not articles:
        return prior
    articles_on = Counter(day for _, day in articles)
    place: dict[int, int] = {}
    seen = 0
    for day in sorted(articles_on, reverse=True):
        place[day] = seen  # three articles of the newest day put the next day in place 3
        seen += articles_on[day]
    last = max(place.values()) or 1
    prior[dated] = [1.0 - place[int(day)] / last for day in dates[dated]]
    return prior
