"""The game's floor: one team playing one scenario. :mod:`.session` is the state machine, :mod:`.state` turns it
into a save and back, :mod:`.records` is the journal's vocabulary (written by the game, read by the debrief),
:mod:`.fingerprint` the content hash a journal carries, :mod:`.outcome` the end screen's facts, :mod:`.recorder`
wires a session to disk, :mod:`.lifecycle` deletes sessions and :mod:`.pii` spots personal data in typed text.
Pure (no pygame).
"""
