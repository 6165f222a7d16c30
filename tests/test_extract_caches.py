"""The speed-ups of extraction never change an answer: caches are bounded and forget
what a changed registry no longer says, cached parses are private copies, each analysed
paragraph answers for its own text, and every quick look or look-ahead keeps the same
matches."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from natojp_tui.core.dates import find_dates
from natojp_tui.core.events import participants, sentence, triggers
from natojp_tui.core.model import Person, Role
from natojp_tui.core.people import PeopleRegistry, parse_run
from natojp_tui.core.text.document import AnalysedArticle, AnalysedText
from natojp_tui.core.text.memo import cache_short
from natojp_tui.core.text.sentences import split_sentences

DEV = Path(__file__).parent / "data" / "dev"
# Characters that case-insensitive patterns fold to ASCII letters (Kelvin sign, long s),
# and digits that \d matches outside ASCII: quick looks must not lose them.
TRICKY = [
    "The ministers held \u212aeynote talks with Japan on 15 April.",
    "They held a ſummit with Japan; the Secretary General signed it on ٣ May.",
    "NATO and Japan HELD TALKS. He said: “We MET.” They met over lunch the next day.",
]


def dev_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    return [para for t in texts for para in t.split("\n") if para.strip()] + TRICKY


def test_cache_keeps_answers_for_short_strings_only():
    calls: list[str] = []

    @cache_short(longest=5, maxsize=3)
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert [upper("abc"), upper("abc"), upper("abcdefgh"), upper("abcdefgh")] == [
        "ABC",
        "ABC",
        "ABCDEFGH",
        "ABCDEFGH",
    ]
    assert calls == ["abc", "abcdefgh", "abcdefgh"]  # the long one is not kept
    for word in ("a", "b", "c"):  # the cache holds three answers, never more
        upper(word)
    upper("abc")
    assert calls[-1] == "abc"
    upper.cache_clear()
    upper("a")
    assert calls[-1] == "a"


def test_parsed_runs_are_private_copies_at_their_own_offsets():
    first = parse_run("Minister Kamikawa Yoko", 0, 22)
    first.name.append("Extra")
    first.role_title = "changed"
    text = "Today Minister Kamikawa Yoko spoke."
    again = parse_run(text, 6, 28)
    assert again.role_title == "Minister" and again.name == ["Kamikawa", "Yoko"]
    assert text[again.name_start : again.name_end] == "Kamikawa Yoko"  # type: ignore[misc]
    assert text[again.role_start : again.role_end] == "Minister"  # type: ignore[misc]


def test_registry_answers_follow_people_added_or_changed_after_a_question():
    registry = PeopleRegistry([Person("jens-stoltenberg", "Jens Stoltenberg")])
    assert registry.resolve("Mr. Rutte") is None
    assert registry.resolve_role("the Secretary General") == []
    rutte = Person("mark-rutte", "Mark Rutte")
    registry.add_person(rutte)
    assert registry.resolve("Mr. Rutte") is rutte
    assert registry.role_of(rutte) is None
    rutte.roles.append(Role("Secretary General", "NATO"))
    registry.reindex_person(rutte)
    assert registry.resolve_role("the Secretary General") == [rutte]
    assert registry.resolve("the Secretary General") is rutte
    assert registry.role_of(rutte) == "NATO Secretary General"


def test_role_holders_are_a_fresh_list_each_time():
    sg = Person("mark-rutte", "Mark Rutte", roles=[Role("Secretary General", "NATO")])
    registry = PeopleRegistry([sg])
    registry.resolve_role("the Secretary General").clear()
    assert registry.resolve_role("the Secretary General") == [sg]


def test_every_analysed_paragraph_answers_for_its_own_text():
    texts = [f"Paragraph {n:03}. Mr. Abe said it twice. He said so again." for n in range(150)]
    doc = AnalysedArticle.of(texts)
    for n, t in enumerate(doc.body):
        assert t.text == texts[n]
        assert t.text[slice(*t.sentence_bounds(20))] == "Mr. Abe said it twice."  # "Mr." goes on
        assert [m.group() for m in t.verbs_in(0, len(t.text))] == ["said", "said"]
        assert [m.start() for m in t.verbs_in(30, len(t.text))] == [41]
        assert t.sentence_bounds(20) == AnalysedText(texts[n]).sentence_bounds(20)


@pytest.mark.parametrize(
    ("module", "name"),
    [
        (triggers, "PATTERN_A"),
        (triggers, "PATTERN_B"),
        (triggers, "PATTERN_B2"),
        (triggers, "VERB_RE"),
        (participants, "PRONOUN_RE"),
        (participants, "PLURAL_RE"),
        (participants, "ROLE_CUE_RE"),
    ],
)
def test_event_look_aheads_keep_the_same_matches(module, name):
    fast: re.Pattern[str] = getattr(module, name)
    head = re.match(r"\(\?=\[[^\]]+\]\)\(\?:", fast.pattern)
    assert head is not None, "the pattern starts with its look-ahead"
    plain = re.compile(fast.pattern[head.end() : -1], fast.flags)
    for text in dev_texts():
        assert [m.group(0) for m in fast.finditer(text)] == [
            m.group(0) for m in plain.finditer(text)
        ]


def test_date_look_ahead_keeps_the_same_dates():
    from natojp_tui.core import dates

    plain = re.compile(dates._DATE_RE.pattern.replace(r"(?=[\da-z])", "", 1), dates._DATE_RE.flags)
    for text in dev_texts():
        assert [m.span() for m in dates._DATE_RE.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]
    assert [d.text for d in find_dates("on Monday (15 April) and 16-17 May 2013")] == [
        "Monday (15 April)",
        "16-17 May 2013",
    ]


def test_sentences_skipped_by_the_noun_look_have_no_noun_trigger():
    skipped = 0
    for text in dev_texts():
        for s0, s1 in split_sentences(text):
            if sentence.Look.of(text[s0:s1]).nouns:
                continue
            skipped += 1
            for pattern in (
                triggers.PATTERN_A,
                triggers.PATTERN_B,
                triggers.PATTERN_B2,
                triggers.PATTERN_PASSIVE,
            ):
                assert pattern.search(text, s0, s1) is None
    assert skipped > 0
    assert sentence.Look.of(TRICKY[1]).nouns  # "ſummit" is not ASCII: looked at in full


def test_threads_extracting_at_once_get_what_one_thread_gets():
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from natojp_tui.core.people import build_registry
    from natojp_tui.core.quotes import extract_quotes

    articles = [
        [f"{n}: “We are ready,” said Secretary General Jens Stoltenberg in Tokyo.",
         f"Prime Minister Kishida met Mr. Stoltenberg; he said the talks on item {n} went well."]
        for n in range(60)
    ]  # fmt: skip

    def quotes_of(paragraphs: list[str]) -> list[tuple[str, str | None]]:
        paragraphs = ["".join(list(p)) for p in paragraphs]  # new text objects every time
        doc = AnalysedArticle.of(paragraphs)
        return [(q.text, q.speaker) for q in extract_quotes(doc, build_registry(doc))]

    expected = [quotes_of(a) for a in articles]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible: caches are shared
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            got = list(pool.map(quotes_of, articles * 3))
    finally:
        sys.setswitchinterval(old)
    assert got == expected * 3
    assert ("We are ready,", "Jens Stoltenberg") in expected[0]


def test_caches_never_change_an_answer():
    """Every dev article analysed after all the others (caches warm) and again with every
    cache emptied, in the other order, gives the same people, mentions, quotes and events."""
    from natojp_tui.bench.extract_speed import clear_caches
    from natojp_tui.core.events import extract_events
    from natojp_tui.core.model import to_jsonable
    from natojp_tui.core.people import build_registry
    from natojp_tui.core.pipeline import analyse
    from natojp_tui.core.quotes import extract_quotes
    from natojp_tui.core.readers import read_article

    def analysed(path: Path) -> object:
        doc = analyse(read_article(path.read_bytes(), path.name, article_id=path.stem))
        registry = build_registry(doc)
        return to_jsonable([
            registry.people, registry.mentions(), extract_quotes(doc, registry),
            extract_events(doc, registry),
        ])  # fmt: skip

    paths = sorted(DEV.glob("*.txt"))
    warm = [analysed(p) for p in paths]
    cold = []
    for p in reversed(paths):
        clear_caches()
        cold.append(analysed(p))
    assert cold[::-1] == warm
    assert any(w[2] for w in warm) and any(w[3] for w in warm)  # quotes and events were found


def _caseless_patterns() -> list[tuple[str, str]]:
    import importlib
    import pkgutil

    import natojp_tui.core
    from natojp_tui.core.text.patterns import Caseless

    found = []
    for info in pkgutil.walk_packages(natojp_tui.core.__path__, "natojp_tui.core."):
        module = importlib.import_module(info.name)
        found += [(info.name, k) for k, v in vars(module).items() if isinstance(v, Caseless)]
    return sorted(set(found))


@pytest.mark.parametrize(("module", "name"), _caseless_patterns())
def test_caseless_looks_answer_as_the_case_insensitive_pattern(module, name):
    import importlib

    look = getattr(importlib.import_module(module), name)
    folded = re.compile(look.pattern, re.IGNORECASE)
    hits = 0
    extra = ["THEN TALKS", "xthen talks", "ſummit \u212aeynote call", "İn their talks, ıt"]
    extra += ["Japan’s MEETING", "“Then” they TALKED: É"]
    for text in [*dev_texts(), *extra]:
        spans = [(0, len(text)), *split_sentences(text), (1, len(text)), (5, 9)]
        for s0, s1 in spans:
            expected = folded.search(text, s0, s1) is not None
            assert look.found(text, s0, s1) == expected, (text, s0, s1)
            hits += expected
    assert hits > 0


def test_a_caseless_look_sees_the_character_before_its_start_and_refuses_other_patterns():
    from natojp_tui.core.text.patterns import Caseless

    then = Caseless(r"\bthen\b")
    assert not then.found("xTHEN", 1) and then.found("x THEN", 2) and then.found("THEN")
    assert not then.found("THEN", 0, 3)  # the end is the end
    assert then.found("“THEN”") and not then.found("ſthen") and then.found("x İ THEN")
    for pattern in (r"\bThen", r"(?<=a)then", r"(?-i:then)", r"\S+", "caf\u00e9"):
        with pytest.raises(ValueError):
            Caseless(pattern)


def _folded_patterns() -> list[tuple[str, str]]:
    import importlib
    import pkgutil

    import natojp_tui.core
    from natojp_tui.core.text.patterns import Folded

    found = []
    for info in pkgutil.walk_packages(natojp_tui.core.__path__, "natojp_tui.core."):
        module = importlib.import_module(info.name)
        found += [(info.name, k) for k, v in vars(module).items() if isinstance(v, Folded)]
    return sorted(set(found))


def _match_facts(m: re.Match[str] | None) -> object:
    return None if m is None else (m.span(), m.groups(), m.groupdict(), m.lastgroup)


@pytest.mark.parametrize(("module", "name"), _folded_patterns())
def test_folded_patterns_find_the_very_matches_of_the_case_insensitive_pattern(module, name):
    import importlib

    folded = getattr(importlib.import_module(module), name)
    flagged = folded.rx
    assert flagged.flags & re.IGNORECASE
    hits = 0
    extra = [
        "MET WITH Rutte",
        "xmet with",
        "\u017figned \u212aishida met",
        "\u0130n TALKS, \u0131t was HELD",
    ]
    extra += ["Japan’s MEETING was held", "“Then” they TALKED: É", "a tÊte-À-tÊte was held"]
    for text in [*dev_texts(), *extra]:
        spans = [(0, len(text)), *split_sentences(text), (1, len(text)), (5, 9), (3, 2)]
        for s0, s1 in spans:
            want = [_match_facts(m) for m in flagged.finditer(text, s0, s1)]
            assert [_match_facts(m) for m in folded.finditer(text, s0, s1)] == want, (text, s0)
            assert _match_facts(folded.search(text, s0, s1)) == (want[0] if want else None)
            hits += len(want)
    assert len(_folded_patterns()) >= 3 and hits > 0


def test_a_folded_pattern_refuses_capitals_inline_flags_and_empty_matches():
    from natojp_tui.core.text.patterns import Folded

    met = Folded(r"\bmet(?P<with>\swith)?\b")
    assert met.search("x MET WITH y").group("with") == " WITH"
    assert met.search("xMET") is None and met.search("x MET", 3) is None
    assert [m.group(0) for m in met.finditer("Met, MET and met", 1)] == ["MET", "met"]
    for pattern in (r"(?-i:met)", r"\x4det", r"\w*", "\u03c9mega"):
        with pytest.raises(ValueError):
            Folded(pattern)
    assert Folded(r"\bMet\S").search("x mETs").span() == (2, 6)  # \S stays \S
    assert Folded(r"(?P<Who>[A-Z]\w+)\s(?P=Who)").search("x ab AB").group("Who") == "ab"
    assert Folded(r"(?<=while\s)meeting|" + "caf\u00e9" + r"\S").search("CAFÉs") is not None
    assert Folded(r"(?<=while\s)meeting").search("WHILE MEETING").span() == (6, 13)


def _cued_patterns() -> list[tuple[str, str]]:
    import importlib
    import pkgutil

    import natojp_tui.core
    from natojp_tui.core.text.patterns import Cued

    found = []
    for info in pkgutil.walk_packages(natojp_tui.core.__path__, "natojp_tui.core."):
        module = importlib.import_module(info.name)
        found += [(info.name, k) for k, v in vars(module).items() if isinstance(v, Cued)]
    return sorted(set(found))


@pytest.mark.parametrize(("module", "name"), _cued_patterns())
def test_every_match_of_a_cued_pattern_holds_a_cue_and_the_matches_are_the_same(module, name):
    import importlib

    from natojp_tui.core.text.runs import RUN_RE

    cued = getattr(importlib.import_module(module), name)
    hits = 0
    for text in dev_texts():
        # the stretches the extractors search: texts, sentences, the words before a name
        before_names = [(max(0, m.start() - 60), m.start()) for m in RUN_RE.finditer(text)]
        for s0, s1 in [(0, len(text)), *split_sentences(text), *before_names, (3, 2)]:
            want = [_match_facts(m) for m in cued.rx.finditer(text, s0, s1)]
            assert [_match_facts(m) for m in cued.finditer(text, s0, s1)] == want
            assert _match_facts(cued.search(text, s0, s1)) == (want[0] if want else None)
            for m in cued.rx.finditer(text, s0, s1):
                assert any(c in m.group(0) for c in cued.cues), (name, m.group(0))
                hits += 1
    assert len(_cued_patterns()) >= 5 and hits > 0


def test_a_text_without_a_digit_or_a_day_word_holds_no_date():
    """``find_dates`` skips an ASCII text with no digit and none of "day", "morning",
    "afternoon", "evening", "night", "tomorrow": every date it can find holds one."""
    from natojp_tui.core import dates

    words = ("day", "morning", "afternoon", "evening", "night", "tomorrow")
    texts = [
        *dev_texts(),
        "They met the following afternoon, that same evening and last night.",
        "On Mon and Wed, in May and June, they met. Tues too.",
    ]
    found = 0
    for text in texts:
        for m in dates._DATE_RE.finditer(text):
            if dates._mention(m, None) is None:
                continue
            found += 1
            low = m.group(0).lower()
            assert re.search(r"[0-9]", low) or any(w in low for w in words), low
    assert found > 0
    assert [d.text for d in find_dates(texts[-2])] == [
        "the following afternoon",
        "that same evening",
        "last night",
    ]
    assert find_dates(texts[-1]) == []


def test_a_text_without_a_time_or_unit_word_holds_no_clock_time_or_duration():
    """``find_times`` reads only a text with a digit, "noon", "midday" or "midnight" and
    ``find_duration`` one with "min", "hour" or "hr" (any case): every match holds one."""
    from natojp_tui.core import dates

    texts = [
        *dev_texts(),
        "They met at noon and talked until midnight, for an hour and a half.",
        "The MEETING LASTED TWENTY MINUTES; a forty-five-minute call followed.",
    ]
    times = durations = 0
    for text in texts:
        for m in dates._CLOCK_RE.finditer(text):
            times += 1
            assert dates._CLOCK_CUE_RE.search(m.group(0)), m.group(0)
        for m in dates._DURATION_RE.finditer(text):
            durations += 1
            assert re.search("min|hour|hr", m.group(0), re.I), m.group(0)
    assert times > 0 and durations > 0
    assert [t.value for t in dates.find_times(texts[-2])] == ["12:00", "00:00"]
    assert dates.find_duration(texts[-2]) == 90 and dates.find_duration(texts[-1]) == 20
    assert (
        dates.find_times("They met at dawn.") == [] and dates.find_duration("a long talk") is None
    )


def test_places_are_only_read_where_a_known_city_is_written():
    """``city_in`` and ``visit_city`` answer a known city, which the text writes: a text
    without one (the quick look) has none, and a text with one reads as before."""
    from natojp_tui.core.events.places import city_in, visit_city

    text = "He arrived in Tokyo after a visit to Canberra; talks in the capital."
    assert city_in(text, 0, len(text)) == "Tokyo" and visit_city(text, 0, len(text)) == "Tokyo"
    assert city_in(text, 20, len(text)) == "Canberra" == visit_city(text, 20, len(text))
    assert city_in(text, 46, len(text)) is None is visit_city(text, 46, len(text))
    assert city_in("Talks in Tokyoville", 0, 19) is None
    assert city_in("visiting The Hague", 0, 18) == "The Hague"


def test_the_word_before_a_full_stop_starts_after_any_space():
    from natojp_tui.core.text.sentences import _word_before

    for space in (" ", "\t", "\n", "\u00a0", "\u2009", "\u3000"):
        text = f"He met Mr{space}Sato.{space}Then he left."
        dot = text.index(".")
        assert _word_before(text, dot, 0) == "sato", repr(space)
    assert _word_before("x Gen.", 5, 0) == "gen" and _word_before("(“U.S.", 5, 0) == "u.s"
    assert _word_before("Japan-U.S.", 9, 0) == "u.s" and _word_before("abc.", 3, 2) == "c"


def test_has_japanese_answers_an_ascii_text_without_a_scan():
    from natojp_tui.core.lexicon.japanese import has_japanese

    assert not has_japanese("Kishida met Rutte.") and not has_japanese("Café au lait")
    assert has_japanese("岸田総理") and has_japanese("Mr. Kishida (岸田)") and not has_japanese("")


def test_literal_starts_begin_every_match():
    """The starts a Folded or Caseless pattern scans for: read from the parse, passing
    over look-arounds and boundaries; unknown (None) where a start could be shorter."""
    import importlib

    from natojp_tui.core.text.patterns import literal_starts

    assert literal_starts(r"\b(?:met|held\stalks|(?P<w>welcom)ed)\b") == ("hel", "met", "wel")
    assert literal_starts(r"(?=[a-z])(?:a|bc)d") == ("ad", "bcd")
    assert literal_starts(r"ab(?:c|de)f") == ("abc", "abd")
    assert literal_starts(r"[ab]cd") == ("acd", "bcd")
    for unknown in (r"(?:ab)?c", r"a\sb", r"\w+ing", r"(?i:ab)c", r"a|bc", r"[^a]bc", r".ab"):
        assert literal_starts(unknown) is None, unknown
    assert literal_starts("abc", re.IGNORECASE) is None
    texts = [t.lower() for t in dev_texts()]
    for module, name in [*_folded_patterns(), *_caseless_patterns()]:
        look = getattr(importlib.import_module(module), name)
        starts = literal_starts(look._plain.pattern, look._plain.flags & ~re.UNICODE)
        if starts is None:
            continue
        for text in texts:
            for m in look._plain.finditer(text):
                assert text.startswith(starts, m.start()), (name, m.group(0))
