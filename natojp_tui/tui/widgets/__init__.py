"""Widgets of the reader: virtualised lists, the article body, timeline, quote detail."""
