"""A deterministic synthetic corpus of NATO releases and Japanese meeting readouts.

Article ``i`` of seed ``s`` is the same whatever the corpus size, so a 30-article corpus
is the head of the 10,000-article one. Every article records its own ground truth
(:class:`ArticleTruth`): title, date, and each quote's kind, speaker and exact place
(``paragraph`` counts body paragraphs; ``body[paragraph][start:end] == text``).

Shapes, as the readers accept them: the nato.int plain-text page (bullet date lines,
photo caption printed twice, ``Video``), plain text with a dateline (``Tokyo, 15 April
2013 -`` opening the first paragraph, or a ``January 31, 2023`` line), Markdown with
front matter (``title/date/source/url``) and a simple saved HTML page.

All people are fictional: the corpus never puts words into a real person's mouth.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

FIRST_DATE = date(2005, 1, 1)
LAST_DATE = date(2026, 12, 31)
MANIFEST = "manifest.jsonl"  # one ArticleTruth per line; its suffix is not an article's
SHAPES = ("nato-text", "dateline-text", "markdown", "html")
SHAPE_WEIGHTS = (35, 25, 28, 12)

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# ---------------------------------------------------------------- fictional people

_WEST_GIVEN_M = (
    "Anders",
    "Henrik",
    "Pieter",
    "Lukas",
    "Tomas",
    "Jonas",
    "Marco",
    "Stefan",
    "Karel",
    "Mikael",
    "Julien",
    "Rui",
    "Bram",
    "Ola",
    "Dariusz",
    "Andrei",
)
_WEST_GIVEN_F = (
    "Ingrid",
    "Helena",
    "Marta",
    "Sofie",
    "Camille",
    "Agnieszka",
    "Liisa",
    "Elena",
    "Birgit",
    "Clara",
    "Ana",
    "Katrin",
    "Mette",
    "Ilse",
    "Rasa",
    "Zofia",
)
_WEST_FAMILY = (
    "Vandermolen",
    "Lindqvist",
    "Castellano",
    "Novakova",
    "Brenner",
    "Aaltonen",
    "Kowalczyk",
    "Dubreuil",
    "Haugland",
    "Petrescu",
    "Van Rensburg",
    "Oliveira",
    "Mikkelsen",
    "Stanev",
    "Kallas-Moor",
    "De Vries",
    "Fogh Lindberg",
    "Morel",
)
_JP_GIVEN_M = ("Haruto", "Kenji", "Takeshi", "Daisuke", "Hiroshi", "Ryota", "Satoshi", "Kazuki")
_JP_GIVEN_F = ("Yuki", "Aiko", "Naomi", "Emiko", "Sakura", "Keiko", "Mariko", "Haruka")
_JP_FAMILY = (
    "Tanabe",
    "Morikawa",
    "Ishizaki",
    "Kuroda",
    "Nakahara",
    "Fujiwara",
    "Okamura",
    "Hasegawa",
    "Sugimoto",
    "Takeda",
    "Uchida",
    "Yoshimura",
)

_NATO_ROLES = (
    "Secretary General",
    "Deputy Secretary General",
    "Chair of the NATO Military Committee",
    "Assistant Secretary General for Political Affairs and Security Policy",
    "NATO Spokesperson",
)
_JAPAN_ROLES = (
    "Prime Minister",
    "Minister for Foreign Affairs",
    "Minister of Defense",
    "Parliamentary Vice-Minister for Foreign Affairs",
    "Chief Cabinet Secretary",
    "Ambassador of Japan to NATO",
)
_OTHER_ROLES = (
    ("Foreign Minister", "Lithuania"),
    ("Defence Minister", "Estonia"),
    ("Foreign Minister", "Poland"),
    ("Minister of Defence", "the Netherlands"),
    ("Foreign Minister", "Australia"),
    ("Foreign Minister", "the Republic of Korea"),
)

_PLACES_JP = ("Tokyo", "Osaka", "Hiroshima", "Yokosuka", "Sapporo", "Fukuoka")
_PLACES_NATO = ("Brussels", "Vilnius", "Madrid", "Washington", "Bucharest", "Riga", "Mons")

# ---------------------------------------------------------------- what they say

_SUBJECTS = (
    "NATO and Japan",
    "We",
    "Our two nations",
    "Like-minded partners",
    "Allies and partners",
    "Europe and the Indo-Pacific",
    "Japan and the Alliance",
    "Our experts",
    "Both sides",
)
_PREDICATES = (
    "share a deep commitment to",
    "will continue to work together on",
    "are determined to strengthen cooperation on",
    "see very clearly the value of",
    "must stand together on",
    "have made real progress on",
    "are stepping up dialogue on",
    "cannot afford to neglect",
    "will deepen practical cooperation in",
    "need to invest more in",
)
_TOPICS = (
    "cyber defence",
    "maritime security",
    "disaster relief",
    "counter-piracy",
    "space security",
    "emerging and disruptive technologies",
    "hybrid threats",
    "arms control",
    "non-proliferation",
    "the security of the Indo-Pacific",
    "women, peace and security",
    "climate change and security",
    "strategic communications",
    "defence industrial cooperation",
    "interoperability",
    "capacity building",
    "the rules-based international order",
    "support for Ukraine",
    "crisis management",
    "countering disinformation",
    "the protection of critical undersea infrastructure",
    "military medicine",
    "humanitarian demining",
    "supply chain resilience",
)
_TAILS = (
    "in the years ahead",
    "because security is global",
    "despite the challenges we face",
    "for the benefit of both our peoples",
    "at a time of great uncertainty",
    "as the security environment becomes more severe",
    "with concrete projects",
    "from the Baltic to the East China Sea",
    "and we will keep doing so",
    "through regular high-level dialogue",
    "on the basis of our shared values",
)
_EXTRA = (
    "This is a {adj} moment for our partnership.",
    "{Issue} in {region} {state}.",
    "We discussed {issue} and {issue2} in some detail.",
    "Japan will contribute {number} {amount} to {issue} by {year}.",
    "Over {number} {amount} have taken part in {issue} since {year}.",
    "I am {feeling} by what we have achieved together.",
    "The security of Europe and of the Indo-Pacific is {link}.",
    "No country can face these threats alone.",
    "We will not accept any unilateral attempt to change the status quo by force.",
    "Our cooperation on {topic} is {adj}.",
    "Today we agreed to take our cooperation to the next level.",
)
_ADJ = ("historic", "decisive", "remarkable", "important", "significant", "promising", "timely")
_FEELING = ("encouraged", "impressed", "inspired", "heartened")
_LINK = ("closely interconnected", "inseparable", "deeply linked", "indivisible")
_PARTIAL = (
    "a new chapter",
    "natural partners",
    "indispensable",
    "an unwavering commitment",
    "a turning point",
    "stronger than ever",
    "a clear signal",
    "an essential partner",
    "a model of cooperation",
    "rock solid",
    "frank and productive",
    "long overdue",
)
_VERBS = ("said", "stressed", "underlined", "added", "noted", "emphasised", "told reporters")
_REPORT_VERBS = (
    "stated that",
    "said that",
    "expressed hope that",
    "emphasised that",
    "explained that",
    "welcomed the fact that",
    "noted that",
    "reaffirmed that",
)
_ISSUES = (
    "sanctions enforcement",
    "export controls",
    "satellite navigation",
    "submarine cables",
    "semiconductor supply",
    "ammunition production",
    "uncrewed systems",
    "ballistic missiles",
    "artificial intelligence",
    "quantum technologies",
    "ransomware attacks",
    "energy security",
    "food security",
    "pandemic preparedness",
    "shipbuilding",
    "military logistics",
    "joint exercises",
    "officer training",
    "cadet exchanges",
    "research scholarships",
    "peacekeeping",
    "mine clearance",
    "earthquake response",
    "tsunami warning",
    "typhoon relief",
    "flood defences",
    "wildfire fighting",
    "nuclear safety",
    "chemical weapons",
    "biological threats",
    "maritime domain awareness",
    "air policing",
    "missile defence",
    "satellite imagery",
    "critical minerals",
    "foreign interference",
    "election security",
    "cognitive warfare",
    "port security",
    "freedom of navigation",
    "sea lines of communication",
    "cyber hygiene",
    "information sharing",
    "defence budgets",
    "procurement reform",
    "standardisation",
    "medical evacuation",
    "search and rescue",
    "coastguard cooperation",
    "counter-terrorism",
    "border security",
    "small arms control",
    "veterans' care",
    "gender mainstreaming",
    "youth engagement",
    "science for peace",
    "space debris",
    "hypersonic weapons",
    "electronic warfare",
    "undersea surveillance",
)
_REGIONS = (
    "the Baltic Sea",
    "the Black Sea",
    "the East China Sea",
    "the South China Sea",
    "the Korean Peninsula",
    "the Taiwan Strait",
    "the Arctic",
    "the Sahel",
    "the Middle East",
    "Central Asia",
    "the Western Balkans",
    "the Mediterranean",
    "the Pacific Islands",
    "Southeast Asia",
    "the Horn of Africa",
    "the Caucasus",
    "the High North",
    "the Indian Ocean",
    "the Sea of Japan",
    "Eastern Europe",
)
_STATES = (
    "remains a serious concern",
    "is becoming more complex",
    "has improved markedly",
    "deserves our full attention",
    "is a shared responsibility",
    "calls for vigilance",
    "requires sustained investment",
    "is changing rapidly",
    "demands a united response",
    "has never been more important",
)
_AMOUNTS = (
    "million euros",
    "million yen",
    "experts",
    "officers",
    "projects",
    "trainees",
    "vessels",
    "aircraft",
    "satellites",
    "tonnes of equipment",
)
_CLAUSES = (
    "Japan would continue its support for {topic}",
    "{issue} in {region} {state}",
    "the two sides would explore cooperation on {issue}",
    "the two sides would deepen cooperation on {topic}",
    "the security environment was becoming increasingly severe",
    "NATO valued Japan as one of its closest partners",
    "dialogue on {topic} should be stepped up",
    "the partnership had entered a new phase",
    "both sides opposed any attempt to change the status quo by force",
    "practical cooperation on {topic} had advanced considerably",
    "the Individually Tailored Partnership Programme would guide future work",
)
_MEETINGS = ("meeting", "telephone talk", "courtesy call", "working lunch", "video conference")


@dataclass(slots=True)
class Speaker:
    """A fictional person with the office they hold in one article."""

    name: str  # given-family order, the canonical name
    role: str
    org: str  # "NATO", "Japan" or a country
    gender: str  # "m" or "f"
    japanese: bool = False

    @property
    def family(self) -> str:
        return self.name.split(" ", 1)[1] if " " in self.name else self.name

    @property
    def honorific(self) -> str:
        return "Mr." if self.gender == "m" else "Ms."

    @property
    def pronoun(self) -> str:
        return "he" if self.gender == "m" else "she"

    @property
    def mofa_name(self) -> str:
        """Japanese readout style: family name in capitals first."""
        given, family = self.name.split(" ", 1)
        return f"{family.upper()} {given}"


@dataclass(slots=True)
class QuoteTruth:
    text: str
    kind: str  # direct | partial | indirect
    speaker: str
    paragraph: int
    start: int
    end: int
    cue: str  # named | role | pronoun | reported


@dataclass(slots=True)
class EventTruth:
    kind: str
    participants: list[str]
    date: str
    time: str | None
    duration: int | None
    place: str | None


@dataclass(slots=True)
class ArticleTruth:
    file: str
    shape: str
    title: str
    published: str
    source: str
    body: list[str]
    quotes: list[QuoteTruth] = field(default_factory=list)
    events: list[EventTruth] = field(default_factory=list)


@dataclass(slots=True)
class GeneratedArticle:
    """A file to write and what it holds."""

    name: str
    content: str
    truth: ArticleTruth


class _Body:
    """Body paragraphs built from plain strings and quotes, keeping quote offsets."""

    def __init__(self) -> None:
        self.paragraphs: list[str] = []
        self.quotes: list[QuoteTruth] = []

    def add(self, *pieces: str | tuple[str, str, Speaker, str]) -> None:
        text = ""
        for piece in pieces:
            if isinstance(piece, tuple):
                quote, kind, who, cue = piece
                self.quotes.append(
                    QuoteTruth(
                        quote,
                        kind,
                        who.name,
                        len(self.paragraphs),
                        len(text),
                        len(text) + len(quote),
                        cue,
                    )
                )
                piece = quote
            text += piece
        self.paragraphs.append(text)


# ---------------------------------------------------------------- building blocks


def _person(rnd: random.Random, org: str, role: str, taken: set[str]) -> Speaker:
    japanese = org == "Japan"
    while True:
        gender = rnd.choice("mf")
        if japanese:
            given = rnd.choice(_JP_GIVEN_M if gender == "m" else _JP_GIVEN_F)
            family = rnd.choice(_JP_FAMILY)
        else:
            given = rnd.choice(_WEST_GIVEN_M if gender == "m" else _WEST_GIVEN_F)
            family = rnd.choice(_WEST_FAMILY)
        name = f"{given} {family}"
        if name not in taken and family not in {n.split(" ", 1)[1] for n in taken}:
            taken.add(name)
            return Speaker(name, role, org, gender, japanese)


def _statement(rnd: random.Random) -> str:
    """A first-person statement without its final full stop."""
    first = (
        f"{rnd.choice(_SUBJECTS)} {rnd.choice(_PREDICATES)} {rnd.choice(_TOPICS)} "
        f"{rnd.choice(_TAILS)}"
    )
    if rnd.random() < 0.6:
        issue = rnd.choice(_ISSUES)
        extra = rnd.choice(_EXTRA).format(
            adj=rnd.choice(_ADJ),
            feeling=rnd.choice(_FEELING),
            link=rnd.choice(_LINK),
            topic=rnd.choice(_TOPICS),
            issue=issue,
            Issue=issue[0].upper() + issue[1:],
            issue2=rnd.choice(_ISSUES),
            region=rnd.choice(_REGIONS),
            state=rnd.choice(_STATES),
            number=rnd.choice((rnd.randint(2, 99), rnd.randint(100, 9999))),
            amount=rnd.choice(_AMOUNTS),
            year=rnd.randint(2005, 2030),
        )
        return f"{first}. {extra.rstrip('.')}"
    return first


def _clause(rnd: random.Random) -> str:
    return rnd.choice(_CLAUSES).format(
        topic=rnd.choice(_TOPICS),
        issue=rnd.choice(_ISSUES),
        region=rnd.choice(_REGIONS),
        state=rnd.choice(_STATES),
    )


def _marks(rnd: random.Random) -> tuple[str, str]:
    return ("“", "”") if rnd.random() < 0.7 else ('"', '"')


def _long(d: date) -> str:
    return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"


def _short(d: date) -> str:
    """nato.int style: ``15 Apr. 2013`` (``May`` has no full stop)."""
    month = _MONTHS[d.month - 1]
    return f"{d.day} {month if month == 'May' else month[:3] + '.'} {d.year}"


def _us(d: date) -> str:
    return f"{_MONTHS[d.month - 1]} {d.day}, {d.year}"


def _title_of(who: Speaker) -> str:
    if who.org == "NATO":
        return f"NATO {who.role}" if who.role == "Secretary General" else who.role
    if who.org == "Japan":
        return f"{who.role} of Japan" if who.role != "Ambassador of Japan to NATO" else who.role
    return f"{who.role} of {who.org}"


def _quote_paragraph(rnd: random.Random, body: _Body, who: Speaker, style: str) -> None:
    """One paragraph with one or two quotes by ``who`` in the given attribution style."""
    o, c = _marks(rnd)
    said = rnd.choice(_VERBS)
    named = f"{who.honorific} {who.family}" if rnd.random() < 0.6 else who.name
    if style == "named":
        body.add(o, (_statement(rnd), "direct", who, "named"), f",{c} {said} {named}.")
    elif style == "role":
        lead = f"{named} welcomed the progress made on {rnd.choice(_TOPICS)}. "
        body.add(lead, o, (_statement(rnd), "direct", who, "role"), f",{c} the {who.role} {said}.")
    elif style == "pronoun":
        lead = f"{named} also discussed {rnd.choice(_TOPICS)}. "
        pieces: list[str | tuple[str, str, Speaker, str]] = [
            lead,
            o,
            (_statement(rnd), "direct", who, "pronoun"),
            f",{c} {who.pronoun} {said}.",
        ]
        if rnd.random() < 0.5:
            o2, c2 = _marks(rnd)
            pieces += [
                " ",
                o2,
                (_statement(rnd), "direct", who, "pronoun"),
                f",{c2} {who.pronoun} {rnd.choice(_VERBS)}.",
            ]
        body.add(*pieces)
    elif style == "colon":
        body.add(
            f"{_title_of(who)} {who.name} {said}: ",
            o,
            (_statement(rnd) + ".", "direct", who, "named"),
            c,
        )
    elif style == "partial":
        p1, p2 = rnd.sample(_PARTIAL, 2)
        body.add(
            f"{named} called the talks {o}",
            (p1, "partial", who, "named"),
            f"{c} and described cooperation on {rnd.choice(_TOPICS)} as {o}",
            (p2, "partial", who, "named"),
            f"{c}.",
        )
    else:  # indirect
        body.add(
            f"{_title_of(who)} {who.name} {rnd.choice(_REPORT_VERBS)} ",
            (_clause(rnd), "indirect", who, "reported"),
            ".",
        )


_STYLES = ("named", "role", "pronoun", "colon", "partial", "indirect")
_STYLE_WEIGHTS = (24, 16, 16, 10, 14, 20)


def _quotes_block(rnd: random.Random, body: _Body, people: list[Speaker], target: int) -> None:
    while len(body.quotes) < target:
        who = rnd.choice(people)
        style = rnd.choices(_STYLES, _STYLE_WEIGHTS)[0]
        _quote_paragraph(rnd, body, who, style)
        if rnd.random() < 0.3:
            body.add(
                f"The two sides exchanged views on {rnd.choice(_TOPICS)} and "
                f"{rnd.choice(_TOPICS)}, and agreed to remain in close contact."
            )


# ---------------------------------------------------------------- articles


def _nato_release(
    rnd: random.Random, when: date, body: _Body, taken: set[str]
) -> tuple[str, list[Speaker], EventTruth]:
    sg = _person(rnd, "NATO", rnd.choice(_NATO_ROLES[:3]), taken)
    guest = _person(rnd, "Japan", rnd.choice(_JAPAN_ROLES[:3]), taken)
    place = rnd.choice(_PLACES_NATO + _PLACES_JP)
    weekday = _WEEKDAYS[when.weekday()]
    verb, event = rnd.choice(
        (
            ("met", "meeting"),
            ("held talks with", "meeting"),
            ("signed a joint statement with", "signing"),
        )
    )
    o, c = _marks(rnd)
    body.add(
        f"{_title_of(sg)} {sg.name} {verb} {_title_of(guest)} {guest.name} in {place} on "
        f"{weekday} ({when.day} {_MONTHS[when.month - 1]}). ",
        o,
        (_statement(rnd), "direct", sg, "role"),
        f",{c} said the {sg.role} after the {event}.",
    )
    title = rnd.choice(
        (
            f"{sg.role} meets {_title_of(guest)}",
            f"NATO and Japan step up cooperation on {rnd.choice(_TOPICS)}",
            f"{_title_of(guest)} visits NATO",
        )
    )
    ev = EventTruth(event, [sg.name, guest.name], when.isoformat(), None, None, place)
    return title[0].upper() + title[1:], [sg, guest], ev


def _mofa_readout(
    rnd: random.Random, when: date, body: _Body, taken: set[str]
) -> tuple[str, list[Speaker], EventTruth]:
    host = _person(rnd, "Japan", rnd.choice(_JAPAN_ROLES), taken)
    guest = _person(rnd, "NATO", rnd.choice(_NATO_ROLES), taken)
    if rnd.random() < 0.4:
        role, country = rnd.choice(_OTHER_ROLES)
        guest = _person(rnd, country, role, taken)
    kind = rnd.choice(_MEETINGS)
    hh, mm = rnd.randint(8, 19), rnd.choice((0, 5, 10, 15, 20, 30, 40, 45, 50))
    minutes = rnd.choice((15, 20, 30, 40, 45, 50, 60, 70, 90))
    place = rnd.choice(_PLACES_JP)
    body.add(
        f"1. On {_MONTHS[when.month - 1]} {when.day}, commencing at {hh:02d}:{mm:02d} for "
        f"approximately {minutes} minutes, {host.honorific} {host.mofa_name}, "
        f"{_title_of(host)}, held a {kind} with H.E. {guest.honorific} {guest.name}, "
        f"{_title_of(guest)}, in {place}. The overview of the {kind} is as follows."
    )
    body.add(
        f"2. {host.role} {host.family} {rnd.choice(_REPORT_VERBS)} ",
        (_clause(rnd), "indirect", host, "reported"),
        ". In response, ",
        f"{_title_of(guest)} {guest.family} {rnd.choice(_REPORT_VERBS)} ",
        (_clause(rnd), "indirect", guest, "reported"),
        ".",
    )
    title = f"Japan-{guest.org} {kind.title()} ({host.role} {host.family})"
    ev = EventTruth(
        kind.replace(" ", "_"),
        [host.name, guest.name],
        when.isoformat(),
        f"{hh:02d}:{mm:02d}",
        minutes,
        place,
    )
    return title, [host, guest], ev


def _slug(title: str) -> str:
    keep = "".join(ch.lower() if ch.isalnum() else "-" for ch in title)
    return "-".join(part for part in keep.split("-") if part)[:60]


def generate_article(index: int, seed: int = 0) -> GeneratedArticle:
    """Article number ``index`` of the corpus ``seed`` (same whatever the corpus size)."""
    rnd = random.Random(f"natojp-bench:{seed}:{index}")
    when = FIRST_DATE + timedelta(days=rnd.randrange((LAST_DATE - FIRST_DATE).days + 1))
    shape = rnd.choices(SHAPES, SHAPE_WEIGHTS)[0]
    body = _Body()
    taken: set[str] = set()
    readout = rnd.random() < 0.45
    make = _mofa_readout if readout else _nato_release
    title, people, event = make(rnd, when, body, taken)
    if rnd.random() < 0.5:
        extra_org = "Japan" if people[0].org != "Japan" else "NATO"
        roles = _JAPAN_ROLES if extra_org == "Japan" else _NATO_ROLES
        people.append(_person(rnd, extra_org, rnd.choice(roles), taken))
    _quotes_block(rnd, body, people, target=rnd.randint(8, 12))
    source = "Ministry of Foreign Affairs of Japan" if readout else "NATO"
    name = f"{when.isoformat()}-{_slug(title)}-{index:05d}"
    truth = ArticleTruth(
        "", shape, title, when.isoformat(), source, body.paragraphs, body.quotes, [event]
    )
    content, ext = _render(rnd, shape, truth, when, people)
    truth.file = f"{name}.{ext}"
    return GeneratedArticle(truth.file, content, truth)


def _render(
    rnd: random.Random, shape: str, t: ArticleTruth, when: date, people: list[Speaker]
) -> tuple[str, str]:
    paras = list(t.body)
    if shape == "nato-text":
        caption = (
            f"{_title_of(people[0])} {people[0].name} and {_title_of(people[1])} {people[1].name}"
        )
        hh, mm = rnd.randint(8, 20), rnd.randint(0, 59)
        head = [
            t.title,
            "",
            f"  • {_short(when)} -",
            "  • |",
            f"  • Last updated: {_short(when)} {hh:02d}:{mm:02d}",
            "",
        ]
        blocks = [paras[0], caption, caption, *paras[1:], "Video"]
        return "\n".join(head) + "\n" + "\n\n".join(blocks) + "\n", "txt"
    if shape == "dateline-text":
        if rnd.random() < 0.5:
            place = t.events[0].place or rnd.choice(_PLACES_JP)
            lead = f"{place}, {_long(when)} - "
            t.quotes = [_shift(q, lead) for q in t.quotes]
            t.body[0] = paras[0] = lead + paras[0]
            return f"{t.title}\n\n" + "\n\n".join(paras) + "\n", "txt"
        return f"{t.title}\n\n{_us(when)}\n\n" + "\n\n".join(paras) + "\n", "txt"
    if shape == "markdown":
        for n, p in enumerate(paras):  # "1. On ..." would be a Markdown list item: unnumber
            number = p.split(" ", 1)[0]
            if number[:-1].isdigit() and number.endswith("."):
                _drop_head(t, n, len(number) + 1)
        paras = list(t.body)
        url = f"https://example.org/news/{when.isoformat()}/{_slug(t.title)}"
        front = (
            f'---\ntitle: "{t.title}"\ndate: {when.isoformat()}\n'
            f"source: {t.source}\nurl: {url}\n---\n\n"
        )
        return front + "\n\n".join(paras) + "\n", "md"
    ps = "\n".join(f"    <p>{html.escape(p, quote=False)}</p>" for p in paras)
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(t.title)}</title>\n"
        f'<meta property="article:published_time" content="{when.isoformat()}">\n'
        f'<meta property="og:site_name" content="{html.escape(t.source)}">\n</head>\n<body>\n'
        '<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About</a></nav>\n'
        f"<main>\n  <article>\n    <h1>{html.escape(t.title)}</h1>\n"
        f"{ps}\n  </article>\n</main>\n"
        "<footer><p>Copyright. All rights reserved.</p></footer>\n</body>\n</html>\n"
    )
    return page, "html"


def _shift(q: QuoteTruth, lead: str) -> QuoteTruth:
    if q.paragraph != 0:
        return q
    return QuoteTruth(q.text, q.kind, q.speaker, 0, q.start + len(lead), q.end + len(lead), q.cue)


def _drop_head(t: ArticleTruth, paragraph: int, n: int) -> None:
    """Remove the first ``n`` characters of a body paragraph, moving its quotes back."""
    t.body[paragraph] = t.body[paragraph][n:]
    for q in t.quotes:
        if q.paragraph == paragraph:
            q.start, q.end = q.start - n, q.end - n


# ---------------------------------------------------------------- files


def iter_corpus(n_articles: int, seed: int = 0) -> Iterator[GeneratedArticle]:
    for i in range(n_articles):
        yield generate_article(i, seed)


def write_corpus(folder: str | Path, n_articles: int, seed: int = 0) -> list[ArticleTruth]:
    """Write ``n_articles`` files and ``manifest.jsonl`` into ``folder``; return the truths."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    truths = []
    with open(out / MANIFEST, "w", encoding="utf-8") as manifest:
        for art in iter_corpus(n_articles, seed):
            (out / art.name).write_text(art.content, encoding="utf-8")
            manifest.write(json.dumps(asdict(art.truth), ensure_ascii=False) + "\n")
            truths.append(art.truth)
    return truths


def read_manifest(folder: str | Path) -> list[ArticleTruth]:
    """The truths written by :func:`write_corpus`."""
    truths = []
    with open(Path(folder) / MANIFEST, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            d["quotes"] = [QuoteTruth(**q) for q in d["quotes"]]
            d["events"] = [EventTruth(**e) for e in d["events"]]
            truths.append(ArticleTruth(**d))
    return truths
