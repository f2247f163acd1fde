"""Privacy Escape Room: a team escape room about sharing personal data in the Dutch social domain.

The pure core (content, rules, session, journal, debrief) lives in this package and never imports pygame;
only ``escaperoom.ui`` draws. See README.md for the map of modules.
"""

__version__ = "0.1.0"
