"""A question that asks two things ("what is the pay and how many openings are there", "is it
stressful? what are the hours like") split into its clauses, and the clause it asks first: the whole
question leads with that one's card. The others are answered beside it (`others.py`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..words import WORD

if TYPE_CHECKING:
    from ..model import KnowledgeBase
    from .cards import Choice
    from .lexicon import Lexicon
    from .parts import Part
    from .reading import Reading

JOINS = frozenset({"and", "also", "plus"})  # words that can join two questions in one
_LEADING = JOINS | {"but", "so", "then"}  # words a clause may start with before its question word
# The first of two questions or more leads when its card scores ASKED of its own score ("would moving to a nursing
# facility admin job need a new license" scored 0.26): a question asks something however loosely its card fits.
ASKED = 0.25
COMPARE = "compare"  # the synonym group of comparing words: "X and Y" after one is a pair
# The words a question starts with: a clause that starts with one asks something (a statement of who asks,
# "I'm a veteran", does not), and a comma before one ends a clause ("I run a store, would I make more").
ASKING: tuple[str, ...] = ("would", "could", "should", "can", "how", "what", "whats", "which", "is", "are", "do")
ASKING += ("does", "will", "where", "when", "why")
# Marks that end one question (a dash between spaces too: "our SNF - what should I offer"); a comma, a plus or an
# ampersand only before a question word ("a bachelor's + how long does it take"), never in a list ("hospitals,
# clinics or nursing homes", "MBA + MHA") or a place ("tucson, arizona").
_ENDS = re.compile(r"[?;!]|\.(?:\s|$)|\s[-\u2013\u2014]+\s|[,+&](?=\s*(?:" + "|".join(ASKING) + r")\b)", re.IGNORECASE)


def asks(clause: str) -> bool:
    """Whether a clause is a question: it starts with a question word, or with 'if' ("if I become a nurse
    manager do I make more"), which splits no clause but starts a question more often than not; a joining
    word before either is passed over ("also is the MSN or MHA better", "but what does it pay")."""
    words = clause.lower().split()
    while len(words) > 1 and words[0] in _LEADING:
        words.pop(0)
    return words[0] in (*ASKING, "if")


def clauses(reading: Reading) -> list[str]:
    """The question's clauses: split where a question ends and at a joining word outside any name
    ('medical and health services managers' is one name, not two clauses), unless the question
    compares ('compare nurses and managers' names a pair) and no new question follows the join ('texas vs
    california, and which cities pay the most' asks two things)."""
    spans = [(p.start, p.end) for p in reading.parts] + [(f.start, f.end) for f in reading.places]
    inside = {i for start, end in spans for i in range(start + 1, end)}
    pairs = COMPARE in reading.tokens
    ends: set[int] = set()
    count = 0
    for piece in _ENDS.split(reading.query):
        count += len(WORD.findall(piece))
        ends.add(count)
    found: list[list[str]] = [[]]
    for i, word in enumerate(reading.typed):
        asks_next = i + 1 < len(reading.typed) and reading.typed[i + 1].lower() in _ASKS_ANEW
        if word.lower() in JOINS and i not in inside and (asks_next or not pairs):
            found.append([])
            continue
        found[-1].append(word)
        if i + 1 in ends:
            found.append([])
    return [" ".join(words) for words in found if words]


# The lead's answer -> the clause's answer it already gives where no place is named: two occupations' pay side
# by side answers "would i make more"; two degrees or credentials say BLS has no pay by either, with this
# occupation's median. With a place named, this occupation's pay there is said apart. Occupations side by
# side also say how BLS counts them (the scope card's question).
ANSWERED = {
    "occupations": {"pay", "scope"},
    "degrees": {"pay"},
    "credentials": {"pay"},
    "industries": {"best-industries", "ranking"},  # "hospital vs nursing home - which pays most": the two, side by side
    "terms": {"term"},  # several terms on one card name each one more: no card of one of them after it
}
_WHO = frozenset({"background", "occupation"})  # who asks, which the first question is chosen with
# after "and", a new question even where the question compares a pair ("more than my salary")
_ASKS_ANEW = frozenset(ASKING) - {"is"}  # "is" joins a pair as often: "nursing and is management better"


def borrowed(asked: Reading, reading: Reading, kinds: frozenset[str]) -> tuple[Part, ...]:
    """The parts of those kinds the whole question names where the clause names none."""
    return tuple(p for p in reading.parts if p.kind in kinds and not asked.every(p.kind))


def first_asked(
    kb: KnowledgeBase, lexicon: Lexicon, reading: Reading, found: list[tuple[float, Choice]]
) -> list[tuple[float, Choice]]:
    """The cards the whole question can lead with, the first clause's own first: a reader asks the main thing
    first ("what should I offer in rural Tennessee, and does the person need a license": the pay, the license
    answered second). Only between two questions or more: "I'm a pharmacist, how do I move into management"
    is one question, read whole; so is a question whose first clause fits its card loosely."""
    from .cards import ranked, table
    from .reading import read

    pieces = clauses(reading) if len(found) > 1 else []
    asking = [piece for piece in pieces if asks(piece)]  # not a statement of who asks
    if len(asking) < 2:  # one question after a statement reads best whole, unless its best cards tie
        return _asked_of_a_tie(kb, lexicon, asking, pieces, found)
    # its words may all be names or filler ("how many are there in florida"); who asks is read from the others
    # ("RN, 10 years. If I become a nurse manager do I make more": an RN's pay beside a manager's)
    asked = read(kb, asking[0], lexicon)
    asked = asked._replace(parts=asked.parts + borrowed(asked, reading, _WHO))
    own = ranked(kb, lexicon, asked)
    if not own or own[0][0] < ASKED * table(kb, lexicon).most(asked.tokens):
        return found  # the first question needs the others' words ("would I take a pay cut?" of a therapist)
    if _given(own[0][1], found[0][1]):
        return found  # the lead gives it too, read with the other clauses' words: "X vs Y - which pays better"
    # else the whole's card of the same view: a license in the state named
    view = getattr(own[0][1], "view", None)
    first = [pair for pair in found if pair[1] is own[0][1]] or [p for p in found if getattr(p[1], "view", 0) == view]
    return first[:1] + [pair for pair in found if pair not in first[:1]]


TIE = 0.9  # a card the whole question scores within this share of the first is as good a lead


def _asked_of_a_tie(
    kb: KnowledgeBase, lexicon: Lexicon, asking: list[str], pieces: list[str], found: list[tuple[float, Choice]]
) -> list[tuple[float, Choice]]:
    """One question after a statement reads best whole, but where the two best cards tie and the first needs
    nothing the statement names (a card its words alone chose), the one the question itself leads with comes
    first ("my daughter is a senior in high school..., what should she major in": the majors, not the
    high-school courses; "I'm a pharmacist, how do I move into management" keeps the pharmacist's route)."""
    from .cards import ranked
    from .reading import read

    alone = len(asking) == 1 and len(pieces) > 1  # one question, and a statement
    if not alone or found[1][0] < TIE * found[0][0] or getattr(found[0][1], "needs", None):
        return found
    own = ranked(kb, lexicon, read(kb, asking[0], lexicon))
    return [found[1], found[0], *found[2:]] if own and own[0][1] is found[1][1] else found


def _given(asked: Choice, lead: Choice) -> bool:
    """Whether the lead gives what a clause's card would: an answer it includes, or one of its own page."""
    answer, view = getattr(asked, "answer", ""), getattr(asked, "view", None)
    return answer in ANSWERED.get(getattr(lead, "answer", ""), ()) or view == getattr(lead, "view", 0)


def best_clause(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading) -> tuple[Choice, ...]:
    """The cards of the clause that scores highest, for a question whose whole scores for none ("...how do
    I translate that into a hospital job? what titles do I search for": the titles)."""
    from .cards import ranked
    from .reading import read

    pieces = clauses(reading)
    if len(pieces) < 2:
        return ()
    best: list[tuple[float, Choice]] = []
    for piece in pieces:
        found = ranked(kb, lexicon, read(kb, piece, lexicon))
        if found and (not best or found[0][0] > best[0][0]):
            best = found
    return tuple(choice for _, choice in best)
