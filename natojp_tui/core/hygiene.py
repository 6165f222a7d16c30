"""Text hygiene at ingest: decoding bytes and making article text inert and tidy.

Article text is data. Everything that could reach a terminal as a control sequence
(C0/C1 controls, ANSI CSI/OSC/DCS escapes, bidi overrides and isolates) is removed
here, once, before anything is stored or shown. Curly quotes and apostrophes are kept.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

MAX_BINARY_RATIO = 0.10  # share of control characters (outside escape sequences) that means binary


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, empty, undecodable)."""


_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Encodings we try, in order, when there is no BOM and the text is not UTF-8.
_JAPANESE = ("shift_jis", "cp932", "euc_jp")
_CP1252_UNDEFINED = b"\x81\x8d\x8f\x90\x9d"


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode file bytes to text; returns ``(text, encoding)``.

    Order: BOM, strict UTF-8, the ``declared`` charset (an HTTP header) when the bytes
    decode strictly with it, then charset detection limited to the encodings our
    sources use (cp1252, Shift_JIS, EUC-JP). Raises :class:`DecodeError`.
    """
    if not data.strip():
        raise DecodeError("empty file")
    has_bom = any(data.startswith(bom) for bom, _ in _BOMS)
    head = data[:8192]
    if not has_bom and head.count(0) > max(1, len(head) // 100):
        raise DecodeError("binary file (NUL bytes)")
    text, encoding = _decode(data, declared)
    if not _looks_textual(text):
        raise DecodeError("binary file (mostly control bytes)")
    return text, encoding


def _decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc.replace("-sig", "")
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {enc} after its byte-order mark") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared and (codec := _codec(declared)) not in (None, "utf-8"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            pass  # the claim is wrong: let detection decide
        else:
            if _looks_textual(text):
                return text, codec
    return _detect(data)


def _codec(label: str) -> str | None:
    """Python's name for a charset label, or None for an unknown or non-text one."""
    try:
        info = codecs.lookup(label.strip().strip("\"'"))
    except (LookupError, ValueError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    candidates = ["cp1252", *_JAPANESE]
    best = from_bytes(data, cp_isolation=candidates).best()
    if best is not None and best.encoding:
        text = str(best)
        if _looks_textual(text):
            return text, best.encoding
    # Detection failed: take the first candidate that decodes into plausible text.
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            continue
    # cp1252 text with a byte cp1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) is still
    # that text: when the rest reads as cp1252, the stray byte becomes U+FFFD.
    rest = data.translate(None, _CP1252_UNDEFINED)
    if rest != data:
        best = from_bytes(rest, cp_isolation=candidates).best()
        if best is not None and best.encoding == "cp1252":
            text = data.decode("cp1252", errors="replace")
            if _looks_textual(text):
                return text, "cp1252"
    raise DecodeError("undecodable bytes (not UTF-8, cp1252, Shift_JIS or EUC-JP text)")


_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ud800-\udfff\ufffd]")


def _looks_textual(text: str) -> bool:
    """Few control, private-use, surrogate or replacement characters outside escape sequences."""
    if not text:
        return False
    head = text[:20000]
    if _surely_clean(head):
        return True
    sample = _ESCAPES.sub("", head)
    if not sample:
        return True
    return len(_BINARY_CHARS.findall(sample)) / len(sample) <= MAX_BINARY_RATIO


def _surely_clean(text: str) -> bool:
    """A quick answer for most texts: no character of ``_BINARY_CHARS`` (so no escape
    sequence either). Every one of them is unprintable except U+FFFD, and the only other
    unprintable characters allowed are tab, newline, form feed and carriage return;
    ``str.isprintable`` reads a text at C speed. False: not known, look closer."""
    if "\ufffd" in text:
        return False
    for ch in "\t\n\x0c\r":
        text = text.replace(ch, "")
    return text.isprintable()


# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), DCS/SOS/PM/APC
# (ESC P|X|^|_ ... ST), and two-character escapes. Also the 8-bit C1 forms (U+009B CSI,
# U+009D OSC, ...). Every quantifier is bounded or over a disjoint class: linear time.
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?      # CSI
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?  # OSC, DCS, SOS, PM, APC
  | \x1b[\x20-\x2f]*[\x30-\x7e]?                             # other ESC sequences
    """,
    re.VERBOSE,
)

# Bidi embeddings, overrides and isolates, plus zero-width characters other than the
# joiner (ZWJ is part of emoji and some scripts; ZWNJ is meaningful in Persian, kept).
_INVISIBLE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff\u00ad]")
_ESCAPE_START = re.compile(r"[\x1b\x90-\x9f]")
# C0 (except tab and newline) and C1 controls, DEL.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Runs of two or more blanks, or any blank that is not a plain space.
_SPACES = re.compile(
    r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
)


def strip_controls(text: str) -> str:
    """Remove escape sequences, control characters, bidi controls and zero-width marks."""
    if _ESCAPE_START.search(text):
        text = _ESCAPES.sub("", text)
    text = _INVISIBLE.sub("", text)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """Full hygiene for a whole document: newlines normalised, NFC, controls stripped.

    Line structure is kept (paragraph splitting needs it); runs of spaces inside a
    line are folded by :func:`fold_line`.
    """
    text = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\u2028", "\n")
    )
    text = text.replace("\u2029", "\n\n").replace("\x85", "\n")
    text = unicodedata.normalize("NFC", text)
    return strip_controls(text)


def fold_line(text: str) -> str:
    """Fold runs of blanks (including no-break and ideographic spaces) to one space."""
    if text.isascii() and "\t" not in text and "  " not in text:
        return text.strip()  # the only ASCII blanks are space and tab: nothing to fold
    return _SPACES.sub(" ", text).strip()


def clean_inline(text: str) -> str:
    """Hygiene for a single-line value (a title, a source, a URL): one line, folded."""
    return fold_line(clean_text(text).replace("\n", " "))
