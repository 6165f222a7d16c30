"""The reader application: wiring of store, clipboard, keymap, theme and screens."""

from __future__ import annotations

import threading
import time

STARTED = time.perf_counter()

from pathlib import Path  # noqa: E402
from typing import TYPE_CHECKING, Any, ClassVar  # noqa: E402

from textual import work  # noqa: E402
from textual.app import App  # noqa: E402
from textual.binding import BindingType  # noqa: E402
from textual.notifications import SeverityLevel  # noqa: E402
from textual.worker import get_current_worker  # noqa: E402

from natojp_tui.tui.commands import ReaderCommands  # noqa: E402
from natojp_tui.tui.config import ReaderConfig, load_config  # noqa: E402
from natojp_tui.tui.data import ReaderData  # noqa: E402
from natojp_tui.tui.keymap import bindings  # noqa: E402
from natojp_tui.tui.messages import ImportFinished, ImportProgress  # noqa: E402
from natojp_tui.tui.screens.reader import ReaderScreen  # noqa: E402

if TYPE_CHECKING:
    from natojp_tui.clipboard import Clipboard, CopyResult

WARM_AFTER_AT_MOST = 10.0  # seconds the warm-up waits for the first article to be drawn


class NatoJpApp(App[None]):
    """natojp: read press releases and readouts, find and cite who said what."""

    CSS_PATH = "app.tcss"
    TITLE = "natojp"
    BINDINGS: ClassVar[list[BindingType]] = [*bindings("app")]
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(
        self,
        store: Any,
        open_article_id: str | None = None,
        *,
        clipboard: Clipboard | None = None,
        config: ReaderConfig | None = None,
    ) -> None:
        super().__init__()
        self.data = ReaderData(store)
        self.data.on_write_error = self._write_failed
        self._copy_layer: Clipboard | None = (
            clipboard  # made on the first copy (not before the first article)
        )
        self.config = config if config is not None else load_config()
        self.keymap: dict[str, str] = dict(self.config.keymap)
        self.reader = ReaderScreen(self.data, open_article_id)
        self.last_copy: CopyResult | None = None
        self._feeds_running = False
        self.fetch_settings: Any = None  # FetchSettings for the feed fetch; None: the defaults
        self.ready_ms: float | None = None
        self.importing = False
        self.first_article_drawn = threading.Event()  # set by the reader; the warm-up waits

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        theme = self.data.get_state("theme")
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.push_screen(self.reader)
        for problem in self.config.problems:
            self.notify(problem, severity="warning", markup=False)

    def on_ready(self) -> None:
        self.ready_ms = (time.perf_counter() - STARTED) * 1000
        self.log.info(f"ready in {self.ready_ms:.0f} ms")
        self._warm_worker()

    @work(thread=True, exclusive=True, group="warm")
    def _warm_worker(self) -> None:
        """After the first article is drawn (its paint does not share the CPU with NumPy's
        import): map the search index and rows so that the first search is instant."""
        cancelled = get_current_worker().cancelled_event  # set when the app exits
        waited = 0.0
        while not self.first_article_drawn.wait(0.05) and waited < WARM_AFTER_AT_MOST:
            if cancelled.is_set():
                return
            waited += 0.05
        resume_collector()  # paused for start-up when the command line started the reader
        try:
            self.data.warm()
        except Exception as exc:  # a damaged file is reported, never a traceback
            self.call_from_thread(
                self.notify, str(exc), title="Database", severity="error", markup=False
            )

    def _write_failed(self, message: str) -> None:
        """A write the database refused: say so and keep reading."""
        self.notify(message, title="Database", severity="error", markup=False, timeout=10)

    def _remember_theme(self, theme) -> None:
        self.data.set_state("theme", theme.name)

    # -- clipboard --------------------------------------------------------------------
    @property
    def clipboard_layer(self) -> Clipboard:
        if self._copy_layer is None:
            from natojp_tui.clipboard import Clipboard

            self._copy_layer = Clipboard(osc52=self._osc52_from_thread)
        return self._copy_layer

    def _osc52_from_thread(self, text: str) -> None:
        self.call_from_thread(self.copy_to_clipboard, text)

    def copy_text(self, text: str) -> None:
        """Copy via the clipboard layer (off the UI thread) and toast where it went."""
        self._copy_worker(text)

    @work(thread=True, exclusive=True, group="clipboard")
    def _copy_worker(self, text: str) -> None:
        result = self.clipboard_layer.copy(text)
        self.call_from_thread(self._copied, result)

    def _copied(self, result: CopyResult) -> None:
        self.last_copy = result
        ok = result.delivered and not result.too_large
        severity: SeverityLevel = "information" if ok else "warning"
        self.notify(result.message(), title="Copy", severity=severity, markup=False)

    # -- import (a job of the app, so it outlives the dialog that started it) -----------
    def start_import(self, targets: list[str]) -> bool:
        """Import ``targets`` in the background; False when an import already runs."""
        if self.importing:
            return False
        self.importing = True
        self._import_worker(list(targets))
        return True

    @work(thread=True, group="import")
    def _import_worker(self, targets: list[str]) -> None:
        def progress(done: int, total: int, name: str) -> None:
            self.post_message(ImportProgress(done, total, name))

        try:
            report = self.data.import_paths(targets, progress)
        except Exception as exc:  # reported in the dialog or a toast, never a traceback
            self.post_message(ImportFinished(error=str(exc) or type(exc).__name__))
            return
        self.post_message(ImportFinished(report))

    def _import_dialog(self):
        from natojp_tui.tui.screens.import_screen import ImportScreen

        return next((s for s in self.screen_stack if isinstance(s, ImportScreen)), None)

    def on_import_progress(self, message: ImportProgress) -> None:
        dialog = self._import_dialog()
        if dialog is not None:
            dialog.show_progress(message.done, message.total, message.name)

    def on_import_finished(self, message: ImportFinished) -> None:
        self.importing = False
        dialog = self._import_dialog()
        if message.error is not None:
            if dialog is not None:
                dialog.show_error(message.error)
            else:
                self.notify(message.error, title="Import", severity="error", markup=False)
            return
        if dialog is not None and dialog is self.screen:
            dialog.dismiss(None)
        self.reader.import_done(message.report)

    # -- actions ----------------------------------------------------------------------
    def action_help(self) -> None:
        from natojp_tui.tui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_fetch_feeds(self) -> None:
        """Fetch every subscribed feed in a worker; the article list marks the new items."""
        if self._feeds_running:
            self.notify("The feeds are being fetched already", markup=False)
            return
        self._feeds_running = True
        self._feeds_worker()

    @work(thread=True, exclusive=True, group="feeds")
    def _feeds_worker(self) -> None:
        from natojp_tui.web.fetch import Fetcher
        from natojp_tui.web.sync import fetch_feeds, policy_for

        try:
            book = self.data.store.feed_book()
            if not book.feeds():
                self.call_from_thread(
                    self._feeds_done, None, "No feeds yet: subscribe with 'natojp feeds add URL'"
                )
                return
            self.call_from_thread(self._feeds_started)
            with Fetcher(self.fetch_settings, policy_for(book)) as fetcher:
                results = fetch_feeds(
                    self.data.store,
                    book,
                    [],
                    fetcher,
                    progress=lambda name, n, total: self.call_from_thread(
                        self._feeds_progress, name, n, total
                    ),
                )
        except Exception as exc:  # a damaged file or a full disk: one line, never a traceback
            self.call_from_thread(self._feeds_done, None, f"Fetch stopped: {exc}")
            return
        self.call_from_thread(self._feeds_done, results, None)

    def _feeds_started(self) -> None:
        from natojp_tui.tui.widgets.feed_progress import FeedProgress

        if not self.reader.query(FeedProgress):
            self.reader.mount(FeedProgress(id="feed-progress"))

    def _feeds_progress(self, name: str, done: int, total: int) -> None:
        from natojp_tui.tui.widgets.feed_progress import FeedProgress

        for bar in self.reader.query(FeedProgress):
            bar.show(name, done, total)

    def _feeds_done(self, results: list[Any] | None, problem: str | None) -> None:
        from natojp_tui.tui.inert import inert_row
        from natojp_tui.tui.widgets.feed_progress import FeedProgress

        self._feeds_running = False
        for bar in self.reader.query(FeedProgress):
            bar.remove()
        if results is None:
            self.notify(inert_row(problem or ""), title="Feeds", severity="warning", markup=False)
            return
        self.data.forget_fresh()
        self.reader.refresh_articles()
        new = sum(len(r.new) for r in results)
        failed = [r for r in results if not r.ok]
        lines = [
            f"{new} new from {len(results)} feeds"
            + (f", {len(failed)} with failures" if failed else "")
        ]
        for r in failed[:3]:
            why = r.error or f"{len(r.failed)} items failed ({r.failed[0][1]})"
            lines.append(f"{inert_row(r.name)}: {inert_row(why)}")
        self.notify(
            "\n".join(lines),
            title="Feeds",
            severity="warning" if failed else "information",
            markup=False,
            timeout=8,
        )

    def report_export(self, outcome: tuple[Path, int] | None) -> None:
        if outcome is not None:
            path, count = outcome
            self.notify(f"Exported {count:,} quotes to {path}", title="Export", markup=False)


def run(store: Any, open_article_id: str | None = None) -> int:
    """Open the reader on ``open_article_id``, else the last article read, else the newest.

    Returns the exit code: non-zero when the reader stopped on an error.
    """
    app = NatoJpApp(store, open_article_id)
    try:
        app.run()
    finally:
        resume_collector()
    return app.return_code or 0


def resume_collector() -> None:
    """Resume the cyclic garbage collector if start-up paused it (``cli._run_reader``):
    what start-up made (modules, widgets, styles) is frozen first, so later collections
    do not walk it again."""
    import gc

    if not gc.isenabled():
        gc.freeze()
        gc.enable()
