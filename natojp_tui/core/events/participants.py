"""Who a sentence names (people, pronouns, "the two leaders", groups) and who acts: the
subject of a trigger, resolved through the people registry and the actors so far."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from natojp_tui.core.events.context import (
    LOOKBACK,
    MAX_WINDOW,
    Candidate,
    Context,
    MentionLike,
    Registry,
)
from natojp_tui.core.events.sentence import Sentence
from natojp_tui.core.lexicon.datelines import WIRE_DATELINE_RE
from natojp_tui.core.lexicon.places import COUNTRY_PHRASES
from natojp_tui.core.model import Event, Person
from natojp_tui.core.text.patterns import Cued, starting_with, words

PRONOUN_RE = starting_with("HhSsTt", r"\b(?P<sg>[Hh]e|[Ss]he)\b|\b(?P<pl>[Tt]hey)\b")


PLURAL_RE = starting_with(
    "TtBb",
    r"\b(?:[Tt]he|[Bb]oth)\s(?:two\s)?(?:leaders|ministers|sides|men|women|heads\sof\s(?:state|government)|"
    r"(?:foreign|defen[cs]e|prime)\sministers|counterparts|pair)\b|\b[Tt]he\stwo\b",
)


ROLE_CUE_RE = Cued(
    starting_with(
        "TtNJADVSPFCM",
        r"\b(?:[Tt]he\s)?(?:(?:NATO|Japanese|Japan['’]s|NATO['’]s|Alliance['’]s|Allied)\s)?"
        r"(?:Deputy\s|Vice\s)?(?:Secretary[\s-]General|Prime\sMinister|Foreign\sMinister|"
        r"Defen[cs]e\sMinister|Chief\sCabinet\sSecretary|Minister\sof\s(?:State\s)?(?:for\s)?"
        r"[A-Z]\w+(?:\s(?:and\s)?[A-Z]\w+)?|Minister|President|Chancellor|Ambassador)\b(?!['’]s)",
    ),
    ("Secretary", "Minister", "President", "Chancellor", "Ambassador"),
)


GROUP_RE = re.compile(
    r"\b(?:members|representatives|leaders|heads|executives|ambassadors|envoys|diplomats|students|staff|personnel|troops|"
    r"crew|officials|lawmakers|parliamentarians|legislators|delegations?|delegates|experts|"
    r"scholars|academics|journalists|veterans|families|survivors|community|think\stanks?|"
    r"business(?:es|people)?|industry|citizens|residents|cadets|officers|servicemen|"
    r"service\smembers|sailors|soldiers|group|counterparts?|ministers|allies|(?-i:Council))\b",
    re.I,
)


_OBJECT_WORDS = words(
    """with to on from by of for met meet meeting received welcomed hosted visited between
    thanked invited told called urged accompanied including among like as than via against
    about at in after following before behind under over toward towards into upon
    congratulated joined greeted during and alongside beside"""
)


_TITLE_WORDS = frozenset(["of", "the", "'s"])


# a role written in lower case, as wire stories do; with its article, country or owner
# so that a bare "minister" names nobody
LOWER_ROLE_CUE_RE = re.compile(
    r"\b(?:[Tt]he|Japan['’]s|NATO['’]s)\s(?:(?:Japanese|Australian|South\sKorean|Korean|NATO)\s)?"
    r"(?:foreign\sminister|defen[cs]e\sminister|prime\sminister|secretary[\s-]general|"
    r"president)\b(?!['’]s)"
)


def mentions_by_paragraph(registry: Registry) -> dict[int, list[MentionLike]]:
    out: dict[int, list[MentionLike]] = {}
    for m in registry.mentions():
        out.setdefault(m.paragraph, []).append(m)
    for ms in out.values():
        ms.sort(key=lambda m: (m.start, -m.end))
    return out


def candidates(s: Sentence, mentions: Sequence[MentionLike], ctx: Context) -> list[Candidate]:
    """People, pronouns and plural cues of the sentence outside quotes, in order, with
    subject/object status."""
    masked, s0, s1 = s.masked, s.start, s.end
    raw: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for m in mentions:
        if masked[m.start : m.start + 1] == "~":
            continue
        person = ctx.registry.get(m.person_id)
        if person is None or (taken and m.start < taken[-1][1]) or person.name in COUNTRY_PHRASES:
            continue  # (a country the registry took for a name is nobody: "New Zealand")
        named, end = _named_after(masked, m.end, ctx)
        if named is not None and named != person.name:
            person_name = named  # "the Minister of Defense His Excellency Mr X": X, not the role
        else:
            person_name, end = person.name, m.end
        raw.append(Candidate(m.start, end, (person_name,), "person"))
        taken.append((m.start, end))
    lower = (
        masked.find(" minister", s0, s1) >= 0
        or masked.find("secretary", s0, s1) >= 0
        or masked.find(" president", s0, s1) >= 0
    )
    cues = [*ROLE_CUE_RE.finditer(masked, s0, s1)]
    if lower:  # wire style: "the Japanese foreign minister", "NATO's secretary-general"
        cues = sorted([*cues, *LOWER_ROLE_CUE_RE.finditer(masked, s0, s1)], key=lambda m: m.start())
    for rm in cues:
        if _overlaps(taken, rm.start(), rm.end()):
            continue
        cue = rm.group(0)
        if cue not in ctx.roles:
            ctx.roles[cue] = _resolve_role(ctx.registry, cue)
        person = ctx.roles[cue]
        if person is not None:
            raw.append(Candidate(rm.start(), rm.end(), (person.name,), "person"))
    for rm in PRONOUN_RE.finditer(masked, s0, s1):
        raw.append(Candidate(rm.start(), rm.end(), (), "pronoun" if rm.group("sg") else "plural"))
    for rm in PLURAL_RE.finditer(masked, s0, s1):
        if not _overlaps(taken, rm.start(), rm.end()):
            raw.append(Candidate(rm.start(), rm.end(), (), "plural"))
    raw.sort(key=lambda c: (c.start, -c.end))
    cands: list[Candidate] = []
    for c in raw:
        if cands and c.start < cands[-1].end:
            continue
        prev = cands[-1] if cands else None
        if (
            prev is not None
            and prev.kind == "person"
            and c.kind == "person"
            and (
                masked[prev.end : c.start].strip() == ""
                or (prev.names == c.names and _same_one_gap(masked[prev.end : c.start]))
            )
        ):
            prev.end, prev.names = c.end, c.names  # "Defence Minister" + "Itsunori Onodera"
            if not prev.subject and _VERB_AFTER_RE.match(masked, prev.end):
                _set_status(masked, prev, cands[-2] if len(cands) > 1 else None)
            continue
        _set_status(masked, c, cands[-1] if cands else None)
        cands.append(c)
    return cands


# between a role and the name of its holder: "the Secretary General of the North Atlantic
# Treaty Organization (NATO) Mr. X", "the Prime Minister, X"
_SAME_ONE_GAP_RE = re.compile(
    r"(?:\s(?:of|for)\s(?:the\s)?(?:[A-Z][\w-]*\s?){1,6})?"
    r"\s*(?:,|\(|\([A-Z][A-Za-z.&-]{1,10}\))?\s*(?:(?:Mr|Ms|Mrs|Dr)\.?\s*)?"
)


def _same_one_gap(gap: str) -> bool:
    return _SAME_ONE_GAP_RE.fullmatch(gap) is not None


_HONORIFIC_GAP_RE = re.compile(
    r"\s(?:(?:His|Her)\sExcellency\s)?(?:(?:Mr|Ms|Mrs|Dr|Senator|General|Admiral)\.?\s)+"
)


def _named_after(masked: str, pos: int, ctx: Context) -> tuple[str | None, int]:
    """A full name right after a role and honorifics: the person the role names."""
    gap = _HONORIFIC_GAP_RE.match(masked, pos)
    if gap is None:
        return None, pos
    for person in ctx.registry.people:
        name = person.name
        if " " in name and masked.startswith(name, gap.end()):
            return name, gap.end() + len(name)
    return None, pos


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    i = bisect_left(spans, (a, a))
    return any(s < b and a < e for s, e in spans[max(0, i - 1) : i + 1])


def _resolve_role(registry: Registry, cue: str) -> Person | None:
    words = cue.split()
    if words and words[0] in ("the", "The") and len(words) == 1:
        return None
    try:
        return registry.resolve(cue)
    except Exception:  # a registry that cannot read this cue says nothing about it
        return None


_VERB_AFTER_RE = re.compile(
    r"\s(?:also\s|then\s|later\s)?(?:[a-z]+ed|said|says|told|met|held|signed|was|is|had|has|"
    r"paid|gave|made|took|spoke|did|will|would)\b"
)


_SHORT_TITLE_RE = re.compile(r"(?:[A-Z][a-z]{0,3}\.|(?:[A-Z]\.){1,3})$")  # "Mr.", "H.E."


# an organisation's short name inside a title: "Treaty Organization (NATO) Secretary General"
_ACRONYM_RE = re.compile(r"\([A-Z][A-Za-z.&-]{1,10}\)")


_OFFICE_HEADS = frozenset({"minister", "secretary", "president", "chair", "chairman", "leader"})


_COUNTERPART_WORDS = frozenset({"his", "her", "their", "its", "new", "newly", "appointed"})


def _set_status(masked: str, c: Candidate, prev: Candidate | None) -> None:
    """Decide whether ``c`` is a subject (acts) or an object (is met, thanked, ...).

    Title words before a name are skipped ("with the Minister of Foreign Affairs Fumio
    Kishida" -> "with": object), also across an appositive comma ("the Chief of Staff of
    the Japan Joint Staff, General Koji Yamazaki"); a name joined to the previous one by
    "and" or a comma shares its status, unless a verb follows it ("After meeting
    Hamada, Stoltenberg told ...").
    """
    if c.kind == "pronoun" or masked[c.start : c.end].lower() == "they":
        c.subject = True
        return
    if c.kind == "plural" and _VERB_AFTER_RE.match(masked, c.end):
        c.subject = True  # "weeks after the two held their first summit"
        return
    if _FRONTED_RE.search(masked, max(0, c.start - 120), c.start):
        c.subject = True  # "While in Western Australia, Minister X also visited …"
        return
    lo = max(0, c.start - 160)
    tokens = masked[lo : c.start].split()
    if lo > 0 and tokens:
        tokens = tokens[1:]  # a cut word
    pos = c.start
    counterpart = False  # "his Japanese counterpart Aiko Morimoto": the name is the counterpart
    while tokens:
        t = tokens[-1]
        bare = t.rstrip(",")
        if t.endswith((";", ":")) or (t.endswith(".") and not _SHORT_TITLE_RE.search(t)):
            break
        joined_prev = prev is not None and t.endswith(",") and _ends_near(masked, prev, pos, t)
        if t.endswith(",") and not joined_prev and _VERB_AFTER_RE.match(masked, c.end):
            break  # "…, NATO, Foreign Minister X told …": a clause ends at the comma
        if bare.lower() in ("counterpart", "counterparts") and not joined_prev:
            counterpart = True
        titled = bare[:1].isupper() or bare in _TITLE_WORDS or bool(_ACRONYM_RE.fullmatch(bare))
        titled = titled or bare.lower() in ("counterpart", "counterparts")
        titled = titled or (counterpart and bare.lower() in _COUNTERPART_WORDS)
        if bare in ("to", "for") and len(tokens) > 1 and tokens[-2][:1].isupper():
            titled = True  # "Ambassador to Belgium", "Minister for Foreign Affairs"
        if (
            bare == "and"
            and len(tokens) > 1
            and tokens[-2].lower() in _OFFICE_HEADS
            and masked[pos : pos + 12].split(" ", 1)[0].lower() in _OFFICE_HEADS
        ):
            titled = True  # "Deputy Prime Minister and Minister for Defence Richard Marles"
        if (
            bare == "and"
            and len(tokens) > 1
            and tokens[-2][:1].isupper()
            and masked[pos].isupper()
            and not (prev is not None and _ends_near(masked, prev, pos, t))
        ):
            titled = True  # "the Minister of Foreign Affairs and Trade of Korea, Mr X"
        if not titled or joined_prev:
            break
        pos = masked.rfind(t, lo, pos)
        tokens.pop()
    if not tokens:
        c.subject = True
        return
    last = tokens[-1]
    word = last.strip(",;:.()\"“”'’").lower()
    if last.endswith(",") or word == "and":
        near = prev is not None and prev.kind in ("person", "pronoun") and c.start - prev.end <= 120
        if near and _ends_near(masked, prev, pos, last):  # type: ignore[arg-type]
            assert prev is not None
            c.linked = True
            c.subject = prev.subject or _VERB_AFTER_RE.match(masked, c.end) is not None
            return
        c.subject = last.endswith(",") or _VERB_AFTER_RE.match(masked, c.end) is not None
        return
    if last.endswith((".", ";", ":")):
        c.subject = True
        return
    c.subject = word not in _OBJECT_WORDS


# a fronted adverbial clause, then the subject (title words allowed): "While in Perth, Minister "
_FRONTED_RE = re.compile(
    r"(?:^|[.;:]\s+)(?:While|When|After|Before|During|Following|Upon|Later|Earlier|Meanwhile|"
    r"Separately|Afterwards)\b[^,.;~]{0,80},\s(?:[A-Z][\w.'’-]*\s)*$"
)


def _ends_near(masked: str, prev: Candidate, pos: int, token: str) -> bool:
    """Does the token just before ``pos`` end the previous candidate ("Kishida," / "and")?"""
    tok_start = masked.rfind(token, 0, pos)
    if tok_start < 0:
        return False
    if token.strip(",").lower() == "and":
        return prev.end >= tok_start - 2 and prev.end <= tok_start
    return prev.end <= tok_start + len(token) and prev.end >= tok_start


def remember_actors(cands: list[Candidate], ctx: Context) -> None:
    for c in cands:
        if c.kind != "person":
            continue
        name = c.names[0]
        if name in ctx.named:
            ctx.named.remove(name)
        ctx.named.append(name)
        if c.subject:
            if name in ctx.actors:
                ctx.actors.remove(name)
            ctx.actors.append(name)


def resolve_pronoun(c: Candidate, ctx: Context) -> tuple[str, ...]:
    if c.kind == "plural":  # the last engagement told of two or more (past ones too)
        told = sorted([*ctx.events[-LOOKBACK:], *ctx.side[-LOOKBACK:]], key=_position)
        for e in reversed(told):
            people = people_of(e, ctx)
            if len(people) >= 2:
                return tuple(people)
        if len(ctx.actors) >= 2:
            return tuple(ctx.actors[-2:])
        # "X told Y …. The two men met": nothing told yet, the two people last named
        return tuple(ctx.named[-2:]) if len(ctx.named) >= 2 else ()
    pronoun = "f" if c.end - c.start == 3 else "m"
    for name in reversed(ctx.actors):
        gender = _gender(name, ctx)
        if gender in (None, pronoun):
            return (name,)
    return ()


def _position(e: Event) -> tuple[int, int]:
    return e.paragraph, e.start


def _gender(name: str, ctx: Context) -> str | None:
    for person in ctx.registry.people:
        if person.name == name:
            return person.gender
    return None


def people_of(e: Event, ctx: Context) -> list[str]:
    names = {p.name for p in ctx.registry.people}
    return [n for n in e.participants if n in names]


def _sentence_subject(before: list[Candidate], pronoun: Candidate, ctx: Context) -> tuple[str, ...]:
    """A singular pronoun's antecedent when the same sentence opened with a person subject."""
    if pronoun.kind == "plural":
        return ()
    gender = "f" if pronoun.end - pronoun.start == 3 else "m"
    for c in before:
        if c.subject and c.kind == "person" and len(c.names) == 1:
            if _gender(c.names[0], ctx) in (None, gender):
                return c.names
            return ()
    return ()


def subject_names(cands: list[Candidate], pos: int, s0: int, ctx: Context) -> tuple[str, ...]:
    """Who does what a trigger at ``pos`` says: the nearest subject group before it."""
    before = [c for c in cands if c.end <= pos and pos - c.end <= MAX_WINDOW and c.start >= s0]
    for i in range(len(before) - 1, -1, -1):
        c = before[i]
        if not c.subject:
            continue
        if c.kind != "person":
            same = _sentence_subject(before[:i], c, ctx)  # "X attended ..., where he spoke"
            found = same if same else resolve_pronoun(c, ctx)
            if c.kind == "plural" and len(found) < 2:
                # "During a visit by A to NATO, the two sides signed …, B said": nothing
                # told before, so the two sides are the people this sentence names
                here = tuple(dict.fromkeys(n for x in cands if x.kind == "person" for n in x.names))
                return here if len(here) >= 2 else found
            return found
        group = [c]
        j = i
        while before[j].linked and j > 0 and before[j - 1].subject:
            j -= 1
            group.insert(0, before[j])
        names: list[str] = []
        for g in group:  # "as he and Prime Minister X signed": the pronoun's person too
            for n in g.names if g.kind == "person" else resolve_pronoun(g, ctx):
                if n not in names:
                    names.append(n)
        return tuple(names)
    return (ctx.actors[-1],) if ctx.actors else ()


def people_in(names: Sequence[str], ctx: Context) -> list[str]:
    known = {p.name for p in ctx.registry.people}
    return [n for n in names if n in known]


def subject_group(masked: str, s0: int, pos: int) -> str | None:
    """A group doing something: "Senior officials from Japan and NATO held talks"."""
    head = masked[s0:pos]
    m = WIRE_DATELINE_RE.match(head)
    if m is not None:
        head = head[m.end() :]
    head = head.strip(" ,")
    if not head or len(head) > 80 or not head[:1].isupper() or GROUP_RE.search(head) is None:
        return None
    if re.search(r"\b(?:[a-z]+ed|is|was|are|were|has|have)\b", head):
        return None
    return head


_COMPANION_RE = re.compile(r"\b(?:together|along)\swith\b|,\saccompanied\sby\b")


def companions(masked: str, cands: list[Candidate], s0: int, pos: int) -> tuple[str, ...]:
    """People who do it with the subject: "X, together with Y and Z, took a tour"."""
    m = _COMPANION_RE.search(masked, s0, pos)
    if m is None:
        return ()
    return tuple(
        n for c in cands if c.kind == "person" and m.end() <= c.start < pos for n in c.names
    )


def has_subject_before(cands: list[Candidate], pos: int) -> bool:
    return any(c.end <= pos and c.subject for c in cands)


def previous_people(ctx: Context) -> tuple[str, ...]:
    for e in reversed(ctx.events[-LOOKBACK:]):
        people = people_of(e, ctx)
        if people:
            return tuple(people)
    return ()
