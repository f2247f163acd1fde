"""The debrief on the big screen (1920x1080, readable from 4 m: body text >= 36 px, titles 72 px): the facilitator
walks the group through the teams' decisions for the intervisie. The data come from ``escaperoom.debrief``.

    sessions    choose the sessions (teams) to compare                 -> overview
    overview    teams with their counts, and the privacy compass        -> puzzle, timeline, sessions
    puzzle      per puzzle: items x teams grid, explanation, reasons and intervisie questions -> whatif
    timeline    one team's journal step by step (replay)
    whatif      flip one fact of a puzzle; changed verdicts framed and marked VERANDERT

One screen per module; their shared parts: ``data`` (DebriefData), ``base`` (layout, texts, the screen base and
the ``Navigator`` protocol), ``looks`` (icon + word for errors and verdicts), ``blocks`` (text that is shortened
or paged) and ``compass``. ``flow`` is the only module that names the next screen; ``run`` is the entry point of
``escaperoom debrief``. Every control is a big button (mouse, touch) and a key: arrows move, Tab/Shift+Tab walk
the buttons, Enter and Space activate, Esc goes back. Verdicts and errors always show an icon shape and a word,
never colour alone. What does not fit is paged — PgUp/PgDn, or a tap on the line that says "pagina 1 van 3" or
"nog 42 teams" — and never left out without a word; a name too long for its place is cut with '…'. The screen
texts are in assets/strings/nabespreking.toml. Importing this package does no work.
"""
