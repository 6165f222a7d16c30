"""Screens of the reader: quote search, quote browser, help, copy format, export."""
