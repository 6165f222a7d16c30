"""One bad character never costs the whole article: it is dropped or replaced."""

from __future__ import annotations

import pytest

from natojp_tui.core.readers import read_article

SENTENCE = (
    "Foreign Minister Kōno met the Secretary General in Brussels. "
    "“We are natural partners,” he said. Café, résumé — déjà vu."
)
PAGE = (
    "<html><head><title>Talks in Brussels</title></head><body><article>"
    "<h1>Talks in Brussels</h1>"
    + "".join(f"<p>{SENTENCE} Paragraph {i}.</p>" for i in range(6))
    + "</article></body></html>"
)


@pytest.mark.parametrize("entity", ["&#27;", "&#x1b;", "&#7;", "&#xfffe;", "&#X1B", "&#xd800;"])
def test_a_saved_page_with_one_bad_character_reference_keeps_its_article(entity):
    page = PAGE.replace("Paragraph 3.", f"Paragraph 3.{entity} More.")
    article = read_article(page.encode("utf-8"), "page.html")
    assert article.title == "Talks in Brussels"
    texts = [p.text for p in article.paragraphs if p.kind == "body"]
    assert len(texts) == 6
    assert any(t.endswith("Paragraph 3. More.") for t in texts)  # the bad character dropped
    assert not any(ch in t for t in texts for ch in "\x1b\x07\ufffe")


def test_good_character_references_are_kept():
    page = PAGE.replace("Paragraph 3.", "Paragraph 3 &#8212; &#x4E2D; &amp; &#233;.")
    article = read_article(page.encode("utf-8"), "page.html")
    assert any("Paragraph 3 — 中 & é." in p.text for p in article.paragraphs)


@pytest.mark.parametrize("byte", [0x81, 0x8D, 0x8F, 0x90, 0x9D])
def test_a_cp1252_file_with_one_undefined_byte_keeps_its_article(byte):
    text = f"Talks in Brussels\n\n{SENTENCE}\n\n{SENTENCE}\n"
    data = text.replace("ō", "o").encode("cp1252")
    data = data.replace(b"Brussels.", b"Brussels." + bytes([byte]), 1)
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp1252")
    article = read_article(data, "note.txt")
    assert article.encoding == "cp1252"
    assert article.title == "Talks in Brussels"
    first = article.paragraphs[0].text
    assert first.startswith("Foreign Minister Kono met the Secretary General in Brussels.\ufffd")
    assert "“We are natural partners,”" in first and "Café, résumé — déjà vu." in first


def test_a_shift_jis_file_is_not_mistaken_for_cp1252_with_stray_bytes():
    text = "北大西洋条約機構と日本\n\n外務大臣は「我々は自然なパートナーである」と述べた。\n"
    article = read_article(text.encode("shift_jis"), "jp.txt")
    assert article.title == "北大西洋条約機構と日本"
