"""A long article stays fast in the reader: layout work follows what is drawn.

Times are CPU time of the test's thread (the work is synchronous) with the garbage
collector paused (see ``tests/timing.py``), so a loaded machine or
another test's heap does not make them fail.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from timing import cpu_time

from natojp_tui.core.model import Article, Paragraph, Quote
from natojp_tui.tui.widgets.body_view import BodyView, wrap_offsets

SIZE = (120, 40)


def long_article(paragraphs: int, words: int) -> Article:
    """``paragraphs`` body paragraphs of about ``words`` words, each with one quote."""
    quotes, paras = [], []
    for n in range(paragraphs):
        said = f"we are partners in paragraph {n}"
        filler = " ".join(f"word{k}" for k in range(words))
        text = f"The minister said “{said},” and then {filler}."
        start = text.index(said)
        paras.append(Paragraph(text))
        quotes.append(
            Quote(
                text=said, kind="direct", paragraph=n, start=start, end=start + len(said),
                speaker=f"Speaker {n % 5}", id=f"long:{n}:{start}", article_id="long",
            )
        )  # fmt: skip
    return Article(id="long", title="A very long readout", paragraphs=paras, quotes=quotes)


class Harness(App[None]):
    def compose(self) -> ComposeResult:
        yield BodyView(id="body")


def draw(body: BodyView) -> list[str]:
    """What a refresh costs: every visible line rendered."""
    height = body.scrollable_content_region.height
    return [s.text for s in (body.render_line(y) for y in range(height))]


async def measure(article: Article, repeat: int = 1) -> tuple[float, float, BodyView]:
    app = Harness()
    async with app.run_test(size=SIZE) as pilot:
        body = app.query_one(BodyView)
        await pilot.pause()

        def open_article() -> None:
            body.show(article)
            draw(body)

        opened, _ = cpu_time(open_article, repeat)
        steps = []
        for q in article.quotes[1:6]:

            def step(quote_id: str = q.id) -> None:
                body.select_quote(quote_id)
                draw(body)

            steps.append(cpu_time(step)[0])
        await pilot.pause()
        far = article.quotes[-1]
        body.select_quote(far.id)
        await pilot.pause()
        line = body.layout_for(body._width()).quote_line[far.id]
        assert body.scroll_offset.y <= line < body.scroll_offset.y + body.size.height
        assert (
            "paragraph " + str(len(article.quotes) - 1)
            in body.layout_for(body._width()).lines[line].plain
        )
        return opened, min(steps), body


async def test_three_thousand_paragraphs_open_in_half_a_second_and_n_is_instant():
    article = long_article(3000, 60)
    opened, step, _ = await measure(article)
    print(f"\n3,000 paragraphs: open {opened * 1000:.0f} ms, n {step * 1000:.1f} ms")
    assert opened <= 0.5 and step <= 0.05  # was 4 s to open and 1-2 s per n


async def test_a_hundred_thousand_short_paragraphs_stay_bounded():
    article = long_article(100_000, 2)
    opened, step, _ = await measure(article)
    print(f"\n100,000 paragraphs: open {opened * 1000:.0f} ms, n {step * 1000:.1f} ms")
    assert opened <= 8.0 and step <= 0.05  # was 52 s to open and 19 s per key


def test_wrapping_breaks_between_words_and_folds_what_does_not_fit():
    text = "alpha beta gamma delta"
    breaks = wrap_offsets(text, 11)
    lines = [text[a:b] for a, b in zip([0, *breaks], [*breaks, len(text)], strict=True)]
    assert lines == ["alpha beta ", "gamma delta"]
    assert all(len(line.rstrip()) <= 11 for line in lines)
    japanese = "日本と北大西洋条約機構は自然なパートナーである"  # two cells per character
    breaks = wrap_offsets(japanese, 10)
    assert breaks == list(range(5, len(japanese), 5))
    assert wrap_offsets("short", 10) == []
    assert wrap_offsets("x" * 25, 10) == [10, 20]
