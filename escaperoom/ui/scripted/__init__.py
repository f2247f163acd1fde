"""Scripted drivers: code that plays the real screens the way a team would, for the demo, the screenshots, the
benchmarks and the tests. ``events`` builds synthetic input (click, tap, drag, key, typing), ``autoplay`` plays a
whole game (``escaperoom --autoplay``), ``gallery`` puts every game screen on the stack in a typical state.
Production screens never import this package. Importing it does no work."""
