"""Score the whole import path on real articles against hand-made gold.

``python -m natojp_tui.eval real DIR [--gold FILE] [--json] [-v]`` reads every article
named in the gold file (``tests/data/real/gold.json`` by default) from ``DIR/<id>.txt``
exactly as a new user would import it (:func:`natojp_tui.ingest.load_article`), then
compares what came out with the gold:

* **reader**: refused files; title right (gold title, or a derived title when the gold
  says the text has none); published date right (gold date or unknown).
* **quotes** (direct + partial): a prediction matches a gold quote when its text holds
  both gold word runs (``first`` and ``last``), in that order; matched one-to-one.
  *Exact* also needs the prediction to start with ``first`` and end with ``last`` (marks
  and edge punctuation aside). Speaker accuracy is over matched gold quotes.
* **turns** (transcripts): a gold turn is found when a body paragraph of kind ``turn``
  starts with its label; speaker accuracy of the turn's quote where gold names one.
* **reported** statements: predictions of kind ``indirect`` (any reported kind), matched
  like quotes; a gold speaker ``both`` matches a prediction with two or more speakers.
* **meetings**: gold meetings are matched one-to-one to events by shared participants
  (family names), then date; date accuracy on gold meetings with a day, "undated kept
  undated" on the others, time accuracy where gold has a clock time, participant accuracy
  (same set of people).

Figures are given overall and per ``source_kind``; the last line is a one-line summary.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from natojp_tui.core.people.names import name_key

DEFAULT_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "real" / "gold.json"
DIRECT_KINDS = frozenset({"direct", "partial"})
REPORTED_KINDS = frozenset({"indirect", "reported", "stance"})
_MARKS = "\"'“”‘’«»「」『』„‟‹›"
_EDGE = _MARKS + " ,.;:!?—–-()[]…"


_APOSTROPHES = str.maketrans("’‘`´", "'" * 4)
_DOUBLE_MARKS = str.maketrans("“”«»„「」『』", '"' * 9)


def norm(text: str) -> str:
    """Fold case, accents, marks, dashes and spaces so word runs compare by their words."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_APOSTROPHES)
    text = text.translate(_DOUBLE_MARKS)
    text = re.sub(r"[‐‑‒–—―]", "-", text)
    return " ".join(text.casefold().split())


def norm_name(name: str | None) -> str:
    if not name:
        return ""
    n = norm(name).replace(".", "").replace("-", " ")
    n = re.sub(r"\b(?:mr|mrs|ms|dr|he|hon|h e)\b", " ", n)
    return " ".join(n.split())


def family(name: str) -> str:
    parts = norm_name(name).split()
    return parts[-1] if parts else ""


def same_person(gold: str | None, pred: str | None) -> bool:
    """Equal canonical names, the same words in another order (KISHIDA Fumio), or one
    name's words all in the other's with the family name shared: *Anders Rasmussen* is
    *Anders Fogh Rasmussen*, and a text that only ever says *Stoltenberg* is right to."""
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return g == p
    gw, pw = g.split(), p.split()
    if g == p or sorted(gw) == sorted(pw) or (len(gw) > 1 and name_key(g) == name_key(p)):
        return True  # (a short given name is the full one: Mike Pompeo is Michael R. Pompeo)
    small, large = (set(gw), set(pw)) if len(gw) <= len(pw) else (set(pw), set(gw))
    family = {gw[-1], gw[0]} if len(gw) > 1 else {gw[0]}
    return small <= large and bool(small & family & set(pw))


def holds(text: str, first: str, last: str) -> bool:
    t, f, la = norm(text), norm(first), norm(last)
    i = t.find(f)
    if i < 0:
        return False
    return t.find(la, i) >= 0 or (t.rfind(la) >= 0 and la in f)


def exact(text: str, first: str, last: str) -> bool:
    t = norm(text).strip(_EDGE)
    return t.startswith(norm(first).strip(_EDGE)) and t.endswith(norm(last).strip(_EDGE))


@dataclass(slots=True)
class Counts:
    """Matched, predicted and gold counts with the derived P / R / F1."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    @property
    def precision(self) -> float | None:
        return self.tp / self.pred if self.pred else None

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Rate:
    ok: int = 0
    n: int = 0

    def add(self, good: bool) -> None:
        self.ok += int(good)
        self.n += 1

    def merge(self, other: Rate) -> None:
        self.ok += other.ok
        self.n += other.n

    @property
    def value(self) -> float | None:
        return self.ok / self.n if self.n else None


@dataclass(slots=True)
class Figures:
    """Every figure for one group of articles (all, or one source kind)."""

    articles: int = 0
    refused: list[str] = field(default_factory=list)
    title: Rate = field(default_factory=Rate)
    date: Rate = field(default_factory=Rate)
    quotes: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    speaker: Rate = field(default_factory=Rate)
    turns: Rate = field(default_factory=Rate)
    turn_speaker: Rate = field(default_factory=Rate)
    reported: Counts = field(default_factory=Counts)
    reported_speaker: Rate = field(default_factory=Rate)
    meetings: Counts = field(default_factory=Counts)
    meeting_date: Rate = field(default_factory=Rate)
    undated: Rate = field(default_factory=Rate)
    meeting_time: Rate = field(default_factory=Rate)
    participants: Rate = field(default_factory=Rate)
    errors: list[str] = field(default_factory=list)

    def merge(self, o: Figures) -> None:
        self.articles += o.articles
        self.refused += o.refused
        for name in ("title", "date", "speaker", "turns", "turn_speaker", "reported_speaker"):
            getattr(self, name).merge(getattr(o, name))
        for name in ("meeting_date", "undated", "meeting_time", "participants"):
            getattr(self, name).merge(getattr(o, name))
        for name in ("quotes", "exact", "reported", "meetings"):
            getattr(self, name).add(getattr(o, name))
        self.errors += o.errors

    def as_dict(self) -> dict[str, Any]:
        def c(x: Counts) -> dict[str, Any]:
            return {
                "precision": x.precision,
                "recall": x.recall,
                "f1": x.f1,
                "tp": x.tp,
                "pred": x.pred,
                "gold": x.gold,
            }

        def r(x: Rate) -> dict[str, Any]:
            return {"value": x.value, "ok": x.ok, "n": x.n}

        return {
            "articles": self.articles,
            "refused": self.refused,
            "title": r(self.title),
            "date": r(self.date),
            "quotes": c(self.quotes),
            "exact": c(self.exact),
            "speaker": r(self.speaker),
            "turns": r(self.turns),
            "turn_speaker": r(self.turn_speaker),
            "reported": c(self.reported),
            "reported_speaker": r(self.reported_speaker),
            "meetings": c(self.meetings),
            "meeting_date": r(self.meeting_date),
            "undated": r(self.undated),
            "meeting_time": r(self.meeting_time),
            "participants": r(self.participants),
        }


def _match(
    gold: list[dict[str, Any]], preds: list[Any], text_of: Any
) -> list[tuple[dict[str, Any], Any]]:
    """One-to-one: each gold item takes the shortest unused prediction holding its runs."""
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], Any]] = []
    for g in gold:
        best = None
        for i, p in enumerate(preds):
            if i in used or not holds(text_of(p), g["first"], g["last"]):
                continue
            if best is None or len(text_of(p)) < len(text_of(preds[best])):
                best = i
        if best is not None:
            used.add(best)
            pairs.append((g, preds[best]))
    return pairs


def _unmatched(
    fig: Figures,
    pairs: list[tuple[Any, Any]],
    gold: list[Any],
    preds: list[Any],
    *,
    missed: Callable[[Any], str],
    extra: Callable[[Any], str],
) -> None:
    """List every gold item no prediction matched, then every prediction left over."""
    matched = {id(g) for g, _ in pairs}
    taken = {id(p) for _, p in pairs}
    fig.errors.extend(missed(g) for g in gold if id(g) not in matched)
    fig.errors.extend(extra(p) for p in preds if id(p) not in taken)


def _speakers(q: Any) -> list[str]:
    names = [q.speaker] if q.speaker else []
    return names + [s for s in getattr(q, "speaker_names", []) or [] if s not in names]


def _speaker_ok(gold: str | None, q: Any) -> bool:
    """Same person; a gold speaker ``both`` needs two or more speakers (quotes and reports)."""
    if gold == "both":
        return len(q.speaker_ids) >= 2
    return same_person(gold, q.speaker)


def _score_quotes(gold: dict[str, Any], article: Any, fig: Figures, tag: str) -> None:
    quotes = [q for q in article.quotes if q.kind in DIRECT_KINDS]
    gq = [g for g in gold.get("quotes", []) if g.get("first") and g.get("last")]
    pairs = _match(gq, quotes, lambda q: q.text)
    fig.quotes.add(Counts(len(pairs), len(quotes), len(gq)))
    ex = sum(1 for g, q in pairs if exact(q.text, g["first"], g["last"]))
    fig.exact.add(Counts(ex, len(quotes), len(gq)))
    for g, q in pairs:
        ok = _speaker_ok(g.get("speaker"), q)
        fig.speaker.add(ok)
        if not ok:
            fig.errors.append(
                f"{tag} speaker: “{g['first']}…” gold {g.get('speaker')} got {q.speaker}"
            )
    _unmatched(
        fig,
        pairs,
        gq,
        quotes,
        missed=lambda g: f"{tag} missed quote: “{g['first']} … {g['last']}”",
        extra=lambda q: f"{tag} extra quote: “{q.text[:70]}” ({q.speaker})",
    )


def _score_turns(gold: dict[str, Any], article: Any, fig: Figures, tag: str) -> None:
    turns = [p for p in article.paragraphs if p.kind == "turn"]
    turn_quotes = [q for q in article.quotes if q.kind == "turn"]
    for g in gold.get("turns", []):
        label = norm(g["label"]).rstrip(":")
        hit = next((p for p in turns if norm(p.text).startswith(label)), None)
        fig.turns.add(hit is not None)
        if hit is None:
            fig.errors.append(f"{tag} missed turn: {g['label']} {g.get('first', '')[:40]}")
            continue
        if g.get("question") or not g.get("speaker"):
            continue
        q = next((q for q in turn_quotes if holds(q.text, g["first"], g["first"])), None)
        ok = q is not None and same_person(g["speaker"], q.speaker)
        fig.turn_speaker.add(ok)
        if not ok:
            got = q.speaker if q else "no turn quote"
            fig.errors.append(f"{tag} turn speaker {g['label']}: gold {g['speaker']} got {got}")


def _score_reported(gold: dict[str, Any], article: Any, fig: Figures, tag: str) -> None:
    preds = [q for q in article.quotes if q.kind in REPORTED_KINDS]
    gr = [g for g in gold.get("reported", []) if g.get("first") and g.get("last")]
    pairs = _match(gr, preds, lambda q: q.text)
    fig.reported.add(Counts(len(pairs), len(preds), len(gr)))
    for g, q in pairs:
        ok = _speaker_ok(g.get("speaker"), q)
        fig.reported_speaker.add(ok)
        if not ok:
            fig.errors.append(
                f"{tag} reported speaker: “{g['first']}…” gold {g.get('speaker')} got {q.speaker}"
            )
    _unmatched(
        fig,
        pairs,
        gr,
        [],
        missed=lambda g: (
            f"{tag} missed reported: {g.get('speaker')} {g.get('verb')} “{g['first']}…”"
        ),
        extra=str,
    )


def _shared_people(gold: Iterable[str], got: Iterable[str]) -> int:
    """How many gold people the predicted list names (each once, by ``same_person``: the
    family name shared, so *Park Jin* is *Jin Park* and *Stoltenberg* is *Jens Stoltenberg*)."""
    left = [n for n in got if n]
    shared = 0
    for g in (n for n in gold if n):
        hit = next((n for n in left if same_person(g, n) or family(g) == family(n)), None)
        if hit is not None:
            left.remove(hit)
            shared += 1
    return shared


def _same_people(gold: list[str], got: list[str]) -> bool:
    gold, got = [n for n in gold if n], [n for n in got if n]
    return len(gold) == len(got) == _shared_people(gold, got)


# gold kinds that name one of the extractor's kinds differently
_KIND_SYNONYMS = {"talks": "meeting", "summit": "meeting", "phone_call": "meeting"}


def _pair_score(g: dict[str, Any], e: Any) -> float | None:
    """How well event ``e`` fits gold meeting ``g``; None when it may not match at all
    (fewer than two shared participants, or the only one of a one-person meeting)."""
    gp = [n for n in g.get("participants", []) if n]
    shared = _shared_people(gp, e.participants)
    if gp and shared < min(2, len(gp)):
        return None
    score = shared + (1.0 if g.get("date") and e.date and str(e.date) == g["date"] else 0)
    kind = str(g.get("kind") or "")
    score += 0.5 if kind == e.kind or _KIND_SYNONYMS.get(kind) == e.kind else 0
    return score + (0.1 if not gp else 0)


def assign(weights: list[list[float | None]]) -> list[tuple[int, int]]:
    """The one-to-one assignment of rows to columns with the most pairs, and among those
    the highest total weight; ``None`` marks a pair that may not be made.

    Greedy matching in gold order lets an early gold meeting take the event a later one
    needed even when both could be matched; this finds the best assignment (Hungarian
    method on a square matrix, pairs outside the allowed ones dropped)."""
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    n = max(rows, cols)
    allowed = [w for row in weights for w in row if w is not None]
    big = 1.0 + sum(allowed)  # one more pair always outweighs any gain in score
    cost = [[0.0] * (n + 1) for _ in range(n + 1)]
    for i, row in enumerate(weights, 1):
        for j, w in enumerate(row, 1):
            if w is not None:
                cost[i][j] = -(big + w)
    inf = float("inf")
    u, v, match, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        low, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0][j] - u[i0] - v[j]
                    if cur < low[j]:
                        low[j], way[j] = cur, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = [(match[j] - 1, j - 1) for j in range(1, n + 1) if match[j]]
    return sorted((i, j) for i, j in pairs if i < rows and j < cols and weights[i][j] is not None)


def _score_meetings(gold: dict[str, Any], article: Any, fig: Figures, tag: str) -> None:
    events = list(article.events)
    gm = list(gold.get("meetings", []))
    weights = [[_pair_score(g, e) for e in events] for g in gm]
    pairs = [(gm[i], events[j]) for i, j in assign(weights)]
    fig.meetings.add(Counts(len(pairs), len(events), len(gm)))
    for g, e in pairs:
        got = e.date.isoformat() if e.date else None
        if g.get("date"):
            fig.meeting_date.add(got == g["date"])
            if got != g["date"]:
                fig.errors.append(
                    f"{tag} meeting date: {g['description'][:50]}: gold {g['date']} got {got}"
                )
        else:
            fig.undated.add(got is None)
            if got is not None:
                fig.errors.append(
                    f"{tag} meeting dated {got}, gold unknown: {g['description'][:50]}"
                )
        if g.get("time"):
            fig.meeting_time.add(e.time == g["time"])
        ok = _same_people(list(g.get("participants", [])), list(e.participants))
        fig.participants.add(ok)
        if not ok:
            fig.errors.append(
                f"{tag} participants: {g['description'][:40]}: gold {g.get('participants')} got {e.participants}"
            )
    _unmatched(
        fig,
        pairs,
        gm,
        events,
        missed=lambda g: f"{tag} missed meeting: {g.get('description', '')[:70]}",
        extra=lambda e: f"{tag} extra event: {e.kind} {e.summary[:60]} {e.participants}",
    )


def _score_reader(gold: dict[str, Any], article: Any, fig: Figures, tag: str) -> None:
    gold_title = gold.get("title")
    if isinstance(gold_title, dict):
        # A long headline is kept as its first and last words and its length (so that no
        # run of third-party text sits in the gold file).
        got = norm(article.title).strip(_EDGE)
        ok = (
            got.startswith(norm(gold_title["first"]))
            and got.endswith(norm(gold_title["last"]).strip(_EDGE))
            and len(got.split()) == gold_title["words"]
        )
    elif gold_title:
        ok = norm(article.title).strip(_EDGE) == norm(gold_title).strip(_EDGE)
    else:
        ok = bool(getattr(article, "title_derived", False))
    fig.title.add(ok)
    if not ok:
        fig.errors.append(f"{tag} title: gold {gold.get('title')!r} got {article.title!r}")
    got_date = article.published.isoformat() if article.published else None
    fig.date.add(got_date == gold.get("date"))
    if got_date != gold.get("date"):
        fig.errors.append(f"{tag} published: gold {gold.get('date')} got {got_date}")


def load_gold(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["articles"] if isinstance(data, dict) else data


def score_directory(
    directory: str | Path, gold_path: str | Path | None = None
) -> dict[str, Figures]:
    """Figures per source kind plus ``all``."""
    from natojp_tui.core.readers import ArticleError
    from natojp_tui.ingest import load_article

    directory = Path(directory)
    gold = load_gold(Path(gold_path) if gold_path else DEFAULT_GOLD)
    groups: dict[str, Figures] = defaultdict(Figures)
    for entry in gold:
        fig = Figures(articles=1)
        tag = entry["id"]
        path = directory / f"{entry['id']}.txt"
        try:
            article = load_article(path)
        except (ArticleError, OSError) as exc:
            fig.refused.append(f"{tag}: {exc}")
            fig.title.add(False)
            fig.date.add(False)
            for key in ("quotes", "reported", "meetings"):
                n = len(entry.get(key, []))
                getattr(fig, key).add(Counts(0, 0, n))
                if key == "quotes":
                    fig.exact.add(Counts(0, 0, n))
        else:
            _score_reader(entry, article, fig, tag)
            _score_quotes(entry, article, fig, tag)
            _score_turns(entry, article, fig, tag)
            _score_reported(entry, article, fig, tag)
            _score_meetings(entry, article, fig, tag)
        groups[entry.get("source_kind", "other")].merge(fig)
    total = Figures()
    for fig in groups.values():
        total.merge(fig)
    return {"all": total, **dict(sorted(groups.items()))}


def _f(value: float | None) -> str:
    return "  —  " if value is None else f"{value:.3f}"


def summary_line(fig: Figures) -> str:
    return (
        f"real: {fig.articles} articles, {len(fig.refused)} refused; "
        f"quotes F1 {_f(fig.quotes.f1)} exact {_f(fig.exact.f1)} speaker {_f(fig.speaker.value)}; "
        f"reported F1 {_f(fig.reported.f1)} speaker {_f(fig.reported_speaker.value)}; "
        f"meetings R {_f(fig.meetings.recall)} P {_f(fig.meetings.precision)} "
        f"date {_f(fig.meeting_date.value)} time {_f(fig.meeting_time.value)}; "
        f"title {_f(fig.title.value)} published {_f(fig.date.value)}"
    )


def format_report(groups: dict[str, Figures], verbose: bool = False) -> str:
    rows = [
        ("articles", lambda f: str(f.articles)),
        ("refused", lambda f: str(len(f.refused))),
        ("title right", lambda f: _f(f.title.value)),
        ("published date right", lambda f: _f(f.date.value)),
        ("quotes P", lambda f: _f(f.quotes.precision)),
        ("quotes R", lambda f: _f(f.quotes.recall)),
        ("quotes F1", lambda f: _f(f.quotes.f1)),
        ("exact-span F1", lambda f: _f(f.exact.f1)),
        ("speaker accuracy", lambda f: _f(f.speaker.value)),
        ("turns found", lambda f: _f(f.turns.value)),
        ("turn speaker", lambda f: _f(f.turn_speaker.value)),
        ("reported P", lambda f: _f(f.reported.precision)),
        ("reported R", lambda f: _f(f.reported.recall)),
        ("reported F1", lambda f: _f(f.reported.f1)),
        ("reported speaker", lambda f: _f(f.reported_speaker.value)),
        ("meetings R", lambda f: _f(f.meetings.recall)),
        ("meetings P", lambda f: _f(f.meetings.precision)),
        ("meeting date", lambda f: _f(f.meeting_date.value)),
        ("undated kept undated", lambda f: _f(f.undated.value)),
        ("meeting time", lambda f: _f(f.meeting_time.value)),
        ("participants", lambda f: _f(f.participants.value)),
    ]
    names = list(groups)
    width = max(len(r[0]) for r in rows)
    lines = [" " * width + "".join(f"{n:>11}" for n in names)]
    for label, get in rows:
        lines.append(f"{label:<{width}}" + "".join(f"{get(groups[n]):>11}" for n in names))
    total = groups["all"]
    if total.refused:
        lines.append("")
        lines.extend(f"refused {r}" for r in total.refused)
    if verbose:
        lines.append("")
        lines.extend(total.errors)
    lines.append("")
    lines.append(summary_line(total))
    return "\n".join(lines) + "\n"


def as_dict(groups: dict[str, Figures]) -> dict[str, Any]:
    return {name: fig.as_dict() for name, fig in groups.items()}
