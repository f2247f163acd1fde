"""The limits ``escaperoom check`` enforces on a content file, each a named constant with its reason.

Used by the file reader (``content/source``: size, nesting, number of entries) and by the content models
(``content/models.py``: text lengths, list sizes, the characters of ids, rewards and image paths).
"""

from __future__ import annotations

__all__ = ["MAX_FILE_BYTES", "MAX_DEPTH"]

# ---------------------------------------------------------------------------------------------------- the file

MAX_FILE_BYTES = 5_000_000
"""A scenario is a few tens of kB (henk.toml: 30 kB); 5 MB is refused before it is read, so a wrong file (a video,
a database dump) never fills the memory of a training laptop."""

MAX_DEPTH = 64
"""Content needs a handful of levels (``puzzels[2].verzoeken[0].toestemming`` is five); 64 is plenty."""
