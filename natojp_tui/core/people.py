"""The people registry: who an article names, with roles, aliases and every mention.

``build_registry`` reads body paragraphs (and the title) for people introduced with a
role (*NATO Secretary General Anders Fogh Rasmussen*, *KISHIDA Fumio, Prime Minister
of Japan*), with an honorific (*Mr. Fogh Rasmussen*, *H.E. Ms. Kamikawa*) or as a bare
name next to a speech verb. ``PeopleRegistry.resolve`` maps any later cue (*Rasmussen*,
*the Secretary General*, *NATO's chief*, *KISHIDA Fumio*) back to the same ``Person``.
Japanese family-name-first forms are put in the usual given-family order: an ALL-CAPS
token is the family name, and a name whose first token is used alone elsewhere
(*Minister Kono*) is family-first. ``merge_people`` folds registries across articles.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import wraps
from itertools import pairwise
from typing import TypeVar

from natojp_tui.core.model import Person, Role

APOSTROPHES = "'’"
# Only this many characters of one paragraph are analysed (no real paragraph comes close;
# the cap keeps a pathological multi-megabyte paragraph well under a second).
MAX_PARAGRAPH_CHARS = 100_000


def wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_T = TypeVar("_T")
_MEMOS: list[MutableMapping] = []  # every table memo_short fills, and the paragraph caches


def register_memo(table: MutableMapping) -> None:
    """Let ``forget_memos`` empty ``table`` too (a cache of another extractor module)."""
    _MEMOS.append(table)


def forget_memos() -> None:
    """Empty every memo and paragraph cache of the extractors (answers never depend on
    them; a cold start is what a fresh import worker sees)."""
    for table in _MEMOS:
        table.clear()


def memo_short(
    longest: int = 80, size: int = 16384
) -> Callable[[Callable[[str], _T]], Callable[[str], _T]]:
    """Memoise a pure function of one string. Only strings up to ``longest`` characters
    are kept (words and name runs recur across articles; hostile megabyte tokens must
    not pile up), and the table is emptied when it holds ``size`` entries. Cached
    values are shared: callers must not mutate them."""

    def decorate(fn: Callable[[str], _T]) -> Callable[[str], _T]:
        table: dict[str, _T] = {}
        _MEMOS.append(table)

        @wraps(fn)
        def cached(text: str) -> _T:
            try:
                return table[text]
            except KeyError:
                value = fn(text)
                if len(text) <= longest:
                    if len(table) >= size:
                        table.clear()
                    table[text] = value
                return value

        return cached

    return decorate


HONORIFICS: dict[str, str | None] = {
    "mr": "m",
    "mr.": "m",
    "sir": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "madam": "f",
    "mme": "f",
    "mme.": "f",
    "dame": "f",
    "dr": None,
    "dr.": None,
    "prof": None,
    "prof.": None,
    "professor": None,
    "h.e.": None,
    "he.": None,
    "hon.": None,
    "the honorable": None,
    "the honourable": None,
}
ORGANISATIONS: dict[str, str] = {
    "nato": "NATO",
    "alliance": "NATO",
    "allied": "NATO",
    "eu": "EU",
    "european union": "EU",
    "un": "UN",
    "united nations": "UN",
    "g7": "G7",
    "g20": "G20",
    "asean": "ASEAN",
    "osce": "OSCE",
    "european commission": "EU",
    "european council": "EU",
}
COUNTRIES: tuple[str, ...] = (
    "Japan",
    "United States",
    "United Kingdom",
    "France",
    "Germany",
    "Italy",
    "Canada",
    "Australia",
    "New Zealand",
    "Republic of Korea",
    "South Korea",
    "Korea",
    "North Korea",
    "China",
    "Russia",
    "Ukraine",
    "India",
    "Poland",
    "Netherlands",
    "Belgium",
    "Norway",
    "Denmark",
    "Sweden",
    "Finland",
    "Spain",
    "Portugal",
    "Türkiye",
    "Turkey",
    "Greece",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Romania",
    "Bulgaria",
    "Hungary",
    "Czech Republic",
    "Czechia",
    "Slovakia",
    "Slovenia",
    "Croatia",
    "Albania",
    "Montenegro",
    "North Macedonia",
    "Iceland",
    "Luxembourg",
    "Georgia",
    "Moldova",
    "Afghanistan",
    "Iraq",
    "Mongolia",
    "Philippines",
    "Singapore",
    "Indonesia",
    "Viet Nam",
    "Vietnam",
    "Thailand",
    "Malaysia",
    "Austria",
    "Switzerland",
    "Ireland",
    "Israel",
    "Brazil",
    "Mexico",
    "Taiwan",
)
NATIONALITIES: dict[str, str] = {
    "japanese": "Japan",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "british": "United Kingdom",
    "uk": "United Kingdom",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "canadian": "Canada",
    "australian": "Australia",
    "korean": "Republic of Korea",
    "south korean": "Republic of Korea",
    "chinese": "China",
    "russian": "Russia",
    "ukrainian": "Ukraine",
    "indian": "India",
    "polish": "Poland",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "norwegian": "Norway",
    "danish": "Denmark",
    "swedish": "Sweden",
    "finnish": "Finland",
    "spanish": "Spain",
    "portuguese": "Portugal",
    "turkish": "Türkiye",
    "greek": "Greece",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "hungarian": "Hungary",
    "czech": "Czech Republic",
    "slovak": "Slovakia",
    "croatian": "Croatia",
    "georgian": "Georgia",
    "mongolian": "Mongolia",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "singaporean": "Singapore",
    "indonesian": "Indonesia",
    "vietnamese": "Viet Nam",
    "austrian": "Austria",
    "swiss": "Switzerland",
    "irish": "Ireland",
}
_COUNTRY_KEYS = {c.lower(): c for c in COUNTRIES}

# Role grammar: MODIFIER* HEAD ("of"|"for" COMPLEMENT)?, all capitalised in running text.
ROLE_MODIFIERS = wordset(
    "deputy vice assistant senior state parliamentary acting chief cabinet foreign defence "
    "defense trade finance economy economic security permanent special high supreme allied "
    "prime executive principal press first under foreign-affairs lieutenant major brigadier rear"
)
ROLE_HEADS = wordset(
    "minister secretary-general secretary president vice-president ambassador chair chairman "
    "chairwoman chairperson spokesperson spokesman spokeswoman representative commander "
    "general admiral chancellor governor mayor senator premier vice-minister director "
    "director-general chief head emperor king queen prince princess envoy adviser advisor "
    "counsellor speaker colonel commandant captain"
)
COMPLEMENT_WORDS = wordset(
    "foreign affairs defence defense state staff cabinet military committee economy trade "
    "industry finance policy security political and the of nato allied alliance european "
    "union united nations japan's public diplomacy operations partnerships cooperative "
    "emerging challenges ministry government internal communications"
)
# Canonical spellings so that "Minister for Foreign Affairs" and "Foreign Minister" match.
ROLE_SYNONYMS: dict[str, str] = {
    "minister of foreign affairs": "foreign minister",
    "minister for foreign affairs": "foreign minister",
    "foreign affairs minister": "foreign minister",
    "minister of defence": "defence minister",
    "minister of defense": "defence minister",
    "minister for defence": "defence minister",
    "defense minister": "defence minister",
    "secretary-general": "secretary general",
    "deputy secretary-general": "deputy secretary general",
    "assistant secretary-general": "assistant secretary general",
    "chairman": "chair",
    "chairwoman": "chair",
    "chairperson": "chair",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "premier": "prime minister",
    "state minister of defense": "state minister of defence",
}
# "NATO's chief", "Japan's top diplomat": informal names for an organisation's top office.
CHIEF_WORDS: dict[str, dict[str | None, str]] = {
    "chief": {"NATO": "secretary general", None: "secretary general"},
    "head": {"NATO": "secretary general"},
    "boss": {"NATO": "secretary general"},
    "leader": {"Japan": "prime minister", "NATO": "secretary general"},
    "top diplomat": {None: "foreign minister"},
    "defence chief": {None: "defence minister"},
    "defense chief": {None: "defence minister"},
}
NAME_PARTICLES = wordset("van von der den de da di du bin al le la del dos ter")
# Capitalised words that never start or continue a person's name.
NON_NAME_WORDS = wordset(
    """the this that these those a an in on at during after before while when as both it he
    she they we i our his her their its and but however also for with from to by of following
    today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december jan feb mar
    apr jun jul aug sep sept oct nov dec declaration statement summit council committee
    ministry government alliance agreement strategy concept communiqué communique partnership
    programme program forces force defence defense union nations republic kingdom states office
    house diet parliament assembly university institute center centre headquarters day meeting
    conference press video photo minister secretary general president ambassador chair
    spokesperson allies allied ally partners partner foreign affairs prime deputy vice
    japanese nato asia pacific indo-pacific europe european atlantic north south east west
    korea sea security cyber joint political all each every there here what why how who
    according speaking addressing said says more further meanwhile mission operation
    exercise individually tailored itpp ipcp self-defense self-defence sdf jsdf mofa
    earlier later then thereafter afterwards subsequently previously recently finally
    additionally furthermore moreover meanwhile likewise similarly separately together"""
)
ACRONYMS = wordset(
    "NATO EU UN US USA UK G7 G20 ASEAN OSCE SDF JSDF MOFA IP4 AP4 ITPP IPCP ODA JICA TV"
)
JP_FAMILY_NAMES = wordset(
    """abe aso fukuda hamada hatoyama hayashi ishiba iwaya kamikawa kato kihara kishida koizumi
    kono matsuno motegi nakasone nakatani noda okada onodera sato suga suzuki takahashi tanaka
    watanabe ito yamamoto nakamura kobayashi yoshida yamada sasaki yamaguchi matsumoto inoue
    kimura shimizu yamaguchi ishii takeuchi fujii ono gemba maehara inada hagiuda komura"""
)
JP_GIVEN_NAMES = wordset(
    """shinzo taro fumio yoko yoshihide toshimitsu yoshimasa minoru gen takeshi itsunori tomomi
    katsunobu shigeru yasukazu hiroshi akira koichi masahisa nobuo tsuyoshi kenji daisuke
    hirokazu junichiro yasuo yukio naoto yoshihiko katsuya koichiro seiji kentaro hiroyuki
    kiyoshi yuko keiko tomoko kazuyuki masato"""
)

_CAP = (
    r"(?:(?:Mr|Mrs|Ms|Dr|Prof|Mme|Gen|Lt|Col|Adm|Jr|Sr|St|Hon)\.|[A-Z]\.(?:[A-Z]\.)*"
    r"|[A-Z\u00C0-\u00DE][\w\u00C0-\u024F]*(?:[-’'][\w\u00C0-\u024F]+)*)"
)
_CONNECT = r"(?:(?:of|for)(?:[ \u00A0]the)?|van|von|der|den|de|da|di|du|bin|al|le|la|del|dos|ter)"
# A run of capitalised words joined by single spaces and a few lowercase connectors.
# (the look-ahead is only a quick test: every run starts with a capital letter)
RUN_RE = re.compile(rf"(?=[A-Z\u00C0-\u00DE]){_CAP}(?:[ \u00A0](?:{_CONNECT}[ \u00A0])*{_CAP})*")
_TOKEN_RE = re.compile(r"\S+")
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"}
)


@dataclass(slots=True)
class Mention:
    """One place where a person is named (by name or by a role held in the article)."""

    paragraph: int
    start: int
    end: int
    person_id: str
    text: str


class _Tok:
    """One whitespace-separated token of a run, with its folded form computed once."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.low = _low(text)


@memo_short()
def _low(text: str) -> str:
    return text.lower().rstrip(".,;:") if len(text) > 2 else text.lower()


@dataclass(slots=True)
class ParsedRun:
    """A capitalised run split into honorific, organisation, role and name parts."""

    start: int
    end: int
    honorific: str | None = None
    gender: str | None = None
    org: str | None = None
    role_title: str | None = None
    role_start: int | None = None
    role_end: int | None = None
    name: list[str] = field(default_factory=list)
    name_start: int | None = None
    name_end: int | None = None


def slugify(name: str) -> str:
    """``"Anders Fogh Rasmussen"`` → ``"anders-fogh-rasmussen"`` (accents folded)."""
    folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSABLE))
    folded = folded.encode("ascii", "ignore").decode()
    return _SLUG_RE.sub("-", folded.lower()).strip("-")


@memo_short()
def role_key(title: str) -> str:
    """Canonical lowercase key of a role title, folding synonyms and hyphen spellings."""
    key = " ".join(title.lower().replace("’", "'").split())
    return ROLE_SYNONYMS.get(key, key)


def role_display(role: Role) -> str:
    """``Role("Secretary General", "NATO")`` → ``"NATO Secretary General"``;
    countries go after: ``"Prime Minister of Japan"``."""
    if not role.organisation:
        return role.title
    if role.organisation in ORGANISATIONS.values():
        return f"{role.organisation} {role.title}"
    return f"{role.title} of {role.organisation}"


def _strip_possessive(word: str) -> str:
    if not word or word[-1] not in "s'’":
        return word
    for apo in APOSTROPHES:
        if word.endswith(apo + "s"):
            return word[:-2]
        if word.endswith(apo):
            return word[:-1]
    return word


@memo_short()
def _org_of(words: str) -> str | None:
    """Organisation or country named by ``words`` ("NATO's", "Japanese", "Japan")."""
    low = _strip_possessive(words).lower().strip(".") if words.lower() != "u.s." else "u.s."
    if low in ORGANISATIONS:
        return ORGANISATIONS[low]
    if low in _COUNTRY_KEYS:
        return _COUNTRY_KEYS[low]
    if low.startswith("the ") and low[4:] in _COUNTRY_KEYS:
        return _COUNTRY_KEYS[low[4:]]
    return NATIONALITIES.get(low)


@memo_short()
def _is_name_token(word: str) -> bool:
    if not word or not word[0].isupper():
        return False
    bare = _strip_possessive(word)
    if bare.upper() in ACRONYMS or bare.lower() in NON_NAME_WORDS:
        return False
    if bare.lower() in HONORIFICS or _org_of(bare):
        return False
    return any(ch.isalpha() for ch in bare)


@memo_short()
def _norm_name_token(word: str) -> str:
    word = _strip_possessive(word).rstrip(",;:")
    if len(word) > 1 and word.isupper() and not word.endswith("."):
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _tokens(run: str, offset: int) -> list[_Tok]:
    return [_Tok(m.group(), offset + m.start(), offset + m.end()) for m in _TOKEN_RE.finditer(run)]


def _match_role(toks: list[_Tok], i: int) -> tuple[int, str] | None:
    """Longest role phrase starting at token ``i``: (index after it, title as written)."""
    j = i
    while j < len(toks) and toks[j].low in ROLE_MODIFIERS and toks[j].text[0].isupper():
        j += 1
    # two-word heads first: "Secretary General", "Director General", "Vice Minister"
    head_end = None
    if j + 1 < len(toks) and f"{toks[j].low} {toks[j + 1].low}" in (
        "secretary general",
        "director general",
        "vice minister",
        "vice president",
    ):
        head_end = j + 2
    elif j < len(toks) and toks[j].low in ROLE_HEADS and toks[j].text[0].isupper():
        head_end = j + 1
    elif j > i and toks[j - 1].low in ("secretary", "chief", "general"):
        head_end = j  # "Chief Cabinet Secretary", "Attorney General"-like endings
    if head_end is None:
        return None
    k = head_end
    if k < len(toks) and toks[k].low in ("of", "for"):
        m = k + 1
        while m < len(toks) and (
            toks[m].low in COMPLEMENT_WORDS or _org_of(toks[m].text) or toks[m].low == "the"
        ):
            m += 1
        # a complement ending in a country can be the multiword "United Kingdom"
        if m > k + 1 and toks[m - 1].low not in ("of", "for", "the", "and"):
            k = m
    title = " ".join(t.text for t in toks[i:k]).rstrip(".,;:")
    return k, title


def _split_country(title: str) -> tuple[str, str | None]:
    """Split a trailing country off a title; keeps "of Foreign Affairs" in the title."""
    for sep in (" of the ", " of ", " for "):
        pos = title.rfind(sep)
        if pos > 0:
            tail = title[pos + len(sep) :]
            org = _org_of(tail) or _org_of("the " + tail)
            if org:
                return title[:pos], org
    return title, None


def parse_run(text: str, start: int, end: int) -> ParsedRun:
    """Split the capitalised run ``text[start:end]`` into honorific/org/role/name parts."""
    p = _parse_run_text(text[start:end])  # shared and cached: copy before shifting
    return ParsedRun(
        start,
        end,
        p.honorific,
        p.gender,
        p.org,
        p.role_title,
        None if p.role_start is None else p.role_start + start,
        None if p.role_end is None else p.role_end + start,
        list(p.name),
        None if p.name_start is None else p.name_start + start,
        None if p.name_end is None else p.name_end + start,
    )


@memo_short(longest=200, size=8192)
def _parse_run_text(text: str) -> ParsedRun:
    """``parse_run`` of a whole run text at offset 0 (the same runs recur across articles)."""
    toks = _tokens(text, 0)
    run = ParsedRun(0, len(text))
    i = 0

    def honorifics() -> None:
        nonlocal i
        while i < len(toks) and toks[i].text.lower().rstrip(",") in HONORIFICS:
            run.honorific = toks[i].text
            run.gender = HONORIFICS[toks[i].text.lower().rstrip(",")] or run.gender
            i += 1

    if toks and toks[0].low == "the":
        i = 1
    honorifics()
    if i < len(toks):
        org = _org_of(toks[i].text)
        two = f"{toks[i].text} {toks[i + 1].text}" if i + 1 < len(toks) else ""
        org2 = _org_of(two) if two else None
        if org2 and _match_role(toks, i + 2):
            run.org, i = org2, i + 2
        elif org and (_match_role(toks, i + 1) or toks[i].low.endswith(("’s", "'s"))):
            run.org, i = org, i + 1
    role = _match_role(toks, i) if i < len(toks) else None
    if role:
        k, title = role
        title, country = _split_country(title)
        run.role_title, run.org = title, country or run.org
        run.role_start, run.role_end = toks[i].start, toks[k - 1].end
        i = k
        honorifics()
    name: list[_Tok] = []
    while i < len(toks) and len(name) < 5:
        tok = toks[i]
        sentence_end = tok.text.endswith(".") and len(tok.text) > 2 and "." not in tok.text[:-1]
        if sentence_end:  # "Rasmussen." ends a sentence; "J." and "U.S." do not
            tok = _Tok(tok.text[:-1], tok.start, tok.end - 1)
        if _is_name_token(tok.text) or (name and tok.low in NAME_PARTICLES):
            name.append(tok)
            i += 1
            if sentence_end or tok.text.endswith(APOSTROPHES) or tok.text.endswith(("’s", "'s")):
                break
        else:
            break
    while name and name[-1].low in NAME_PARTICLES:
        name.pop()
    if name:
        run.name = [_norm_name_token(t.text) for t in name]
        last = name[-1]
        bare = _strip_possessive(last.text)
        run.name_start, run.name_end = name[0].start, last.start + len(bare)
    return run


def canonical_order(tokens: list[str], written: list[str] | None = None) -> list[str]:
    """Put a two-part Japanese name in given-family order (ALL-CAPS marks the family)."""
    written = written or tokens
    if len(tokens) == 2 and len(written) == 2:
        a, b = written
        a_caps = len(a) > 1 and a.isupper()
        b_caps = len(b) > 1 and b.isupper()
        if a_caps and not b_caps:
            return [tokens[1], tokens[0]]
        if (
            not a_caps
            and not b_caps
            and (tokens[0].lower() in JP_FAMILY_NAMES and tokens[1].lower() in JP_GIVEN_NAMES)
        ):
            return [tokens[1], tokens[0]]
    return tokens


_MEMO_CHARS = 200  # longer names and cues are not remembered by a registry


class PeopleRegistry:
    """The people named in one article (or merged articles) and where they are named."""

    def __init__(
        self,
        people: list[Person] | None = None,
        mentions: list[Mention] | None = None,
        published: date | None = None,
    ) -> None:
        self.people: list[Person] = list(people or [])
        self.published = published
        self._mentions: list[Mention] = sorted(mentions or [], key=lambda m: (m.paragraph, m.start))
        self._reindex()

    def _reindex(self) -> None:
        self._forget()
        self._by_id = {p.id: p for p in self.people}
        self._alias: dict[str, list[str]] = {}
        for p in self.people:
            for alias in self._aliases_of(p):
                ids = self._alias.setdefault(alias, [])
                if p.id not in ids:
                    ids.append(p.id)
        self._keys = [(m.paragraph, m.start) for m in self._mentions]

    def _forget(self) -> None:
        """Drop remembered answers of ``by_name``/``resolve_role``/``resolve``/``role_of``:
        they hold only while the people and their names and roles stay as they were indexed."""
        self._role_names: dict[str, tuple[Person, str | None]] = {}
        self._names: dict[str, Person | None] = {}
        self._roles: dict[str, list[Person]] = {}
        self._cues: dict[str, Person | None] = {}

    @staticmethod
    def _aliases_of(person: Person) -> Iterable[str]:
        parts = person.name.split()
        yield person.name.lower()
        for alias in person.aliases:
            yield _fold_name(alias)
        if len(parts) >= 2:
            yield parts[-1].lower()
            yield f"{parts[-1]} {' '.join(parts[:-1])}".lower()  # family-first
        if len(parts) >= 3:
            yield " ".join(parts[-2:]).lower()
            yield " ".join(parts[1:]).lower()

    def get(self, person_id: str) -> Person | None:
        return self._by_id.get(person_id)

    def mentions(self) -> list[Mention]:
        """Every place a person is named, in reading order."""
        return list(self._mentions)

    def role_of(self, person: Person) -> str | None:
        """Display string of the person's role on the article date."""
        known = self._role_names.get(person.id)
        if known is not None and known[0] is person:
            return known[1]
        role = person.role_on(self.published)
        shown = role_display(role) if role else None
        self._role_names[person.id] = (person, shown)
        return shown

    def by_name(self, name: str) -> Person | None:
        """The person a (possibly partial, family-first or ALL-CAPS) name refers to."""
        if name in self._names:
            return self._names[name]
        person = self._by_name(name)
        if len(name) <= _MEMO_CHARS:
            self._names[name] = person
        return person

    def _by_name(self, name: str) -> Person | None:
        keys = _name_keys(name)
        if not keys:
            return None
        ids = self._alias.get(keys[0], [])
        if not ids and len(keys) == 2:
            ids = self._alias.get(keys[1], [])
        return self._by_id[ids[0]] if len(ids) == 1 else None

    def holders(self, key: str, org: str | None = None) -> list[Person]:
        """People holding a role whose key is ``key`` (or, for bare heads like
        ``"minister"``, any role ending in it except "prime minister"; a bare head also
        names an office written out in full, "chair" → "chair of the military committee")."""
        found = []
        for p in self.people:
            for r in p.roles:
                rk = role_key(r.title)
                ok = (
                    rk == key
                    or (
                        key in ("minister", "secretary", "director", "representative", "ambassador")
                        and rk.endswith(key)
                        and rk != "prime minister"
                    )
                    or (
                        # a bare head names the office in full: "the Chair" → "Chair of the … Committee"
                        key in ROLE_HEADS and rk.startswith((f"{key} of ", f"{key} for "))
                    )
                )
                if ok and (org is None or r.organisation in (None, org)):
                    found.append(p)
                    break
        return found

    def resolve_role(self, cue: str) -> list[Person]:
        """Everyone a role cue (*the Secretary General*, *NATO's chief*) may refer to."""
        found = self._roles.get(cue)
        if found is None:
            found = self._resolve_role(cue)
            if len(cue) <= _MEMO_CHARS:
                self._roles[cue] = found
        return list(found)

    def _resolve_role(self, cue: str) -> list[Person]:
        words = _strip_honorifics(cue).replace("’", "'").split()
        if words and words[0].lower() in ("the", "a", "an", "both", "two"):
            words = words[1:]
        org = None
        if words and (o := _org_of(words[0])):
            org, words = o, words[1:]
        phrase = " ".join(words).lower()
        if phrase.endswith((" of japan", " of nato")):
            org = "Japan" if phrase.endswith("japan") else "NATO"
            phrase = phrase.rsplit(" of ", 1)[0]
        if phrase in CHIEF_WORDS:
            table = CHIEF_WORDS[phrase]
            key = table.get(org) or table.get(None)
            return self.holders(key, org if org != "NATO" else None) if key else []
        if not phrase:
            return []
        return self.holders(role_key(phrase), org)

    def resolve(self, cue: str) -> Person | None:
        """The person ``cue`` names, or None if it is unknown or ambiguous.

        Names in any form resolve (full, surname, family-first, with honorifics, with a
        role before them); role cues resolve when one person in the article holds the role.
        Pronouns need a position: see ``resolve_at``.
        """
        if cue in self._cues:
            return self._cues[cue]
        person = self._resolve(cue)
        if len(cue) <= _MEMO_CHARS:
            self._cues[cue] = person
        return person

    def _resolve(self, cue: str) -> Person | None:
        plan = _cue_plan(cue)
        if not plan.cue:
            return None
        if plan.name and (p := self.by_name(plan.name)):
            return p
        if (p := self.by_name(plan.cue)) is not None:
            return p
        for part in plan.parts:  # "Keidanren's chairman, Masakazu Tokura"
            if (p := self.resolve(part)) is not None:
                return p
        for tail in plan.tails:
            if (p := self.by_name(tail)) is not None:
                return p
        holders = self.resolve_role(plan.cue)
        return holders[0] if len(holders) == 1 else None

    def last_mentioned(self, ids: Iterable[str], paragraph: int, pos: int) -> Person | None:
        """Of the people ``ids``, the one named most recently before (paragraph, pos),
        looking back at most 200 mentions."""
        wanted = set(ids)
        i = bisect_left(self._keys, (paragraph, pos)) - 1
        floor = max(-1, i - 200)
        while i > floor:
            m = self._mentions[i]
            if m.person_id in wanted:
                return self._by_id[m.person_id]
            i -= 1
        return None

    def resolve_at(self, cue: str, paragraph: int, pos: int) -> Person | None:
        """Like ``resolve`` but a role cue held by several people picks the one named
        most recently before the position (else the first one introduced)."""
        person = self.resolve(cue)
        if person is not None:
            return person
        holders = self.resolve_role(cue)
        if not holders:
            return None
        recent = self.last_mentioned([p.id for p in holders], paragraph, pos)
        return recent or holders[0]

    def previous_mentions(self, paragraph: int, pos: int) -> Iterator[Mention]:
        """Mentions before (paragraph, pos), nearest first (lazily)."""
        i = bisect_left(self._keys, (paragraph, pos))
        for k in range(i - 1, -1, -1):
            yield self._mentions[k]

    def mentions_in(self, paragraph: int, start: int, end: int) -> list[Mention]:
        """Mentions starting inside ``paragraph[start:end]``, in reading order."""
        lo = bisect_left(self._keys, (paragraph, start))
        hi = bisect_left(self._keys, (paragraph, end))
        return self._mentions[lo:hi]

    def add_person(self, person: Person) -> None:
        """Index one more person (keeps building a registry linear)."""
        self._forget()
        self.people.append(person)
        self._by_id[person.id] = person
        self.reindex_person(person)

    def reindex_person(self, person: Person) -> None:
        """Index the names of ``person`` again (after a name, alias or role changed)."""
        self._forget()
        for alias in self._aliases_of(person):
            ids = self._alias.setdefault(alias, [])
            if person.id not in ids:
                ids.append(person.id)


@memo_short(longest=200)
def _name_keys(name: str) -> tuple[str, ...]:
    """Alias keys a name is looked up by: as written (honorifics off, ALL-CAPS and
    possessives folded), then for two words the other order; none for an empty name."""
    words = [_norm_name_token(w) for w in _strip_honorifics(name).split()]
    words = [w for w in words if w]
    if not words:
        return ()
    key = " ".join(words).lower()
    return (key, f"{words[1]} {words[0]}".lower()) if len(words) == 2 else (key,)


@dataclass(frozen=True, slots=True)
class _CuePlan:
    """What ``PeopleRegistry.resolve`` tries for one cue, in order (the same for every
    registry, so worked out once per cue text)."""

    cue: str  # spaces folded, edge punctuation off
    name: str  # the name part of the cue read as a run ("" if none)
    parts: tuple[str, ...]  # comma-separated parts, last first
    tails: tuple[str, ...]  # the cue from each later capitalised word on


@memo_short(longest=200, size=8192)
def _cue_plan(raw: str) -> _CuePlan:
    cue = " ".join(raw.split()).strip(" ,.;:")
    if not cue:
        return _CuePlan("", "", (), ())
    run = _parse_run_text(cue)
    parts = tuple(part for part in reversed(cue.split(", ")) if part != cue)
    words = cue.split()
    tails = tuple(" ".join(words[k:]) for k in range(1, len(words)) if words[k][:1].isupper())
    return _CuePlan(cue, " ".join(run.name), parts, tails)


def _fold_name(name: str) -> str:
    return " ".join(_norm_name_token(w) for w in name.split()).lower()


def _strip_honorifics(text: str) -> str:
    words = text.split()
    while words and words[0].lower().rstrip(",") in HONORIFICS:
        words = words[1:]
    return " ".join(words)


@dataclass(slots=True)
class _Intro:
    paragraph: int  # -1 for the title
    run: ParsedRun
    written: list[str]


def _runs(text: str) -> list[ParsedRun]:
    """Parsed capitalised runs of ``text`` (cached: intros and mentions share them);
    lone capitalised function words and place names are skipped unparsed."""
    cached = _RUN_CACHE.get(id(text))
    if cached is not None and cached[0] is text:
        return cached[1]
    runs = []
    for m in RUN_RE.finditer(text):
        word = m.group()
        if " " not in word:
            low = _strip_possessive(word).lower()
            if low in _SKIP_SINGLE:
                continue
        runs.append(parse_run(text, m.start(), m.end()))
    if len(_RUN_CACHE) >= 64:
        _RUN_CACHE.popitem(last=False)  # the oldest (atomic: safe beside other threads)
    _RUN_CACHE[id(text)] = (text, runs)
    return runs


# by id() of the text it keeps alive, oldest first
_RUN_CACHE: OrderedDict[int, tuple[str, list[ParsedRun]]] = OrderedDict()
register_memo(_RUN_CACHE)
_SKIP_SINGLE = frozenset(
    w
    for w in NON_NAME_WORDS | {a.lower() for a in ACRONYMS} | set(_COUNTRY_KEYS)
    if w not in ROLE_HEADS
)


_ORG_WORD = (
    r"(?:NATO|the Alliance|Alliance|Japan|Japanese|the EU|EU|the UN|UN|U\.S\.|US|[A-Z][a-z]+an)"
)
_LOWER_ROLE = (
    r"(?:(?:deputy|vice|assistant|chief|foreign|defen[cs]e|prime|state|senior|top)[ \u00A0])*"
    r"(?:secretary[- ]general|minister|spokes(?:person|man|woman)|chief|ambassador|president|"
    r"envoy|diplomat|leader|head|chair(?:man|woman|person)?)"
)
_ROLE_BEFORE_RE = re.compile(rf"(?:({_ORG_WORD})(?:['’]s)?[ \u00A0])?({_LOWER_ROLE})[ \u00A0]$")
_ROLE_AFTER_RE = re.compile(
    rf",[ \u00A0](?:the[ \u00A0])?(?:({_ORG_WORD})(?:['’]s)?[ \u00A0])?({_LOWER_ROLE})\b"
)
_APPOSITIVE_RE = re.compile(r",[ \u00A0](?:the[ \u00A0]|and[ \u00A0])?")
_BARE_SPEECH_RE = re.compile(
    r",?[ \u00A0](?:said|says|stated|added|told|noted|stressed|explained|remarked|"
    r"emphasi[sz]ed|underlined|welcomed|expressed|reaffirmed|announced|declared)\b"
)
_SAID_BEFORE_RE = re.compile(r"(?:said|says|added|stated|according to)[ \u00A0]$")


RANKS = frozenset(
    {
        "admiral",
        "vice admiral",
        "rear admiral",
        "general",
        "lieutenant general",
        "major general",
        "brigadier general",
        "brigadier",
        "colonel",
        "lieutenant colonel",
        "captain",
        "commander",
        "major",
        "lieutenant",
        "air marshal",
        "air chief marshal",
    }
)


def _rank_or_none(title: str | None) -> bool:
    """No role yet, or only a military rank (which an office in apposition replaces)."""
    return title is None or title.lower() in RANKS


def _attach_appositives(text: str, runs: list[ParsedRun]) -> None:
    """``KISHIDA Fumio, Prime Minister of Japan`` / ``the Secretary General, Jens Stoltenberg``."""
    for n, (a, b) in enumerate(pairwise(runs)):
        gap = text[a.end : b.start]
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
        if a.name and _rank_or_none(a.role_title) and b.role_title and not b.name:
            a.role_title, a.org = b.role_title, b.org or a.org
        elif a.role_title and not a.name and b.name and _rank_or_none(b.role_title):
            b.role_title, b.org = a.role_title, a.org


def _lowercase_role(text: str, run: ParsedRun) -> None:
    """Wire style: "NATO chief Mark Rutte", "Jamie Shea, the Alliance's spokesman"."""
    if not run.name or run.role_title or (run.start != run.name_start and not run.honorific):
        return
    m = _ROLE_BEFORE_RE.search(text, max(0, run.start - 60), run.start)
    if m is None:
        m = _ROLE_AFTER_RE.match(text, run.name_end or run.end)
    if m is not None:
        org = _org_of(m.group(1)) if m.group(1) else None
        title = " ".join(m.group(2).split()).lower()
        chief = CHIEF_WORDS.get(title, {})
        title = chief.get(org) or chief.get(None) or title
        run.role_title = " ".join(w.capitalize() for w in title.split())
        run.org = org or run.org


def _introduces(text: str, run: ParsedRun) -> bool:
    """Does this run introduce a person (role/honorific + name, or a bare full name that
    speaks)?"""
    if not run.name:
        return False
    if run.role_title or run.honorific:
        return True
    if len(run.name) < 2:
        return False
    after = text[run.end : run.end + 12]
    before = text[max(0, run.start - 16) : run.start]
    return bool(_BARE_SPEECH_RE.match(after) or _SAID_BEFORE_RE.search(before))


def _collect_intros(paragraphs: Sequence[str], title: str) -> list[_Intro]:
    intros = []
    sources = [(-1, title)] if title else []
    sources += list(enumerate(paragraphs))
    for p, text in sources:
        runs = _runs(text)
        _attach_appositives(text, runs)
        for run in runs:
            _lowercase_role(text, run)
            if _introduces(text, run):
                written = text[run.name_start : run.name_end].split()  # type: ignore[misc]
                intros.append(_Intro(p, run, written))
    return intros


def _surname_refs(intros: list[_Intro]) -> set[str]:
    return {i.run.name[0].lower() for i in intros if len(i.run.name) == 1}


def build_registry(
    paragraphs: Sequence[str],
    published: date | None = None,
    article_id: str | None = None,
    title: str = "",
) -> PeopleRegistry:
    """Read ``paragraphs`` (and ``title``) for people, their roles and every mention."""
    paragraphs = [p[:MAX_PARAGRAPH_CHARS] for p in paragraphs]
    title = title[:MAX_PARAGRAPH_CHARS]
    intros = _collect_intros(paragraphs, title)
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
                registry.add_person(person)
        written = " ".join(intro.written)
        if len(intro.written) > 1 and written != person.name and written not in person.aliases:
            person.aliases.append(written)
        add_role(person, intro.run)
        registry.reindex_person(person)
    order.sort(key=lambda pid: _first_seen(intros, people[pid], registry))
    _complete_surnames(people, order, paragraphs)
    registry = PeopleRegistry([people[i] for i in order], [], published)
    mentions = _find_mentions(paragraphs, registry)
    return PeopleRegistry(registry.people, mentions, published)


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
            if m and _is_name_token(m.group(1)) and m.group(1).lower() not in HONORIFICS:
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


def _find_mentions(paragraphs: Sequence[str], registry: PeopleRegistry) -> list[Mention]:
    found: list[Mention] = []
    for p, text in enumerate(paragraphs):
        runs = _runs(text)
        for n, run in enumerate(runs):
            if run.role_title and not run.name and _beside_name(text, runs, n):
                continue  # "KISHIDA Fumio, Prime Minister of Japan": the name is the mention
            person = None
            if run.name:
                person = registry.by_name(" ".join(run.name))
                if person is not None:
                    s, e = run.name_start, run.name_end
            if person is None and run.role_title and not run.name:
                cue = text[run.start : run.role_end]
                holders = registry.resolve_role(cue)
                if len(holders) > 1:
                    recent = registry.last_mentioned([h.id for h in holders], p, run.start)
                    holders = [recent or holders[0]]
                if len(holders) == 1:
                    person = holders[0]
                    s, e = run.start, run.role_end
                    if s >= 4 and text[s - 4 : s].lower() == "the ":
                        s -= 4
            if person is not None:
                mention = Mention(p, s, e, person.id, text[s:e])  # type: ignore[arg-type,index]
                found.append(mention)
                registry._mentions.append(mention)
                registry._keys.append((mention.paragraph, mention.start))
    return found


def merge_people(existing: list[Person], new: list[Person]) -> list[Person]:
    """Fold ``new`` people into ``existing`` (by id, else by a shared alias): aliases are
    united and roles kept with their dates, so one person can hold different offices."""
    merged = [Person(p.id, p.name, list(p.aliases), list(p.roles), p.gender) for p in existing]
    by_id = {p.id: p for p in merged}
    by_alias: dict[str, Person] = {}
    for p in merged:
        for alias in PeopleRegistry._aliases_of(p):
            by_alias.setdefault(alias, p)
    for person in new:
        target = by_id.get(person.id)
        if target is None and len(person.name.split()) >= 2:
            target = by_alias.get(person.name.lower())
        if target is None:
            target = Person(person.id, person.name, [], [], person.gender)
            merged.append(target)
            by_id[target.id] = target
        for alias in [person.name, *person.aliases]:
            if alias != target.name and alias not in target.aliases:
                target.aliases.append(alias)
        seen = {(r.title, r.organisation, r.as_of, r.article_id) for r in target.roles}
        for r in person.roles:
            if (r.title, r.organisation, r.as_of, r.article_id) not in seen:
                target.roles.append(Role(r.title, r.organisation, r.as_of, r.article_id))
        target.gender = target.gender or person.gender
        for alias in PeopleRegistry._aliases_of(target):
            by_alias.setdefault(alias, target)
    return merged
