"""Reading TOML content files robustly: bytes → text → data, with Dutch errors and line numbers for key paths.

The public API, used by the content loader and ``escaperoom check``: :func:`read_toml` and :func:`parse_toml`
give a :class:`TomlDocument` (``data``, ``text``, ``line_of(key_path)``) or raise a :class:`ContentError` with
one Dutch problem; :func:`format_key_path` writes a key path as ``puzzels[2].titel``. Inside: ``files`` (bytes
from disk), ``encoding`` (bytes → text), ``document`` (text → data), ``scanner`` (the line of every key path),
``toml_errors`` (tomllib's messages in Dutch) and ``keypath``.
"""

from escaperoom.content.source.document import TomlDocument, parse_toml, read_toml
from escaperoom.content.source.keypath import KeyPath, format_key_path

__all__ = ["KeyPath", "TomlDocument", "format_key_path", "parse_toml", "read_toml"]
