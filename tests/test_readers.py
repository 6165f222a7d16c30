"""Reading articles: every file shape we accept, and the seed's metadata."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from natojp_tui.core.readers import ArticleError, read_article

READERS = Path(__file__).parent / "data" / "readers"


def read(name: str):
    path = READERS / name
    return read_article(path.read_bytes(), path.name)


def test_seed_metadata_matches_the_page(seed_path: Path) -> None:
    a = read_article(seed_path.read_bytes(), seed_path.name)
    assert a.title == "NATO and Japan sign Political Declaration for a stronger partnership"
    assert a.published == date(2013, 4, 15)
    assert a.updated == datetime(2013, 4, 15, 15, 45)
    assert a.source == "NATO"
    assert a.language == "en"


def test_seed_caption_is_kept_once_and_video_is_boilerplate(seed_path: Path) -> None:
    a = read_article(seed_path.read_bytes(), seed_path.name)
    kinds = [p.kind for p in a.paragraphs]
    caption = (
        "NATO Secretary General Anders Fogh Rasmussen and the Prime Minister of Japan Shinzo Abe"
    )
    assert a.captions == [caption]
    assert a.paragraphs[-1].text == "Video" and a.paragraphs[-1].kind == "boilerplate"
    assert kinds.count("dateline") == 3  # "15 Apr. 2013 -", "|", "Last updated: …"
    assert all(caption != t for t in a.body)


def test_seed_body_paragraphs_are_the_story_text(seed_path: Path) -> None:
    a = read_article(seed_path.read_bytes(), seed_path.name)
    # The page has five paragraphs of story text between the date lines and "Video".
    assert len(a.body) == 5
    assert a.body[0].startswith("Secretary General Anders Fogh Rasmussen signed")
    assert a.body[-1].endswith(
        "“We are natural partners and together we can make a difference,” the Secretary General said."
    )
    original = " ".join(seed_path.read_text(encoding="utf-8").split())
    assert all(p in original for p in a.body), (
        "body paragraphs are the file's text, whitespace folded"
    )


def test_checksum_is_of_the_original_bytes(seed_path: Path) -> None:
    import hashlib

    data = seed_path.read_bytes()
    assert read_article(data, seed_path.name).checksum == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("weekday_dateline.txt", date(2013, 4, 15)),
        ("month_dateline.txt", date(2023, 1, 31)),
        ("no_date.txt", None),
    ],
)
def test_plain_text_date_lines(name: str, published: date | None) -> None:
    a = read(name)
    assert a.published == published
    assert a.body and not any(p.kind == "dateline" and p.text in a.body for p in a.paragraphs)


def test_place_dateline_gives_date_and_place() -> None:
    a = read("place_dateline.txt")
    assert (a.published, a.place) == (date(2013, 4, 15), "Tokyo")
    assert a.body == ["The Secretary General arrived in Tokyo for talks."]


def test_markdown_front_matter_and_inline_syntax() -> None:
    a = read("front_matter.md")
    assert a.title == "NATO and Japan hold staff talks"
    assert a.published == date(2019, 12, 4)
    assert a.source == "NATO"
    assert a.url == "https://example.org/news/staff-talks"
    assert (
        a.body[0]
        == "Staff from NATO and Japan met in Brussels to review the partnership programme."
    )
    assert a.captions == ["Delegations at the staff talks"]
    assert a.body[1:] == ["Cyber defence was discussed.", "Maritime security was discussed."]


def test_markdown_with_unclosed_front_matter_is_refused_with_a_reason() -> None:
    with pytest.raises(ArticleError, match="never closed"):
        read("broken_front_matter.md")


def test_html_page_main_text_and_metadata() -> None:
    a = read("page.html")
    assert a.title == "NATO Secretary General meets Japanese Foreign Minister"
    assert a.published == date(2023, 7, 12)
    assert a.source == "NATO"
    assert a.url == "https://www.example.org/news/2023-07-12-meeting.htm"
    assert a.body[0].startswith("The NATO Secretary General met the Minister for Foreign Affairs")
    assert len(a.body) == 3
    assert not any(t == "Home" or "cookie" in t for t in a.body)


def test_html_without_a_body_is_refused() -> None:
    with pytest.raises(ArticleError, match="no main text"):
        read_article(b"<html><head><title>x</title></head></html>", "empty.html")


@pytest.mark.parametrize(
    ("name", "encodings", "needle"),
    [
        ("cp1252.txt", {"cp1252"}, "Japan’s minister said “we are ready”"),
        (
            "shift_jis.txt",
            {"shift_jis", "cp932"},
            "岸田総理大臣は「日本とNATOは自然なパートナーです」と述べた。",
        ),
        ("euc_jp.txt", {"euc_jp"}, "外務大臣は「協力を深めたい」と述べました。"),
    ],
)
def test_legacy_encodings_without_bom_are_detected(
    name: str, encodings: set[str], needle: str
) -> None:
    a = read(name)
    assert a.encoding in encodings
    assert needle in a.body[0]


def test_utf16_with_bom_is_read() -> None:
    a = read_article("Title line\n\nBody “quoted” text.\n".encode("utf-16"), "x.txt")
    assert a.body == ["Body “quoted” text."]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n ", "empty"),
        (bytes(range(256)) * 20, "binary|undecodable"),
        (b"\x00\x01\x02 title\n\nbody", "binary"),
    ],
    ids=["empty", "blank", "all-bytes", "control-bytes"],
)
def test_unreadable_bytes_get_a_short_reason(data: bytes, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason):
        read_article(data, "bad.txt")
