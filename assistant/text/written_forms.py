"""One written form for amounts, units and dates, so that "260 km" meets "260 kilometres".

Articles and answer keys write the same fact in different ways: "Nov. 15,
2022" and "15 November 2022", "£1.5bn" and "£1.5 billion", "3,414 km" and
"3414 kilometres", "12%" and "12 per cent". `plain_form` rewrites text into
one of them (lower case, units and months spelled out, day before month,
no thousands separators), so that a gold answer is found in an answer
however either is written. Only unambiguous forms are rewritten: a bare "m"
after a number may be metres or millions, so only "£5m" (money) becomes
"£5 million".
"""

from __future__ import annotations

import re

_MONTHS = (
    "january february march april may june july august september october november december"
).split()
_MONTH_WORD = re.compile(
    r"\b(?:"
    + "|".join(rf"({month[:3]}(?:{month[3:]}|t\.?|\.)?)" for month in _MONTHS)
    + r")(?![\w.])"
)
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
# "november 15, 2022" → "15 november 2022"; "15th november" → "15 november".
_MONTH_DAY = re.compile(rf"\b({_MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?\b,?")
_DAY_ORDINAL = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th) (?:of )?(?={_MONTH}\b)")
_MONTH_COMMA_YEAR = re.compile(rf"\b({_MONTH}), (?=\d{{4}}\b)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_MONEY_SCALE = re.compile(r"([$£€¥]\s?\d+(?:\.\d+)?)\s?(m|bn|k)\b")
_SCALE_WORDS = {"m": "million", "bn": "billion", "k": "thousand"}
_BILLIONS = re.compile(r"(?<=\d)\s?bn\b")
_PERCENT = re.compile(r"\s?(?:%|\bper ?cent\b|\bpct\b)")
# Units: abbreviations (only after a number) and spellings (anywhere), and the one word each
# becomes (singular, so that "1 km" and "1 kilometre" meet).
_ABBREVIATED = {
    "km/h": "kilometre per hour",
    "kph": "kilometre per hour",
    "mph": "mile per hour",
    "km": "kilometre",
    "cm": "centimetre",
    "mm": "millimetre",
    "kg": "kilogram",
    "kgs": "kilogram",
    "lb": "pound",
    "lbs": "pound",
    "ft": "foot",
    "min": "minute",
    "mins": "minute",
    "hr": "hour",
    "hrs": "hour",
    "sec": "second",
    "secs": "second",
    "yr": "year",
    "yrs": "year",
}
_ABBREVIATION = re.compile(
    r"(?<=\d)\s?("
    + "|".join(re.escape(a) for a in sorted(_ABBREVIATED, key=len, reverse=True))
    + r")(?![\w/])"
)
_SPELLINGS = {
    r"kilomet(?:er|re)s?": "kilometre",
    r"centimet(?:er|re)s?": "centimetre",
    r"millimet(?:er|re)s?": "millimetre",
    r"met(?:er|re)s?": "metre",
    r"kilo(?:gram)?s?": "kilogram",
    r"pounds?": "pound",
    r"feet|foot": "foot",
    r"miles?": "mile",
    r"minutes?": "minute",
    r"hours?": "hour",
    r"seconds?": "second",
    r"years?": "year",
}
_SPELLING = [(re.compile(rf"\b(?:{forms})\b"), plain) for forms, plain in _SPELLINGS.items()]
_SPACES = re.compile(r"\s+")


def plain_form(text: str) -> str:
    """`text` in the one written form described above (lower case, spaces collapsed)."""
    text = text.lower().replace("’", "'").replace("–", "-").replace("—", "-")
    text = _MONTH_WORD.sub(lambda m: _MONTHS[m.lastindex - 1] if m.lastindex else "", text)
    text = _DAY_ORDINAL.sub(r"\1 ", text)
    text = _MONTH_DAY.sub(r"\2 \1", text)
    text = _MONTH_COMMA_YEAR.sub(r"\1 ", text)
    text = _THOUSANDS.sub("", text)
    text = _MONEY_SCALE.sub(lambda m: f"{m.group(1)} {_SCALE_WORDS[m.group(2)]}", text)
    text = _BILLIONS.sub(" billion", text)
    text = _PERCENT.sub(" per cent", text)
    text = _ABBREVIATION.sub(lambda m: " " + _ABBREVIATED[m.group(1)], text)
    for spelling, plain in _SPELLING:
        text = spelling.sub(plain, text)
    return _SPACES.sub(" ", text).strip()
