"""Dateline patterns: how a wire story or release opens before its first sentence."""

from __future__ import annotations

import re

from natojp_tui.core.lexicon.months import MONTH_PATTERN

# News agencies and broadcasters as a dateline or credit names them, a regex alternation
# ("TOKYO (Kyodo) --", "(Reuters)").
KNOWN_AGENCIES = (
    "Reuters|AP|AFP|Kyodo(?: News)?|Jiji(?: Press)?|Yonhap|KUNA|Xinhua|dpa|DPA|Bloomberg|NHK|"
    "UPI|Anadolu|AAP|Bernama|PTI|ANI|TASS|RIA Novosti|IANS|EFE|ANSA|Antara|PNA|Lusa|"
    "Interfax|Ukrinform|Korea Herald|KBS|Arirang|Asia Today"
)
# "BRUSSELS (Reuters) — ", "TOKYO, Apr 15 (Kyodo) - ": a place in capitals, an optional
# short date and agency, then a dash (matched at the start of a clause).
WIRE_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .,'’-]{1,40}(?:,\s*[A-Z][a-z]{2,4}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[—–-]+\s+"
)
# "Tokyo, " / "TOKYO (Reuters), " before the date of an inline dateline.
INLINE_PLACE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z’'.\- ]{1,30}?)\s*(?:\((?P<agency>[^)]{1,30})\))?\s*,\s*"
)
# A date line's month, case-insensitive, with an optional full stop ("Apr.", "april").
DATELINE_MONTH = rf"(?P<mon>{MONTH_PATTERN})\.?"
