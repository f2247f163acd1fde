"""Pydantic's ``ValidationError`` in Dutch: problems a trainer can act on, and sentences about a saved state.

The public API: :func:`problems_from_validation` and :func:`content_error_from_validation` (a content file: key
path, line and a hint, used by the loader and ``escaperoom check``), :func:`state_problem` and
:func:`quote_value` (a saved game state: ``play.state.from_state`` and the recorder) and :func:`did_you_mean`
(also for the loader's cross-reference checks). Inside: ``translate`` (the entry points), ``finding`` (one
error normalised), the phrasebooks ``content_words`` and ``state_words``, ``values``, ``model_walk``, ``suggest``.
"""

from escaperoom.content.diagnostics.finding import AllowedKeys
from escaperoom.content.diagnostics.state_words import quote_value
from escaperoom.content.diagnostics.suggest import did_you_mean
from escaperoom.content.diagnostics.translate import (
    content_error_from_validation,
    problems_from_validation,
    state_problem,
)

__all__ = [
    "AllowedKeys",
    "content_error_from_validation",
    "did_you_mean",
    "problems_from_validation",
    "quote_value",
    "state_problem",
]
