"""The rule engine: legal provisions as data (``law/*.toml``), reasoning as code (``engine.py``).

Public API: :func:`load_lawbook`, :func:`evaluate`, :class:`Request`, :class:`DataItem`, :class:`Verdict`.
"""

from escaperoom.rules.engine import evaluate, evaluate_item
from escaperoom.rules.facts import Category, Consent, DataItem, Decision, Request
from escaperoom.rules.lawbook import LawBook, Provision, load_lawbook
from escaperoom.rules.verdict import TraceStep, Verdict

__all__ = [
    "Category", "Consent", "DataItem", "Decision", "LawBook", "Provision", "Request", "TraceStep", "Verdict",
    "evaluate", "evaluate_item", "load_lawbook",
]
