"""The game's own screens, one scene per module: title, setup, intro, room (the station map), hint, lock, pause,
facilitator overlays, resume error and end; ``base`` and ``game`` are what they share. The puzzle scenes live in
``escaperoom.ui.puzzles``, the debrief in ``escaperoom.ui.debrief``. No screen imports another: they ask
``game.flow`` (``escaperoom.ui.flow``) for the next one. ``escaperoom.ui.main`` starts on the title scene."""
