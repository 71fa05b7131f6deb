"""Integrity checks: every translation keeps its English source's facts, structure and safety.

`run.check_project()` runs them all and returns every finding; nothing stops at the first.
"""
