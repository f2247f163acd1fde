"""The storage modules and the personal-data check belong to the pure core: importing them never imports pygame."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_journal_saves_and_pii_import_without_pygame_in_a_fresh_interpreter():
    code = (
        "import sys, escaperoom.storage.journal, escaperoom.storage.saves, escaperoom.play.pii; "
        "assert 'pygame' not in sys.modules, sorted(m for m in sys.modules if 'pygame' in m)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
