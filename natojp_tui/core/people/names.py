"""Names in a capitalised run: honorific, organisation, role and the name itself, with
name tokens normalised (ALL-CAPS family names, possessives) and slugs for ids."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from natojp_tui.core.lexicon.given_names import GENERATION_SUFFIXES, NICKNAMES
from natojp_tui.core.lexicon.places import COUNTRIES, NATIONALITIES, ORGANISATIONS
from natojp_tui.core.lexicon.roles import (
    COMPLEMENT_WORDS,
    HONORIFICS,
    INSTITUTION_HEADS,
    POST_NOMINALS,
    ROLE_ABBREVIATIONS,
    ROLE_HEADS,
    ROLE_MODIFIERS,
)
from natojp_tui.core.text.memo import cache_short
from natojp_tui.core.text.patterns import words as wordset
from natojp_tui.core.text.runs import NAME_PARTICLES as RUN_NAME_PARTICLES

APOSTROPHES = "'’"


COUNTRY_KEYS = {c.lower(): c for c in COUNTRIES}


NAME_PARTICLES = frozenset(RUN_NAME_PARTICLES)


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
    according speaking addressing said says more further meanwhile mission operation royal
    navy army marine marines corps commission cemetery observatory college academy museum
    base shrine memorial palace airport station school hospital national affair ambassadors
    ministers leaders officials delegates representatives envoys diplomats chiefs
    international federal central imperial
    exercise individually tailored itpp ipcp self-defense self-defence sdf jsdf mofa
    earlier later then thereafter afterwards subsequently previously recently finally
    additionally furthermore moreover meanwhile likewise similarly separately together
    agree agrees attends attend visits visit holds hold meets meet receives receive welcomes
    welcome says say signs sign discuss discusses vows vow pledge pledges urges urge calls
    hosts host joins join talks tells warns warn backs back eye eyes seek seeks hails hail
    affirm affirms reaffirm reaffirms confirm confirms secretary-general vice-president
    vice-minister vice-chairman director-general under-secretary commander-in-chief
    addresses address speaks delivers gives tours stresses"""
)


ACRONYMS = wordset(
    "NATO EU UN US USA UK G7 G20 ASEAN OSCE SDF JSDF MOFA IP4 AP4 ITPP IPCP ODA JICA TV MP "
    "GSDF MSDF ASDF JGSDF JMSDF JASDF SHAPE"
)
# abbreviated ranks after a rank word: "Lt Gen", "Maj. Gen.", "Vice Adm.", "Rear Adm"
RANK_ABBREVIATIONS = frozenset(("gen", "adm", "col", "cmdr"))
# abbreviated ranks that, written with their period, open a name ("Adm. Rob Bauer")
_RANKS = RANK_ABBREVIATIONS | frozenset(("lt", "maj", "capt", "brig", "sgt", "cdr", "vadm"))
# an acronym standing for an office or body: "JCS", "NATO"
ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
_PLACE_OF_WORK = frozenset(("department", "command", "embassy", "mission", "government"))


JP_FAMILY_NAMES = wordset(
    """abe aso fukuda hamada hatoyama hayashi ishiba iwaya kamikawa kato kihara kishida koizumi
    kono matsuno motegi nakasone nakatani noda okada onodera sato suga suzuki takahashi tanaka
    watanabe ito yamamoto nakamura kobayashi yoshida yamada sasaki yamaguchi matsumoto inoue
    kimura shimizu yamaguchi ishii takeuchi fujii ono gemba maehara inada hagiuda komura kishi
    nukaga shiozaki takaichi yamaguchi kawaguchi machimura koumura matsubara hiraoka sakurada
    ozawa nishimura hosoda kiuchi tsuji morimoto yamazaki"""
)


JP_GIVEN_NAMES = wordset(
    """shinzo taro fumio yoko yoshihide toshimitsu yoshimasa minoru gen takeshi itsunori tomomi
    katsunobu shigeru yasukazu hiroshi akira koichi masahisa nobuo tsuyoshi kenji daisuke
    hirokazu junichiro yasuo yukio naoto yoshihiko katsuya koichiro seiji kentaro hiroyuki
    kiyoshi yuko keiko tomoko kazuyuki masato shinjiro nobuo yasukazu sanae takeshi makiko
    yoriko nobutaka masahiko akihiro kenichi"""
)


_TOKEN_RE = re.compile(r"\S+")


_SLUG_RE = re.compile(r"[^a-z0-9]+")


_UNDECOMPOSABLE = str.maketrans(
    {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "ß": "ss", "æ": "ae"}
)


class _Tok:
    """One whitespace-separated token of a run, with its folded form computed once."""

    __slots__ = ("end", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.low = _low(text)


@cache_short()
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


def strip_possessive(word: str) -> str:
    if not word or word[-1] not in "s'’":
        return word
    for apo in APOSTROPHES:
        if word.endswith(apo + "s"):
            return word[:-2]
        if word.endswith(apo):
            return word[:-1]
    return word


@cache_short()
def org_of(words: str) -> str | None:
    """Organisation or country named by ``words`` ("NATO's", "Japanese", "Japan")."""
    low = strip_possessive(words).lower().strip(".") if words.lower() != "u.s." else "u.s."
    if low in ORGANISATIONS:
        return ORGANISATIONS[low]
    if low in COUNTRY_KEYS:
        return COUNTRY_KEYS[low]
    if low.startswith("the ") and low[4:] in COUNTRY_KEYS:
        return COUNTRY_KEYS[low[4:]]
    return NATIONALITIES.get(low)


@cache_short()
def is_name_token(word: str) -> bool:
    if not word or not word[0].isupper():
        return False
    bare = strip_possessive(word)
    if bare.upper() in ACRONYMS or bare.lower() in NON_NAME_WORDS:
        return False
    if bare.lower() in HONORIFICS or org_of(bare):
        return False
    return any(ch.isalpha() for ch in bare)


@cache_short()
def norm_name_token(word: str) -> str:
    word = strip_possessive(word).rstrip(",;:")
    if word in GENERATION_SUFFIXES:
        return word  # "Lloyd J. Austin III": the numeral stays as written
    if len(word) > 1 and word.isupper() and not word.endswith("."):
        return "-".join(part.capitalize() for part in word.split("-"))
    return word


def _tokens(run: str, offset: int) -> list[_Tok]:
    toks = []
    for m in _TOKEN_RE.finditer(run):
        glued = _GLUED_TITLE_RE.fullmatch(m.group())
        if glued is not None and glued.group(1).lower() in ROLE_HEADS:
            # a space lost between title and name: "NATO Secretary GeneralMark Rutte"
            cut = offset + m.start() + glued.end(1)
            toks.append(_Tok(glued.group(1), offset + m.start(), cut))
            toks.append(_Tok(glued.group(2), cut, offset + m.end()))
        else:
            toks.append(_Tok(m.group(), offset + m.start(), offset + m.end()))
    return toks


_GLUED_TITLE_RE = re.compile(r"([A-Z][a-z]{3,})([A-Z][a-z]+)")


def _match_role(toks: list[_Tok], i: int) -> tuple[int, str] | None:
    """Longest role phrase starting at token ``i``: (index after it, title as written)."""
    if i < len(toks) and toks[i].text in ROLE_ABBREVIATIONS:
        return i + 1, ROLE_ABBREVIATIONS[toks[i].text]  # "FM Yu", "PM Kishida"
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
    elif j > i and j < len(toks) and toks[j].low.rstrip(".") in RANK_ABBREVIATIONS:
        head_end = j + 1  # "Lt Gen Tajiri", "Vice Adm. Madono" (a lone "Gen" may be a name)
    elif j > i and toks[j - 1].low in ("secretary", "chief", "general"):
        head_end = j  # "Chief Cabinet Secretary", "Attorney General"-like endings
    if head_end is None:
        return None
    k = head_end
    if k < len(toks) and toks[k].low in ("of", "for"):
        m = k + 1
        while m < len(toks) and (
            toks[m].low in COMPLEMENT_WORDS or org_of(toks[m].text) or toks[m].low == "the"
        ):
            m += 1
        # a complement ending in a country can be the multiword "United Kingdom"
        if m > k + 1 and toks[m - 1].low not in ("of", "for", "the", "and"):
            k = m
    title = " ".join(t.text for t in toks[i:k]).rstrip(".,;:")
    return k, title


# words that open a capitalised run without being part of a name or role
_RUN_OPENERS = frozenset({"the", "by", "with", "remarks", "readout", "transcript", "statement"})


def _institution_end(toks: list[_Tok], i: int) -> int | None:
    """Where an institution's name that starts at ``i`` ends ("National Assembly", "Defense
    Ministry": up to four capitalised words, the last an institution head), else None."""
    for j in range(i, min(len(toks), i + 4)):
        if not toks[j].text[:1].isupper():
            return None
        if toks[j].low in INSTITUTION_HEADS:
            return j + 1
    return None


def _split_country(title: str) -> tuple[str, str | None]:
    """Split a trailing country off a title; keeps "of Foreign Affairs" in the title."""
    for sep in (" of the ", " of ", " for "):
        pos = title.rfind(sep)
        if pos > 0:
            tail = title[pos + len(sep) :]
            org = org_of(tail) or org_of("the " + tail)
            if org:
                return title[:pos], org
    return title, None


def parse_run(text: str, start: int, end: int) -> ParsedRun:
    """Split the capitalised run ``text[start:end]`` into honorific/org/role/name parts."""
    p = parse_run_text(text[start:end])  # shared and cached: copy before shifting
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


@cache_short(longest=200, maxsize=8192)
def parse_run_text(text: str) -> ParsedRun:
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

    while i < min(2, len(toks)) and toks[i].low in _RUN_OPENERS:
        i += 1  # "By NATO Secretary General X", "Remarks With Defence Minister X"
    former = i < len(toks) and toks[i].low in ("former", "then", "ex-")
    if former:
        i += 1  # "Former Japanese Prime Minister Fumio Kishida": a past office, the same name
    honorifics()
    while i + 1 < len(toks) and toks[i].text.endswith(".") and toks[i].low.rstrip(".") in _RANKS:
        i += 1  # "Adm. Rob Bauer", "Lt. Gen. Tajiri": a rank with its period is no name
    honorifics()
    if i < len(toks):
        org = org_of(toks[i].text)
        two = f"{toks[i].text} {toks[i + 1].text}" if i + 1 < len(toks) else ""
        org2 = org_of(two) if two else None
        if org2 and _match_role(toks, i + 2):
            run.org, i = org2, i + 2
        elif org and (_match_role(toks, i + 1) or toks[i].low.endswith(("’s", "'s"))):
            run.org, i = org, i + 1
        elif ACRONYM_RE.fullmatch(toks[i].text) and _match_role(toks, i + 1):
            run.org, i = toks[i].text, i + 1  # "JCS Chairman Gen. Won": an office's acronym
        elif (inst := _institution_end(toks, i + 1 if org else i)) and _match_role(toks, inst):
            # "National Assembly Speaker X", "NATO Military Committee Chair Adm. X"
            run.org = org or " ".join(t.text for t in toks[i:inst])
            i = inst
    role = _match_role(toks, i) if i < len(toks) else None
    if role:
        k, title = role
        title, country = _split_country(title)
        run.role_title, run.org = title, country or run.org
        run.role_start, run.role_end = toks[i].start, toks[k - 1].end
        i = k
        honorifics()
    if (
        not run.role_title
        and len(toks) == i + 3
        and toks[i].text.endswith(".")
        and org_of(toks[i].text)
        and all(is_name_token(t.text) for t in toks[i + 1 :])
        and toks[-1].low not in INSTITUTION_HEADS | _PLACE_OF_WORK
    ):
        i += 1  # "… ambassador to the U.S. Koji Tomita said": the country ends the role
    name: list[_Tok] = []
    while i < len(toks) and len(name) < 5:
        tok = toks[i]
        if (
            not name
            and run.role_title
            and (
                tok.low in ROLE_HEADS
                or (tok.text.endswith(".") and tok.low.rstrip(".") in RANK_ABBREVIATIONS)
            )  # "Gen." is a rank; "Gen Nakatani" is a name
            and i + 1 < len(toks)
        ):
            i += (
                1  # "Minister for Defence Senator Robert Hill", "Chairman Gen. Won": a second title
            )
            continue
        sentence_end = tok.text.endswith(".") and len(tok.text) > 2 and "." not in tok.text[:-1]
        if sentence_end:  # "Rasmussen." ends a sentence; "J." and "U.S." do not
            tok = _Tok(tok.text[:-1], tok.start, tok.end - 1)
        if is_name_token(tok.text) or (name and tok.low in NAME_PARTICLES):
            name.append(tok)
            i += 1
            if sentence_end or tok.text.endswith(APOSTROPHES) or tok.text.endswith(("’s", "'s")):
                break
        else:
            break
    while name and (name[-1].low in NAME_PARTICLES or name[-1].text.strip(",.") in POST_NOMINALS):
        name.pop()  # "Tony Abbott MP": the letters after a name are not part of it
    if former and run.role_title:
        run.role_title = f"Former {run.role_title}"
    if name:
        run.name = [norm_name_token(t.text) for t in name]
        last = name[-1]
        bare = strip_possessive(last.text)
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
            a_caps == b_caps  # no case to tell: "Kihara Minoru", "KIHARA MINORU"
            and (tokens[0].lower() in JP_FAMILY_NAMES and tokens[1].lower() in JP_GIVEN_NAMES)
        ):
            return [tokens[1], tokens[0]]
    return tokens


def name_key(name: str) -> str:
    """One key for the forms of a person's name in different sources: the first given name
    (its full form for a short one: Mike → michael) and the family name, initials and
    middle names left out ("Michael R. Pompeo", "Mike Pompeo" → "michael pompeo")."""
    words = [w.strip(".,").lower() for w in name.split()]
    words = [w for w in words if len(w) > 1]
    if len(words) < 2:
        return " ".join(words)
    return f"{NICKNAMES.get(words[0], words[0])} {words[-1]}"
