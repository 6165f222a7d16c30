"""``PeopleRegistry``: the people of an article (or of merged articles) and where they are
named; ``resolve`` maps a cue (*Rasmussen*, *the Secretary General*, *NATO's chief*,
*KISHIDA Fumio*) back to one ``Person``."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from natojp_tui.core.lexicon.given_names import GENERATION_SUFFIXES
from natojp_tui.core.lexicon.office_holders import holders_on
from natojp_tui.core.lexicon.roles import CHIEF_WORDS, HONORIFICS, ROLE_HEADS
from natojp_tui.core.model import Person
from natojp_tui.core.people.names import norm_name_token, org_of, parse_run_text
from natojp_tui.core.people.roles import role_display, role_key
from natojp_tui.core.text.memo import cache_short


@dataclass(slots=True)
class Mention:
    """One place where a person is named (by name or by a role held in the article)."""

    paragraph: int
    start: int
    end: int
    person_id: str
    text: str


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
        while len(parts) > 2 and parts[-1] in GENERATION_SUFFIXES:
            parts = parts[:-1]  # "Lloyd J. Austin III" is "Austin" too
            yield " ".join(parts).lower()
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
        if not ids and " " not in keys[0]:
            ids = self._family_first(keys[0])
        if len(ids) > 1:
            # "Stoltenberg" is Jens Stoltenberg, the Secretary General, rather than a name
            # run glued to a caption ("Park Jin Stoltenberg"): the one person with an office
            with_role = [i for i in ids if self._by_id[i].roles]
            ids = with_role if len(with_role) == 1 else ids
        return self._by_id[ids[0]] if len(ids) == 1 else None

    def _family_first(self, word: str) -> list[str]:
        """ "Park" for Park Jin, "Yoon" for Yoon Suk-yeol: a lone word that is the first
        name word of exactly one person whose name is written family first (a hyphenated
        or one-syllable given name after it), when it is nobody's family name."""
        return [
            p.id
            for p in self.people
            if (parts := p.name.split())
            and len(parts) in (2, 3)
            and parts[0].lower() == word
            and (len(parts) == 3 or "-" in parts[-1] or len(parts[-1]) <= 3)
        ]

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
        if words and (o := org_of(words[0])):
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
        key = role_key(phrase)
        return self.holders(key, org) or self._office_holder(key, org)

    def _office_holder(self, key: str, org: str | None) -> list[Person]:
        """Nobody in the text holds the role: the person of the text who held that office
        on the article's date, by the public record (``lexicon.office_holders``)."""
        if self.published is None:
            return []
        found = []
        for _, name in holders_on(key, org, self.published):
            family = name.split()[-1].lower()
            found += [
                p for p in self.people
                if not p.roles and p.name.split()[-1].lower() == family and p not in found
            ]  # fmt: skip
        return found if len(found) == 1 else []

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

    def add_mention(self, mention: Mention) -> None:
        """Index one more mention, after every mention indexed so far in reading order."""
        self._mentions.append(mention)
        self._keys.append((mention.paragraph, mention.start))

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


@cache_short(longest=200)
def _name_keys(name: str) -> tuple[str, ...]:
    """Alias keys a name is looked up by: as written (honorifics off, ALL-CAPS and
    possessives folded), then for two words the other order; none for an empty name."""
    words = [norm_name_token(w) for w in _strip_honorifics(name).split()]
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


@cache_short(longest=200, maxsize=8192)
def _cue_plan(raw: str) -> _CuePlan:
    cue = " ".join(raw.split()).strip(" ,.;:")
    if not cue:
        return _CuePlan("", "", (), ())
    run = parse_run_text(cue)
    parts = tuple(part for part in reversed(cue.split(", ")) if part != cue)
    words = cue.split()
    tails = tuple(" ".join(words[k:]) for k in range(1, len(words)) if words[k][:1].isupper())
    return _CuePlan(cue, " ".join(run.name), parts, tails)


def _fold_name(name: str) -> str:
    return " ".join(norm_name_token(w) for w in name.split()).lower()


def _strip_honorifics(text: str) -> str:
    words = text.split()
    while words and words[0].lower().rstrip(",") in HONORIFICS:
        words = words[1:]
    return " ".join(words)
