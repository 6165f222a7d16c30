"""The short summary of an event ("Held talks with Fumio Kishida")."""

from __future__ import annotations

import re

from natojp_tui.core.events.context import Trigger
from natojp_tui.core.lexicon.given_names import FAMILY_FIRST_NAMES, GENERATION_SUFFIXES

_TRIM_RE = re.compile(
    r"\s(?:on|in|at|for|during|from|to|as|since|about|regarding|over|amid)\s|,\s|\s\(|"
    r"\s(?:earlier|later|today|yesterday|tomorrow|tonight|again|separately|together|alongside)\b|"
    r"\s(?:one|two|three|four|five|six|\d+)\sdays?\b|"
    r"\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\s(?:and\s)?(?:discussed|exchanged|agreed|confirmed|reaffirmed|welcomed)\b"
)


_SIGNING_TRIM_RE = re.compile(r"\s(?:with|between|by|together)\s")


_MAX_SUMMARY = 140


def summarise(trig: Trigger, masked: str, obj_text: str, kind: str) -> str:
    verb = " ".join(trig.text.split())
    obj = " ".join(obj_text.split())
    if trig.style == "frame2":  # ", over a working lunch" -> "Working lunch with ..."
        noun = re.sub(
            r"^[,\s]*(?:also\s|then\s)?(?:(?:in|during|over)\s(?:(?:a|an|their)\s)?|"
            r"(?:following|after)\s(?:their|his|her)\s)",
            "",
            verb,
        )
        return capitalise(clip(f"{noun} {obj_text}".strip()))
    if trig.style == "passive":
        noun = re.split(r"\s(?:was|were)\s", verb)[0]
        noun = re.sub(r"^(?:a|an|the)\s", "", noun, flags=re.I)
        words = noun.split()
        return capitalise(" ".join(words[:6]))
    cut = _TRIM_RE.search(obj)
    if kind == "signing":
        cut2 = _SIGNING_TRIM_RE.search(obj)
        if cut2 is not None and (cut is None or cut2.start() < cut.start()):
            cut = cut2
    if cut is not None and cut.start() > 0:
        obj = obj[: cut.start()]
    obj = obj.strip(" ,.;~")
    if kind == "signing":
        obj = re.sub(r"^(?:a|an)\s(?=[A-Z])", "the ", obj)
    if kind != "signing":
        obj = re.sub(r"^(with\s)?the\s(?=[A-Z])", lambda m: m.group(1) or "", obj)
    if trig.style == "frame":
        verb = re.sub(
            r"^(?:at|in|during|after|following|over)\s(?:(?:a|an|the|his|her|their)\s)?",
            "",
            verb,
            flags=re.I,
        )
    summary = f"{verb} {obj}".strip() if obj else verb
    summary = re.sub(r"\bwith with\b", "with", summary)
    return capitalise(clip(summary))


def capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def clip(s: str, n: int = _MAX_SUMMARY) -> str:
    if len(s) <= n:
        return s
    cut = s.rfind(" ", 0, n)
    return s[: cut if cut > 0 else n].rstrip(" ,;") + "…"


# --- the line a timeline shows -----------------------------------------------------------

_HONORIFIC_RE = re.compile(
    r"\b(?:H\.\s?E\.|Mr\.|Mrs\.|Ms\.|Dr\.|the\sHon\.?|Hon\.?|Senator|Excellency)\s|\s(?:MP|MHR|QC)\b"
)
_MEAL_RE = re.compile(
    r"\b(?:working\s|official\s|informal\s|state\s)?(?:lunch(?:eon)?|dinner|breakfast|banquet|supper)\b",
    re.I,
)
_REMOTE_RE = re.compile(r"\b(?:tele)?phone|\bcall\b", re.I)
_VIDEO_RE = re.compile(r"\bvideo", re.I)
_COURTESY_RE = re.compile(r"\bcourtesy\s+call", re.I)
_DETAILED = frozenset({"signing", "visit", "address", "summit"})


def short_name(name: str) -> str:
    """The name a headline uses: the family name ("Kishida"); "Yoon" for "Yoon Suk-yeol";
    "Austin" for "Lloyd J. Austin III"."""
    words = name.split()
    while len(words) > 1 and words[-1] in GENERATION_SUFFIXES:
        words = words[:-1]
    if len(words) >= 2 and "-" in words[-1] and words[-1][:1].isupper() and len(words) == 2:
        return words[0]  # Korean order: family name first, hyphenated given name
    if (
        len(words) in (2, 3)
        and words[0].lower() in FAMILY_FIRST_NAMES
        and (words[-1].lower() not in FAMILY_FIRST_NAMES or len(words) == 3)
    ):
        return words[0]  # "Yoon Suk Yeol", "Park Jin", "Wang Yi": the family name first
    return words[-1] if words else name


def headline(
    kind: str,
    detail: str,
    participants: list[str],
    groups: list[str],
    time: str | None,
    duration: int | None,
    place: str | None,
) -> str:
    """ "Kishida ↔ Stoltenberg · meeting · 18:20 (25 min) · Tokyo · discussed Ukraine":
    who, what, when, where, then the topics, without honorifics."""
    who = " ↔ ".join([*(short_name(p) for p in participants), *groups])
    head, _, topics = detail.partition("; ")
    head = " ".join(_HONORIFIC_RE.sub(" ", f" {head} ").split())
    what = _what(kind, head)
    when = None
    if time:
        when = f"{time} ({duration} min)" if duration else time
    elif duration:
        when = f"{duration} min"
    parts = [who, what, when, place, topics]
    return clip(" · ".join(p for p in parts if p))  # fmt: skip


def _what(kind: str, head: str) -> str:
    if kind in ("meeting", "group_meeting", "courtesy_call"):
        label = "courtesy call" if kind == "courtesy_call" else "meeting"
        if _VIDEO_RE.search(head):
            return "video call"
        remote = _REMOTE_RE.search(head) and not _COURTESY_RE.search(head)
        return "telephone call" if remote else label  # ("a courtesy call" is in person)
    if kind == "press_conference":
        return "joint press conference" if "joint" in head.lower() else "press conference"
    if kind == "meal":
        m = _MEAL_RE.search(head)
        return m.group(0).lower() if m else "meal"
    if kind == "summit":
        return head or "summit"
    head = _DANGLING_RE.sub("", head)  # "visited Iruma Air Base and": the "and" goes
    if kind in _DETAILED and head:
        return head[:1].lower() + head[1:] if not head[:2].isupper() else head
    return kind.replace("_", " ")


# a clause cut after a joining word: "…and", "…, as well as", "…with"
_DANGLING_RE = re.compile(
    r"(?:[\s,;]+(?:and|or|as\swell\sas|with|to|of|the|on|in|at))+[\s,;]*$|[\s,;]+$"
)
