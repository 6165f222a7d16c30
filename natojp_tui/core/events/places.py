"""Where an event happened: a site ("at NATO Headquarters"), a known city ("in Tokyo"), a
visited place, or the place the context gives."""

from __future__ import annotations

import re

from natojp_tui.core.events.context import Context, Trigger
from natojp_tui.core.lexicon.places import CITIES, COUNTRY_PHRASES, COUNTRY_WORDS, MULTI_WORD_CITIES
from natojp_tui.core.text.patterns import trie_pattern

_CITY_ALT = "|".join(sorted(CITIES, key=len, reverse=True))
# a quick test: a text where no known city is written names none
_CITY_LOOK = re.compile(trie_pattern(sorted(CITIES)))


_SITE_HEADS = (
    r"base|ship|vessel|destroyer|frigate|carrier|submarine|university|school|academy|college|"
    r"memorial|museum|cemetery|shrine|temple|monument|park|headquarters|office|residence|"
    r"palace|house|hall|centre|center|command|ministry|port|harbou?r|airport|air\sbase|"
    r"facility|camp|garrison|site|plant|institute|kantei|embassy|hotel|station|hospital"
)


SITE_HEAD_RE = re.compile(rf"\b(?:{_SITE_HEADS})s?\b", re.IGNORECASE)


_SITE_WORD = (
    r"(?!(?:where|which|when|in|on|at|and|with|to|for|during|after|before|since|until|while|as|"
    r"from|by|than|assuming|taking|leaving|becoming)\b)[\w'’-]+\s"
)


AT_SITE_RE = re.compile(
    rf"\b(?:at|aboard|on\sboard|to)\s(?P<site>(?:the\s|an?\s)?(?:{_SITE_WORD}){{0,3}}"
    rf"(?i:{_SITE_HEADS})s?\b"
    r"(?:\s(?:of|for)\s(?:the\s)?[A-Z][\w'’.&-]*(?:\s(?:[A-Z][\w'’.&-]*|and))*)?"  # "Ministry of Defense"
    r"|(?:the\s)?(?:[A-Z][\w'’.&-]*|JS|HMS|USS)(?:\s(?:[A-Z][\w'’.&-]*|of|the|for|and|de)){0,7})"
)


_IN_CITY_RE = re.compile(r"\b(?i:in|to|visiting|at)\s(?P<city>[A-Z][\w'’.-]+(?:\s[A-Z][\w'’.-]+)?)")


_NOT_SITES = re.compile(
    r"(?:Summit|Meeting|Conference|Council|Session|Forum|Dialogue|Ceremony|Talks|"
    r"Invitation|Outset|Request|Start|End|Beginning|Margins?|Sidelines?)$"
)


def context_place(frame: str, ctx: Context) -> str | None:
    """Where an event the sentence does not place happened, from what came before."""
    if frame == "seq" and ctx.events and ctx.events[-1].place:
        return ctx.events[-1].place
    if frame == "visit" and ctx.visit_place:
        return ctx.visit_place
    if frame == "para" and ctx.para_place:
        return ctx.para_place
    return ctx.dateline_place or ctx.visit_place


def place_in(masked: str, s0: int, s1: int, trig: Trigger) -> str | None:
    """A site ("at NATO Headquarters") or city ("in Tokyo") the sentence places it in."""
    best: tuple[int, str] | None = None
    for m in AT_SITE_RE.finditer(masked, s0, s1):
        site = clean_site(m.group("site"))
        if site is None:
            continue
        dist = abs(m.start() - trig.end)
        if best is None or dist < best[0]:
            best = (dist, site)
    if best is not None:
        return best[1]
    return city_in(masked, s0, s1)


def city_in(masked: str, s0: int, s1: int) -> str | None:
    """The first known city the text puts something in ("in Tokyo", "visiting The Hague")."""
    if _CITY_LOOK.search(masked, s0, s1) is None:
        return None
    for m in _IN_CITY_RE.finditer(masked, s0, s1):
        words = [w.strip(".,") for w in m.group("city").split()]
        long = _MULTI_CITY_RE.match(masked, m.start("city"))
        if long is not None:
            return long.group(0)  # "in New York"
        if words[0] in CITIES:
            return words[0]
        if words[0] == "The" and len(words) > 1 and words[1] in CITIES:
            return f"The {words[1]}"
    return None


def clean_site(site: str) -> str | None:
    site = re.sub(r"\s(?:of|the|for|and|de)$", "", site.strip(" ,."))
    site = re.sub(r"^the\s", "", site)
    words = site.split()
    if not words or _NOT_SITES.search(site):
        return None
    if len(words) == 1 and (words[0] in COUNTRY_WORDS or words[0] in ("NATO", "Japan")):
        return None
    if words[0] in CITIES and len(words) == 1:
        return words[0]
    if (
        not SITE_HEAD_RE.search(site)
        and words[0] not in CITIES
        and not site.startswith(("JS ", "HMS ", "USS "))
    ):
        return None
    return site


def site_object(masked: str, r0: int, r1: int) -> str | None:
    """What a visit verb visited, if it is a site rather than a country or city."""
    region = re.sub(r"^\s*(?:to|at)\s", " ", masked[r0:r1])
    cut = re.search(
        r",|\s(?:on|to|where|during|for|from|and|in|with|as|after|before|alongside|"
        rf"together|near|accompanied)\s|\s\(|\sat\s(?!(?:{_CITY_ALT})\b)",
        region,
    )
    np = region[: cut.start()] if cut else region
    np = np.strip(" .;~")
    np = re.sub(r"^(?:to|at)\s", "", np)
    np = re.sub(r"^(?:the|an?)\s", "", np)
    if not np or len(np) > 100 or re.match(r"(?:of|for|from|with|by|about|on|into)\b", np):
        return None  # "a demonstration of counter-drone systems" names no site
    if (
        np in COUNTRY_WORDS
        or np in CITIES
        or f"the {np}" in COUNTRY_PHRASES
        or np in COUNTRY_PHRASES
    ):
        return None
    words = np.split()
    if (
        len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and not SITE_HEAD_RE.search(np)
        and (words[-1] in COUNTRY_WORDS or words[0] in CITIES)
    ):
        return None
    return np


def visit_city(masked: str, s0: int, s1: int) -> str | None:
    """The city a "visit to Tokyo" names (events "during his visit" happen there)."""
    if _CITY_LOOK.search(masked, s0, s1) is None:
        return None
    for m in _VISIT_PLACE_RE.finditer(masked, s0, s1):
        long = _MULTI_CITY_RE.match(masked, m.start("c"))
        if long is not None:
            return long.group(0)
        city = m.group("c").rstrip(".,")
        if city in CITIES:
            return city
    return None


_MULTI_CITY_RE = re.compile(
    "(?:" + "|".join(sorted(map(re.escape, MULTI_WORD_CITIES), key=len, reverse=True)) + r")\b"
)
_VISIT_PLACE_RE = re.compile(
    r"\b(?:(?:visit|trip|stay)\s(?:to|in)|visiting|arrived\sin|(?:who|which)\s(?:is|was)\sin)\s"
    r"(?P<c>[A-Z][\w'’.-]+)"
)
