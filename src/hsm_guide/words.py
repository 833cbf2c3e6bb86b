"""The words of a question: splitting, British spellings, plurals and other regular forms, and
whether a word can be a slip of the keys.

The one table of British spellings serves the passages, the parts a question names and the cards.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

WORD = re.compile(r"\w+")
# A yearly amount as people type it: $95,000, 95,000, $95000, 95k, $95k (a year such as 2025 is no amount).
_AMOUNT = re.compile(r"(?<![\w.,])\$?\s?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s?(k\b)?", re.IGNORECASE)
LEAST_AMOUNT, MOST_AMOUNT = 10_000, 2_000_000  # a yearly salary in a question, not a count or an hourly rate
# A rate after an amount ("45 an hour", "3k a week", "28 hourly"): a sum of money, made yearly as BLS does (an
# hour's by its 2,080-hour year, HOURS_A_YEAR).
_A_YEAR = {"week": 52, "wk": 52, "month": 12, "mo": 12}
_EVERY = {"hourly": "hour", "weekly": "week", "monthly": "month"}  # the rate as one word after the amount
RATES = frozenset({"hour", "hr", *_A_YEAR, *_EVERY})
_RATE = re.compile(
    rf"\s*(?:(?:an?|per|/)\s*({'|'.join(RATES - _EVERY.keys())})\b|({'|'.join(_EVERY)})\b)", re.IGNORECASE
)
_COUNTED = re.compile(
    r"\s*(?:jobs?|people|persons?|workers?|managers?|employees?|openings?|positions?|members?)\b", re.I
)
THOUSANDS = re.compile(r"\d+[km]")  # 95k, a $6M budget: an amount, never a word to spell, match or search for
MOST_WORDS = 60  # a question is read up to its 60th word: the work stays bounded for any length

# Search synonyms: the guide is written in American English, and a reader who types the
# British spelling of a word still finds it. Each row is (American, stem, British ending):
# the British form is stem + ending, built here so that a scan of the code for British
# spellings (which must find none in what readers see) does not trip over this table.
_SPELLING_ROWS = (
    ("license", "licen", "ce"),
    ("program", "program", "me"),
    ("center", "cent", "re"),
    ("labor", "labo", "ur"),
    ("behavior", "behavio", "ur"),
    ("color", "colo", "ur"),
    ("aging", "age", "ing"),
    ("enrollment", "enrol", "ment"),
    ("counselor", "counsel", "lor"),
    ("iz", "i", "s"),
    ("yz", "y", "s"),
)
_SYNONYMS = tuple((us, stem + ending) for us, stem, ending in _SPELLING_ROWS)


def american(word: str) -> str:
    """A word in the guide's American spelling, the British form of any row above turned round."""
    for us, uk in _SYNONYMS:
        if uk in word and len(uk) > 2:  # the -ise/-yse rows are for matching, not for rewriting whole words
            return word.replace(uk, us)
    return word


def variants(word: str) -> set[str]:
    """The word and its other spellings (either way round)."""
    found = {word}
    for us, uk in _SYNONYMS:
        for a, b in ((us, uk), (uk, us)):
            if a in word:
                found.add(word.replace(a, b))
    return found


def singular(word: str) -> str:
    """A plural's singular, by the regular rules: classes -> class, branches -> branch, cities -> city,
    managers -> manager; a word of three letters or fewer, or in -ss, stays."""
    if len(word) <= 3 or not word.endswith("s") or word.endswith("ss"):
        return word
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]


# Short forms of everyday words, read as the words (never a note that the guide holds nothing on 'yrs').
# (Not "mo" or "hr": Missouri's postal code, human resources.)
SHORT = {
    "yrs": "years",
    "yr": "year",
    "mos": "months",
    "hrs": "hours",
    "wks": "weeks",
    "exp": "experience",
    "mgr": "manager",
    "mgrs": "managers",
    "mgmt": "management",
    "govt": "government",
    "dept": "department",
    "depts": "departments",
    "svc": "service",
    "svcs": "services",
    "hosp": "hospital",
    "hosps": "hospitals",
    "mgt": "management",
    "exec": "executive",
    "execs": "executives",
    "dir": "director",
    "info": "information",
    "req": "requirement",
    "reqs": "requirements",
    "w": "with",
    "bio": "biology",
    "asst": "assistant",
    "med": "medical",
    "surg": "surgical",
    "ortho": "orthopedic",
    "peds": "pediatric",
    "rad": "radiology",
    "vp": "executive",
    "vps": "executives",
    "assoc": "associate",
    "avg": "average",
    "diff": "difference",  # "whats the diff between", "a diff license": the comparing words either way
    "hlth": "health",
    "pct": "percentile",
    "resp": "respiratory",
    "bs": "bachelors",
    "bsc": "bachelors",
    "ba": "bachelors",
    "dev": "developer",
    "devs": "developers",
    "pctl": "percentile",
    "approx": "approximately",
    "ppl": "people",
    "gov": "government",
}


# Everyday phrases that mean one of the synonym groups' words: "pay right out of college" asks for starting pay.
_LEADS: tuple[tuple[str, ...], ...] = ((), ("right",), ("straight",), ("fresh",))
_OUT_OF = [(*lead, "out", "of", place) for lead in _LEADS for place in ("college", "school")]
IDIOMS: dict[tuple[str, ...], str] = {
    **dict.fromkeys(_OUT_OF, "starting"),
    **dict.fromkeys([("new", "grad"), ("new", "grads"), ("new", "graduate"), ("new", "graduates")], "starting"),
    **dict.fromkeys([("recent", "grad"), ("recent", "graduate"), ("just", "graduated")], "starting"),
}
_IDIOM_LONGEST = max(len(said) for said in IDIOMS)


def idioms(lower: Sequence[str]) -> list[tuple[int, int, str]]:
    """The everyday phrases among `lower`, longest first where they overlap: (start, end, the word meant)."""
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(lower):
        n = next((n for n in range(_IDIOM_LONGEST, 1, -1) if tuple(lower[i : i + n]) in IDIOMS), 0)
        if n:
            found.append((i, i + n, IDIOMS[tuple(lower[i : i + n])]))
        i += n or 1
    return found


def split(text: str) -> tuple[list[str], int]:
    """The words as typed, up to MOST_WORDS, and how many more were left unread."""
    typed = WORD.findall(text)
    return typed[:MOST_WORDS], max(0, len(typed) - MOST_WORDS)


# A regular inflection, undone (cities -> city, employs -> employ, specialize -> specializ), and
# what the stem takes to make the words the passages hold (employer, specialization).
_UNDONE = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("e", ""))
_ENDINGS = ("", "s", "es", "ed", "d", "e", "er", "ers", "ing", "ment", "ments", "ation", "ations")
_STEM = 4  # letters a stem keeps at least: 'cites' is not an inflection of 'cities'


def inflected(word: str, vocabulary: set[str] | frozenset[str]) -> frozenset[str]:
    """The words of `vocabulary` that are a regular inflection of the same stem as `word`, or of its
    American spelling (a British -ise form finds the -ization words)."""
    found: set[str] = set()
    for form in variants(word):
        for ending, put in _UNDONE:
            stem = form[: -len(ending)] + put if form.endswith(ending) else ""
            if len(stem) >= _STEM and stem != form:
                found.update(w for e in _ENDINGS if (w := stem + e) in vocabulary)
    return frozenset(found)


def slip(typed: str, word: str) -> bool:
    """Whether `word` can be what was meant by `typed`: one or two letters dropped, added, changed or
    swapped (two only in a word of 7 letters or more), the first letter kept (classes is not passes)."""
    if typed[:1] != word[:1] or typed == word:
        return False
    allowed = 2 if len(typed) >= 7 else 1
    return abs(len(typed) - len(word)) <= allowed and distance(typed, word, allowed) <= allowed


def distance(a: str, b: str, most: int) -> int:
    """Edits (insert, delete, change, swap two neighbors) from a to b; most + 1 once past `most`."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        if min(row) > most:
            return most + 1
        previous2, previous = previous, row
    return previous[-1]


def _per_year(unit: str) -> int:
    unit = _EVERY.get(unit, unit)
    if unit in _A_YEAR:
        return _A_YEAR[unit]
    from .wages.lookup import HOURS_A_YEAR  # only for an hourly rate: the wage tables' module

    return HOURS_A_YEAR


def is_rate(words: Sequence[str], i: int) -> bool:
    """Whether word i (of a question's lowercase words) is the rate of the number before it: '45 an hour'."""
    before = words[i - 2 : i] if i >= 2 and words[i - 1] in ("a", "an", "per") else words[i - 1 : i]
    return words[i] in RATES and bool(before) and (before[0].isdigit() or bool(THOUSANDS.fullmatch(before[0])))


def amount(text: str) -> float | None:
    """The first yearly salary a question names ("an offer of 95k", "$95,000", "$45 an hour": $93,600), or
    None: a number without a dollar sign, a k or a rate counts only at five digits or more and not before a
    count's noun ("597,080 jobs"), so years, ages and counts are no amounts."""
    for match in _AMOUNT.finditer(text):
        digits, thousands = match.group(1).replace(",", ""), match.group(2)
        rate = _RATE.match(text, match.end())
        dollars = "$" in match.group(0) or thousands or rate
        if not dollars and (len(digits.split(".")[0]) < 5 or _COUNTED.match(text, match.end())):
            continue
        per = _per_year((rate.group(1) or rate.group(2)).lower()) if rate else 1
        value = float(digits) * (1000 if thousands else 1) * per
        if LEAST_AMOUNT <= value <= MOST_AMOUNT:
            return value
    return None


def listed(names: list[str]) -> str:
    """'A and B'; 'A, B and C' (nothing for none)."""
    return " and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + f" and {names[-1]}"
