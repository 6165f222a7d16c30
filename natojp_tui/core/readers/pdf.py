"""PDF files (ministries publish readouts as PDF): the text layer, read with pypdf.

Works on bytes already in memory (no I/O). The text is handed to the plain-text
reader; a PDF whose pages carry no text (a scan) is refused with a one-line reason.
"""

from __future__ import annotations

import io
import logging

MAX_PAGES = 500  # far above any readout; a bigger document is not an article


class PdfError(ValueError):
    """The PDF cannot be read as an article; the message says why in a few words."""


def is_pdf(data: bytes) -> bool:
    """True when the bytes open like a PDF file (``%PDF-`` within the first KiB)."""
    return b"%PDF-" in data[:1024]


def pdf_text(data: bytes) -> str:
    """The text layer of every page, pages separated by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged files warn per object
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not _try_empty_password(reader):
            raise PdfError("encrypted PDF (a password is needed to read its text)")
        pages = reader.pages
        if len(pages) > MAX_PAGES:
            raise PdfError(f"PDF of {len(pages)} pages (the limit is {MAX_PAGES})")
        texts = [(page.extract_text() or "").strip() for page in pages]
    except PdfError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise PdfError(f"not a readable PDF ({type(exc).__name__}: {exc})") from exc
    except RecursionError as exc:
        raise PdfError("not a readable PDF (objects nested too deeply)") from exc
    text = "\n\n".join(paragraphs(t) for t in texts if t)
    if not text.strip():
        raise PdfError(
            f"PDF without a text layer ({len(texts)} page{'s' if len(texts) != 1 else ''}, "
            "images only; run OCR on it first)"
        )
    return text


_ENDS_SENTENCE = (".", "!", "?", ":", "。", "」", "”", '"', "’")


def paragraphs(page: str) -> str:
    """Blank lines between paragraphs where the text layer gives none.

    A PDF's text layer has one line per printed line and often no blank line between
    paragraphs; a line ending a sentence, or one much shorter than the page's usual
    line (a heading, a paragraph's last line), ends a paragraph.
    """
    if "\n\n" in page:
        return page
    lines = [ln.rstrip() for ln in page.split("\n")]
    widths = sorted(len(ln) for ln in lines if ln.strip())
    if not widths:
        return ""
    usual = widths[len(widths) * 3 // 4]
    out: list[str] = []
    for ln in lines:
        out.append(ln)
        bare = ln.strip()
        if bare.endswith(_ENDS_SENTENCE) or len(bare) < 0.6 * usual:
            out.append("")
    return "\n".join(out)


def _try_empty_password(reader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:
        return False
