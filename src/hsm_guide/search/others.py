"""The other questions of one ("how much do they make in ohio, how long does it take, and do I need a
license"): each clause is read and scored on its own, and where its card shows another view than the card
the whole question leads with, it is answered beside it in brief (`answer.py`, `second.py`), up to MORE of
them in the order asked; a clause that names nothing and points back is read with what the clause before it
names."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .card import cards_for
from .clauses import ANSWERED, asks, borrowed, clauses
from .families import FAMILIES

if TYPE_CHECKING:
    from ..model import Card, KnowledgeBase
    from .cards import Choice
    from .lexicon import Lexicon
    from .reading import Reading

# A clause's card is answered beside the lead only when it scores ASKS of what the clause would score
# against itself: clauses that asked something scored 0.54 to 1.0 of it, a statement of the asker's
# ("I have a psychology degree") 0.26.
ASKS = 0.4
_TWO_PLACES = "places"  # the answer that sets two places' pay side by side
_BORROWED = frozenset({"background", "credential"})  # what a clause reads from the others where it names none
_RANKINGS = frozenset({"ranking", "employers", "best-industries"})  # answers that rank places or industries
_WHICH = frozenset({"which", "where"})  # the words a clause asking for a ranking in so many words starts with


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
    questions = [piece for piece in pieces if asks(piece)]
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
    found = _telling(kb, lexicon, asked, pointed)
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
    named = asks(asked.query) and not kinds & used and (bool(kinds) or bool(lexicon.asking & set(asked.tokens)))
    return (words or named) and not _advice_alone(kb, lexicon, asked)


def _pay_beside_a_gap(kb: KnowledgeBase, reading: Reading, lead: Choice) -> tuple[Card, Reading] | None:
    """The pay, where a question asks it beside something the guide does not hold and no clause found it ("cost
    of an MHA vs expected salary": no tuition held, and the pay it leads to); a gap that points to pay aside."""
    from ..model import Gap
    from .figures import PAY

    if not isinstance(lead, Gap) or PAY not in reading.tokens or (lead.command or "").startswith("pay"):
        return None
    pay = next((c for c in cards_for(kb, "pay") if not c.needs), None)
    return (pay, reading) if pay is not None else None


def _telling(
    kb: KnowledgeBase, lexicon: Lexicon, asked: Reading, pointed: tuple[str, ...] = ()
) -> list[tuple[float, Choice]]:
    """The clause's cards, ranked with the kinds it points back to (`pointed`), less those its own words share
    only plain filler with: filler that still asks is no plain word ("will I take a pay cut" asks of pay, never
    of the courses to take; "how long" keeps 'long'; "how much do they cost" shares only 'do' with pay)."""
    from .cards import ranked, table

    plain = lexicon.filler - lexicon.asking
    kept = table(kb, lexicon)
    found = ranked(kb, lexicon, asked._replace(tokens=asked.tokens + pointed))
    return [(s, c) for s, c in found if kept.shares(c, asked.tokens, plain)]


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
    return next(iter(cards_for(kb, _TWO_PLACES)), card)


def _another_view(clause: Card, lead: Choice, placed: bool, which: bool) -> bool:
    """Whether the clause's card shows what the lead's does not: another view, or a ranking the clause asks
    for in so many words ("texas vs california, and which cities pay the most": both pay, the ranking its
    own), and not what the lead already gives."""
    from ..model import Card

    if not isinstance(lead, Card):  # a gap has no view, and its answer is its heading, no card family
        return True
    given = not placed and clause.answer in ANSWERED.get(lead.answer, ())
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
    return asked._replace(places=places, parts=asked.parts + borrowed(asked, reading, _BORROWED | pointed))
