"""natojp-tui: a terminal reader and quote browser for press releases and meeting readouts."""

__version__ = "0.1.0"
