"""The people registry: who an article names, with roles, aliases and every mention."""

from natojp_tui.core.people.build import build_registry
from natojp_tui.core.people.merge import merge_people
from natojp_tui.core.people.names import ParsedRun, canonical_order, parse_run, slugify
from natojp_tui.core.people.registry import Mention, PeopleRegistry
from natojp_tui.core.people.roles import role_display, role_key

__all__ = [
    "Mention",
    "ParsedRun",
    "PeopleRegistry",
    "build_registry",
    "canonical_order",
    "merge_people",
    "parse_run",
    "role_display",
    "role_key",
    "slugify",
]
