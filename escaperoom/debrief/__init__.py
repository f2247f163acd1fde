"""The debrief (nabespreking): team sessions from several laptops side by side, for the facilitator's intervisie.

Pure (no pygame); the big-screen scenes are in ``escaperoom.ui.debrief``. Public API::

    load_sessions(paths) -> SessionSet              read journals; broken ones listed with a Dutch reason
    build_debrief(sessions) / build_debriefs(set)   aggregate one casus: spread, division, reasons, compass
    whatif_for(debrief, puzzle_id) -> WhatIf        flip one fact, see which verdicts change
    write_html(debriefs, path) / write_csv(...)     the reports (``escaperoom debrief PAD --html/--csv``)
"""

from escaperoom.debrief.model import (
    Broken,
    Debrief,
    Duplicate,
    PuzzleSummary,
    SessionSet,
    TeamSession,
    build_debrief,
    build_debriefs,
    load_sessions,
    read_session,
)
from escaperoom.debrief.report import CSV_COLUMNS, render_html, write_csv, write_html
from escaperoom.debrief.whatif import Toggle, WhatIf, whatif_for

__all__ = [
    "CSV_COLUMNS", "Broken", "Debrief", "Duplicate", "PuzzleSummary", "SessionSet", "TeamSession", "Toggle",
    "WhatIf", "build_debrief", "build_debriefs", "load_sessions", "read_session", "render_html", "whatif_for",
    "write_csv", "write_html",
]
