"""The debrief on the big screen (1920x1080, readable from 4 m: body text >= 36 px, titles 72 px): the facilitator
walks the group through the teams' decisions for the intervisie. The data come from ``escaperoom.debrief``.

    sessions    choose the sessions (teams) to compare                 -> overview
    overview    teams with their figures, and the privacy compass       -> puzzle, agreements, timeline, sessions
    puzzle      per puzzle: items x teams grid, explanation, reasons and intervisie questions -> whatif, agreements
    timeline    one team's journal step by step (replay)
    whatif      flip one fact of a puzzle; changed verdicts framed and marked VERANDERT
    agreements  the group's agreements (werkafspraken): the list, and the form to add one

One screen per module; their shared parts: ``data`` (DebriefData), ``base`` (layout, texts, the screen base and
the ``Navigator`` protocol), ``keys`` (the keys shown on every screen), ``panel`` (the facilitator's panel),
``looks`` (icon + word for errors and verdicts), ``blocks`` (text that is shortened or paged), ``grid`` (the
puzzle's decisions grid), ``compass`` and ``agreement_form``. ``flow`` is the only module that names the next
screen; ``run`` is the entry point of ``escaperoom debrief``. Every control is a big button (mouse, touch) and a
key, the same on every screen and shown on it: Up/Down move in the list on the screen, Left/Right change what the
list is about (the puzzle; in the timeline the team), Tab/Shift+Tab walk the buttons, Enter and Space activate, Esc
goes back, F9 (or B) opens the facilitator's panel — closed by default, so the projected screen shows only what the
group may see. Six teams fit one page at 1080p with their full names; what does not fit is paged — PgUp/PgDn, or a
tap on "[PgDn] pagina 1 van 3" — and never left out without a word. Verdicts and errors always show an icon shape
and a word, never colour alone. The screen texts are in assets/strings/nabespreking.toml. Importing this package
does no work.
"""
