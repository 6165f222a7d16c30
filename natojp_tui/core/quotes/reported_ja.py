"""Reported speech in a Japanese-language readout.

A readout gives each side's words as clauses ending in a reporting verb, the speaker
first: "岩屋大臣から、Aを歓迎するとともに、B旨述べました。" is two reports of Iwaya (A
welcomed, B stated); "双方は、Cことで一致しました。" is one of both sides. A sentence
with no speaker of its own ("その上で、…と強調しました。") goes on with the last one.
The verbs are named data in ``core.lexicon.japanese`` (``REPORT_VERBS``); the people are
the registry's (``core.people.japanese`` adds those written in Japanese script)."""

from __future__ import annotations

import re

from natojp_tui.core.lexicon.japanese import BOTH_SIDES, REPORT_OPENERS, REPORT_VERBS
from natojp_tui.core.people.registry import PeopleRegistry
from natojp_tui.core.quotes.classify import Item
from natojp_tui.core.quotes.speakers import Speaker
from natojp_tui.core.text.document import AnalysedText

_VERB_RE = re.compile("|".join(sorted(map(re.escape, REPORT_VERBS), key=len, reverse=True)))
_SENTENCE_RE = re.compile(r"[^。]+。?")
_OPENER_RE = re.compile(
    r"(?:\s*(?:[-・•]|\d{1,2}[.．]|[(（]\d{1,2}[)）])?\s*)"
    r"(?:(?:" + "|".join(REPORT_OPENERS) + r")[、,]\s*)*"
)
_TOPIC_RE = re.compile(r"(?:から(?:も)?|より|は)[、,]")
_COMMA = "、,"
# a clause's lead and tail particles that belong to the verb, not the words reported
_TAIL = ("ことを", "ことで", "旨を", "旨", "点に", "として")


def reported_japanese(
    paragraphs: list[AnalysedText], registry: PeopleRegistry, principals: list[Speaker]
) -> list[Item]:
    """Every reported clause of the Japanese paragraphs, with its fixed speaker."""
    items: list[Item] = []
    last: Speaker | None = None
    both = _both(principals)
    for p, t in enumerate(paragraphs):
        text = t.text
        if not _VERB_RE.search(text):
            continue
        for s in _SENTENCE_RE.finditer(text):
            verbs = list(_VERB_RE.finditer(text, s.start(), s.end()))
            start = _OPENER_RE.match(text, s.start(), s.end()).end()  # type: ignore[union-attr]
            limit = verbs[0].start() if verbs else s.end()
            topic = _TOPIC_RE.search(text, start, min(limit, start + 60))
            speaker = last
            if topic is not None:
                who = text[start : topic.start()]
                if any(w in who for w in BOTH_SIDES):
                    speaker = both
                else:  # someone the registry does not know is nobody's guess
                    speaker = _person(registry, p, start, topic.start())
                start = topic.end()
            last = speaker
            if speaker is None or not verbs:
                continue
            for v in verbs:
                a, b = _clause(text, start, v.start())
                if b - a >= 4:
                    items.append(
                        Item(
                            "indirect", p, a, b, None, p, v.group(), fixed=speaker, confidence=0.85
                        )
                    )
                start = v.end()
                while start < s.end() and text[start] in _COMMA + " ":
                    start += 1
    return items


def principals_of(registry: PeopleRegistry) -> list[Speaker]:
    """The readout's two sides: the first two people it names."""
    seen: list[Speaker] = []
    for m in registry.mentions():
        person = registry.get(m.person_id)
        if person is not None and all(person not in s.people for s in seen):
            seen.append(Speaker([person], person.name, registry.role_of(person)))
        if len(seen) == 2:
            break
    return seen


def _both(principals: list[Speaker]) -> Speaker | None:
    if len(principals) < 2:
        return None
    people = [s.people[0] for s in principals]
    return Speaker(people, " and ".join(p.name for p in people), None)


def _person(registry: PeopleRegistry, p: int, start: int, end: int) -> Speaker | None:
    for m in reversed(registry.mentions_in(p, start, end)):
        person = registry.get(m.person_id)
        if person is not None:
            return Speaker([person], person.name, registry.role_of(person))
    return None


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    for lead in REPORT_OPENERS:
        if (
            text.startswith(lead, start)
            and text[start + len(lead) : start + len(lead) + 1] in _COMMA
        ):
            start += len(lead) + 1
    while start < end and text[start] in _COMMA + " ":
        start += 1
    while end > start and text[end - 1] in _COMMA + " ":
        end -= 1
    for tail in _TAIL:
        if text.endswith(tail, start, end) and end - len(tail) > start:
            end -= len(tail)
            break
    return start, end
