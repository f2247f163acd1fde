"""The reasoning of the rule engine, one module per rule group, in the order the engine runs them (``engine.STEPS``).

Each module names the rules (R01–R20 of kennisbank §8.2) and the articles it implements; the words it uses are in
``rules/uitleg.toml``. Every step function takes a :class:`~escaperoom.rules.steps.run.Run` and returns a verdict
(it decides), ``None`` (it does not apply; the next step looks) or :data:`~escaperoom.rules.steps.run.STOP`.
"""
