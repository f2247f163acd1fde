"""The debrief core and the lifecycle command never import pygame (only the screens in escaperoom.ui.debrief do)."""

from __future__ import annotations

import subprocess
import sys


def test_the_debrief_modules_do_not_import_pygame():
    code = ("import sys, escaperoom.debrief, escaperoom.debrief.model, escaperoom.debrief.whatif, "
            "escaperoom.debrief.report, escaperoom.debrief.command, escaperoom.play.lifecycle; "
            "sys.exit('pygame' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
