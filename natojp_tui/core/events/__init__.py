"""Meetings, signings, visits and other events an article says happened (pure)."""

from natojp_tui.core.events.extract import extract_events
from natojp_tui.core.events.visits import VisitMention, extract_visit_mentions
from natojp_tui.core.text.sentences import split_sentences

__all__ = ["VisitMention", "extract_events", "extract_visit_mentions", "split_sentences"]
