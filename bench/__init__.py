"""Benchmark data for duplicate-report matching: synthetic surges with known truth, the pair
scorer, and naive baselines to beat.

Nothing here touches the database or the Django app; it only borrows the demo's synthetic
screenshot helper, so the benchmark runs from a plain Python process.
"""
