"""The card a question leads with: the best-scored card that can answer, what of the question it
did not use (said, never dropped silently), and the command to read on with.

Which card is the knowledge base's choice (`questions.cards`, scored in scoring.py, chosen in
cards.py); each card family (pay, compare, rankings, routes, credentials, licensing, reference, gaps)
only shows what the data holds, with its sources. A card the data cannot give (no wage extract, no estimate) gives way
to the next best; where none can, an honest card says so and the passages follow.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

from ..model import Gap
from .card import Answered

if TYPE_CHECKING:
    from ..blocks import Block
    from ..model import Card, KnowledgeBase
    from ..sections.builder import Builder
    from .cards import Choice
    from .lexicon import Lexicon
    from .reading import Reading

NOTES = 2  # notes on the parts of a question a card did not use (the card stays on one screen)


CardFunction = Callable[["Builder", "KnowledgeBase", "Reading", "Card"], Answered | None]


def function(answer: str) -> CardFunction:
    from .families import FAMILIES

    module, name = FAMILIES[answer].function.split(":")
    found: CardFunction = getattr(import_module(f".{module}", __package__), name)
    return found


def lead(
    b: Builder, kb: KnowledgeBase, reading: Reading, lexicon: Lexicon, choices: tuple[Choice, ...], hits: bool
) -> bool:
    """Add the card the question leads with; False when there is none (no cards in the data, or
    nothing scored and no passage matched either)."""
    from .cards import named_gaps
    from .gaps import gap, nothing

    if kb.questions is None:
        return False
    start = len(b.blocks)
    # a gap the question names answers where none of the cards it scored can ('a felony record...')
    for choice in (*choices, *(g for g in named_gaps(reading) if g not in choices)):
        if isinstance(choice, Gap):
            answered: Answered | None = gap(b, kb, reading, choice)
            command = choice.command
        else:
            answered = function(choice.answer)(b, kb, reading, choice)
            command = choice.command or choice.view
        if answered is not None:
            _close(b, kb, reading, lexicon, answered, answered.command or command, start, choice)
            return True
    if not hits:
        return False
    nothing(b, kb, reading)
    _close(b, kb, reading, lexicon, Answered(frozenset({"gap"})), None, start)
    return True


HANDOUT = frozenset({"handout", "handouts", "flyer", "flyers", "printable", "printout", "leaflet", "brochure"})


def _close(
    b: Builder,
    kb: KnowledgeBase,
    reading: Reading,
    lexicon: Lexicon,
    answered: Answered,
    command: str | None,
    start: int,
    choice: Card | Gap | None = None,
) -> None:
    """The notes under a card (advice asked for, a second question asked, what the card did not use),
    then where to read on."""
    from .unused import advice, notes

    said = advice(kb, reading)
    if said:
        b.note(said)
    if HANDOUT & set(reading.words):  # a counselor asking for something to hand on: the guide makes it
        b.note(
            "A two-page sheet to hand out (the job, pay, a route, credentials, outlook): hsm-guide handout -o a.html"
        )
    alsos = _alsos(b, kb, reading, lexicon, choice) if choice is not None else []
    said_by = tuple(f": hsm-guide {also.filled}" for also in alsos)
    for text, sources in [
        n for n in notes(kb, reading, lexicon, answered.used, choice) if not said_by or not n[0].endswith(said_by)
    ][:NOTES]:  # a note leading to the command a clause's note already names is left out
        b.note(text, sources)
    if command:
        b.hint(f"Read on: hsm-guide {filled(command, values(reading, lexicon))}")
    for also in alsos:
        _answer_also(b, kb, lexicon, start, also)


class Also(NamedTuple):
    card: Card  # the card the other clause leads with
    asked: Reading  # that clause, read on its own
    command: str  # where to read on for it, as the card gives it ({place}...)
    filled: str  # that command with the question's values
    note: Block  # the note naming it, among the builder's blocks


def _alsos(b: Builder, kb: KnowledgeBase, reading: Reading, lexicon: Lexicon, choice: Card | Gap) -> list[Also]:
    """Where other clauses of the question ask for other views than the card's, a note names each (one note a
    command)."""
    from ..views import BY_NAME
    from .others import others

    found: list[Also] = []
    for card, asked in others(kb, lexicon, reading, choice):
        view = BY_NAME.get(card.view)
        command = filled(card.command or card.view, values(reading, lexicon))
        if view is None or any(also.filled == command for also in found):
            continue
        what = view.help.rstrip(".")
        b.note(f"You also asked about {what[:1].lower()}{what[1:]}: hsm-guide {command}")
        found.append(Also(card, asked, card.command or card.view, command, b.blocks[-1]))
    return found


def _answer_also(b: Builder, kb: KnowledgeBase, lexicon: Lexicon, start: int, also: Also) -> None:
    """The other clause answered in brief in place of the note naming it, where it fits on the first screen;
    neither where its card is the lead's own answer again, its heading the same (a teacher's question of pay
    answered with this occupation's pay: the clause's own card)."""
    from ..sections.builder import Builder as Scratch
    from .second import fitted

    scratch = Scratch(kb, b.name, b.title)
    answered = function(also.card.answer)(scratch, kb, also.asked, also.card)
    if answered is None:
        return
    command = filled(answered.command or also.command, values(also.asked, lexicon))
    at = next(i for i, block in enumerate(b.blocks) if block is also.note)
    if scratch.blocks[:1] == b.blocks[start : start + 1]:  # the lead's own answer (its heading): not given twice
        del b.blocks[at]
        return
    shown = fitted(scratch.blocks, b.blocks[start:at] + b.blocks[at + 1 :], command)
    if shown:
        b.cite(scratch.cited)
        del b.blocks[at]
        b.blocks.extend(shown)


def values(reading: Reading, lexicon: Lexicon) -> dict[str, str]:
    """What a card's command can name, from the question: the place as the reader typed it."""
    place = reading.place
    names = lexicon.names
    setting, background = reading.first("setting"), reading.first("background")
    credential, term = reading.first("credential"), reading.first("term")
    return {
        "place": place.resolved.typed(names) if place and names else "",
        "state": place.area.state if place and place.area.kind != "national" else "",
        "setting": setting.key if setting else "",
        "background": background.key if background else "",
        "credential": credential.code if credential else "",
        "term": term.term if term else "",
        "year": str(reading.past_year or ""),
        "amount": f"{reading.amount:.0f}" if reading.amount is not None else "",
    }


def filled(command: str, values: dict[str, str]) -> str:
    """The command with the question's values; an option whose value the question did not name is left out."""
    words = command.split(" ")
    kept: list[str] = []
    i = 0
    while i < len(words):
        if words[i].startswith("--") and i + 1 < len(words) and "{" in words[i + 1]:
            value = words[i + 1].format(**values)
            kept += [words[i], value] if value else []
            i += 2
            continue
        kept.append(words[i].format(**values))
        i += 1
    return " ".join(kept)
