"""The game's own screens, one scene per module: title, setup, intro, room (the station map), hint, lock, pause,
facilitator overlays, resume error and end. The puzzle scenes live in ``escaperoom.ui.puzzles``; the debrief in
``escaperoom.ui.debrief_scenes``. ``escaperoom.ui.main`` starts the title scene."""
