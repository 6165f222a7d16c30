"""Benchmark suite: a deterministic synthetic corpus and a runner for the performance table.

``python -m natojp_tui.bench corpus DIR --articles N`` writes a corpus;
``python -m natojp_tui.bench run [--articles N] [--json]`` measures every row.
"""
