"""Exporting quotes to Markdown, CSV and JSON files."""

from __future__ import annotations

import csv
import json
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
