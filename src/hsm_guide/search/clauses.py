"""A question that asks two things ("what is the pay and how many openings are there", "is it
stressful? what are the hours like"): each clause is read and scored on its own, and where one asks
for another view than the card the whole question leads with, a note names it (never dropped)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..words import WORD
from .families import FAMILIES

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from .cards import Choice
    from .lexicon import Lexicon
    from .parts import Part
    from .reading import Reading

JOINS = frozenset({"and", "also", "plus"})  # words that can join two questions in one
_LEADING = JOINS | {"but", "so", "then"}  # words a clause may start with before its question word
# A clause's card is answered beside the lead only when it scores ASKS of what the clause would score
# against itself: clauses that asked something scored 0.54 to 1.0 of it, a statement of the asker's
# ("I have a psychology degree") 0.26.
ASKS = 0.4
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


def _asks(clause: str) -> bool:
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
_ANSWERED = {
    "occupations": {"pay", "scope"},
    "degrees": {"pay"},
    "credentials": {"pay"},
    "industries": {"best-industries", "ranking"},  # "hospital vs nursing home - which pays most": the two, side by side
    "terms": {"term"},  # several terms on one card name each one more: no card of one of them after it
}
_TWO_PLACES = "places"  # the answer that sets two places' pay side by side
_BORROWED = frozenset({"background", "credential"})  # what a clause reads from the others where it names none
_WHO = frozenset({"background", "occupation"})  # who asks, which the first question is chosen with
_RANKINGS = frozenset({"ranking", "employers", "best-industries"})  # answers that rank places or industries
_WHICH = frozenset({"which", "where"})  # the words a clause asking for a ranking in so many words starts with
# after "and", a new question even where the question compares a pair ("more than my salary")
_ASKS_ANEW = frozenset(ASKING) - {"is"}  # "is" joins a pair as often: "nursing and is management better"


MORE = 2  # other questions answered beside the lead: a third part of a question is answered too


def others(kb: KnowledgeBase, lexicon: Lexicon, reading: Reading, lead: Choice) -> list[tuple[Card, Reading]]:
    """The cards other clauses of the question lead with, each where it leads to another view than `lead` and
    than those before it (up to MORE), and each clause as read: questions first ("military veteran, was a
    logistics officer. how do i... and what does it pay there?": the pay)."""
    from .cards import table

    pieces = clauses(reading)
    if len(pieces) < 2:
        return []
    kept = table(kb, lexicon)
    used = next((kept.owns[i] for i, card in enumerate(kept.cards) if card is lead), frozenset())
    questions = [piece for piece in pieces if _asks(piece)]
    statements = [piece for piece in pieces if piece not in questions]
    # a statement of the asker's is read as a question only where no question found a card
    found = _cards_of(kb, lexicon, reading, lead, (pieces, questions), used)[:MORE]
    found = found or _cards_of(kb, lexicon, reading, lead, (pieces, statements), used)[:1]
    beside = _pay_beside_a_gap(kb, reading, lead) if not found else None
    return found if found else [beside] if beside else []


def _cards_of(
    kb: KnowledgeBase,
    lexicon: Lexicon,
    reading: Reading,
    lead: Choice,
    where: tuple[list[str], list[str]],
    used: frozenset[str],
) -> list[tuple[Card, Reading]]:
    """The cards of some of the clauses (`where`: every clause, and those), in order, each another answer."""
    pieces, asked = where
    found: list[tuple[Card, Reading]] = []
    for piece in asked:
        card = _clause_card(kb, lexicon, reading, lead, (pieces, piece), used)
        if card is not None and all(card[0].answer != c.answer for c, _ in found):
            found.append(card)
    return found


def _clause_card(
    kb: KnowledgeBase,
    lexicon: Lexicon,
    reading: Reading,
    lead: Choice,
    where: tuple[list[str], str],
    used: frozenset[str],
) -> tuple[Card, Reading] | None:
    """The card one clause (`where`: the clauses, and this one) leads with, where it asks something and its
    card shows another view than `lead`; with the clause as read, in the question's context."""
    from ..model import Card
    from .cards import table
    from .reading import read

    pieces, piece = where
    asked = read(kb, piece, lexicon)
    if not _asks_anything(kb, lexicon, asked, used):
        return None
    least = ASKS * table(kb, lexicon).most(asked.tokens)  # of the clause's own words
    pointed = _pointed(kb, lexicon, pieces, piece, asked)
    found = _telling(kb, lexicon, asked._replace(tokens=asked.tokens + pointed))
    if not found or found[0][0] < least:
        return None  # a card that fits the clause loosely ("I have a psychology degree": how long it takes)
    best = found[0][1]
    which = piece.split()[0].lower() in _WHICH
    if not isinstance(best, Card) or not _another_view(best, lead, bool(reading.places), which):
        return None
    kinds = frozenset(t.strip("<>+") for t in pointed)
    if kinds and kinds.isdisjoint(FAMILIES[best.answer].uses):
        return None  # a card with no use for what the clause points to ("FACHE... how long does it take": no route)
    context = _with_context(asked, reading, kinds)
    return _placed(kb, best, context, lead), context


_POINTING = frozenset({"that", "this", "it", "those", "these", "them", "they"})  # words that point back


def _pointed(kb: KnowledgeBase, lexicon: Lexicon, pieces: list[str], piece: str, asked: Reading) -> tuple[str, ...]:
    """The kinds of part the clause before names ('<role>'), where this one names nothing and points back to
    them ("thinking DON or nurse manager... is that this job?", "FACHE requirements and does it raise your
    salary"): the clause is scored with them, and answered of them; its own words still choose its card."""
    from .reading import read

    at = pieces.index(piece)
    if at == 0 or asked.parts or asked.places or _POINTING.isdisjoint(asked.lower):
        return ()
    before = read(kb, pieces[at - 1], lexicon)
    return tuple(t for t in before.tokens if t.startswith("<") and t not in asked.tokens and t != "<place>")


def _asks_anything(kb: KnowledgeBase, lexicon: Lexicon, asked: Reading, used: frozenset[str]) -> bool:
    """Whether a clause asks something: a statement of names alone ("an MPH") or advice alone ("is it worth
    it") does not; a question of names alone asks of kinds the lead has no use for ("... vs Kansas City, and
    do I need a bachelor's?"), never of one it answers ("CMPE requirements and how does it compare to FACHE");
    one of filler alone asks where a word of it still does ("how long does it take")."""
    from .scoring import kind

    words = any(t[0] != "<" and t not in lexicon.filler for t in asked.tokens)
    kinds = {kind(t) for t in asked.tokens} - {None}
    # a question of names alone asks of new kinds; of filler alone, where a word still asks ("how long")
    named = _asks(asked.query) and not kinds & used and (bool(kinds) or bool(_asking(lexicon) & set(asked.tokens)))
    return (words or named) and not _advice_alone(kb, lexicon, asked)


def _asking(lexicon: Lexicon) -> frozenset[str]:
    """Filler words that still ask something: those of a synonym group with a word of another stem that is no
    filler ('long': duration, in "how long does it take"); never 'do' (doing) or 'get'."""
    filler = lexicon.filler
    return frozenset(
        w for w in filler if any(o not in filler and not o.startswith(w[:3]) for o in lexicon.synonyms.get(w, ()))
    )


def _pay_beside_a_gap(kb: KnowledgeBase, reading: Reading, lead: Choice) -> tuple[Card, Reading] | None:
    """The pay, where a question asks it beside something the guide does not hold and no clause found it ("cost
    of an MHA vs expected salary": no tuition held, and the pay it leads to); a gap that points to pay aside."""
    from ..model import Gap
    from .figures import PAY

    if not isinstance(lead, Gap) or PAY not in reading.tokens or (lead.command or "").startswith("pay"):
        return None
    cards = kb.questions.cards if kb.questions else []
    pay = next((c for c in cards if c.answer == "pay" and not c.needs), None)
    return (pay, reading) if pay is not None else None


def _telling(kb: KnowledgeBase, lexicon: Lexicon, asked: Reading) -> list[tuple[float, Choice]]:
    """The clause's cards, less those it shares plain words alone with (filler that is no synonym: "will I take
    a pay cut" asks of pay, never of the courses to take; "how long" keeps 'long', a synonym)."""
    from .cards import ranked, table

    plain = lexicon.filler - lexicon.synonyms.keys()
    kept = table(kb, lexicon)
    return [(s, c) for s, c in ranked(kb, lexicon, asked) if kept.shares(c, asked.tokens, plain)]


def _advice_alone(kb: KnowledgeBase, lexicon: Lexicon, asked: Reading) -> bool:
    """Whether a clause is advice asked and nothing more ("is it worth it"): the lead's note answers it."""
    found = kb.questions.advice if kb.questions else None
    whole = f" {' '.join(asked.lower)} "
    rest = whole
    for phrase in found.said if found else ():
        rest = rest.replace(f" {phrase} ", " ")
    return rest != whole and not set(rest.split()) - lexicon.filler


def _placed(kb: KnowledgeBase, card: Card, context: Reading, lead: Choice) -> Card:
    """A clause's pay asked of the places the other clauses name ("licensed in Ohio, moving to Arizona ... do
    administrators there make more?"): the two places side by side, where the lead has not set them so."""
    if card.answer != "pay" or len(context.places) < 2 or getattr(lead, "answer", None) == _TWO_PLACES:
        return card
    cards = kb.questions.cards if kb.questions else []
    return next((c for c in cards if c.answer == _TWO_PLACES), card)


def _another_view(clause: Card, lead: Choice, placed: bool, which: bool) -> bool:
    """Whether the clause's card shows what the lead's does not: another view, or a ranking the clause asks
    for in so many words ("texas vs california, and which cities pay the most": both pay, the ranking its
    own), and not what the lead already gives."""
    from ..model import Card

    if not isinstance(lead, Card):  # a gap has no view, and its answer is its heading, no card family
        return True
    given = not placed and clause.answer in _ANSWERED.get(lead.answer, ())
    ranked = clause.answer in _RANKINGS and lead.answer not in _RANKINGS and clause.view == lead.view
    # a page's other answer (how long an MHA takes), never the key points of the page the lead shows in full
    summary = clause.answer == "key-points" and clause.view == lead.view
    other = clause.answer != lead.answer and clause.view != "pay" and not summary
    return (clause.view != lead.view or other or (ranked and which)) and not given


def _with_context(asked: Reading, reading: Reading, pointed: frozenset[str] = frozenset()) -> Reading:
    """The clause as read, with the place, who asks and the credential that another clause names ("a teacher in
    ohio. what would i make?": Ohio's pay; "...what degree would i need": the teacher's education; "FACHE
    requirements and does it raise your salary": pay, and no figure for what the FACHE adds), and the kinds
    of part it points back to (`pointed`: the nurse manager of "is that this job?")."""
    # Their word spans are the whole question's, not the clause's: a card reads what they name, never the
    # clause's words at those positions (the tokens, scored before, are the clause's own).
    places = asked.places or reading.places
    return asked._replace(places=places, parts=asked.parts + _borrowed(asked, reading, _BORROWED | pointed))


def _borrowed(asked: Reading, reading: Reading, kinds: frozenset[str]) -> tuple[Part, ...]:
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
    asking = [piece for piece in pieces if _asks(piece)]  # not a statement of who asks
    if len(asking) == 1 and len(pieces) > 1:
        return _asked_of_a_tie(kb, lexicon, asking[0], found)
    if len(asking) < 2:  # one question after a statement reads best whole
        return found
    # its words may all be names or filler ("how many are there in florida"); who asks is read from the others
    # ("RN, 10 years. If I become a nurse manager do I make more": an RN's pay beside a manager's)
    asked = read(kb, asking[0], lexicon)
    asked = asked._replace(parts=asked.parts + _borrowed(asked, reading, _WHO))
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
    kb: KnowledgeBase, lexicon: Lexicon, asking: str, found: list[tuple[float, Choice]]
) -> list[tuple[float, Choice]]:
    """One question after a statement reads best whole, but where the two best cards tie and the first needs
    nothing the statement names (a card its words alone chose), the one the question itself leads with comes
    first ("my daughter is a senior in high school..., what should she major in": the majors, not the
    high-school courses; "I'm a pharmacist, how do I move into management" keeps the pharmacist's route)."""
    from .cards import ranked
    from .reading import read

    if len(found) < 2 or found[1][0] < TIE * found[0][0] or getattr(found[0][1], "needs", None):
        return found
    own = ranked(kb, lexicon, read(kb, asking, lexicon))
    return [found[1], found[0], *found[2:]] if own and own[0][1] is found[1][1] else found


def _given(asked: Choice, lead: Choice) -> bool:
    """Whether the lead gives what a clause's card would: an answer it includes, or one of its own page."""
    answer, view = getattr(asked, "answer", ""), getattr(asked, "view", None)
    return answer in _ANSWERED.get(getattr(lead, "answer", ""), ()) or view == getattr(lead, "view", 0)


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
