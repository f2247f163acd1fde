"""The screen: the only part of the game that imports pygame.

``app`` (window and loop), ``scene`` (scene stack), ``context`` (what every screen needs: text cache, strings,
language, law book), ``draw`` (the one text helper and panel), ``widgets`` (button, text block, text field, card,
choice list, modal, badge; ``Pressable``), ``theme`` (colours and sizes), ``fonts`` (faces and text cache),
``icons``, ``pointer`` (mouse and touch as one), ``hud``; the screens: ``scenes`` (the game's), ``puzzles``,
``debrief``, with ``flow`` (and ``debrief.flow``) the only modules that name the next screen; ``main`` starts the
game; ``scripted`` (synthetic events, autoplay, the puzzle drivers and the gallery, for demos and tests).
Importing this package does no work.
"""
