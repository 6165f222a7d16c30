"""Transcript turns: who holds the floor in each speaker-labelled paragraph.

A transcript paragraph of kind ``turn`` opens with its speaker's label (``MARLES:``,
``DEPUTY PRIME MINISTER, RICHARD MARLES:``, ``Q:``); a turn without a label goes on with
the previous speaker. The label is resolved through the people registry (its comma parts,
then its family name); a journalist's label (``Q``, ``JOURNALIST``) holds a question,
which is nobody's quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from natojp_tui.core.people.names import ACRONYMS
from natojp_tui.core.people.registry import PeopleRegistry
from natojp_tui.core.quotes.speakers import Speaker

QUESTION_LABELS = frozenset(
    [
        "q",
        "question",
        "questioner",
        "journalist",
        "journalists",
        "reporter",
        "reporters",
        "audience",
        "media",
        "press",
        "audience",
        "member",
        "participant",
    ]
)
_LABEL_END_RE = re.compile(r"(?:\s\([^()\n:]*\))?\s?:\s*")  # a bracketed role, then the colon


@dataclass(slots=True)
class Turn:
    """The floor in one body paragraph of a transcript."""

    speaker: Speaker  # nobody (``known`` False) for a question or an unknown label
    start: int  # where the turn's words begin (after the label and its colon)
    question: bool = False
    labelled: bool = True  # False: the paragraph goes on with the previous turn


def _display(label: str) -> str:
    """``SECRETARY GENERAL STOLTENBERG`` → ``Secretary General Stoltenberg`` (acronyms kept)."""
    if not label.isupper():
        return label
    return " ".join(w if w in ACRONYMS else w.capitalize() for w in label.split())


def label_speaker(label: str, registry: PeopleRegistry) -> tuple[Speaker, bool]:
    """The speaker a turn label names, and whether the turn is a question."""
    shown = _display(" ".join(label.split()))
    if shown.lower() in QUESTION_LABELS:
        return Speaker(), True
    if shown.startswith(("From ", "By ")):
        shown = shown.split(" ", 1)[1]  # "From Anders Fogh Rasmussen, NATO:"
    person = registry.resolve(shown)
    if person is None:
        for part in shown.split(", "):
            person = registry.resolve(part) or registry.by_name(part.split()[-1])
            if person is not None:
                break
    if person is None:
        return Speaker([], None, shown), False
    return Speaker([person], person.name, registry.role_of(person)), False


def find_turns(
    paragraphs: Sequence[str], labels: Sequence[str | None], registry: PeopleRegistry
) -> list[Turn | None]:
    """One ``Turn`` per transcript paragraph (None elsewhere). ``labels`` holds, per body
    paragraph, its turn label, ``""`` for a turn without a label, None for no turn."""
    turns: list[Turn | None] = []
    current: Turn | None = None
    for text, label in zip(paragraphs, labels, strict=False):
        if label is None:
            turns.append(None)
            continue
        if label:
            speaker, question = label_speaker(label, registry)
            k = text.find(label)
            end = _LABEL_END_RE.match(text, k + len(label)) if k >= 0 else None
            start = end.end() if end is not None else 0
            current = Turn(speaker, start, question)
            turns.append(current)
        elif current is not None:
            turns.append(Turn(current.speaker, 0, current.question, labelled=False))
        else:
            turns.append(Turn(Speaker(), 0, False, labelled=False))
    turns.extend([None] * (len(paragraphs) - len(turns)))
    return turns
