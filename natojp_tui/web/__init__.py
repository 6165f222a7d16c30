"""The web edge: polite HTTP fetches, feeds, URL safety (core stays pure, store stays the only writer)."""
