"""The pure core: article model, parsing, quote and meeting extraction.

No I/O and no UI imports here: everything is a plain function on dataclasses, so the
core can be used as a library without Textual.
"""
