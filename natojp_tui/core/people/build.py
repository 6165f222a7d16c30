"""``build_registry``: the people an article introduces, with their roles and every mention.

People are introduced with a role (*NATO Secretary General Anders Fogh Rasmussen*,
*KISHIDA Fumio, Prime Minister of Japan*), with an honorific (*Mr. Fogh Rasmussen*,
*H.E. Ms. Kamikawa*), or as a bare full name next to a speech verb. Japanese
family-name-first forms are put in given-family order: an ALL-CAPS token is the family
name, and a name whose first token is used alone elsewhere (*Minister Kono*) is
family-first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from natojp_tui.core.lexicon.datelines import KNOWN_AGENCIES
from natojp_tui.core.lexicon.places import CITIES, COUNTRY_WORDS, NATIONALITIES, ORGANISATIONS
from natojp_tui.core.lexicon.roles import CHIEF_WORDS, HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS
from natojp_tui.core.lexicon.speech import INTRODUCING_VERBS, VERBS_BEFORE_NAME
from natojp_tui.core.model import Person, Role
from natojp_tui.core.people.japanese import is_japanese, japanese_names
from natojp_tui.core.people.names import (
    ACRONYMS,
    COUNTRY_KEYS,
    NON_NAME_WORDS,
    ParsedRun,
    canonical_order,
    is_name_token,
    org_of,
    parse_run,
    slugify,
    strip_possessive,
)
from natojp_tui.core.people.registry import Mention, PeopleRegistry
from natojp_tui.core.people.roles import rank_or_none, role_key
from natojp_tui.core.text.document import AnalysedArticle
from natojp_tui.core.text.patterns import Cued
from natojp_tui.core.text.runs import RUN_RE


@dataclass(slots=True)
class _Intro:
    paragraph: int  # -1 for the title
    run: ParsedRun
    written: list[str]
    lone: bool = False  # a surname alone that speaks, the article naming nobody fuller


def _runs(text: str, found: Iterable[re.Match[str]]) -> list[ParsedRun]:
    """The capitalised runs ``found`` in ``text``, parsed; lone capitalised function
    words and place names are skipped unparsed."""
    runs = []
    for m in found:
        word = m.group()
        if " " not in word:
            low = strip_possessive(word).lower()
            if low in _SKIP_SINGLE:
                continue
        runs.append(parse_run(text, m.start(), m.end()))
    return runs


_SKIP_SINGLE = frozenset(
    w
    for w in NON_NAME_WORDS | {a.lower() for a in ACRONYMS} | set(COUNTRY_KEYS)
    if w not in ROLE_HEADS
)


_ORG_WORD = (
    r"(?:NATO|the Alliance|Alliance|Japan|Japanese|the EU|EU|the UN|UN|U\.S\.|US|[A-Z][a-z]+an)"
)


_LOWER_ROLE = (
    r"(?:(?:deputy|vice|assistant|chief|foreign|defen[cs]e|prime|state|senior|top|presidential|"
    r"press|national|security|cabinet|special|trade|finance)[ \u00A0])*"
    r"(?:secretary[- ]general|minister|spokes(?:person|man|woman)|chief|ambassador|president|"
    r"envoy|diplomat|leader|head|chair(?:man|woman|person)?|secretary|advis[eo]r)"
    r"(?:[ \u00A0](?:for|of)[ \u00A0][a-z]+(?:[ \u00A0]affairs)?)?"
)


_ROLE_BEFORE_RE = Cued(
    re.compile(rf"(?:({_ORG_WORD})(?:['’]s)?[ \u00A0])?({_LOWER_ROLE})[ \u00A0]$"),
    # the head of every role _LOWER_ROLE names
    ("secretary", "minister", "spokes", "chief", "ambassador", "president", "envoy",
     "diplomat", "leader", "head", "chair", "advis"),
)  # fmt: skip


def _may_end_a_role(text: str, end: int) -> bool:
    """A quick test for ``_ROLE_BEFORE_RE``: every match ends in a lower-case ASCII letter
    and a space right before ``end`` (or, as ``$`` allows, before a newline there)."""
    last = text[end - 1 : end]
    return last == "\n" or (last in (" ", "\u00a0") and "a" <= text[end - 2 : end - 1] <= "z")


_ROLE_AFTER_RE = re.compile(
    rf",[ \u00A0](?:the[ \u00A0])?(?:({_ORG_WORD})(?:['’]s)?[ \u00A0])?({_LOWER_ROLE})\b"
)


_APPOSITIVE_RE = re.compile(r",[ \u00A0](?:the[ \u00A0]|and[ \u00A0])?")


_BARE_SPEECH_RE = re.compile(rf",?[ \u00A0](?:{INTRODUCING_VERBS})\b")


# a full name whose speech a line announces: "Jacinda Ardern’s remarks following summit"
_SPEECH_OF_RE = re.compile(
    r"['’]s[ \u00A0](?:(?:opening|closing|keynote|welcoming|introductory)[ \u00A0])?"
    r"(?:remarks|speech|statement|address|press[ \u00A0]conference)\b",
    re.I,
)
_SAID_BEFORE_RE = re.compile(rf"(?:{VERBS_BEFORE_NAME})[ \u00A0]$")
# a bare full name that meets or is met is a person too ("Wang Yi met Taro Kono", "his
# Japanese counterpart Nobuo Kishi", "their counterparts, Penny Wong and Richard Marles")
_MEETS_AFTER_RE = re.compile(r"[ \u00A0](?:met|meets|held\stalks|spoke|agreed)\b")
_MET_BEFORE_RE = re.compile(
    r"(?:\bmet(?:\swith)?|\bto\smeet|\bcounterparts?,?|\b(?:predecessor|successor),?|\bcounterparts?,?\s[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?"
    r"\s(?:and|,))[ \u00A0]$"
)


def _attach_appositives(text: str, runs: list[ParsedRun]) -> None:
    """``KISHIDA Fumio, Prime Minister of Japan`` / ``the Secretary General, Jens Stoltenberg``."""
    for n, (a, b) in enumerate(pairwise(runs)):
        gap = text[a.end : b.start]
        if gap in (" to ", " to the ") and a.role_title and not a.name and b.role_title:
            # "Senior Secretary to the President for Public Relations Kim Eun-hye"
            b.role_title = f"{a.role_title}{gap}{b.role_title}"
            b.org = b.org or a.org
            continue
        if (
            gap == ", "
            and len(a.name) == 1
            and a.name_end == a.end
            and b.name == [text[b.start : b.end]]
            and _KOREAN_GIVEN_RE.fullmatch(b.name[0])
        ):
            # "Minister of Foreign Affairs Kang, Kyung-wha": one name, family first
            a.name, a.name_end, a.end = [a.name[0], b.name[0]], b.name_end, b.end
            b.name, b.name_start, b.name_end = [], None, None
            continue
        if not _APPOSITIVE_RE.fullmatch(gap) or gap.startswith(", and"):
            continue
        if a.role_title and not a.name and len(b.name) < 2:
            # "Assistant Secretary General for Innovation, Hybrid and Cyber, Jane Doe"
            for c in runs[n + 2 : n + 5]:
                between = text[b.end : c.start]
                if len(between) > 40 or not re.fullmatch(r"[ ,\w’'-]*", between):
                    break
                if len(c.name) >= 2 and not c.role_title:
                    b.name, b.name_start, b.name_end = [], None, None
                    c.role_title, c.org = a.role_title, a.org
                    break
                b = c
            continue
        # An office beats a military rank: "Admiral X, Chair of the NATO Military Committee".
        if a.name and rank_or_none(a.role_title) and b.role_title and not b.name:
            a.role_title, a.org = b.role_title, b.org or a.org
        elif a.role_title and not a.name and b.name and rank_or_none(b.role_title):
            b.role_title, b.org = a.role_title, a.org


def _lowercase_role(text: str, run: ParsedRun) -> None:
    """Wire style: "NATO chief Mark Rutte", "Jamie Shea, the Alliance's spokesman"."""
    if not run.name or run.role_title or (run.start != run.name_start and not run.honorific):
        return
    if len(run.name) == 1 and run.name[0].lower() in _NOT_LONE_SPEAKERS:
        return  # "… an office in Tokyo, Japan's ambassador X said": a place holds no office
    m = (
        _ROLE_BEFORE_RE.search(text, max(0, run.start - 60), run.start)
        if _may_end_a_role(text, run.start)
        else None
    )
    if m is None:
        m = _ROLE_AFTER_RE.match(text, run.name_end or run.end)
    if m is not None:
        org = org_of(m.group(1)) if m.group(1) else None
        title = " ".join(m.group(2).split()).lower()
        chief = CHIEF_WORDS.get(title, {})
        title = chief.get(org) or chief.get(None) or title
        run.role_title = " ".join(w.capitalize() for w in title.split())
        run.org = org or run.org


# what follows a transcript label's name: its colon, or a bracketed role and the colon
_LABEL_AFTER_RE = re.compile(r"(?:,\s[^:()\n]{2,80}?)?(?:\s\([^()\n:]{1,60}\))?:")


def _introduces(text: str, run: ParsedRun) -> bool:
    """Does this run introduce a person (role/honorific + name, or a bare full name that
    speaks)?"""
    if not run.name:
        return False
    if run.role_title or run.honorific:
        return True
    if len(run.name) < 2:
        return False
    if run.start <= 1 and _LABEL_AFTER_RE.match(text, run.end):
        return True  # a transcript label: "ALEXANDER DOWNER: …", "JAMES APPATHURAI (NATO Spokesman): …"
    if _SPEECH_OF_RE.match(text, run.name_end or run.end):
        return True  # "Jacinda Ardern’s remarks following summit"
    after = text[run.end : run.end + 12]
    before = text[max(0, run.start - 16) : run.start]
    if _BARE_SPEECH_RE.match(after) or _SAID_BEFORE_RE.search(before):
        return True
    near = text[max(0, run.start - 60) : run.start]
    return bool(_MEETS_AFTER_RE.match(after) or _MET_BEFORE_RE.search(near))


# the words before a lone surname that a clause, not a sentence, starts with: "…, Abe said"
_MID_CLAUSE_RE = re.compile(r"(?:[a-z\u00E0-\u024F,;”\"’]|[a-z]\.)[ \u00A0]$")
_NOT_LONE_SPEAKERS = frozenset(
    w.lower()
    for w in (*CITIES, *COUNTRY_WORDS, *NATIONALITIES, *KNOWN_AGENCIES.split("|"), *ORGANISATIONS)
)


def _lone_speaker(text: str, run: ParsedRun) -> bool:
    """A surname alone that speaks inside a clause (an excerpt that starts after the full
    name: "After the talks, Abe said …", "…, said Lindqvist"): a person. Not at a
    sentence start ("Officials said"), not a place, country, agency or organisation."""
    if run.role_title or run.honorific or len(run.name) != 1 or run.name_start != run.start:
        return False
    if run.name_end != run.end or text[run.start : run.end] != run.name[0]:
        return False  # "Seoul’s Foreign Ministry said": an institution, not a lone name
    word = run.name[0]
    if not word[:1].isupper() or word.isupper() or word.lower() in _NOT_LONE_SPEAKERS:
        return False
    if _SPEECH_OF_RE.match(text, run.name_end or run.end):
        return True  # "Jacinda Ardern’s remarks following summit"
    after = text[run.end : run.end + 12]
    before = text[max(0, run.start - 16) : run.start]
    if _SAID_BEFORE_RE.search(before):
        return _MID_CLAUSE_RE.search(text[max(0, run.start - 30) : run.start]) is not None
    return (
        _BARE_SPEECH_RE.match(after) is not None
        and _MID_CLAUSE_RE.search(text[max(0, run.start - 3) : run.start]) is not None
    )


_SPEAKS_RE = re.compile(
    r"\b([A-Z][\w’'-]+)[ \u00a0](?:also[ \u00a0])?(?:said|says|told|added|noted|stressed|"
    r"described|explained|wrote|stated|warned|urged|argued|insisted)\b"
)


def _collect_intros(
    paragraphs: Sequence[str], runs_of: Sequence[list[ParsedRun]], title: str
) -> list[_Intro]:
    intros = []
    bare: list[_Intro] = []  # full names without a role: people if named alone elsewhere
    lone: list[_Intro] = []
    sources = [(-1, title, _runs(title, RUN_RE.finditer(title)))] if title else []
    sources += [(p, text, runs_of[p]) for p, text in enumerate(paragraphs)]
    for p, text, runs in sources:
        _attach_appositives(text, runs)
        for run in runs:
            _lowercase_role(text, run)
            written = text[run.name_start : run.name_end].split() if run.name else []
            if _introduces(text, run):
                intros.append(_Intro(p, run, written))
            elif 2 <= len(run.name) <= 3 and run.name_start == run.start:
                bare.append(_Intro(p, run, written))
            elif _lone_speaker(text, run):
                lone.append(_Intro(p, run, written, lone=True))
    if bare:
        # "their counterparts, Penny Wong and Richard Marles, ..." then "Marles told ...":
        # a full name whose family name speaks (or has an honorific or role) elsewhere
        alone = _surname_refs(intros)
        wanted = {i.run.name[-1] for i in bare} - {w.capitalize() for w in alone}
        for text in paragraphs:
            for name in [w for w in wanted if w in text]:
                if any(m.group(1) == name for m in _speaks(text, name)):
                    alone.add(name.lower())
                    wanted.discard(name)
        intros.extend(i for i in bare if i.run.name[-1].lower() in alone)
    if lone:
        named = {w.lower() for i in [*intros, *bare] for w in i.run.name}
        intros.extend(i for i in lone if i.run.name[0].lower() not in named)
    return intros


def _speaks(text: str, name: str) -> Iterator[re.Match[str]]:
    """``_SPEAKS_RE`` matches at the places ``name`` is written (no scan of the whole text)."""
    k = text.find(name, 0, 20000)
    while k >= 0:
        m = _SPEAKS_RE.match(text, k)
        if m is not None:
            yield m
        k = text.find(name, k + len(name), 20000)


def _surname_refs(intros: list[_Intro]) -> set[str]:
    return {i.run.name[0].lower() for i in intros if len(i.run.name) == 1 and not i.lone}


def build_registry(doc: AnalysedArticle) -> PeopleRegistry:
    """Read the article's body and captions (and title) for people, their roles and
    every mention; mentions in captions count paragraphs on after the body's."""
    texts = doc.registry_texts
    paragraphs = [t.text for t in texts]
    title, published, article_id = doc.title, doc.published, doc.article_id
    # parsed once: the appositives attached here are what the mentions read too
    runs_of = [_runs(t.text, t.name_runs) for t in texts]
    intros = _collect_intros(paragraphs, runs_of, title)
    singles = _surname_refs(intros)
    people: dict[str, Person] = {}
    order: list[str] = []

    def add_role(person: Person, run: ParsedRun) -> None:
        if run.role_title:
            new_key = role_key(run.role_title)
            for r in person.roles:
                old_key = role_key(r.title)
                same = old_key == new_key or old_key.endswith(" " + new_key)
                if same or new_key.endswith(" " + old_key):
                    if not same:  # "Minister" seen first, "Foreign Minister" now
                        r.title = run.role_title
                    r.organisation = r.organisation or run.org
                    break
            else:
                person.roles.append(Role(run.role_title, run.org, published, article_id))
        if run.gender and person.gender is None:
            person.gender = run.gender  # type: ignore[assignment]

    # longest names first, so "Mr Fogh Rasmussen" finds "Anders Fogh Rasmussen"
    ranked = sorted(intros, key=lambda i: -len(i.run.name))
    registry = PeopleRegistry([], [], published)
    for intro in ranked:
        if not intro.run.name:
            continue
        tokens = canonical_order(intro.run.name, intro.written)
        if (
            tokens == intro.run.name
            and len(tokens) == 2
            and (tokens[0].lower() in singles and tokens[1].lower() not in singles)
        ):
            tokens = [tokens[1], tokens[0]]  # "Kono Taro" ... later "Minister Kono"
        name = " ".join(tokens)
        person = registry.by_name(name)
        if person is None:
            pid = slugify(name)
            if not pid:
                continue
            person = people.get(pid)
            if person is None:
                person = people[pid] = Person(pid, name)
                order.append(pid)
                if _family_first(tokens, singles, paragraphs):
                    person.aliases.append(tokens[0])  # "President Yoon" is Yoon Suk Yeol
                registry.add_person(person)
        written = " ".join(intro.written)
        if len(intro.written) > 1 and written != person.name and written not in person.aliases:
            person.aliases.append(written)
        add_role(person, intro.run)
        registry.reindex_person(person)
    order.sort(key=lambda pid: _first_seen(intros, people[pid], registry))
    _complete_surnames(people, order, paragraphs)
    registry = PeopleRegistry([people[i] for i in order], [], published)
    mentions = _find_mentions(paragraphs, runs_of, registry)
    if is_japanese(paragraphs):
        mentions = _with_japanese_names(paragraphs, registry, mentions, published)
    return PeopleRegistry(registry.people, mentions, published)


def _with_japanese_names(
    paragraphs: Sequence[str],
    registry: PeopleRegistry,
    mentions: list[Mention],
    published: date | None,
) -> list[Mention]:
    """A Japanese-language readout's people, named in Japanese script (``people.japanese``):
    the person an English bracket already gave, else a new one, and each mention."""
    taken = {(m.paragraph, m.start) for m in mentions}
    for n in japanese_names(paragraphs, published):
        person = registry.by_name(n.name)
        if person is None:
            person = Person(slugify(n.name), n.name)
            registry.add_person(person)
        if (n.paragraph, n.start) not in taken:
            text = paragraphs[n.paragraph][n.start : n.end]
            mentions.append(Mention(n.paragraph, n.start, n.end, person.id, text))
    mentions.sort(key=lambda m: (m.paragraph, m.start))
    return mentions


_KOREAN_GIVEN_RE = re.compile(r"[A-Z][a-z]+-[a-z]+")


def _family_first(tokens: list[str], singles: set[str], paragraphs: Sequence[str]) -> bool:
    """A name written family name first (*Yoon Suk Yeol*, *Kim Eun-hye*): a hyphenated
    Korean given name follows a one-word family name, or the first word is used alone in
    the text (*President Yoon*, *Yoon said*) while the last is not."""
    if len(tokens) < 2 or not tokens[0][:1].isupper():
        return False
    if len(tokens) == 2 and _KOREAN_GIVEN_RE.fullmatch(tokens[1]):
        return True
    first, last = tokens[0].lower(), tokens[-1].lower()
    if last in singles:
        return False
    if first in singles:
        return True
    heads = [text[:20000] for text in paragraphs]

    def used_alone(word: str, pair: str) -> bool:  # (counts of substrings: no regex per name)
        return sum(t.count(word) for t in heads) > sum(t.count(pair) for t in heads)

    return used_alone(tokens[0], f"{tokens[0]} {tokens[1]}") and not used_alone(
        tokens[-1], f"{tokens[-2]} {tokens[-1]}"
    )


def _ranked(text: str, pos: int) -> bool:
    """Is the word before ``pos`` a rank's first word ("Lt" of "Lt Gen Tajiri")?"""
    before = text[max(0, pos - 8) : pos].split()[-1:]
    return bool(before) and before[0].lower() in ROLE_MODIFIERS


def _complete_surnames(
    people: dict[str, Person], order: list[str], paragraphs: Sequence[str]
) -> None:
    """A person known only as *Ms. Fellin* takes the full name written elsewhere
    (*... Irene Fellin led the delegation*)."""
    for n, pid in enumerate(order):
        person = people[pid]
        if " " in person.name:
            continue
        pattern = re.compile(
            rf"\b([A-Z][a-z\u00E0-\u024F]+(?:-[A-Z][a-z]+)?) {re.escape(person.name)}\b"
        )
        for text in paragraphs:
            m = pattern.search(text, 0, 100_000)
            if m is None or _ranked(text, m.start()):
                continue
            if is_name_token(m.group(1)) and m.group(1).lower() not in HONORIFICS:
                full = f"{m.group(1)} {person.name}"
                new_id = slugify(full)
                if new_id in people:
                    break
                person.aliases.append(person.name)
                person.id, person.name = new_id, full
                people[new_id] = people.pop(pid)
                order[n] = new_id
                break


def _first_seen(intros: list[_Intro], person: Person, registry: PeopleRegistry) -> tuple:
    for intro in intros:
        if intro.run.name and registry.by_name(" ".join(intro.run.name)) is person:
            return (intro.paragraph, intro.run.start)
    return (1 << 30, 0)


def _beside_name(text: str, runs: list[ParsedRun], n: int) -> bool:
    before = (
        n > 0
        and runs[n - 1].name
        and _APPOSITIVE_RE.fullmatch(text[runs[n - 1].end : runs[n].start])
    )
    after = (
        n + 1 < len(runs)
        and runs[n + 1].name
        and not runs[n + 1].role_title
        and (_APPOSITIVE_RE.fullmatch(text[runs[n].end : runs[n + 1].start]))
    )
    return bool(before or after)


def _find_mentions(
    paragraphs: Sequence[str], runs_of: Sequence[list[ParsedRun]], registry: PeopleRegistry
) -> list[Mention]:
    found: list[Mention] = []
    for p, text in enumerate(paragraphs):
        runs = runs_of[p]
        for n, run in enumerate(runs):
            if run.role_title and not run.name and _beside_name(text, runs, n):
                continue  # "KISHIDA Fumio, Prime Minister of Japan": the name is the mention
            person = None
            span: tuple[int, int] | None = None
            if run.name and run.name_start is not None and run.name_end is not None:
                person = registry.by_name(" ".join(run.name))
                span = (run.name_start, run.name_end)
            if person is None and run.role_title and not run.name and run.role_end is not None:
                cue = text[run.start : run.role_end]
                holders = registry.resolve_role(cue)
                if len(holders) > 1:
                    recent = registry.last_mentioned([h.id for h in holders], p, run.start)
                    holders = [recent or holders[0]]
                if len(holders) == 1:
                    person = holders[0]
                    s = run.start
                    if s >= 4 and text[s - 4 : s].lower() == "the ":
                        s -= 4
                    span = (s, run.role_end)
            if person is not None and span is not None:
                s, e = span
                mention = Mention(p, s, e, person.id, text[s:e])
                found.append(mention)
                registry.add_mention(mention)
    return found
