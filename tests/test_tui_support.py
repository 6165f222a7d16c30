"""Shared builders for the reader tests (no tests here).

The seed article is read with the real reader; its quotes and events are placed by
hand (located with ``str.index``) so widget tests do not depend on the extractors.
The acceptance tests in ``test_tui_app.py`` use the real import pipeline instead.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from natojp_tui.clipboard import Clipboard
from natojp_tui.core.model import Article, Event, Paragraph, Quote
from natojp_tui.core.pipeline import assign_ids

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "articles" / "2013-04-15-nato-japan-political-declaration.txt"
AFR = "Anders Fogh Rasmussen"
SEED_QUOTES = (
    "I am convinced that the joint political declaration we have just signed will make our partnership even stronger in the future,",
    "While NATO has no ambition to take on a permanent role in Asia, we see very clearly the advantage of working with like-minded partners like Japan,",
    "The signing of the declaration also reflected Prime Minister Abe’s personal commitment to a strong relationship with NATO,",
    "We thank you for Japan’s enormous contributions to supporting security and development in Afghanistan,",
    "We are natural partners and together we can make a difference,",
)
HOSTILE_TITLE = "[bold red]x[/] [@click=app.quit]boom[/] \x1b[31mred\u202eevil"
HOSTILE_QUOTE = "[b]not bold[/b] \x1b]52;c;ZXZpbA==\x07 [@click=app.quit]q[/]"


class RecordingClipboard(Clipboard):
    """The real clipboard layer with every route replaced by a recorder."""

    def __init__(self, folder: Path) -> None:
        self.osc52_sent: list[str] = []
        self.system_sent: list[str] = []
        super().__init__(osc52=self.osc52_sent.append, system=self._system, fallback_dir=folder)

    def _system(self, text: str) -> str:
        self.system_sent.append(text)
        return "test-tool"


def _locate(body: list[str], text: str) -> tuple[int, int]:
    for n, para in enumerate(body):
        if text in para:
            return n, para.index(text)
    raise AssertionError(f"not in the seed article: {text[:30]}")


def seed_article() -> Article:
    """The seed article as the reader parses it, with hand-placed quotes and events."""
    from natojp_tui.core.readers import read_article

    article = read_article(SEED.read_bytes(), SEED.name, article_id="seed2013")
    body = article.body
    article.quotes = []
    for text in SEED_QUOTES:
        paragraph, start = _locate(body, text)
        article.quotes.append(
            Quote(
                text,
                "direct",
                paragraph,
                start,
                start + len(text),
                speaker=AFR,
                speaker_id="anders-fogh-rasmussen",
                role="NATO Secretary General",
                cue="the Secretary General",
                verb="said",
            )
        )
    events = []
    for summary, needle, who, precision in (
        (
            "Signed the Joint Political Declaration",
            "signed a Joint Political Declaration",
            [AFR, "Shinzo Abe"],
            "day",
        ),
        (
            "Talks with the Minister of Foreign Affairs",
            "Fumio Kishida",
            [AFR, "Fumio Kishida"],
            "visit",
        ),
        ("Talks with the Defence Minister", "Itsunori Onodera", [AFR, "Itsunori Onodera"], "visit"),
    ):
        paragraph, start = _locate(body, needle)
        events.append(
            Event(
                "meeting" if precision == "visit" else "signing",
                summary,
                paragraph,
                start,
                start + len(needle),
                participants=who,
                place="Tokyo",
                date=date(2013, 4, 15) if precision == "day" else None,
                date_precision=precision,
            )
        )
    article.events = events
    assign_ids(article)
    return article


def plain_article(n: int, quotes: int = 2, title: str | None = None) -> Article:
    """A small synthetic article number ``n`` (for lists and performance tests)."""
    words = [f"Quote number {k} of article {n} about partnership" for k in range(quotes)]
    para = (
        " ".join(f"“{w},” said Speaker {k % 3}." for k, w in enumerate(words)) or "No quotes here."
    )
    article = Article(
        id=f"a{n:05d}",
        title=title or f"Article {n} on NATO–Japan cooperation",
        paragraphs=[Paragraph(para)],
        published=date(2000, 1, 1) + timedelta(days=n),
        source="NATO" if n % 2 else "MOFA",
        checksum=f"c{n}",
    )
    for k, w in enumerate(words):
        start = para.index(w)
        article.quotes.append(
            Quote(w, "direct", 0, start, start + len(w), speaker=f"Speaker {k % 3}")
        )
    assign_ids(article)
    return article


def hostile_article() -> Article:
    """Markup, escape sequences and a bidi override in title, text, speaker and quote."""
    para = f"He said “{HOSTILE_QUOTE}” loudly. [red]plain[/red] \x1b[2J end."
    article = Article(
        id="hostile1",
        title=HOSTILE_TITLE,
        paragraphs=[Paragraph(para)],
        published=date(2030, 1, 1),
        source="[i]Src[/i]",
        checksum="h",
    )
    start = para.index(HOSTILE_QUOTE)
    article.quotes.append(
        Quote(
            HOSTILE_QUOTE,
            "direct",
            0,
            start,
            start + len(HOSTILE_QUOTE),
            speaker="[b]Evil[/b] Speaker",
        )
    )
    assign_ids(article)
    return article


def isolate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every user dir (data, config, clipboard fallback) inside ``tmp_path``."""
    for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("HOME", "home")):
        (tmp_path / sub).mkdir()
        monkeypatch.setenv(var, str(tmp_path / sub))
    monkeypatch.setenv("NATOJP_DB", str(tmp_path / "db"))
    monkeypatch.chdir(tmp_path / "home")
    return tmp_path


def open_store(path: Path, articles: list[Article]):
    from natojp_tui.store import Store

    store = Store.open(path)
    store.add_articles(articles)
    return store


def make_app(tmp_path: Path, articles: list[Article], **kwargs):
    """A reader over a fresh store holding ``articles`` and a recording clipboard."""
    from natojp_tui.tui.app import NatoJpApp
    from natojp_tui.tui.config import ReaderConfig

    store = open_store(tmp_path / "db", articles)
    kwargs.setdefault("config", ReaderConfig())
    clip = RecordingClipboard(tmp_path / "clip")
    return NatoJpApp(store, clipboard=clip, **kwargs), clip, store
