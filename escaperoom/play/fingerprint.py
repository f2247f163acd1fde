"""The fingerprint of what a team played: a short hash of the scenario's text and of the law files that decide its
verdicts. The recorder writes it into the journal's start record (``inhoud_hash``); the debrief compares it with
the content on its own computer. Pure (no pygame)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from escaperoom.kinds.judging import Judged
from escaperoom.rules.lawbook import LAW_DIR


def law_files(law_dir: Path = LAW_DIR) -> list[Path]:
    """The files that decide the verdicts: ``rules/*.toml`` (roles, facts) and ``rules/law/*.toml``, sorted by
    their path below ``rules/``."""
    rules = law_dir.parent
    return sorted([*rules.glob("*.toml"), *law_dir.glob("*.toml")], key=lambda p: p.relative_to(rules).as_posix())


def _normalised_text(path: Path) -> str:
    """A file's text as the hash sees it: BOM removed and line endings as ``\\n``, so a Windows checkout of the
    same law hashes the same."""
    try:
        data = path.read_bytes()
    except OSError:
        return "<onleesbaar>"
    return data.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")


def content_hash(loaded: Judged, law_dir: Path = LAW_DIR) -> str:
    """A short hash of the scenario's text and of the law files that decide its verdicts (see :func:`law_files`):
    the debrief can tell whether teams played the same content under the same law. A file with two levels
    (``content/levels.py``) hashes each level apart."""
    digest = hashlib.sha256()
    digest.update(b"casus\0" + loaded.doc.text.encode("utf-8"))
    if loaded.leveled and loaded.level:  # the levels of one file are different games
        digest.update(b"\0niveau\0" + loaded.level.encode("utf-8"))
    rules = law_dir.parent
    for path in law_files(law_dir):
        digest.update(b"\0" + path.relative_to(rules).as_posix().encode("utf-8") + b"\0")
        digest.update(_normalised_text(path).encode("utf-8"))
    return digest.hexdigest()[:16]
