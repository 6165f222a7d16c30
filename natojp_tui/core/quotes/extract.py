"""``extract_quotes``: direct, partial and indirect quotes with their speakers.

Every ``Quote`` lies inside one paragraph and ``text[q.start:q.end] == q.text`` holds.
Direct and partial quotes hold the text inside the marks; a quote running over several
paragraphs is one ``Quote`` per piece, and the pieces share ``utterance`` (as do the two
halves of a quote split by its attribution). Indirect quotes hold the reported clause.
A second quote in a paragraph, or a paragraph that is only a quote, inherits the
previous speaker. In a transcript each answer is a quote of kind ``turn`` by its label's
person (``turns.find_turns``), who also speaks the unattributed quotes inside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from natojp_tui.core.lexicon.speech import PARTICIPLES, verb_class
from natojp_tui.core.model import Person, Quote
from natojp_tui.core.people.japanese import is_japanese
from natojp_tui.core.people.registry import PeopleRegistry
from natojp_tui.core.quotes.classify import Item, classify, indent, intervals, pre_attribution
from natojp_tui.core.quotes.cues import Cue, classify_cue, cue_before
from natojp_tui.core.quotes.reported import WE_JOINT, reported_speech
from natojp_tui.core.quotes.reported_ja import principals_of, reported_japanese
from natojp_tui.core.quotes.speakers import Resolver, Speaker
from natojp_tui.core.quotes.turns import Turn, find_turns
from natojp_tui.core.text.document import AnalysedArticle, AnalysedText
from natojp_tui.core.text.marks import QuoteSpan

KIND_FACTOR = {"direct": 1.0, "partial": 0.9, "indirect": 0.85, "turn": 1.0}


CONFIDENCE = {
    "name": 0.95,
    "role": 0.9,
    "document": 0.85,
    "group": 0.85,
    "pronoun": 0.85,
    "org": 0.6,
}


def extract_quotes(
    doc: AnalysedArticle, registry: PeopleRegistry, labels: Sequence[str | None] | None = None
) -> list[Quote]:
    """All direct, partial, indirect and turn quotes of the body paragraphs, in reading
    order. ``labels`` marks transcript turns: per body paragraph its speaker label, ``""``
    for a turn going on without one, None for no turn."""
    paragraphs = doc.body
    turns = find_turns([t.text for t in paragraphs], labels, registry) if labels else []
    items: list[Item] = []
    for p, t in enumerate(paragraphs):
        text = t.text
        para_spans = t.quotes
        prev_colon = p > 0 and paragraphs[p - 1].text[-3:].rstrip().endswith(":")
        outer = intervals([(s.outer_start, s.outer_end) for s in para_spans])
        quoted_items: list[tuple[QuoteSpan, Item]] = []
        after_direct = False
        for span in para_spans:
            item = classify(t, span, outer, after_direct)
            if item is not None:
                quoted_items.append((span, item))
                after_direct = after_direct or (item.kind == "direct" and item.cue is not None)
        _link_within_paragraph(text, p, paragraphs, quoted_items, prev_colon)
        direct = [(s.outer_start, s.outer_end) for s, i in quoted_items if i.kind == "direct"]
        # quotes, and the attribution text of direct quotes, are not reported speech
        blocked = [(s.outer_start, s.outer_end) for s in para_spans]
        for span, item in quoted_items:
            if item.cue is not None and item.kind == "direct" and item.cue_paragraph in (None, p):
                lo = min(item.cue.start, span.outer_start)
                if item.verb in PARTICIPLES:  # the cue opens the sentence: block the verb only
                    lo = max(lo, text.rfind(item.verb, 0, span.outer_start))
                hi = max(item.cue.end, span.outer_end) + 40
                blocked.append((lo, min(hi, _attribution_end(t, item.cue.end))))
        indirect = reported_speech(t, p, intervals(blocked), intervals(direct))
        para_items = [i for _, i in quoted_items] + indirect
        turn = turns[p] if turns else None
        if turn is not None:
            _take_the_floor(text, p, turn, para_items)
            _we_together(p, turn, para_items, registry, turns)
        # "we agreed" outside a turn, or with nobody known to share it: nobody's report
        para_items = [i for i in para_items if not _we_alone(i)]
        para_items.sort(key=lambda i: i.start)
        items.extend(para_items)
    if is_japanese([t.text for t in paragraphs]):  # a readout in Japanese: 「…旨述べました」
        items.extend(reported_japanese(list(paragraphs), registry, principals_of(registry)))
        items.sort(key=lambda i: (i.paragraph, i.start))
    return _resolve(items, paragraphs, registry, doc.title)


def _we_alone(item: Item) -> bool:
    return (
        item.kind == "indirect"
        and item.cue is not None
        and item.cue.text.lower() == "we"
        and (item.fixed is None or len(item.fixed.people) < 2)
    )


def _we_together(
    p: int, turn: Turn, items: list[Item], registry: PeopleRegistry, turns: list[Turn | None]
) -> None:
    """*In the meeting with X, we shared the recognition …*, *we both affirm …*: what
    "we" did together in a turn is the speaker's and the other side's: the person the
    turn names before it, else the transcript's other speaker."""
    me = turn.speaker.people[:1]
    if turn.question or not me:
        return
    for item in items:
        if item.kind != "indirect" or item.cue is None or item.cue.text.lower() != "we":
            continue
        if item.verb not in WE_JOINT:
            continue
        named = [registry.get(m.person_id) for m in registry.mentions_in(p, 0, item.start)]
        near = [n for n in named if n is not None and n is not me[0]]
        others = near[-1:] or _other_speakers(turns, me[0])  # (the other speakers: only now)
        other = others[0] if len(others) == 1 else None
        if other is not None:
            item.fixed = Speaker([me[0], other], f"{me[0].name} and {other.name}", None)


def _other_speakers(turns: list[Turn | None], me: Person) -> list[Person]:
    others: list[Person] = []
    for t in turns:
        who = t.speaker.people[0] if t is not None and t.speaker.people else None
        if who is not None and who is not me and all(o is not who for o in others):
            others.append(who)
    return others


def _take_the_floor(text: str, p: int, turn: Turn, items: list[Item]) -> None:
    """A turn's words are a quote of kind ``turn``; its quotes with no cue, or cued *I*
    or *we*, are the turn speaker's (a question is nobody's quote)."""
    if turn.question:
        return
    for item in items:
        if item.cue is None or (
            item.cue.kind == "pronoun" and item.cue.text.lower() in ("i", "we")
        ):
            item.fixed = turn.speaker
    start, end = turn.start, len(text.rstrip())
    if end > start:
        item = Item("turn", p, start, end, fixed=turn.speaker, confidence=0.95)
        item.inherits = not turn.labelled  # goes on with the turn before
        items.append(item)


def _attribution_end(t: AnalysedText, pos: int) -> int:
    text = t.text
    s_start, s_end = t.sentence_bounds(max(0, pos - 1))
    del s_start
    nxt = text.find("“", pos)
    return min(s_end, nxt) if nxt >= 0 else s_end


def _link_within_paragraph(
    text: str,
    p: int,
    paragraphs: Sequence[AnalysedText],
    quoted: list[tuple[QuoteSpan, Item]],
    prev_colon: bool,
) -> None:
    """Split quotes inherit from the quote before them; a quote-only paragraph after an
    attributed quote (or after a paragraph ending with a colon) inherits too."""
    prev_item: Item | None = None
    for span, item in quoted:
        if item.kind != "direct":
            continue
        if item.cue is None and prev_item is not None and item.group is None:
            item.follows = prev_item
        elif item.cue is None and prev_item is None and (item.group is None or span.open >= 0):
            only_quote = span.outer_start <= indent(text) + 1
            if only_quote and prev_colon:
                prev = paragraphs[p - 1]
                tail = prev.text[-3:]
                colon = len(prev.text) - (len(tail) - len(tail.rstrip()))
                pre = pre_attribution(prev, colon) or _speaker_of_sentence(prev, colon - 1)
                if pre is not None:
                    item.cue, item.verb = pre
                    item.cue_paragraph = p - 1
                    item.inherits = False
            elif only_quote:
                item.inherits = True
        prev_item = item


def _speaker_of_sentence(t: AnalysedText, pos: int) -> tuple[Cue, str | None] | None:
    """*The Chair stated that the men and women … are rooted in the same devotion:* and a
    quote below: the speaker of the sentence the colon ends (its first cued speech verb)."""
    s_start, _ = t.sentence_bounds(pos)
    for verb in t.verbs_in(s_start, pos):
        cue = cue_before(t.text, verb.start(), s_start)
        if cue is not None and cue.kind in ("name", "role", "pronoun", "pair"):
            return cue, verb.group()
    return None


def _resolve(
    items: list[Item], paragraphs: Sequence[AnalysedText], registry: PeopleRegistry, title: str
) -> list[Quote]:
    resolver = Resolver(registry, paragraphs, title)
    for p, t in enumerate(paragraphs):
        if t.quotes:
            resolver.quoted[p] = [(s.start, s.end) for s in t.quotes]
    groups: dict[int, Item] = {}
    utterances = 0
    last_para_speaker: dict[int, Speaker] = {}
    turn_utterance: int | None = None
    inherited: set[int] = set()  # utterances whose speaker came from the paragraph before
    last_report: dict[int, tuple[int, Speaker]] = {}  # per paragraph: a report's end, speaker
    quotes: list[Quote] = []
    for item in items:
        speaker = Speaker()
        confidence = 0.5
        if item.fixed is not None:
            speaker, confidence = item.fixed, item.confidence
        elif item.cue is not None:
            cp = item.cue_paragraph if item.cue_paragraph is not None else item.paragraph
            speaker = resolver.resolve(item.cue, cp, item.cue.start)
            confidence = CONFIDENCE.get(item.cue.kind, 0.7) if speaker.known else 0.5
        if item.group is not None and item.kind == "direct":
            head = groups.get(item.group)
            if head is None:
                groups[item.group] = item
                utterances += 1
                item.utterance = utterances
                if item.inherits and not speaker.known:
                    # a quote over several paragraphs, opening a paragraph with no cue: the
                    # previous speaker's, unless a cue at its end names someone else
                    speaker = last_para_speaker.get(item.paragraph - 1) or Speaker()
                    if speaker.known:
                        confidence = 0.75
                        inherited.add(utterances)
            else:
                item.utterance = head.utterance
                if not speaker.known and head.speaker is not None:
                    speaker, confidence = head.speaker, 0.8
                    item.cue, item.verb = head.cue, head.verb
                elif (
                    speaker.known
                    and head.speaker is not None
                    and (not head.speaker.known or head.utterance in inherited)
                ):
                    _backfill(quotes, head.utterance, speaker, item, force=True)
        elif item.follows is not None:
            prev = item.follows
            item.utterance = prev.utterance
            if not speaker.known and prev.speaker is not None:
                speaker, confidence = prev.speaker, 0.85
                item.cue, item.verb = prev.cue, prev.verb
        elif item.inherits and not speaker.known and item.kind != "turn":
            prev_speaker = last_para_speaker.get(item.paragraph - 1)
            if prev_speaker is not None:
                speaker, confidence = prev_speaker, 0.8
            else:
                speaker, confidence = resolver.narrator_subject(item.paragraph - 1), 0.6
        if item.kind == "direct" and item.cue is None and not speaker.known:
            before = last_report.get(item.paragraph)
            if before is not None and _next_sentence(paragraphs[item.paragraph], before[0], item):
                # "… the Chair underscored the importance of X. “NATO and its partners …”"
                speaker, confidence = before[1], 0.75
        if item.kind == "direct" and item.cue is None and not speaker.known:
            own = _self_described(paragraphs[item.paragraph].text, item.start)
            if own is not None:  # "As the first Chair of the NATO Military Committee to …"
                found = resolver.resolve(own, item.paragraph, item.start)
                if found.known and len(found.people) == 1:
                    speaker, confidence = found, 0.7
        if item.kind == "turn":
            if not item.inherits or turn_utterance is None:
                utterances += 1
                turn_utterance = utterances
            item.utterance = turn_utterance
        if item.utterance is None and item.kind == "direct":
            utterances += 1
            item.utterance = utterances
        item.speaker = speaker
        if item.kind == "indirect" and speaker.known and len(speaker.people) == 1:
            last_report[item.paragraph] = (item.end, speaker)
        if speaker.known:
            resolver.remember(speaker, item.paragraph, item.start)
            if item.kind == "direct":
                last_para_speaker[item.paragraph] = speaker
        text = paragraphs[item.paragraph].text
        quotes.append(_to_quote(item, text, speaker, confidence))
    return quotes


def _next_sentence(t: AnalysedText, report_end: int, item: Item) -> bool:
    """Does the quote ``item`` open the sentence right after a report ending at
    ``report_end`` (only its full stop, spaces and the opening mark between)?"""
    gap = t.text[report_end : item.start]
    return len(gap) <= 6 and gap.strip(" \u00a0“\"‘'") in (".", "!")


_SELF_ROLE_RE = re.compile(
    r"As\s(?:the\s)?(?:first\s|new\s|current\s)?"
    r"(?P<role>[A-Z][\w-]*(?:\s(?:of\sthe|of|for|[A-Z][\w-]*))*)(?=[\s,])"
)


def _self_described(text: str, start: int) -> Cue | None:
    """The office a quote's speaker gives themselves in its first words: "As the first
    Chair of the NATO Military Committee to attend …", "As Secretary General, I …"."""
    m = _SELF_ROLE_RE.match(text, start)
    if m is None:
        return None
    words = m.group("role").split()
    while words and words[-1] in ("of", "for", "the"):
        words.pop()
    role = " ".join(words)
    if not words or classify_cue(role) != "role":
        return None
    at = m.start("role")
    return Cue(at, at + len(role), role, "role")


def _backfill(
    quotes: list[Quote], utterance: int | None, speaker: Speaker, item: Item, force: bool = False
) -> None:
    """A multi-paragraph quote attributed at its end: earlier pieces get the speaker
    (``force``: also over a speaker they only inherited)."""
    for q in quotes:
        if q.utterance == utterance and (q.speaker is None or force):
            q.speaker = speaker.name
            q.speaker_id = speaker.people[0].id if len(speaker.people) == 1 else None
            q.speaker_ids = [p.id for p in speaker.people]
            q.role = speaker.role
            q.cue = item.cue.text if item.cue else None
            q.verb = item.verb
            q.confidence = 0.8


def _to_quote(item: Item, text: str, speaker: Speaker, confidence: float) -> Quote:
    kind_factor = KIND_FACTOR[item.kind]
    return Quote(
        text=text[item.start : item.end],
        kind=item.kind,  # type: ignore[arg-type]
        paragraph=item.paragraph,
        start=item.start,
        end=item.end,
        speaker=speaker.name,
        speaker_id=speaker.people[0].id if len(speaker.people) == 1 else None,
        speaker_ids=[p.id for p in speaker.people],
        role=speaker.role,
        cue=item.cue.text if item.cue else None,
        verb=item.verb,
        confidence=round(confidence * kind_factor, 2),
        utterance=item.utterance,
        verb_class=verb_class(item.verb),
    )
