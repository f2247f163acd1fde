"""The storage layer: the append-only decision journal (:mod:`.journal`) and the atomic game-state saves with the
per-session folders (:mod:`.saves`). Written by :mod:`escaperoom.play.recorder`, read by the debrief and the start
screen. Pure (no pygame); it knows files and bytes, not what a record means (that is :mod:`escaperoom.play.records`).
"""
