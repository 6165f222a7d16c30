"""extract."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date

from natojp_tui.core.dates import (
    DateMention,
)
from natojp_tui.core.events.build import build_events
from natojp_tui.core.events.context import (
    MAX_CHARS,
    MAX_TRIGGERS,
    Candidate,
    Context,
    MentionLike,
    Registry,
)
from natojp_tui.core.events.dating import (
    attach_trailing_context,
    precision,
    remember_dates,
    sentence_dates,
)
from natojp_tui.core.events.merge import merge_duplicate, read_topic
from natojp_tui.core.events.participants import candidates, mentions_by_paragraph, remember_actors
from natojp_tui.core.events.places import visit_city
from natojp_tui.core.events.triggers import Look, actor_left, find_triggers, is_background, realised
from natojp_tui.core.model import Event
from natojp_tui.core.text.sentences import iter_sentences, mask_quotes, quote_spans


def extract_events(
    paragraphs: Sequence[str],
    registry: Registry,
    published: date | None = None,
    title: str = "",
    dateline_place: str | None = None,
) -> list[Event]:
    """Events the body ``paragraphs`` say happened, in text order.

    ``registry`` gives people and their mentions; ``published`` resolves weekdays
    and years; ``dateline_place`` is the default place of events the text does not
    place. ``title`` is accepted for symmetry with the other extractors (headlines
    are not used: their tense says nothing of what happened).
    """
    del title
    ctx = Context(registry, published, dateline_place)
    mentions = mentions_by_paragraph(registry)
    for p, text in enumerate(paragraphs):
        if ctx.triggers_read >= MAX_TRIGGERS:
            break
        _read_paragraph(p, text, mentions.get(p, []), ctx)
    for e in ctx.events:
        e.date_precision = precision(e, ctx.frames.get(id(e)))
    return ctx.events


def _read_paragraph(p: int, text: str, mentions: list[MentionLike], ctx: Context) -> None:
    masked = mask_quotes(text, quote_spans(text))
    starts = [m.start for m in mentions]
    para_events: list[Event] = []
    ctx.para_date = ctx.para_place = None
    for s0, s1 in iter_sentences(masked):
        if ctx.triggers_read >= MAX_TRIGGERS or ctx.chars_read >= MAX_CHARS:
            return
        ctx.sentence_no += 1
        ctx.chars_read += s1 - s0
        look = Look.of(masked[s0:s1])
        sent_mentions = mentions[bisect_left(starts, s0) : bisect_left(starts, s1)]
        sent_cands = (
            candidates(masked, sent_mentions, ctx, s0, s1) if sent_mentions or look.people else []
        )
        dates = sentence_dates(masked, s0, s1, ctx.published) if look.dates else []
        new = (
            _read_sentence(p, text, masked, s0, s1, sent_cands, dates, ctx, look.nouns)
            if look.events
            else []
        )
        if not new and para_events and (dates or look.places):
            attach_trailing_context(masked, s0, s1, sent_cands, dates, para_events, ctx)
        para_events.extend(new)
        remember_actors(sent_cands, ctx)
        remember_dates(masked, s0, s1, sent_cands, dates, new, ctx, look.places)
        visit_place = visit_city(masked, s0, s1) if look.visits else None
        if visit_place:
            ctx.visit_place = visit_place


def _read_sentence(
    p: int,
    text: str,
    masked: str,
    s0: int,
    s1: int,
    cands: list[Candidate],
    dates: list[DateMention],
    ctx: Context,
    nouns: bool = True,
) -> list[Event]:
    ctx.sentence = {}
    if ctx.triggers_read >= MAX_TRIGGERS:
        return []
    triggers = find_triggers(masked, s0, s1, cands, nouns)
    if not triggers:
        return []
    ctx.triggers_read += len(triggers)
    out: list[Event] = []
    topics = []
    for i, trig in enumerate(triggers):
        nxt = triggers[i + 1].start if i + 1 < len(triggers) else s1
        if trig.kind == "topic":
            topics.append((trig, nxt))
            continue
        if not realised(masked, s0, trig):
            continue
        if trig.style in ("verb", "light") and not actor_left(masked, s0, trig, cands):
            continue
        if is_background(masked, s0, s1, trig, ctx):
            continue
        for event in build_events(p, text, masked, s0, s1, trig, nxt, cands, dates, ctx):
            if merge_duplicate(event, ctx):
                continue
            ctx.events.append(event)
            out.append(event)
    for trig, nxt in topics:  # after the sentence's own events, which they may belong to
        read_topic(p, masked, s0, s1, trig, nxt, cands, dates, ctx, out)
    return out
