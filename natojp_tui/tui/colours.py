"""Speaker colours: one stable hue per person, made readable on the theme's background.

A person's hue comes from a hash of their name, so the same person has the same colour
in every article and every session. The lightness is then moved until the colour
reaches ``MIN_CONTRAST`` (WCAG 2 contrast ratio) against the background it is drawn on,
darker on light themes and lighter on dark ones.
"""

from __future__ import annotations

import colorsys
import hashlib
from functools import lru_cache

from textual.color import Color

MIN_CONTRAST = 4.5
TARGET_CONTRAST = 4.8  # a little above the minimum, so rounding never drops below it
HUES: tuple[int, ...] = (35, 210, 140, 300, 15, 175, 265, 0, 95, 330, 235, 55)
SATURATION = 0.70
UNKNOWN = None  # the key of quotes nobody is named for: drawn grey
DARK_FALLBACK = Color(0, 0, 0)
LIGHT_FALLBACK = Color(255, 255, 255)


def luminance(colour: Color) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.r) + 0.7152 * channel(colour.g) + 0.0722 * channel(colour.b)


def contrast(a: Color, b: Color) -> float:
    """WCAG 2 contrast ratio of two opaque colours (1.0 to 21.0)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def opaque_background(background: Color, dark: bool) -> Color:
    """The background as drawn: ANSI 'default' becomes black or white, alpha is flattened."""
    if background.ansi is not None:
        return DARK_FALLBACK if dark else LIGHT_FALLBACK
    if background.a < 1:
        return (DARK_FALLBACK if dark else LIGHT_FALLBACK).blend(background, background.a)
    return background


def hue_of(name: str | None) -> int | None:
    """The stable hue of a person (None for unattributed quotes)."""
    if not name:
        return None
    key = " ".join(name.casefold().split()).encode("utf-8")
    return HUES[hashlib.blake2s(key, digest_size=4).digest()[0] % len(HUES)]


@lru_cache(maxsize=4096)
def _readable(hue: int | None, background: Color) -> Color:
    saturation = 0.0 if hue is None else SATURATION
    h = (hue or 0) / 360
    light_bg = luminance(background) > 0.18
    steps = [i / 100 for i in (range(45, -1, -1) if light_bg else range(55, 101))]
    best = None
    for lightness in steps:
        r, g, b = colorsys.hls_to_rgb(h, lightness, saturation)
        colour = Color(round(r * 255), round(g * 255), round(b * 255))
        best = colour
        if contrast(colour, background) >= TARGET_CONTRAST:
            return colour
    assert best is not None
    return best


def speaker_colour(name: str | None, background: Color, *, dark: bool = True) -> str:
    """``#rrggbb`` for ``name`` on ``background``: same hue everywhere, ≥ 4.5:1 contrast."""
    return _readable(hue_of(name), opaque_background(background, dark)).hex
