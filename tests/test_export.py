"""Exporting quotes to Markdown, CSV and JSON files."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from test_citation import make_article

from natojp_tui.export import ExportError, export_quotes, format_for, render_quotes


def lookup():
    article = make_article(url="https://example.org/a")
    return article, {article.id: article}.__getitem__


def test_markdown_export_has_an_article_section_and_cited_blockquotes(tmp_path):
    article, article_of = lookup()
    path = export_quotes(article.quotes, article_of, tmp_path / "quotes.md")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Quotes\n")
    assert f"## {article.title} (15 April 2013)" in text
    assert "> We are natural partners and together we can make a difference." in text


def test_csv_export_round_trips_text_and_offsets(tmp_path):
    article, article_of = lookup()
    path = export_quotes(article.quotes, article_of, tmp_path / "quotes.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 1
    row = rows[0]
    assert row["speaker"] == "Anders Fogh Rasmussen"
    assert row["article_title"] == article.title
    paragraph = int(row["paragraph"]) - 1  # 1-based in exports
    assert article.body[paragraph][int(row["start"]) : int(row["end"])] == row["text"]


def test_json_export_is_a_list_of_records(tmp_path):
    article, article_of = lookup()
    path = export_quotes(article.quotes, article_of, tmp_path / "q.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert [r["id"] for r in data] == [article.quotes[0].id]
    assert data[0]["article"]["url"] == "https://example.org/a"


def test_an_existing_file_is_kept_without_force(tmp_path):
    article, article_of = lookup()
    target = tmp_path / "q.md"
    target.write_text("precious notes", encoding="utf-8")
    with pytest.raises(ExportError, match="already exists"):
        export_quotes(article.quotes, article_of, target)
    assert target.read_text(encoding="utf-8") == "precious notes"
    export_quotes(article.quotes, article_of, target, force=True)
    assert "natural partners" in target.read_text(encoding="utf-8")


def test_a_missing_folder_gives_a_clear_error(tmp_path):
    article, article_of = lookup()
    with pytest.raises(ExportError, match="does not exist"):
        export_quotes(article.quotes, article_of, tmp_path / "nope" / "q.md")


def test_format_comes_from_the_extension_or_is_given():
    assert format_for(Path("a.CSV")) == "csv"
    assert format_for(Path("a.txt"), "json") == "json"
    with pytest.raises(ExportError, match="cannot tell the format"):
        format_for(Path("a.txt"))
    with pytest.raises(ExportError, match="unknown export format"):
        format_for(Path("a.md"), "docx")


def test_each_article_is_looked_up_once():
    article, _ = lookup()
    calls = []

    def article_of(aid):
        calls.append(aid)
        return article

    render_quotes(article.quotes * 3, article_of, "json")
    assert calls == [article.id]


# ------------------------------------------------------------------ hostile values


def hostile_lookup(title: str, url: str | None, speaker: str = "Anders Fogh Rasmussen"):
    from dataclasses import replace

    article = make_article(url=url)
    article = replace(
        article, title=title, quotes=[replace(q, speaker=speaker) for q in article.quotes]
    )
    return article, {article.id: article}.__getitem__


@pytest.mark.parametrize("lead", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path, lead):
    article, article_of = hostile_lookup(
        f'{lead}HYPERLINK("http://evil.example","x")',
        f"{lead}cmd|' /C calc'!A0",
        speaker=f"{lead}2+3",
    )
    path = export_quotes(article.quotes, article_of, tmp_path / "q.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        [row] = list(csv.DictReader(fh))
    for column in ("article_title", "url", "speaker"):
        assert row[column].startswith("'" + lead), column
    assert row["paragraph"] == "2"  # numbers are left alone (1-based: the second paragraph)


def test_markdown_export_escapes_the_heading_and_links_only_http_urls(tmp_path):
    title = "<img src=x onerror=alert(1)> [click](javascript:alert(1)) # &lt;b&gt;"
    for url, linked in [
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("https://example.org/x> [evil](javascript:alert(1)) <y", True),
        ("https://example.org/a b", True),
    ]:
        article, article_of = hostile_lookup(title, url)
        text = render_quotes(article.quotes, article_of, "markdown")
        heading = next(line for line in text.splitlines() if line.startswith("## "))
        assert not re.search(r"(?<!\\)[<>\[\]&#]", heading[3:])  # all markup escaped
        assert "\\<img" in heading and "\\[click\\]" in heading
        if linked:
            target = text.split("](<", 1)[1].split(">)", 1)[0]
            assert target.startswith("https://example.org/")
            assert not set(target) & set("<> ")
        else:
            assert not re.search(r"(?<!\\)\]\(", text)  # no link at all
            assert url.split(":")[0] in text  # shown, as escaped text
