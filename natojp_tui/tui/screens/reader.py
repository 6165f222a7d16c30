"""The main screen: articles | body + quote detail | timeline.

Selection lives in two reactives, ``article_id`` and ``quote_id``; widgets post small
messages up and the watchers push the new state down.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from natojp_tui.core.model import Article, Quote
from natojp_tui.tui.data import ArticleRow, QuoteRow, ReaderData
from natojp_tui.tui.inert import inert_row
from natojp_tui.tui.keymap import KEYS
from natojp_tui.tui.messages import ArticleChosen, EventChosen, QuoteClicked, SearchDone
from natojp_tui.tui.screens.library_actions import LibraryActions
from natojp_tui.tui.widgets.article_list import ArticleList
from natojp_tui.tui.widgets.body_view import BodyView, mostly_reported
from natojp_tui.tui.widgets.quote_detail import QuoteDetail
from natojp_tui.tui.widgets.source_line import SourceLine
from natojp_tui.tui.widgets.timeline_view import TimelineView

RELOAD_SECONDS = 5.0
PANES: tuple[str, ...] = ("articles", "body", "timeline")
PANE_TITLES: dict[str, str] = {"articles": "Articles", "body": "Text", "timeline": "Timeline"}
PANE_FOCUS: dict[str, str] = {
    "articles": "#article-lines",
    "body": "#body",
    "timeline": "#timeline",
}
PANE_IDS: dict[str, str] = {
    "articles": "articles",
    "body": "body-pane",
    "timeline": "timeline-pane",
}
REPORTED_STATE = "show_reported"  # None: automatic (shown where mostly reported), else bool
LAYOUT_STATE = "layout"  # {"pane": active pane, "zoomed": bool}


def reader_bindings() -> list[Binding]:
    """The reader's keys in footer order; app keys (help, quit) reach the app."""
    out = []
    for k in KEYS:
        if k.scope not in ("reader", "app") or k.id == "palette":
            continue
        action = f"app.{k.action}" if k.scope == "app" else k.action
        out.append(Binding(k.keys, action, k.description, show=k.show, id=k.id))
    return out


class Pane(Vertical):
    """A pane of the reader; ``z`` maximizes it."""

    ALLOW_MAXIMIZE = True


class ReaderScreen(LibraryActions, Screen[None]):
    """Three panes on a wide terminal; one pane at a time (1/2/3, tab) on a narrow one."""

    BINDINGS: ClassVar[list[BindingType]] = reader_bindings()  # type: ignore[assignment]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012 (Screen's own type)

    article_id: reactive[str | None] = reactive(None, init=False)
    quote_id: reactive[str | None] = reactive(None, init=False)
    active_pane: reactive[str] = reactive("body", init=False)

    def __init__(self, data: ReaderData, open_article_id: str | None = None) -> None:
        super().__init__()
        self.data = data
        self.initial_article_id = open_article_id
        self.article: Article | None = None
        self.starred: set[str] = set()
        self.reported_mode: bool | None = None  # None: automatic per article
        self.search_query = ""
        self.matches: list[QuoteRow] = []  # the last search's results, walked by > and <
        self._first_settled = threading.Event()  # the first article drawn, or not to be
        self._first_shown = False  # the first article was handed to the UI thread

    def compose(self) -> ComposeResult:
        # the breakpoint class the first resize would give, given now: set after the first
        # layout, it would restyle every widget and lay the screen out a second time
        width = self.app.size.width
        wide = next(c for at, c in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True) if width >= at)
        for _at, name in self.HORIZONTAL_BREAKPOINTS:
            self.set_class(name == wide, name)
        yield Static("", id="pane-bar")
        with Horizontal(id="panes"):
            yield ArticleList(id="articles", classes="pane")
            with Pane(id="body-pane", classes="pane -active"):
                yield SourceLine("", id="source-line")
                yield BodyView(id="body")
                yield QuoteDetail("", id="detail")
            with Pane(id="timeline-pane", classes="pane"):
                yield Static("Timeline of the visit", id="timeline-title")
                yield TimelineView(id="timeline")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(TimelineView).marks = self.library_meeting_marks
        self.starred = self.data.starred()
        mode = self.data.get_state(REPORTED_STATE)
        self.reported_mode = mode if isinstance(mode, bool) else None
        # The article list (100,000 rows at most sizes that matter) is read and built in a
        # worker; the first article, when the reader knows which, is read at once beside it.
        self.query_one(ArticleList).lines.empty_text = "Reading the article list…"
        self._update_pane_bar()
        target = self.initial_article_id or self.data.get_state("last_article")
        target = target if isinstance(target, str) and target else None
        self._load_rows(target)
        if target:
            self._open_first(target)
        layout = self.data.get_state(LAYOUT_STATE) or {}
        pane = layout.get("pane") if isinstance(layout, dict) else None
        pane = pane if pane in PANES else "body"
        self.action_focus_pane(pane)
        if isinstance(layout, dict) and layout.get("zoomed"):
            self.call_after_refresh(self.zoom, pane)
        self.set_interval(RELOAD_SECONDS, self.check_for_changes)

    ROWS_WAIT_AT_MOST = 5.0  # seconds the list waits for the first article to be drawn

    @work(exclusive=True, thread=True, group="article-rows")
    def _load_rows(self, target: str | None) -> None:
        """Every row of the article list, built off the UI thread; when the first article
        is known it is drawn first (the two would share one interpreter's CPU), else the
        list's first article is read here once the list is shown."""
        if target:
            self._first_settled.wait(self.ROWS_WAIT_AT_MOST)
            drawn = getattr(self.app, "first_article_drawn", None)
            if self._first_shown and drawn is not None:  # its paint first, then the rows
                drawn.wait(self.ROWS_WAIT_AT_MOST)
        rows = self.library_rows(self.data.article_rows())
        self.app.call_from_thread(self._rows_loaded, rows)
        if self.article is None and not (target and any(r.id == target for r in rows)):
            first = next((r.id for r in rows if not r.is_heading), None)
            if first is None:
                self.app.call_from_thread(self._first_article_drawn)  # an empty library
            else:
                self._show_first(first)

    def _rows_loaded(self, rows: list[ArticleRow]) -> None:
        articles = self.query_one(ArticleList)
        articles.lines.empty_text = "No articles"
        articles.lines.fresh = self.data.fresh_ids()
        shown = self.article_id
        if shown:  # opened (and marked read) while the rows were built
            rows = [r.with_state(True, False) if r.id == shown else r for r in rows]
        articles.set_rows(rows)
        articles.set_current(self.article_id)

    def _open_first(self, article_id: str) -> None:
        """Show the article the reader opens on before the first paint: one record of one
        shard, read here (a worker would cost a second paint and share the CPU with it)."""
        try:
            if self._first_exists(article_id):
                self._first_shown = True
                self.open_article(article_id)
                self.call_after_refresh(self._first_article_drawn)
        finally:
            self._first_settled.set()  # the article list may be built now

    def _first_exists(self, article_id: str) -> bool:
        """Whether ``article_id`` can be shown first (not gone, not removed)."""
        try:
            found = self.data.article(article_id) is not None  # one record of one shard
            return found and not self.data.is_removed(article_id)
        except Exception:
            return True  # a damaged file: open_article reports it

    def _show_first(self, article_id: str) -> None:
        """(In a worker.) Show ``article_id``, the list's first, unless it is gone or removed."""
        if not self._first_exists(article_id):
            return
        try:
            self.app.call_from_thread(self.open_article, article_id)
        finally:
            self.app.call_from_thread(self.call_after_refresh, self._first_article_drawn)

    def _first_article_drawn(self) -> None:
        """Let the app's warm-up start (it waits so as not to slow the first paint)."""
        drawn = getattr(self.app, "first_article_drawn", None)
        if drawn is not None:
            drawn.set()

    # -- data -------------------------------------------------------------------------
    def refresh_articles(self) -> None:
        articles = self.query_one(ArticleList)
        articles.lines.fresh = self.data.fresh_ids()
        articles.set_rows(self.library_rows(self.data.article_rows()))

    def open_article(self, article_id: str, quote_id: str | None = None) -> None:
        """Show an article, optionally with a quote selected and scrolled into view."""
        if article_id == self.article_id and self.article is not None:
            self._reveal_kind(quote_id)
            self.quote_id = quote_id
            if quote_id:
                self.query_one(BodyView).reveal_quote(quote_id)
            return
        try:
            article = self.data.article(article_id)
        except Exception as exc:  # a damaged record must not take the reader down
            self.notify(
                f"Cannot read article {inert_row(article_id)}: {exc}",
                severity="error",
                markup=False,
            )
            return
        if article is not None and quote_id:
            self.article = article
            self.query_one(BodyView).article = article
            self._reveal_kind(quote_id)
        if article is None:
            self.notify(
                f"No article {inert_row(article_id)!r} in the library",
                severity="warning",
                markup=False,
            )
            return
        self.article = article
        self.set_reactive(ReaderScreen.quote_id, quote_id)
        self.article_id = article_id

    def watch_article_id(self, article_id: str | None) -> None:
        article = self.article
        body = self.query_one(BodyView)
        body.show_reported = self.reported_shown(article) or self._is_reported(self.quote_id)
        body.show(article, self.quote_id)
        self.query_one(ArticleList).set_current(article_id)
        self.query_one(TimelineView).show([], article_id, loading=article is not None)
        self.person = None
        if article is not None:  # after the paint: its timeline is read from the store
            self.call_after_refresh(self.load_timeline, article)  # in a thread (the GIL)
        self._update_detail()
        self.library_article_shown(article)  # marks it read (no longer new, nor fresh)
        if article_id:  # a commit: after the article is drawn
            self.call_after_refresh(self.data.set_state, "last_article", article_id)

    @work(exclusive=True, thread=True, group="reload")
    def check_for_changes(self) -> None:
        """Pick up articles another process (``natojp import``) added meanwhile."""
        try:
            changed = self.data.reload_if_changed()
        except Exception:  # a half-written database is retried on the next tick
            return
        if changed:
            self.app.call_from_thread(self.refresh_articles)

    @work(exclusive=True, thread=True, group="timeline")
    def load_timeline(self, article: Article) -> None:
        """Read the visit's timeline off the UI thread (the store's timeline family: this
        article's visits and their entries, decided at import)."""
        try:
            title, items = self.data.timeline(article)
        except Exception as exc:  # a pane never shows a traceback
            title, items = f"Timeline unavailable: {exc}", []
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_timeline, article.id, title, items)

    def _show_timeline(self, article_id: str, title: str, items: list) -> None:
        if article_id != self.article_id:
            return
        self.query_one(TimelineView).show(items, article_id)
        self.query_one("#timeline-title", Static).update(Text(inert_row(title), "bold"))

    def watch_quote_id(self, quote_id: str | None) -> None:
        self.query_one(BodyView).select_quote(quote_id)
        self._update_detail()

    @property
    def quotes(self) -> list[Quote]:
        """The quotes ``n``/``N`` walk: those highlighted in the body."""
        return self.query_one(BodyView).visible_quotes()

    def _is_reported(self, quote_id: str | None) -> bool:
        article = self.article
        return bool(
            quote_id
            and article
            and any(q.id == quote_id and q.kind == "indirect" for q in article.quotes)
        )

    def reported_shown(self, article: Article | None) -> bool:
        """Whether reported speech is highlighted in ``article``: the remembered choice,
        else shown where most statements are reported (a readout)."""
        if self.reported_mode is not None:
            return self.reported_mode
        return mostly_reported(article)

    def action_toggle_reported(self) -> None:
        body = self.query_one(BodyView)
        shown = not body.show_reported
        body.set_show_reported(shown)
        # Toggling back to what this article shows by default returns to automatic.
        self.reported_mode = None if shown == mostly_reported(self.article) else shown
        self.data.set_state(REPORTED_STATE, self.reported_mode)
        if not shown and self.selected_quote is not None and self.selected_quote.kind == "indirect":
            self.quote_id = None
        self._update_detail()
        state = "shown" if shown else "hidden"
        rule = "in every article" if self.reported_mode is not None else "where mostly reported"
        self.notify(f"Reported speech {state} ({rule})", markup=False, timeout=2)

    def _reveal_kind(self, quote_id: str | None) -> None:
        """Jumping to reported speech turns its highlighting on."""
        if not quote_id or self.article is None:
            return
        body = self.query_one(BodyView)
        if self._is_reported(quote_id) and not body.show_reported:
            body.set_show_reported(True)

    @property
    def selected_quote(self) -> Quote | None:
        if self.article is None or self.quote_id is None:
            return None
        return next((q for q in self.article.quotes if q.id == self.quote_id), None)

    def _update_detail(self) -> None:
        quotes = self.quotes
        body = self.query_one(BodyView)
        reported = sum(
            1 for q in (self.article.quotes if self.article else []) if q.kind == "indirect"
        )
        quote = self.selected_quote
        index = quotes.index(quote) + 1 if quote in quotes else 0
        colour = body.colour_of(quote.speaker) if quote else None
        self.query_one(QuoteDetail).show(
            quote,
            self.article,
            index=index,
            total=len(quotes),
            starred=bool(quote and quote.id in self.starred),
            colour=colour,
            reported=0 if body.show_reported else reported,
            extra=self.library_detail(quote),
        )

    # -- messages from widgets --------------------------------------------------------
    @on(ArticleChosen)
    def _article_chosen(self, event: ArticleChosen) -> None:
        self.open_article(event.article_id, event.quote_id)
        if self.has_class("-narrow"):
            self.action_focus_pane("body")

    @on(QuoteClicked)
    def _quote_clicked(self, event: QuoteClicked) -> None:
        self.quote_id = event.quote_id

    @on(EventChosen)
    def _event_chosen(self, event: EventChosen) -> None:
        if event.article_id != self.article_id:
            self.open_article(event.article_id)
        if self.has_class("-narrow"):
            self.action_focus_pane("body")
        self.query_one(BodyView).mark_sentence(event.paragraph, event.start, event.end)
        inside = [
            q
            for q in self.quotes
            if q.paragraph == event.paragraph
            and event.start <= q.start < max(event.end, event.start + 1)
        ]
        if inside:
            self.quote_id = inside[0].id

    # -- panes ------------------------------------------------------------------------
    def pane_of(self, widget: Widget | None) -> str | None:
        node = widget
        while node is not None and node is not self:
            if node.id == "articles":
                return "articles"
            if node.id == "body-pane":
                return "body"
            if node.id == "timeline-pane":
                return "timeline"
            node = node.parent  # type: ignore[assignment]
        return None

    def on_descendant_focus(self, event) -> None:
        pane = self.pane_of(event.widget)
        if pane:
            self.active_pane = pane

    def watch_active_pane(self, pane: str) -> None:
        for name, widget_id in PANE_IDS.items():
            self.query_one(f"#{widget_id}").set_class(name == pane, "-active")
        self._update_pane_bar()
        self._remember_layout()

    def _remember_layout(self) -> None:
        if self.is_mounted:
            layout = {"pane": self.active_pane, "zoomed": self.maximized is not None}
            if self.data.get_state(LAYOUT_STATE) != layout:
                self.data.set_state(LAYOUT_STATE, layout)

    def action_zoom(self) -> None:
        """Maximize the focused pane (Textual's maximize); ``z`` again or escape restores."""
        if self.maximized is not None:
            self.action_restore()
        else:
            self.zoom(self.active_pane)

    def zoom(self, pane: str) -> None:
        self.active_pane = pane
        self.maximize(self.query_one(f"#{PANE_IDS[pane]}"), container=False)
        self._remember_layout()

    def action_restore(self) -> None:
        self.minimize()
        self._remember_layout()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "restore":
            return self.maximized is not None  # escape is only bound while zoomed
        return True

    def action_filter_articles(self) -> None:
        """Focus the article filter (in the articles pane)."""
        self.action_focus_pane("articles")
        self.call_after_refresh(self.query_one("#article-filter").focus)

    def _update_pane_bar(self) -> None:
        bar = Text()
        for n, name in enumerate(PANES, start=1):
            style = "reverse bold" if name == self.active_pane else "dim"
            bar.append(f" {n} {PANE_TITLES[name]} ", style)
            bar.append(" ")
        bar.append(" tab: next pane", "dim")
        self.query_one("#pane-bar", Static).update(bar)

    def action_focus_pane(self, pane: str) -> None:
        if self.maximized is not None and self.pane_of(self.maximized) != pane:
            self.minimize()
        self.active_pane = pane
        target = self.query_one(PANE_FOCUS[pane])
        self.call_after_refresh(target.focus)

    def action_next_pane(self, step: int = 1) -> None:
        current = self.pane_of(self.focused) or self.active_pane
        self.action_focus_pane(PANES[(PANES.index(current) + step) % len(PANES)])

    def action_prev_pane(self) -> None:
        self.action_next_pane(-1)

    # -- quotes -----------------------------------------------------------------------
    def _step_quote(self, step: int) -> None:
        quotes = self.quotes
        if not quotes:
            hidden = len(self.article.quotes) if self.article else 0
            message = (
                f"{hidden} reported statements hidden: i shows them"
                if hidden
                else "This article has no quotes"
            )
            self.notify(message, markup=False, timeout=3)
            return
        ids = [q.id for q in quotes]
        if self.quote_id in ids:
            index = (ids.index(self.quote_id) + step) % len(ids)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.quote_id = ids[index]

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_prev_quote(self) -> None:
        self._step_quote(-1)

    def _need_quote(self) -> Quote | None:
        quote = self.selected_quote
        if quote is None:
            self.notify("Select a quote first (n / N, or click one)", markup=False, timeout=3)
        return quote

    def action_copy(self, fmt: str = "attributed") -> None:
        quote = self._need_quote()
        if quote is not None and self.article is not None:
            from natojp_tui.core.references import format_copy  # on the first copy

            text = format_copy(quote, self.article, fmt, date.today())
            self.app.copy_text(text)  # type: ignore[attr-defined]

    def action_copy_as(self) -> None:
        from natojp_tui.tui.screens.copy_format import CopyFormatScreen

        quote = self._need_quote()
        if quote is None or self.article is None:
            return

        def chosen(fmt: str | None) -> None:
            if fmt:
                self.action_copy(fmt)

        self.app.push_screen(CopyFormatScreen(quote, self.article), callback=chosen)

    def action_star(self) -> None:
        quote = self._need_quote()
        if quote is None:
            return
        on_ = quote.id not in self.starred
        if not self.data.star(quote.id, on_):
            return  # the error is on screen; nothing changed
        (self.starred.add if on_ else self.starred.discard)(quote.id)
        self._update_detail()
        self.notify("★ Starred" if on_ else "Unstarred", markup=False, timeout=2)

    def action_export(self) -> None:
        from natojp_tui.tui.screens.export_screen import ExportScreen

        if self.article is None or not self.article.quotes:
            self.notify("No quotes to export here; / searches all quotes", markup=False, timeout=3)
            return
        self.app.push_screen(
            ExportScreen.for_article(self.article, self.data),
            callback=self.app.report_export,  # type: ignore[attr-defined]
        )

    def open_row(self, row: QuoteRow | None) -> None:
        if row is not None:
            self.open_article(row.article_id, row.id)
            self.action_focus_pane("body")

    def action_search(self) -> None:
        from natojp_tui.tui.screens.search_screen import SearchScreen

        def closed(outcome: SearchDone | None) -> None:
            if outcome is not None:
                self.post_message(outcome)

        screen = SearchScreen(
            self.data, self.search_query, starred=self.starred, keep_id=self.quote_id
        )
        self.app.push_screen(screen, callback=closed)

    @on(SearchDone)
    def _search_done(self, event: SearchDone) -> None:
        """Keep the query and its results (for ``/`` again, and ``>``/``<``); open the pick."""
        self.search_query = event.query
        self.matches = list(event.rows)
        self.open_row(event.opened)

    def _step_match(self, step: int) -> None:
        if not self.matches:
            self.notify("No search yet: / searches all quotes", markup=False, timeout=3)
            return
        ids = [r.id for r in self.matches]
        if self.quote_id in ids:
            index = ids.index(self.quote_id) + step
        else:
            index = 0 if step > 0 else len(ids) - 1
        if not 0 <= index < len(ids):
            edge = "last" if step > 0 else "first"
            self.notify(f"That was the {edge} match of “{self.search_query}”", timeout=2)
            return
        row = self.matches[index]
        self.open_row(row)
        self.notify(f"Match {index + 1}/{len(ids)}", markup=False, timeout=1.5)

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_prev_match(self) -> None:
        self._step_match(-1)

    def action_import_files(self) -> None:
        from natojp_tui.tui.screens.import_screen import ImportScreen

        self.app.push_screen(ImportScreen())

    def import_done(self, report) -> None:
        """Announce an import the app ran, refresh the list and open the first new article."""
        self.refresh_articles()
        severity: SeverityLevel = "information" if report.ok else "warning"
        lines = [f"Import: {report.summary()}"]
        lines += [f"{inert_row(p)}: {inert_row(r)}" for p, r in report.failed[:3]]
        self.notify("\n".join(lines), severity=severity, markup=False, timeout=8)
        fresh = report.imported or report.updated
        if fresh:
            self.open_article(fresh[0])

    def action_quote_browser(self) -> None:
        from natojp_tui.tui.screens.quote_browser import QuoteBrowser

        def back(row: QuoteRow | None) -> None:
            self.starred = self.data.starred()
            self._update_detail()
            self.open_row(row)

        self.app.push_screen(QuoteBrowser(self.data), callback=back)
