"""``Resolver``: a cue at a position turned into speakers: names and roles through the
people registry, documents by name, groups as the two people named last, pronouns to
the nearest compatible speaker before them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from natojp_tui.core.lexicon.numbers import NUMBER_WORDS
from natojp_tui.core.lexicon.places import CAPITALS, NATIONALITIES
from natojp_tui.core.lexicon.roles import INSTITUTION_WORDS
from natojp_tui.core.model import Person
from natojp_tui.core.people.names import ACRONYM_RE, org_of
from natojp_tui.core.people.registry import PeopleRegistry
from natojp_tui.core.quotes.cues import PRONOUNS, Cue, bare_token, cue_after
from natojp_tui.core.text.document import AnalysedText
from natojp_tui.core.text.patterns import Cued


@dataclass(slots=True)
class Speaker:
    """Who a cue resolves to: one person, several people, a document, or nobody."""

    people: list[Person] = field(default_factory=list)
    name: str | None = None  # canonical display name ("A and B" for groups, document name)
    role: str | None = None

    @property
    def known(self) -> bool:
        return self.name is not None


_DOCUMENT_HEADS = (
    r"(?:Declaration|Statement|Communiqué|Communique|Concept|Strategy|Agreement|Treaty|Plan|"
    r"Programme|Report|Memorandum)\b"
)


_DOCUMENT_HEAD_RE = re.compile(_DOCUMENT_HEADS)


_DOCUMENT_NAME_RE = re.compile(rf"(?:[A-Z][\w’'-]*\s+){{1,5}}{_DOCUMENT_HEADS}")
_BY_SPEAKER_RE = re.compile(
    r"\b(?:[Rr]emarks|[Ss]peech|[Ss]tatement|[Aa]ddress|[Mm]essage|[Kk]eynote|[Ll]ecture|"
    r"[Aa]rticle|[Oo]p-ed|[Ii]nterview|[Bb]riefing)\b[^.]{0,80}?\bby\s+"
    r"((?:[A-Z][\w.’'-]*\s?)+?)(?=\s+(?:on|at|to|in|during|for|before|after)\b|[,:(]|$)"
)
_LOWER_DOCUMENT_RE = Cued(
    re.compile(
        r"\b(?:joint|political|final|summit|leaders['’]?)[ \u00a0]+"
        r"(?:press[ \u00a0]+)?(?:statement|declaration|communiqu[eé]|readout)\b"
    ),
    ("statement", "declaration", "communiqu", "readout"),
)


class Resolver:
    """Resolve cues to speakers, remembering who spoke last for pronouns."""

    def __init__(
        self, registry: PeopleRegistry, paragraphs: Sequence[AnalysedText], title: str = ""
    ) -> None:
        self.registry = registry
        self.paragraphs = paragraphs
        self.author = self._author(title)
        self.last: Speaker | None = None
        self.last_at: tuple[int, int] = (-10, 0)
        self._documents = self._find_documents()
        # per paragraph, the (start, end) of quoted text: a person named inside a quote is
        # not who a later pronoun refers to ("Based on my talks with Minister X," he said)
        self.quoted: dict[int, list[tuple[int, int]]] = {}

    def _defined(self, cue: str) -> str | None:
        """The body an acronym cue stands for where the text defines it: "the JCS" after
        "Seoul's Joint Chiefs of Staff (JCS)"."""
        acronym = cue.removeprefix("the ").removeprefix("The ")
        if not ACRONYM_RE.fullmatch(acronym):
            return None
        rx = re.compile(
            rf"((?:[A-Z][\w-]*[ \u00a0](?:(?:of|for|and|the)[ \u00a0])*){{1,7}})\({acronym}\)"
        )
        for t in self.paragraphs:
            if f"({acronym})" not in t.text:
                continue
            m = rx.search(t.text)
            if m is not None:
                words = m.group(1).split()
                initials = "".join(w[0] for w in words if w[:1].isupper())
                if initials.endswith(acronym):  # "Seoul's Joint Chiefs of Staff": JCS
                    return " ".join(words[len(words) - _span_of(words, acronym) :])
        return None

    def in_quote(self, paragraph: int, pos: int) -> bool:
        spans = self.quoted.get(paragraph)
        return bool(spans) and any(a <= pos < b for a, b in spans)  # type: ignore[union-attr]

    def _find_documents(self) -> list[str]:
        names: list[str] = []
        for t in self.paragraphs:
            for m in _LOWER_DOCUMENT_RE.finditer(t.text, 0, 20000):
                name = " ".join(w.capitalize() for w in m.group().split())
                if name not in names:
                    names.append(name)  # "according to a joint statement": Joint Statement
        for t in self.paragraphs:
            head = t.text[:20000]
            if not _DOCUMENT_HEAD_RE.search(head):
                continue  # quick look: no document word, no document name
            for m in _DOCUMENT_NAME_RE.finditer(head):
                name = m.group()
                first = name.split()[0]
                if first in ("The", "In", "On", "At", "This", "A", "An"):
                    name = name.split(None, 1)[1] if " " in name else name
                if name not in names:
                    names.append(name)
        return names

    def speaker_of(self, person: Person) -> Speaker:
        return Speaker([person], person.name, self.registry.role_of(person))

    def resolve(self, cue: Cue, paragraph: int, pos: int) -> Speaker:
        """Who ``cue`` (found at ``pos`` of ``paragraph``) refers to."""
        kind = cue.kind
        if kind == "pronoun":
            return self._pronoun(cue.text.lower(), paragraph, pos)
        if kind == "document":
            return self._document(cue.text)
        if kind == "group":
            return self._group(cue.text, paragraph, pos)
        if kind == "pair":
            return self._pair(cue, paragraph, pos)
        if kind == "org":
            found = _institution(cue.text)
            if found.name is None and found.role is not None:
                return self._named_before(found, paragraph, pos)
            return found
        person = self.registry.resolve_at(cue.text, paragraph, pos)
        if person is None and (country := org_of(cue.text)) is not None:
            return Speaker([], country, None)  # "which North Korea called a “satellite”"
        if person is None and (body := self._defined(cue.text)) is not None:
            return Speaker([], body, None)  # "the JCS said", after "Joint Chiefs of Staff (JCS)"
        if person is None and cue.text.lower().split()[-1] in ("chair", "chairman", "chairperson"):
            person = self._chair()
        if person is not None:
            return self.speaker_of(person)
        return Speaker()

    def _named_before(self, found: Speaker, paragraph: int, pos: int) -> Speaker:
        """*the ministry said*: the ministry named last before it (*Seoul's Foreign
        Ministry said …* earlier), else the role alone."""
        head = (found.role or "").split()[-1:]
        if not head or head[0].lower() not in ANAPHORIC_HEADS:
            return found
        last = None
        for p in range(max(0, paragraph - 12), paragraph + 1):
            text = self.paragraphs[p].text
            end = pos if p == paragraph else min(len(text), 20000)
            if head[0].capitalize() not in text[:end]:
                continue  # quick look: the head word is not written with a capital
            for m in _NAMED_INSTITUTION_RE.finditer(text, 0, end):
                if m.group("head").lower() == head[0].lower():
                    last = m.group(0)
        if last is None:
            return found
        named = _institution(last)
        return named if named.name else found

    def _pair(self, cue: Cue, paragraph: int, pos: int) -> Speaker:
        """*A and B*: each side a person, or a country or organisation standing for the
        one person in the article who holds an office of it (*Japan and NATO agreed*)."""
        k = cue.text.rfind(" and ")
        people: list[Person] = []
        parts = (cue.text[:k], cue.text[k + 5 :])
        for part in parts:
            person = self.registry.resolve_at(part, paragraph, pos) or self._side(part)
            if person is None or person in people:
                if all(org_of(x.removeprefix("the ")) for x in parts):
                    # "Japan and New Zealand agreed": the two officials who met
                    return self._group(cue.text, paragraph, pos)
                return Speaker()
            people.append(person)
        return Speaker(people, " and ".join(p.name for p in people), None)

    def _side(self, words: str) -> Person | None:
        org = org_of(words.removeprefix("the ").removeprefix("The "))
        if org is None:
            return None
        holders = [p for p in self.registry.people if any(r.organisation == org for r in p.roles)]
        return holders[0] if len(holders) == 1 else None

    def _chair(self) -> Person | None:
        """*From the Chair:* when the text says who chaired (*chaired by X*)."""
        for t in self.paragraphs[:50]:
            text = t.text
            k = text.find("chaired by ", 0, 100_000)
            if k >= 0:
                cue = cue_after(text, k + len("chaired by "))
                if cue is not None:
                    return self.registry.resolve(cue.text)
        return None

    def narrator_subject(self, paragraph: int) -> Speaker:
        """The first person named in the last sentence of ``paragraph`` (who a following
        quote-only paragraph most likely belongs to)."""
        if paragraph < 0:
            return Speaker()
        t = self.paragraphs[paragraph]
        s_start, _ = t.sentence_bounds(max(0, len(t.text) - 2))
        for m in self.registry.mentions_in(paragraph, s_start, len(t.text)):
            person = self.registry.get(m.person_id)
            if person is not None:
                return self.speaker_of(person)
        if self.last is not None and self.last_at[0] == paragraph:
            return self.last  # "He also voiced support for ...": the last speaker goes on
        return Speaker()

    def remember(self, speaker: Speaker, paragraph: int, pos: int) -> None:
        if speaker.known:
            self.last, self.last_at = speaker, (paragraph, pos)

    def _document(self, cue: str) -> Speaker:
        head = bare_token(cue.split()[-1]).lower()
        for name in self._documents:
            if name.lower().endswith(head) or head == "document":
                return Speaker([], name, None)
        words = cue.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        return Speaker([], " ".join(words) or None, None)

    def _group(
        self, cue: str, paragraph: int, pos: int, recent: bool = False, window: int = 1
    ) -> Speaker:
        """*the two leaders*, *both ministers*: the two people named most recently, as
        many as the cue counts (*the three sides*; ``recent``: in this paragraph or the
        ``window`` before)."""
        people: list[Person] = []
        counted = [NUMBER_WORDS[w] for w in cue.lower().split() if w in NUMBER_WORDS]
        size = counted[0] if counted and 2 <= counted[0] <= 6 else 2  # "the three sides"
        for n, m in enumerate(self.registry.previous_mentions(paragraph, pos)):
            if n > 200 or (recent and m.paragraph < paragraph - window):
                break
            person = self.registry.get(m.person_id)
            if person is not None and person not in people:
                people.append(person)
            if len(people) == size:
                break
        if len(people) < 2:
            return Speaker()
        people.reverse()  # in order of appearance
        return Speaker(people, " and ".join(p.name for p in people), None)

    def _author(self, title: str) -> Speaker:
        """The one speaker a title names for the whole text (*Opening statement ... by NATO
        Secretary General Anders Fogh Rasmussen on ...*): who *I* is in a speech."""
        m = _BY_SPEAKER_RE.search(title)
        if m is None:
            return Speaker()
        person = self.registry.resolve(m.group(1))
        return self.speaker_of(person) if person is not None else Speaker()

    def _pronoun(self, pronoun: str, paragraph: int, pos: int) -> Speaker:
        if pronoun == "i":
            return self.author  # the speech's speaker, or nobody rather than a guess
        gender = PRONOUNS.get(pronoun)
        if gender == "p":
            if (
                self.last is not None
                and len(self.last.people) > 1
                and (self.last_at[0] >= paragraph - 1)
            ):
                return self.last
            if pronoun == "they":  # "they agreed": the two people just named
                pair = self._group("they", paragraph, pos, recent=True)
                if not pair.known:  # a readout's later paragraph: the two named above
                    pair = self._group("they", paragraph, pos, recent=True, window=3)
                if pair.known:
                    return pair
            return Speaker()
        if gender == "n":
            return self._document("the document") if self._documents else Speaker()
        s_start, _ = self.paragraphs[paragraph].sentence_bounds(pos)
        # 1. the subject of the same sentence, named before the pronoun
        in_sentence = [
            m
            for m in self.registry.mentions_in(paragraph, s_start, pos)
            if not self.in_quote(paragraph, m.start)
        ]
        if in_sentence:
            person = self.registry.get(in_sentence[0].person_id)
            if person is not None and _compatible(person, gender):
                return self.speaker_of(person)
        # 2. the last speaker, if recent and no one else opened a sentence since
        last = self.last
        recent = last is not None and self.last_at[0] >= paragraph - 1
        if recent and len(last.people) == 1 and _compatible(last.people[0], gender):  # type: ignore[union-attr]
            newer = self._subject_since(paragraph, pos, gender)
            return newer if newer is not None else last  # type: ignore[return-value]
        # 3. the nearest compatible person named before
        # 3. the subject (first compatible person) of the nearest sentence naming one
        for n, m in enumerate(self.registry.previous_mentions(paragraph, pos)):
            if m.paragraph < paragraph - 2 or n > 50:
                break
            person = self.registry.get(m.person_id)
            if person is None or not _compatible(person, gender):
                continue
            if self.in_quote(m.paragraph, m.start):
                continue
            s_start, _ = self.paragraphs[m.paragraph].sentence_bounds(m.start)
            for first in self.registry.mentions_in(m.paragraph, s_start, m.start):
                subject = self.registry.get(first.person_id)
                if subject is not None and _compatible(subject, gender):
                    return self.speaker_of(subject)
            return self.speaker_of(person)
        return Speaker()

    def _subject_since(self, paragraph: int, pos: int, gender: str | None) -> Speaker | None:
        """A compatible person opening a sentence (*Japan's Minister of Defense, Gen
        Nakatani, briefed ...*) after the last speaker was named and before ``pos``."""
        for n, m in enumerate(self.registry.previous_mentions(paragraph, pos)):
            if n > 20 or (m.paragraph, m.start) <= self.last_at:
                return None
            person = self.registry.get(m.person_id)
            if person is None or self.last is None or person in self.last.people:
                continue
            if self.in_quote(m.paragraph, m.start):
                continue
            m_text = self.paragraphs[m.paragraph].text
            s_start, _ = self.paragraphs[m.paragraph].sentence_bounds(m.start)
            lead = m_text[s_start : m.start].split()
            while lead and lead[-1][:1].isupper():
                lead.pop()  # "..., Secretary General Lars Hovland": the role opens the name
            opens = all(w[:1].isupper() or w in ("the", "of", "and") for w in lead) or (
                # "During his meeting with the minister, Stoltenberg addressed ..."
                lead[-1].endswith(",")
                and len(lead) <= 12
                and not self.registry.mentions_in(m.paragraph, s_start, m.start)
            )
            if opens and _compatible(person, gender):
                return self.speaker_of(person)
        return None


_ADJECTIVES: dict[str, str] = {}
for _adjective, _country in NATIONALITIES.items():
    if _adjective.isalpha():
        _ADJECTIVES.setdefault(_country, _adjective.capitalize())


# institutions a definite description refers back to ("the ministry", "the embassy")
ANAPHORIC_HEADS = frozenset(("ministry", "office", "agency", "embassy", "secretariat"))
_NAMED_INSTITUTION_RE = re.compile(
    r"\b(?:[A-Z][\w’'.-]*[ \u00a0]){1,4}(?P<head>Ministry|Office|Agency|Embassy|Secretariat)\b"
)


def _span_of(words: list[str], acronym: str) -> int:
    """How many of the last ``words`` the acronym's letters stand for (small words kept)."""
    need = len(acronym)
    for k in range(len(words) - 1, -1, -1):
        if words[k][:1].isupper():
            need -= 1
        if need == 0:
            return len(words) - k
    return len(words)


def _institution(cue: str) -> Speaker:
    """*Japan's Foreign Ministry*, *the Defense Ministry* speak under their name; a
    role without a name (*a spokesperson*, *the presidential office*, *officials*) keeps
    the role and no speaker."""
    words = cue.split()
    if words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    if not words:
        return Speaker()
    named = any(w[:1].isupper() for w in words) and words[-1].lower() in INSTITUTION_WORDS
    if named:
        owner = words[0][:-2] if words[0].endswith(("'s", "’s")) else None
        country = (org_of(owner) or CAPITALS.get(owner)) if owner else None
        if country in _ADJECTIVES:  # "Japan's foreign ministry": the Japanese foreign ministry
            words = [_ADJECTIVES[country], *words[1:]]
        return Speaker([], " ".join(words), None)
    return Speaker([], None, " ".join(words))


def _compatible(person: Person, gender: str | None) -> bool:
    return gender is None or person.gender is None or person.gender == gender
