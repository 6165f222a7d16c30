"""Score ``extract_events`` against gold files ``m*.events.json`` beside ``m*.txt``.

Gold format (one JSON object per article)::

    {"published": "2013-04-15", "place": "Tokyo",
     "events": [{"kind": "meeting", "anchor": "held talks with the Minister",
                 "participants": ["Anders Fogh Rasmussen", "Fumio Kishida"],
                 "groups": [], "date": null, "time": null, "duration": null,
                 "date_precision": "visit", "place": "Tokyo"}]}

* ``published`` is the article date (also given by the dateline, which wins when it
  parses); ``place`` the dateline place, if any.
* ``anchor`` is a piece of the event's source sentence; it is located in the body
  paragraphs (the first occurrence, or in ``paragraph`` when given). A predicted event
  matches a gold event when its sentence span covers the anchor; several events told in
  one sentence are paired by kind and participants, one to one.
* ``participants`` are people (canonical names), ``groups`` the groups met, as written.

Figures: event recall and precision; over matched events: kind accuracy, date accuracy
(gold events with a date: same day), undated kept undated (gold without a date: no day
invented), precision accuracy, time accuracy (gold events with a time: same start time and
duration), participant accuracy (same set of people), group recall and place accuracy
(one place contains the other, case-insensitively).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from natojp_tui.core.datelines import parse_dateline
from natojp_tui.core.events import extract_events
from natojp_tui.core.model import Event
from natojp_tui.core.people import build_registry
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.eval import load_article

_COMPATIBLE = {"courtesy_call": "meeting", "group_meeting": "meeting"}


@dataclass(slots=True)
class GoldEvent:
    """One labelled event, located in the body."""

    article: str
    kind: str
    anchor: str
    paragraph: int
    pos: int
    people: frozenset[str]
    groups: list[str]
    date: date | None
    time: str | None
    duration: int | None
    precision: str
    place: str | None


@dataclass(slots=True)
class Tally:
    """Hits over a number of cases."""

    hits: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.hits += int(ok)

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(slots=True)
class EventReport:
    """Figures over a directory of labelled articles, and the errors behind them."""

    articles: int = 0
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    kind: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    undated: Tally = field(default_factory=Tally)
    precision_label: Tally = field(default_factory=Tally)
    time: Tally = field(default_factory=Tally)
    participants: Tally = field(default_factory=Tally)
    groups: Tally = field(default_factory=Tally)
    place: Tally = field(default_factory=Tally)
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.matched / self.predicted if self.predicted else None

    def as_dict(self) -> dict[str, Any]:
        tallies = ("kind", "date", "undated", "precision_label", "time", "participants",
                   "groups", "place")  # fmt: skip
        out: dict[str, Any] = {
            "articles": self.articles,
            "gold": self.gold,
            "predicted": self.predicted,
            "matched": self.matched,
            "recall": self.recall,
            "precision": self.precision,
        }
        for name in tallies:
            t: Tally = getattr(self, name)
            out[f"{name}_accuracy"] = t.rate
            out[f"{name}_cases"] = t.total
        out["errors"] = list(self.errors)
        return out


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def read_gold(path: Path, paragraphs: list[str]) -> tuple[dict[str, Any], list[GoldEvent]]:
    """The gold JSON and its events located in ``paragraphs``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    name = path.name.split(".")[0]
    events = []
    for item in data["events"]:
        anchor = item["anchor"]
        where = [item["paragraph"]] if "paragraph" in item else range(len(paragraphs))
        for p in where:
            pos = paragraphs[p].find(anchor)
            if pos >= 0:
                break
        else:
            raise ValueError(f"{path.name}: anchor not found: {anchor!r}")
        day = item.get("date")
        events.append(
            GoldEvent(
                article=name,
                kind=item["kind"],
                anchor=anchor,
                paragraph=p,
                pos=pos,
                people=frozenset(item.get("participants", [])),
                groups=list(item.get("groups", [])),
                date=date.fromisoformat(day) if day else None,
                time=item.get("time"),
                duration=item.get("duration"),
                precision=item.get("date_precision", "unknown"),
                place=item.get("place"),
            )
        )
    return data, events


def _pair_score(g: GoldEvent, e: Event, names: set[str]) -> float:
    people = {p for p in e.participants if p in names}
    union = g.people | people
    jaccard = len(g.people & people) / len(union) if union else 1.0
    kind = (
        2.0
        if e.kind == g.kind
        else (1.0 if _COMPATIBLE.get(e.kind, e.kind) == _COMPATIBLE.get(g.kind, g.kind) else 0.0)
    )
    groups = sum(
        1
        for grp in g.groups
        if any(
            _norm(grp) in _norm(p) or _norm(p) in _norm(grp)
            for p in [*e.groups, *(p for p in e.participants if p not in names)]
        )
    )
    return kind + 2 * jaccard + groups


def match_events(
    gold: list[GoldEvent], predicted: list[Event], names: set[str]
) -> list[tuple[GoldEvent, Event]]:
    """One-to-one pairs: a prediction whose sentence covers the gold anchor, best first."""
    options = []
    for gi, g in enumerate(gold):
        for pi, e in enumerate(predicted):
            if e.paragraph == g.paragraph and e.start <= g.pos < e.end:
                options.append((_pair_score(g, e, names), gi, pi))
    options.sort(key=lambda o: (-o[0], o[1], o[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, gi, pi in options:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], predicted[pi]))
    return pairs


def score_article(txt: Path, gold_path: Path, report: EventReport) -> None:
    """Add one article's figures to ``report``."""
    art = load_article(txt)
    data, gold = read_gold(gold_path, art.paragraphs)
    parsed = parse_dateline(art.dateline) if art.dateline else None
    published = parsed.published if parsed and parsed.published else None
    if published is None and data.get("published"):
        published = date.fromisoformat(data["published"])
    place = data.get("place")
    if parsed is not None and parsed.place and parsed.place.lower() not in _WEEKDAYS:
        place = parsed.place
    doc = AnalysedArticle.of(
        art.paragraphs, title=art.title, published=published, place=place, article_id=txt.stem
    )
    registry = build_registry(doc)
    predicted = extract_events(doc, registry)
    names = {p.name for p in registry.people}
    pairs = match_events(gold, predicted, names)
    report.articles += 1
    report.gold += len(gold)
    report.predicted += len(predicted)
    report.matched += len(pairs)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(e) for _, e in pairs}
    for g in gold:
        if id(g) not in matched_g:
            report.errors.append(f"{g.article} MISSED {g.kind} {g.anchor!r}")
    for e in predicted:
        if id(e) not in matched_p:
            report.errors.append(f"{txt.stem} SPURIOUS {e.kind} {e.summary!r} {e.participants}")
    for g, e in pairs:
        _score_pair(g, e, names, report)


_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


def _score_pair(g: GoldEvent, e: Event, names: set[str], report: EventReport) -> None:
    def check(tally: Tally, ok: bool, what: str) -> None:
        tally.add(ok)
        if not ok:
            report.errors.append(f"{g.article} {what} {g.anchor!r}")

    check(report.kind, e.kind == g.kind, f"KIND {e.kind}!={g.kind}")
    if g.date is not None:
        check(report.date, e.date == g.date, f"DATE {e.date}!={g.date}")
    else:
        check(report.undated, e.date is None, f"INVENTED DATE {e.date}")
    check(report.precision_label, e.date_precision == g.precision,
          f"PRECISION {e.date_precision}!={g.precision}")  # fmt: skip
    if g.time is not None:
        ok = e.time == g.time and e.duration == g.duration
        check(report.time, ok, f"TIME {e.time}/{e.duration}!={g.time}/{g.duration}")
    people = frozenset(p for p in e.participants if p in names)
    check(report.participants, people == g.people, f"PEOPLE {sorted(people)}!={sorted(g.people)}")
    others = [_norm(p) for p in [*e.groups, *(p for p in e.participants if p not in names)]]
    for grp in g.groups:
        ok = any(_norm(grp) in o or o in _norm(grp) for o in others)
        check(report.groups, ok, f"GROUP {grp!r} not in {others}")
    if g.place is not None:
        ok = e.place is not None and (
            _norm(g.place) in _norm(e.place) or _norm(e.place) in _norm(g.place)
        )
        check(report.place, ok, f"PLACE {e.place!r}!={g.place!r}")


def score_directory(directory: str | Path) -> EventReport:
    """Score every ``m*.txt`` that has an ``m*.events.json`` beside it."""
    report = EventReport()
    for txt in sorted(Path(directory).glob("m*.txt")):
        gold = txt.with_suffix(".events.json")
        if gold.exists():
            score_article(txt, gold, report)
    return report


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def format_report(report: EventReport, verbose: bool = False) -> str:
    """Human-readable figures (and, with ``verbose``, every error)."""
    lines = [
        f"articles {report.articles}  gold events {report.gold}  predicted {report.predicted}"
        f"  matched {report.matched}",
        f"event recall          {_fmt(report.recall)}",
        f"event precision       {_fmt(report.precision)}",
    ]
    rows = (
        ("kind accuracy", report.kind),
        ("date accuracy", report.date),
        ("undated kept undated", report.undated),
        ("precision accuracy", report.precision_label),
        ("time accuracy", report.time),
        ("participant accuracy", report.participants),
        ("group recall", report.groups),
        ("place accuracy", report.place),
    )
    for label, tally in rows:
        lines.append(f"{label:<22}{_fmt(tally.rate)}  ({tally.hits}/{tally.total})")
    if verbose and report.errors:
        lines.append("")
        lines.extend(report.errors)
    return "\n".join(lines) + "\n"
