"""Content: scenarios and puzzles written in TOML by trainers, loaded into typed models and cross-checked.

Public API: :func:`escaperoom.content.loader.load_scenario`, :func:`escaperoom.content.loader.load_each`, the
models in :mod:`escaperoom.content.models`. Content judges nothing: it never imports the rule engine or the puzzle
kinds; judging a loaded scenario is :mod:`escaperoom.kinds.judging`, one step above.
"""
