"""The short summary of an event ("Held talks with Fumio Kishida")."""

from __future__ import annotations

import re

from natojp_tui.core.events.context import Trigger

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
