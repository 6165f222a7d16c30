"""Quotes: direct, partial and indirect, each pinned to its place and attributed."""

from natojp_tui.core.quotes.extract import extract_quotes

__all__ = ["extract_quotes"]
