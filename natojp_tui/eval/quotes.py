"""Score ``extract_quotes`` against gold files ``q*.quotes.json`` beside ``q*.txt``.

Gold format (one JSON object per article)::

    {"quotes": [{"paragraph": 0, "text": "I am convinced ...", "kind": "direct",
                 "speaker": "Anders Fogh Rasmussen", "cue": "the Secretary General",
                 "pattern": "curly"}],
     "not_quotes": [{"paragraph": 2, "text": "Iron Shield", "pattern": "term"}]}

* ``paragraph`` counts body paragraphs (see ``natojp_tui.eval`` for the convention);
  ``text`` is located in that paragraph (its first occurrence, or the ``occurrence``-th
  from 0) — for direct/partial quotes it is the text inside the marks, for indirect
  quotes the reported clause.
* ``speaker`` is the canonical full name, a list of names for joint speakers, a
  document's name, or null when the text does not say; ``cue`` is how the text names the
  speaker there (null for an inherited speaker); ``pattern`` is a label or a list of them.
* ``not_quotes`` lists quoted text that must not come out as a quote (terms, slogans).

Figures: direct+partial spans are matched one-to-one within a paragraph when they
overlap by at least 80% of the longer span (``span``) or exactly (``exact``); indirect
spans use the same 80% rule. Speaker accuracy is over matched gold quotes, by cue type
(name, role, pronoun, group, document, org, none). Per pattern: recall and speaker
accuracy of the gold quotes with that label.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from natojp_tui.core.model import Quote
from natojp_tui.core.people import build_registry
from natojp_tui.core.quotes import extract_quotes
from natojp_tui.core.quotes.cues import classify_cue
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.eval import load_article

OVERLAP = 0.8


@dataclass(slots=True)
class GoldQuote:
    paragraph: int
    start: int
    end: int
    text: str
    kind: str
    speakers: frozenset[str]
    cue: str | None
    patterns: list[str]
    article: str = ""

    @property
    def cue_type(self) -> str:
        return classify_cue(self.cue) if self.cue else "none"


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict[str, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Ratio:
    ok: int = 0
    total: int = 0

    def value(self) -> float:
        return round(self.ok / self.total, 4) if self.total else 1.0


@dataclass
class Report:
    articles: int = 0
    span: Counts = field(default_factory=Counts)
    exact: Counts = field(default_factory=Counts)
    indirect: Counts = field(default_factory=Counts)
    kind: Ratio = field(default_factory=Ratio)
    speaker: Ratio = field(default_factory=Ratio)
    speaker_by_cue: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    indirect_speaker: Ratio = field(default_factory=Ratio)
    pattern_recall: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    pattern_speaker: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    not_quote_violations: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "span": self.span.prf(),
            "exact_span": self.exact.prf(),
            "indirect_span": self.indirect.prf(),
            "kind_accuracy": self.kind.value(),
            "speaker_accuracy": self.speaker.value(),
            "speaker_accuracy_by_cue": {
                k: {"accuracy": v.value(), "n": v.total}
                for k, v in sorted(self.speaker_by_cue.items())
            },
            "indirect_speaker_accuracy": self.indirect_speaker.value(),
            "patterns": {
                k: {
                    "recall": v.value(),
                    "n": v.total,
                    "speaker_accuracy": self.pattern_speaker[k].value(),
                }
                for k, v in sorted(self.pattern_recall.items())
            },
            "not_quotes": {
                k: {"kept_out": round(1 - v.value(), 4) if v.total else 1.0, "n": v.total}
                for k, v in sorted(self.not_quote_violations.items())
            },
        }


def _locate(paragraphs: list[str], entry: dict[str, Any], where: str) -> tuple[int, int, int]:
    p = int(entry["paragraph"])
    text = entry["text"]
    start = -1
    for _ in range(int(entry.get("occurrence", 0)) + 1):
        start = paragraphs[p].find(text, start + 1)
        if start < 0:
            raise ValueError(f"{where}: gold text not in paragraph {p}: {text!r}")
    return p, start, start + len(text)


def load_gold(path: Path, paragraphs: list[str]) -> tuple[list[GoldQuote], list[GoldQuote]]:
    """Gold quotes and gold not-quotes of one article, located in its paragraphs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    quotes: list[GoldQuote] = []
    negatives: list[GoldQuote] = []
    for key, out in (("quotes", quotes), ("not_quotes", negatives)):
        for entry in data.get(key, []):
            p, s, e = _locate(paragraphs, entry, path.name)
            speaker = entry.get("speaker")
            names = speaker if isinstance(speaker, list) else [speaker] if speaker else []
            patterns = entry.get("pattern", [])
            patterns = [patterns] if isinstance(patterns, str) else list(patterns)
            out.append(
                GoldQuote(
                    p,
                    s,
                    e,
                    entry["text"],
                    entry.get("kind", "direct"),
                    frozenset(_norm(n) for n in names),
                    entry.get("cue"),
                    patterns,
                    path.name,
                )
            )
    return quotes, negatives


def _norm(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    return inter / longest if inter > 0 and longest else 0.0


def _pred_speakers(q: Quote) -> frozenset[str]:
    if not q.speaker:
        return frozenset()
    return frozenset(_norm(n) for n in q.speaker.split(" and "))


def _match(gold: list[GoldQuote], pred: list[Quote], exact: bool) -> list[tuple[GoldQuote, Quote]]:
    """Greedy one-to-one matching, best overlaps first."""
    pairs = []
    for g in gold:
        for q in pred:
            if q.paragraph != g.paragraph:
                continue
            ov = (
                1.0
                if (q.start, q.end) == (g.start, g.end)
                else 0.0
                if exact
                else _overlap((g.start, g.end), (q.start, q.end))
            )
            if ov >= (1.0 if exact else OVERLAP):
                pairs.append((ov, id(g), id(q), g, q))
    pairs.sort(key=lambda t: -t[0])
    used_g, used_q, out = set(), set(), []
    for _, ig, iq, g, q in pairs:
        if ig not in used_g and iq not in used_q:
            used_g.add(ig)
            used_q.add(iq)
            out.append((g, q))
    return out


def score_article(txt: Path, report: Report) -> None:
    article = load_article(txt)
    gold_path = txt.with_suffix(".quotes.json")
    gold, negatives = load_gold(gold_path, article.paragraphs)
    doc = AnalysedArticle.of(article.paragraphs, title=article.title, article_id=txt.stem)
    pred = extract_quotes(doc, build_registry(doc))
    for q in pred:
        assert article.paragraphs[q.paragraph][q.start : q.end] == q.text, (txt.name, q)
    report.articles += 1
    gold_dp = [g for g in gold if g.kind in ("direct", "partial")]
    pred_dp = [q for q in pred if q.kind in ("direct", "partial")]
    gold_in = [g for g in gold if g.kind == "indirect"]
    pred_in = [q for q in pred if q.kind == "indirect"]
    for counts, g_list, p_list, exact in (
        (report.span, gold_dp, pred_dp, False),
        (report.exact, gold_dp, pred_dp, True),
        (report.indirect, gold_in, pred_in, False),
    ):
        matched = _match(g_list, p_list, exact)
        counts.tp += len(matched)
        counts.fp += len(p_list) - len(matched)
        counts.fn += len(g_list) - len(matched)
        if exact:
            continue
        matched_g = {id(g) for g, _ in matched}
        for g in g_list:
            for pattern in g.patterns:
                report.pattern_recall[pattern].total += 1
                report.pattern_recall[pattern].ok += id(g) in matched_g
            if id(g) not in matched_g:
                report.errors.append(f"{txt.name} p{g.paragraph} MISSED {g.kind}: {g.text[:70]!r}")
        matched_q = {id(q) for _, q in matched}
        for q in p_list:
            if id(q) not in matched_q:
                report.errors.append(f"{txt.name} p{q.paragraph} EXTRA {q.kind}: {q.text[:70]!r}")
        for g, q in matched:
            ok = _pred_speakers(q) == g.speakers
            target = report.indirect_speaker if g.kind == "indirect" else report.speaker
            target.total += 1
            target.ok += ok
            if g.kind != "indirect":
                report.kind.total += 1
                report.kind.ok += q.kind == g.kind
                if q.kind != g.kind:
                    report.errors.append(
                        f"{txt.name} p{g.paragraph} KIND {q.kind}≠{g.kind}: {g.text[:50]!r}"
                    )
                report.speaker_by_cue[g.cue_type].total += 1
                report.speaker_by_cue[g.cue_type].ok += ok
            for pattern in g.patterns:
                report.pattern_speaker[pattern].total += 1
                report.pattern_speaker[pattern].ok += ok
            if not ok:
                report.errors.append(
                    f"{txt.name} p{g.paragraph} SPEAKER {q.speaker!r}≠{sorted(g.speakers)} "
                    f"(cue {q.cue!r}, gold cue {g.cue!r}): {g.text[:50]!r}"
                )
    for neg in negatives:
        hit = any(
            q.paragraph == neg.paragraph
            and q.kind != "indirect"
            and _overlap((neg.start, neg.end), (q.start, q.end)) >= OVERLAP
            for q in pred
        )
        for pattern in neg.patterns or ["not_quote"]:
            report.not_quote_violations[pattern].total += 1
            report.not_quote_violations[pattern].ok += hit


def score_directory(directory: str | Path) -> Report:
    """Score every ``q*.txt`` with a gold file in ``directory``."""
    report = Report()
    for txt in sorted(Path(directory).glob("q*.txt")):
        if txt.with_suffix(".quotes.json").exists():
            score_article(txt, report)
    return report


def format_report(report: Report, verbose: bool = False) -> str:
    d = report.as_dict()
    lines = [f"articles: {d['articles']}"]
    for key, label in (
        ("span", "direct+partial span (>=80% overlap)"),
        ("exact_span", "direct+partial exact span"),
        ("indirect_span", "indirect span (>=80% overlap)"),
    ):
        v = d[key]
        lines.append(
            f"{label:40} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f}"
            f"  (tp {v['tp']} fp {v['fp']} fn {v['fn']})"
        )
    lines.append(f"{'kind accuracy (direct vs partial)':40} {d['kind_accuracy']:.3f}")
    lines.append(f"{'speaker accuracy (direct+partial)':40} {d['speaker_accuracy']:.3f}")
    for cue, v in d["speaker_accuracy_by_cue"].items():
        lines.append(f"  cue {cue:34} {v['accuracy']:.3f}  (n={v['n']})")
    lines.append(f"{'speaker accuracy (indirect)':40} {d['indirect_speaker_accuracy']:.3f}")
    lines.append("per pattern: recall / speaker accuracy (n)")
    for name, v in d["patterns"].items():
        lines.append(f"  {name:38} {v['recall']:.3f} / {v['speaker_accuracy']:.3f}  (n={v['n']})")
    lines.append("not quotes kept out of the quote list:")
    for name, v in d["not_quotes"].items():
        lines.append(f"  {name:38} {v['kept_out']:.3f}  (n={v['n']})")
    if verbose:
        lines += ["errors:", *("  " + e for e in report.errors)]
    return "\n".join(lines) + "\n"
