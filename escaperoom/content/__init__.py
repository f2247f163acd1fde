"""Content: scenarios and puzzles written in TOML by trainers, loaded into typed models and checked.

Public API: :func:`escaperoom.content.loader.load_scenario`, :func:`escaperoom.content.loader.load_many`,
the models in :mod:`escaperoom.content.models`.
"""
