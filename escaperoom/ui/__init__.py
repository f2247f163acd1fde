"""The screen: the only part of the game that imports pygame.

``app`` (window and loop), ``scene`` (scene stack), ``widgets`` (button, text block, text field, card, choice
list, modal, badge), ``theme`` (colours and sizes), ``fonts`` (faces and text cache), ``icons``, ``pointer``
(mouse and touch as one), ``scripted`` (synthetic events, autoplay and the gallery, for demos and tests).
Importing this package does no work.
"""
